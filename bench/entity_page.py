"""Where the time and the bytes of an entity page go (the busiest pages of the live corpus).

Builds the real app in process (``create_app`` over ``dist/dataset.nq`` with
``response_cache=False``: no page cache, every request renders) and, for each page, reports
the time to render it (the least of ``--rounds``), its size, and how much of the size is the
embedded JSON-LD, the SVG pictures and the rest (the fact list); ``--profile`` adds where the
time goes, by function of ``server/lod`` (cProfile, cumulative). On a shared machine other
jobs only ever add time, hence the least of several runs. Usage::

    kg build && python bench/entity_page.py                 # the busiest pages
    python bench/entity_page.py --path /doc/id/russia --rounds 3
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server import ServerConfig, create_app  # noqa: E402

PAGES = (
    "/doc/id/armenia",
    "/doc/id/russia",
    "/doc/id/azerbaijan",
    "/doc/id/csto",
    "/doc/id/nikol-pashinyan",
    "/doc/id/deal/france-armenia-caesar-2024",
)
PARTS = {
    "json-ld": re.compile(r'<script type="application/ld\+json">.*?</script>', re.S),
    "svg": re.compile(r"<svg.*?</svg>", re.S),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=Path("dist"))
    parser.add_argument("--path", action="append", help="a page (default: the busiest)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="where the time goes, by function")
    args = parser.parse_args()
    config = ServerConfig(
        files=(args.dist / "dataset.nq",), response_cache=False, dist_dir=args.dist
    )
    app = create_app(config)
    client = app.test_client()
    for path in args.path or PAGES:
        best = float("inf")
        body = b""
        for _ in range(args.rounds):
            started = time.perf_counter()
            response = client.get(path)
            best = min(best, time.perf_counter() - started)
            body = response.data
        text = body.decode()
        sizes = {name: sum(map(len, rx.findall(text))) for name, rx in PARTS.items()}
        facts = text.count('<li class="fact')
        print(f"{path}: {best * 1000:.0f} ms, {len(body) / 1024:.0f} KiB, {facts} facts")
        for name, size in sizes.items():
            print(f"  {name:8} {size / 1024:6.0f} KiB ({size / max(len(text), 1):.0%})")
        rest = len(text) - sum(sizes.values())
        print(f"  {'rest':8} {rest / 1024:6.0f} KiB ({rest / max(len(text), 1):.0%})")
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(client.get, path)
            out = io.StringIO()
            stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
            stats.print_stats(r"server/lod|pyoxigraph|jinja2/environment", 25)
            print("\n".join(out.getvalue().splitlines()[6:40]))


if __name__ == "__main__":
    main()
