"""``python -m server FILES...``: run the SPARQL endpoint from the command line.

The update token may come from the ``SPARQL_UPDATE_TOKEN`` environment variable instead of
``--update-token``, which keeps it out of the process list. Options: :mod:`server.options`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import options
from .data.loader import DataLoadError
from .execution import allocator
from .serve import serve


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m server", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path, help="RDF files (TriG, N-Quads, ...)")
    options.add_arguments(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if argv is None:  # the process's own command line: may restart on mimalloc
        allocator.reexec_with_allocator()
    try:
        serve(options.config_from(args, files=tuple(args.files)), args.host, args.port)
    except (DataLoadError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
