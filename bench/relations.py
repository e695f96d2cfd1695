"""What the partner picture's strained/adversarial reading costs an entity page
(``server/lod/relations.py``: a conflict query, a partnership-trend query, two statement
queries and their dates), on a dataset of any size.

Loads an N-Quads file into an in-memory Oxigraph store (the default graph as the union, as
the server serves it), takes the ``--states`` states that take part in the most facts, and
times ``relations()`` for each: the least of ``--rounds`` runs (on a shared machine other
jobs only ever add time). Usage::

    python bench/generate.py --size 1m --out /tmp/gen1m --format nquads
    python bench/relations.py /tmp/gen1m/asserted.nq
    python bench/relations.py dist/dataset.nq
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generate import load_union

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.lod import relations  # noqa: E402

BUSIEST = """SELECT ?s (COUNT(*) AS ?n) WHERE {
  ?s a <https://seckg.example.org/ontology#State> . ?f ?p ?s
} GROUP BY ?s ORDER BY DESC(?n) LIMIT %d"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nquads", type=Path)
    parser.add_argument("--states", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    query = load_union(args.nquads)
    for row in query(BUSIEST % args.states):
        iri, facts = row["s"].value, int(row["n"].value)
        best, found = float("inf"), []
        for _ in range(args.rounds):
            t = time.perf_counter()
            found = relations.relations(query, iri)
            best = min(best, time.perf_counter() - t)
        print(
            f"{iri.rsplit('/', 1)[-1]:<24} {facts:>7,} links  {len(found):>3} relations  "
            f"{best * 1000:7.1f} ms"
        )


if __name__ == "__main__":
    main()
