"""``python -m server FILES...``: run the SPARQL endpoint from the command line.

The update token may come from the ``SPARQL_UPDATE_TOKEN`` environment variable instead of
``--update-token``, which keeps it out of the process list.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .config import DEFAULT_MAX_BODY_BYTES, DEFAULT_ROW_LIMIT, DEFAULT_TIMEOUT_S
from .loader import DataLoadError
from .serve import serve

TOKEN_ENV = "SPARQL_UPDATE_TOKEN"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m server", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path, help="RDF files (TriG, N-Quads, ...)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        help="seconds a query or update may run (default %(default)s)",
    )
    parser.add_argument(
        "--update-token",
        default=os.environ.get(TOKEN_ENV),
        help=f"enable SPARQL Update with this bearer token (or ${TOKEN_ENV})",
    )
    parser.add_argument("--row-limit", type=int, default=DEFAULT_ROW_LIMIT)
    parser.add_argument("--workers", type=int, default=2)
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
        default=DEFAULT_MAX_BODY_BYTES,
        help="largest accepted request body in bytes",
    )
    parser.add_argument("--no-cache", action="store_true", help="disable the response cache")
    parser.add_argument(
        "--rate-limit",
        type=float,
        default=None,
        metavar="RPS",
        help="requests per second per client IP, per worker process (default: no limit)",
    )
    parser.add_argument(
        "--rate-burst",
        type=int,
        default=None,
        metavar="N",
        help="requests a client may make at once above the rate (default: one second's worth)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        serve(
            args.files,
            host=args.host,
            port=args.port,
            timeout=args.timeout,
            update_token=args.update_token or None,
            row_limit=args.row_limit,
            service_allowlist=tuple(args.service_allow),
            workers=args.workers,
            response_cache=not args.no_cache,
            max_body_bytes=args.max_body,
            rate_limit=args.rate_limit,
            rate_burst=args.rate_burst,
        )
    except (DataLoadError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
