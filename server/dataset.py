"""The loaded RDF dataset: the store, its version, updates and statistics.

The version is a hash chain: the content hash of the loaded files, then one link per applied
update. Every worker that has replayed the same journal has the same version, so ETags and
cache keys derived from it agree across workers and change exactly when the data changes.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    Store,
    parse,
    serialize,
)

from .journal import Entry, Journal


@dataclass(frozen=True)
class DatasetStats:
    """Triple counts for /health and the service description (VoID)."""

    total: int
    default_graph: int
    graphs: dict[str, int]


def _chain(version: str, link: bytes) -> str:
    return hashlib.sha256(version.encode() + b"\n" + link).hexdigest()[:32]


def _nquads(quads: set[Quad]) -> str:
    return serialize(sorted(quads, key=str), format=RdfFormat.N_QUADS).decode() if quads else ""


class Dataset:
    """One process's view of the data; :meth:`sync` catches up with other workers' updates."""

    def __init__(self, store: Store, version: str, journal: Journal | None = None) -> None:
        self.store = store
        self.version = version
        self.journal = journal
        self._lock = threading.RLock()
        self._stats: tuple[str, DatasetStats] | None = None
        if isinstance(store, Store):
            # Count now, in the process that loaded the data (gunicorn's master), not in the
            # first worker asked for /health: reading the whole in-memory store writes to the
            # pages it reads, so a worker that counts everything stops sharing them with the
            # master (measured on the 1M-triple benchmark: +490 MB for that worker).
            self.stats()

    def sync(self) -> None:
        if self.journal is None or not self.journal.has_news():
            return
        with self._lock:
            for entry, line in self.journal.read_new():
                self._replay(entry, line)

    @contextmanager
    def steady(self) -> Iterator[bool]:
        """True, holding the data still, when no update or replay is under way here and the
        journal has nothing new; False otherwise (never waits)."""
        if not self._lock.acquire(blocking=False):
            yield False
            return
        try:
            yield not (self.journal is not None and self.journal.has_news())
        finally:
            self._lock.release()

    def _replay(self, entry: Entry, line: bytes) -> None:
        if entry.removed:
            for quad in parse(entry.removed, format=RdfFormat.N_QUADS):
                self.store.remove(quad)
        if entry.added:
            self.store.extend(parse(entry.added, format=RdfFormat.N_QUADS))
        self.version = _chain(self.version, line)

    def update(self, text: str, base_iri: str | None) -> None:
        """Apply a SPARQL update (atomic in Oxigraph) and publish its effect to the journal."""
        with self._lock:
            if self.journal is None:
                self._apply(text, base_iri)
                self.version = _chain(self.version, text.encode())
                return
            with self.journal.exclusive() as writer:
                for entry, line in writer.read_new():
                    self._replay(entry, line)
                removed, added = self._apply(text, base_iri)
                if not removed and not added:
                    return
                entry = Entry(removed=_nquads(removed), added=_nquads(added))
                self.version = _chain(self.version, writer.append(entry))

    def _apply(self, text: str, base_iri: str | None) -> tuple[set[Quad], set[Quad]]:
        """Run an update and keep the default graph the merge of the named graphs.

        A triple added to a named graph is added to the default graph too; one removed from
        a named graph leaves the default graph once no other named graph still holds it.
        Returns the net (removed, added) quads, which is what other workers replay.
        """
        if not isinstance(self.store, Store):  # a remote store: it keeps its own default graph
            self.store.update(text, base_iri=base_iri)
            return set(), set()
        before = set(self.store)
        self.store.update(text, base_iri=base_iri)
        after = set(self.store)
        default = DefaultGraph()
        for quad in after - before:
            if not isinstance(quad.graph_name, DefaultGraph):
                self.store.add(Quad(quad.subject, quad.predicate, quad.object, default))
        for quad in before - after:
            if isinstance(quad.graph_name, DefaultGraph):
                continue
            holders = self.store.quads_for_pattern(quad.subject, quad.predicate, quad.object)
            if all(isinstance(q.graph_name, DefaultGraph) for q in holders):
                self.store.remove(Quad(quad.subject, quad.predicate, quad.object, default))
        final = set(self.store)
        return before - final, final - before

    def stats(self) -> DatasetStats:
        with self._lock:
            if self._stats is not None and self._stats[0] == self.version:
                return self._stats[1]
            graphs = {g.value: 0 for g in self.store.named_graphs() if isinstance(g, NamedNode)}
            counts = self.store.query(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
            )
            for row in counts:
                graph, n = row["g"], row["n"]
                if isinstance(graph, NamedNode) and isinstance(n, Literal):
                    graphs[graph.value] = int(n.value)
            default = 0
            for row in self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"):
                n = row["n"]
                default = int(n.value) if isinstance(n, Literal) else 0
            stats = DatasetStats(
                total=default,  # the merged default graph: each distinct triple once
                default_graph=default,
                graphs=dict(sorted(graphs.items())),
            )
            if isinstance(self.store, Store):  # a remote store may change or fail: ask each time
                self._stats = (self.version, stats)
            return stats
