"""Search at scale: how long the name index takes to build and a search takes to answer.

Loads an N-Quads file (``bench/generate.py --format nquads``) into an in-memory Oxigraph
store, builds :class:`server.lod.search.SearchIndex` from it (the two fixed queries plus the
word index) and times searches: one- and two-letter beginnings (the worst case: most
entities match), whole words, several words, typos, and the first word of 50 labels spread
over the index. Usage::

    python bench/generate.py --size 1m --out bench/data/1m --format nquads
    python bench/search.py bench/data/1m/asserted.nq
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from generate import load_union

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.lod.search import SearchIndex  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("nquads", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    query = load_union(args.nquads)
    started = time.perf_counter()
    index = SearchIndex.load(query)
    built = time.perf_counter() - started
    print(
        f"index: {len(index.entries)} entries, "
        f"{len(index.vocabulary)} words, built in {built:.2f} s"
    )
    step = max(1, len(index.entries) // 50)
    spread = [e.label.split()[0] for e in index.entries[::step]][:50]
    entities = [e for e in index.entries if not e.is_fact and len(e.label.split()) > 1]
    two = " ".join(entities[len(entities) // 2].label.split()[:2]) if entities else "a b"
    word = spread[len(spread) // 2]
    typo = word[:2] + word[3:] if len(word) > 5 else word
    cases = {
        "a": ["a"],
        "pa": ["pa"],
        "a whole word": [word],
        "two words": [two],
        "a typo (a letter left out)": [typo],
        "50 first words": spread,
    }
    print("| search | median ms | max ms | hits |\n|---|---:|---:|---:|")
    for name, texts in cases.items():
        times, hits = [], 0
        for text in texts:
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                hits = len(index.search(text, 20))
                times.append((time.perf_counter() - t0) * 1000)
        print(f"| {name} | {statistics.median(times):.2f} | {max(times):.2f} | {hits} |")


if __name__ == "__main__":
    main()
