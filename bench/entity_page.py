"""Where the time, the queries and the bytes of an entity page go (the busiest pages).

Builds the real app (``create_app`` over ``dist/dataset.nq`` with ``response_cache=False``:
no page cache, every request renders) in a worker process per code tree and, for each page,
reports the time to render it (the least of ``--rounds``), the number of store queries the
render ran (``Store.query`` calls, counted by a proxy around the store), its size, and how
much of the size is the embedded JSON-LD, the SVG pictures and the rest (the fact list).

``--baseline REF`` exports an earlier commit with ``git archive`` and renders every page with
both trees in turn (base, ours, base, ours, …), so that the shared machine's other load falls
on both alike; the least time of each side is compared. ``--profile`` adds where our tree's
time goes, by function of ``server/lod`` (cProfile, cumulative). Usage::

    kg build && python bench/entity_page.py                  # the busiest pages
    python bench/entity_page.py --baseline main --rounds 5   # before/after, interleaved
    python bench/entity_page.py --path /doc/id/russia --rounds 3 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

PAGES = (
    "/doc/id/armenia",
    "/doc/id/russia",
    "/doc/id/azerbaijan",
    "/doc/id/csto",
    "/doc/id/nikol-pashinyan",
    "/doc/id/deal/france-armenia-caesar-2024",
    "/doc/id/tenure/pashinyan-armenia-prime-minister",
    "/doc/id/article/109_7009c203643feccc",
)
PARTS = {
    "json-ld": re.compile(r'<script type="application/ld\+json">.*?</script>', re.S),
    "svg": re.compile(r"<svg.*?</svg>", re.S),
}


class CountingStore:
    """The store with its ``query`` calls counted; everything else passed through."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.queries = 0

    def query(self, *args: Any, **kwargs: Any) -> Any:
        self.queries += 1
        return self._store.query(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _client(root: Path, dist: Path) -> tuple[Any, CountingStore]:
    """A test client of ``root``'s app over ``dist``, and its counting store."""
    sys.path.insert(0, str(root))
    from server import ServerConfig, create_app
    from server.data.dataset import Dataset
    from server.data.loader import load_files

    config = ServerConfig(files=(dist / "dataset.nq",), response_cache=False, dist_dir=dist)
    loaded = load_files(list(config.files))
    counting = CountingStore(loaded.store)
    app = create_app(config, dataset=Dataset(counting, loaded.version))
    return app.test_client(), counting


def worker(root: Path, dist: Path) -> None:
    """Render each path read from stdin once; one JSON line per page on stdout."""
    client, counting = _client(root, dist)
    for line in sys.stdin:
        path = line.strip()
        before = counting.queries
        started = time.perf_counter()
        response = client.get(path)
        seconds = time.perf_counter() - started
        text = response.data.decode()
        row = {
            "seconds": seconds,
            "queries": counting.queries - before,
            "bytes": len(response.data),
            "facts": text.count('<li class="fact'),
            "parts": {name: sum(map(len, rx.findall(text))) for name, rx in PARTS.items()},
        }
        print(json.dumps(row), flush=True)


def _start(root: Path, dist: Path) -> subprocess.Popen[str]:
    command = [sys.executable, __file__, "--worker", str(root), "--dist", str(dist)]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def _ask(proc: subprocess.Popen[str], path: str) -> dict[str, Any]:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(path + "\n")
    proc.stdin.flush()
    line = proc.stdout.readline()
    if not line:
        raise RuntimeError(f"the worker died rendering {path}")
    return dict(json.loads(line))


def _export(ref: str, into: Path) -> Path:
    """The tree of commit ``ref`` under ``into`` (``git archive``)."""
    data = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def _report(path: str, sides: dict[str, dict[str, Any]]) -> None:
    for name, row in sides.items():
        size = row["bytes"]
        print(
            f"{path} [{name}]: {row['seconds'] * 1000:.0f} ms, {row['queries']} queries, "
            f"{size / 1024:.0f} KiB, {row['facts']} facts"
        )
    row = sides["ours"]
    text_size = max(row["bytes"], 1)
    for name, size in row["parts"].items():
        print(f"  {name:8} {size / 1024:6.0f} KiB ({size / text_size:.0%})")
    rest = row["bytes"] - sum(row["parts"].values())
    print(f"  {'rest':8} {rest / 1024:6.0f} KiB ({rest / text_size:.0%})")


def _profile(dist: Path, path: str) -> None:
    client, _ = _client(ROOT, dist)
    profile = cProfile.Profile()
    profile.runcall(client.get, path)
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
    stats.print_stats(r"server/lod|pyoxigraph|jinja2/environment", 25)
    print("\n".join(out.getvalue().splitlines()[6:40]))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--dist", type=Path, default=Path("dist"))
    parser.add_argument("--path", action="append", help="a page (default: the busiest)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", help="an earlier commit, rendered in turn with ours")
    parser.add_argument("--profile", action="store_true", help="where the time goes, by function")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    dist = args.dist.resolve()
    if args.worker is not None:
        worker(args.worker, dist)
        return
    with tempfile.TemporaryDirectory() as tmp:
        roots = {"ours": ROOT}
        if args.baseline:
            roots = {"base": _export(args.baseline, Path(tmp)), "ours": ROOT}
        procs = {name: _start(root, dist) for name, root in roots.items()}
        try:
            for path in args.path or PAGES:
                best: dict[str, dict[str, Any]] = {}
                for _ in range(args.rounds):
                    for name, proc in procs.items():
                        row = _ask(proc, path)
                        if name not in best or row["seconds"] < best[name]["seconds"]:
                            best[name] = row
                _report(path, best)
                if args.profile:
                    _profile(dist, path)
        finally:
            for proc in procs.values():
                assert proc.stdin is not None
                proc.stdin.close()
                proc.wait()


if __name__ == "__main__":
    main()
