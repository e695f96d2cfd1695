"""The command-line options of the server, shared by ``python -m server`` and ``kg serve``.

One table, :data:`OPTIONS`: each row is a flag, the :class:`ServerConfig` field it sets (none
for ``--host`` and ``--port``), its type, default (from :mod:`server.config`) and help, so
both commands offer the same flags with the same defaults, and a new setting is one row.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import config as c

TOKEN_ENV = "SPARQL_UPDATE_TOKEN"


@dataclass(frozen=True)
class Option:
    """One flag: how argparse reads it and which configuration field it sets."""

    flag: str
    field: str | None  # the ServerConfig field; None: not part of the configuration
    type: Callable[[str], Any] | None = None
    default: Any = None
    help: str | None = None
    metavar: str | None = None
    action: str | None = None
    convert: Callable[[Any], Any] | None = None  # parsed value -> field value

    @property
    def dest(self) -> str:
        return self.flag.lstrip("-").replace("-", "_")


def _token(value: str | None) -> str | None:
    return value or os.environ.get(TOKEN_ENV) or None


OPTIONS: tuple[Option, ...] = (
    Option("--host", None, str, "127.0.0.1"),
    Option("--port", None, int, 8000),
    Option("--timeout", "timeout", float, c.DEFAULT_TIMEOUT_S,
           "seconds a query or update may run (default %(default)s)"),
    Option("--update-token", "update_token", None, None,
           f"enable SPARQL Update with this bearer token (or ${TOKEN_ENV})", convert=_token),
    Option("--row-limit", "row_limit", int, c.DEFAULT_ROW_LIMIT),
    Option("--workers", "heavy_executors", int, c.DEFAULT_HEAVY_EXECUTORS,
           "query executor processes of the general lane (default %(default)s)"),
    Option("--front-workers", "front_workers", int, c.DEFAULT_FRONT_WORKERS,
           "HTTP front processes (default %(default)s)"),
    Option("--in-memory-mb", "in_memory_mb", int, c.DEFAULT_IN_MEMORY_MB,
           "data whose snapshot is at most this large is read into memory by each process; "
           "larger data is read from disk (default %(default)s)", "MiB"),
    Option("--cheap-workers", "cheap_executors", int, c.DEFAULT_CHEAP_EXECUTORS,
           "executors kept for queries known to be fast (default %(default)s)"),
    Option("--query-memory", "query_memory_mb", int, c.DEFAULT_QUERY_MEMORY_MB,
           "memory one operation may use before it is stopped (default %(default)s)", "MiB"),
    Option("--executor-private", "executor_private_mb", int, c.DEFAULT_EXECUTOR_PRIVATE_MB,
           "replace an executor (after its operation) once it has copied this much of the "
           "shared store; 0: never (default %(default)s; costs speed on large graphs)", "MiB"),
    Option("--client-seconds", "client_seconds", float, c.DEFAULT_CLIENT_SECONDS,
           "query time per client address per minute (default %(default)s)", "S"),
    Option("--client-concurrent", "client_concurrent", int, c.DEFAULT_CLIENT_CONCURRENT,
           "operations at once per client address (default %(default)s)", "N"),
    Option("--queue", "queue", int, c.DEFAULT_QUEUE,
           "operations that may wait for an executor; more get 503 (default %(default)s)", "N"),
    Option("--header-timeout", "header_timeout_s", float, c.DEFAULT_HEADER_TIMEOUT_S,
           "seconds a client may take to send the request head (default %(default)s)", "S"),
    Option("--body-timeout", "body_timeout_s", float, c.DEFAULT_BODY_TIMEOUT_S,
           "seconds a client may take to send the body, at >= 1 KiB/s (default %(default)s)",
           "S"),
    Option("--send-timeout", "send_timeout_s", float, c.DEFAULT_SEND_TIMEOUT_S,
           "seconds a client may take to read each 64 KiB of an answer; then the "
           "connection is dropped (default %(default)s)", "S"),
    Option("--client-answer-mb", "client_answer_mb", int, c.DEFAULT_CLIENT_ANSWER_MB,
           "answers not yet read that one address may have held in a front; beyond: 429 "
           "(default %(default)s)", "MiB"),
    Option("--state-dir", "state_dir", Path, None,
           "where the update journal lives (default: .seckg-state beside the data)"),
    Option("--service-allow", "service_allowlist", None, [],
           "allow SERVICE to this IRI (repeatable; none by default)", "IRI", "append", tuple),
    Option("--max-body", "max_body_bytes", int, c.DEFAULT_MAX_BODY_BYTES,
           "largest accepted request body in bytes"),
    Option("--no-cache", "response_cache", None, None, "disable the response cache",
           action="store_true", convert=lambda off: not off),
    Option("--rate-limit", "rate_limit", float, None,
           "requests per second per client IP (default: no limit); 429 beyond it", "RPS"),
    Option("--rate-burst", "rate_burst", int, None,
           "requests a client may make at once above the rate (default: one second's worth)",
           "N"),
)  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    for option in OPTIONS:
        given = {
            "type": option.type,
            "default": option.default,
            "help": option.help,
            "metavar": option.metavar,
            "action": option.action,
        }
        if option.action == "store_true":
            given.pop("type")
            given.pop("default")
        parser.add_argument(option.flag, **{k: v for k, v in given.items() if v is not None})


def config_from(args: argparse.Namespace, **extra: Any) -> c.ServerConfig:
    """The :class:`ServerConfig` the parsed options describe (plus command-specific fields)."""
    fields: dict[str, Any] = {}
    for option in OPTIONS:
        if option.field is not None:
            value = getattr(args, option.dest)
            fields[option.field] = option.convert(value) if option.convert else value
    fields.update(extra)
    if fields.get("store_url"):
        fields["response_cache"] = False  # the remote data can change behind our back
    return c.ServerConfig(**fields)
