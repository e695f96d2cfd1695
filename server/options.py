"""The command-line options of the server, shared by ``python -m server`` and ``kg serve``.

One definition, so both commands offer the same flags with the same defaults (which come
from :mod:`server.config`).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from . import config as c

TOKEN_ENV = "SPARQL_UPDATE_TOKEN"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--timeout",
        type=float,
        default=c.DEFAULT_TIMEOUT_S,
        help="seconds a query or update may run (default %(default)s)",
    )
    parser.add_argument(
        "--update-token",
        default=None,
        help=f"enable SPARQL Update with this bearer token (or ${TOKEN_ENV})",
    )
    parser.add_argument("--row-limit", type=int, default=c.DEFAULT_ROW_LIMIT)
    parser.add_argument(
        "--workers",
        type=int,
        default=c.DEFAULT_HEAVY_EXECUTORS,
        help="query executor processes of the general lane (default %(default)s)",
    )
    parser.add_argument(
        "--front-workers",
        type=int,
        default=c.DEFAULT_FRONT_WORKERS,
        help="HTTP front processes (default %(default)s)",
    )
    parser.add_argument(
        "--in-memory-mb",
        type=int,
        default=c.DEFAULT_IN_MEMORY_MB,
        metavar="MiB",
        help="data whose snapshot is at most this large is read into memory by each process; "
        "larger data is read from disk (default %(default)s)",
    )
    parser.add_argument(
        "--cheap-workers",
        type=int,
        default=c.DEFAULT_CHEAP_EXECUTORS,
        help="executors kept for queries known to be fast (default %(default)s)",
    )
    parser.add_argument(
        "--query-memory",
        type=int,
        default=c.DEFAULT_QUERY_MEMORY_MB,
        metavar="MiB",
        help="memory one operation may use before it is stopped (default %(default)s)",
    )
    parser.add_argument(
        "--executor-private",
        type=int,
        default=c.DEFAULT_EXECUTOR_PRIVATE_MB,
        metavar="MiB",
        help="replace an executor (after its operation) once it has copied this much of the "
        "shared store; 0: never (default %(default)s; costs speed on large graphs)",
    )
    parser.add_argument(
        "--client-seconds",
        type=float,
        default=c.DEFAULT_CLIENT_SECONDS,
        metavar="S",
        help="query time per client address per minute (default %(default)s)",
    )
    parser.add_argument(
        "--client-concurrent",
        type=int,
        default=c.DEFAULT_CLIENT_CONCURRENT,
        metavar="N",
        help="operations at once per client address (default %(default)s)",
    )
    parser.add_argument(
        "--queue",
        type=int,
        default=c.DEFAULT_QUEUE,
        metavar="N",
        help="operations that may wait for an executor; more get 503 (default %(default)s)",
    )
    parser.add_argument(
        "--header-timeout",
        type=float,
        default=c.DEFAULT_HEADER_TIMEOUT_S,
        metavar="S",
        help="seconds a client may take to send the request head (default %(default)s)",
    )
    parser.add_argument(
        "--body-timeout",
        type=float,
        default=c.DEFAULT_BODY_TIMEOUT_S,
        metavar="S",
        help="seconds a client may take to send the body, at >= 1 KiB/s (default %(default)s)",
    )
    parser.add_argument(
        "--send-timeout",
        type=float,
        default=c.DEFAULT_SEND_TIMEOUT_S,
        metavar="S",
        help="seconds a client may take to read each 64 KiB of an answer; then the "
        "connection is dropped (default %(default)s)",
    )
    parser.add_argument(
        "--client-answer-mb",
        type=int,
        default=c.DEFAULT_CLIENT_ANSWER_MB,
        metavar="MiB",
        help="answers not yet read that one address may have held in a front; beyond: 429 "
        "(default %(default)s)",
    )
    parser.add_argument(
        "--state-dir",
        type=Path,
        default=None,
        help="where the update journal lives (default: .seckg-state beside the data)",
    )
    parser.add_argument(
        "--service-allow",
        action="append",
        default=[],
        metavar="IRI",
        help="allow SERVICE to this IRI (repeatable; none by default)",
    )
    parser.add_argument(
        "--max-body",
        type=int,
        default=c.DEFAULT_MAX_BODY_BYTES,
        help="largest accepted request body in bytes",
    )
    parser.add_argument("--no-cache", action="store_true", help="disable the response cache")
    parser.add_argument(
        "--rate-limit",
        type=float,
        default=None,
        metavar="RPS",
        help="requests per second per client IP (default: no limit); 429 beyond it",
    )
    parser.add_argument(
        "--rate-burst",
        type=int,
        default=None,
        metavar="N",
        help="requests a client may make at once above the rate (default: one second's worth)",
    )


def config_from(args: argparse.Namespace, **extra: Any) -> c.ServerConfig:
    """The :class:`ServerConfig` the parsed options describe (plus command-specific fields)."""
    fields: dict[str, Any] = {
        "timeout": args.timeout,
        "update_token": args.update_token or os.environ.get(TOKEN_ENV) or None,
        "row_limit": args.row_limit,
        "service_allowlist": tuple(args.service_allow),
        "heavy_executors": args.workers,
        "cheap_executors": args.cheap_workers,
        "front_workers": args.front_workers,
        "in_memory_mb": args.in_memory_mb,
        "query_memory_mb": args.query_memory,
        "executor_private_mb": args.executor_private,
        "client_seconds": args.client_seconds,
        "client_concurrent": args.client_concurrent,
        "queue": args.queue,
        "header_timeout_s": args.header_timeout,
        "body_timeout_s": args.body_timeout,
        "send_timeout_s": args.send_timeout,
        "client_answer_mb": args.client_answer_mb,
        "state_dir": args.state_dir,
        "max_body_bytes": args.max_body,
        "response_cache": not args.no_cache,
        "rate_limit": args.rate_limit,
        "rate_burst": args.rate_burst,
    }
    fields.update(extra)
    if fields.get("store_url"):
        fields["response_cache"] = False  # the remote data can change behind our back
    return c.ServerConfig(**fields)
