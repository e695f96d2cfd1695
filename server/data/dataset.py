"""The loaded RDF dataset: the store, its version, updates and statistics.

The version is a hash chain: the content hash of the loaded files, then one link per applied
update. Every worker that has replayed the same journal has the same version, so ETags and
cache keys derived from it agree across workers and change exactly when the data changes.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

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
from .snapshots import Snapshots


@dataclass(frozen=True)
class DatasetStats:
    """Triple counts for /health and the service description (VoID)."""

    total: int
    default_graph: int
    graphs: dict[str, int]


_inherited: list[Any] = []  # snapshot handles opened by a parent process (see Dataset.store)


def _chain(version: str, link: bytes) -> str:
    return hashlib.sha256(version.encode() + b"\n" + link).hexdigest()[:32]


def _nquads(quads: set[Quad]) -> str:
    if not quads:
        return ""
    data = serialize(sorted(quads, key=str), format=RdfFormat.N_QUADS)
    assert data is not None  # no output given: serialize returns the bytes
    return data.decode()


def replay(store: Store, entry: Entry) -> None:
    """Apply one journal record (its quads removed and added) to ``store``."""
    if entry.removed:
        for quad in parse(entry.removed, format=RdfFormat.N_QUADS):
            store.remove(quad)
    if entry.added:
        store.extend(parse(entry.added, format=RdfFormat.N_QUADS))


def chain(version: str, lines: Iterable[bytes]) -> str:
    """The version after the journal records ``lines``."""
    for line in lines:
        version = _chain(version, line)
    return version


class Dataset:
    """One process's view of the data; :meth:`sync` catches up with other workers' updates.

    Two kinds: served data lives in on-disk snapshots (``snapshots``, server.data.snapshots), one
    per version, which each process opens read-only for itself on first use after it was
    forked; an app built in-process (tests, tools) or on a remote store holds ``store``
    itself and replays other processes' updates into it.
    """

    def __init__(
        self,
        store: Any,
        version: str,
        journal: Journal | None = None,
        snapshots: Snapshots | None = None,
    ) -> None:
        self._store = store
        self._opened = ("", 0)  # (version, pid) of the snapshot handle in ``_store``
        self._previous = ""  # the version before: in-flight queries may still read it
        self.version = version
        self.journal = journal
        self.snapshots = snapshots
        self._lock = threading.RLock()
        self._stats: tuple[str, DatasetStats] | None = None
        if snapshots is not None:
            # Counted when the snapshot was made: this process must not open it (see
            # server.data.snapshots on RocksDB and fork).
            known = snapshots.read_stats(version)
            if known is not None:
                self._stats = (version, DatasetStats(**known))
        elif isinstance(store, Store):
            # Count now, in the process that loaded the data, not in the first one asked
            # for /health.
            self.stats()

    @property
    def store(self) -> Any:
        """This process's store at the current version."""
        if self.snapshots is None:
            return self._store
        if self._opened == (self.version, os.getpid()):
            return self._store
        with self._lock:
            if self._opened != (self.version, os.getpid()):
                if self._opened[1] not in (0, os.getpid()):
                    # A handle the parent opened before forking us: never closed here (its
                    # RocksDB state is the parent's), so kept referenced for good.
                    _inherited.append(self._store)
                    self._previous = ""
                elif self._opened[0] not in ("", self.version):
                    self._previous = self._opened[0]
                self._store = self.snapshots.open(self.version)
                self._opened = (self.version, os.getpid())
                self.snapshots.release(keep={self.version, self._previous})
            return self._store

    @property
    def local(self) -> bool:
        """The data is in this machine's Oxigraph (not a remote store)."""
        return self.snapshots is not None or isinstance(self._store, Store)

    def sync(self) -> None:
        if self.journal is None or not self.journal.has_news():
            return
        with self._lock:
            for entry, line in self.journal.read_new():
                self._catch_up(entry, line)

    def _catch_up(self, entry: Entry, line: bytes) -> None:
        if self.snapshots is None:
            replay(self._store, entry)
        # else: the writer made the new version's snapshot before the record; opened on use
        self.version = _chain(self.version, line)

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

    def update(self, text: str, base_iri: str | None, graphs: frozenset[str] | None = None) -> None:
        """Apply a SPARQL update (atomic in Oxigraph) and publish its effect to the journal.

        ``graphs``: the named graphs the update can write (server.checks.effect), compared before
        and after it to find its effect; ``None`` compares the whole store."""
        with self._lock:
            if self.journal is None:
                _apply(self.store, text, base_iri, graphs)
                self.version = _chain(self.version, text.encode())
                return
            with self.journal.exclusive() as writer:
                for entry, line in writer.read_new():
                    self._catch_up(entry, line)
                if self.snapshots is None:
                    removed, added = _apply(self._store, text, base_iri, graphs)
                    if removed or added:
                        entry = Entry(removed=_nquads(removed), added=_nquads(added))
                        self.version = _chain(self.version, writer.append(entry))
                    return
                snapshots, version = self.snapshots, self.version

                def change(store: Store) -> Entry | None:
                    removed, added = _apply(store, text, base_iri, graphs)
                    if not removed and not added:
                        snapshots.commit(store, version)  # unchanged: still at this version
                        return None
                    entry = Entry(removed=_nquads(removed), added=_nquads(added))
                    snapshots.commit(store, _chain(version, entry.to_line()))
                    return entry

                applied = snapshots.apply(version, change)
                if applied is not None:  # its snapshot exists before the record says so
                    self.version = _chain(version, writer.append(applied))
                    # Old versions nobody reads any more go now, not at the next start:
                    # each update left ~265 KB behind, 60 directories after 58 updates
                    # (issue 20, finding 6). A version some process still has open is
                    # held (shared flock) and stays; it goes after a later update.
                    snapshots.prune(keep={self.version, version})

    def stats(self) -> DatasetStats:
        with self._lock:
            if self._stats is not None and self._stats[0] == self.version:
                return self._stats[1]
            stats = count(self.store)
            if self.local:  # a remote store may change or fail: ask each time
                self._stats = (self.version, stats)
            return stats


def count(store: Any) -> DatasetStats:
    """Triples in the merged default graph and in each named graph."""
    graphs = {g.value: 0 for g in store.named_graphs() if isinstance(g, NamedNode)}
    for row in store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    ):
        graph, n = row["g"], row["n"]
        if isinstance(graph, NamedNode) and isinstance(n, Literal):
            graphs[graph.value] = int(n.value)
    default = 0
    for row in store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"):
        n = row["n"]
        default = int(n.value) if isinstance(n, Literal) else 0
    return DatasetStats(
        total=default,  # the merged default graph: each distinct triple once
        default_graph=default,
        graphs=dict(sorted(graphs.items())),
    )


def _apply(
    store: Any, text: str, base_iri: str | None, graphs: frozenset[str] | None
) -> tuple[set[Quad], set[Quad]]:
    """Run an update and keep the default graph the merge of the named graphs.

    A triple added to a named graph is added to the default graph too; one removed from
    a named graph leaves the default graph once no other named graph still holds it.
    Returns the net (removed, added) quads, which is what other workers replay. Only
    ``graphs``, the named graphs the update can write (server.checks.effect.written_graphs of its
    text), are compared before and after it: at 1M triples comparing the whole store failed
    every update. ``None``: the whole store is compared.
    """
    if not isinstance(store, Store):  # a remote store: it keeps its own default graph
        store.update(text, base_iri=base_iri)
        return set(), set()
    if graphs is None:
        return _apply_comparing_all(store, text, base_iri)

    def written() -> set[Quad]:
        found: set[Quad] = set()
        for graph in graphs:
            found.update(store.quads_for_pattern(None, None, None, NamedNode(graph)))
        return found

    before = written()
    store.update(text, base_iri=base_iri)
    after = written()
    removed, added = before - after, after - before
    default = DefaultGraph()
    for quad in list(added):
        merged = Quad(quad.subject, quad.predicate, quad.object, default)
        if merged not in store:
            store.add(merged)
            added.add(merged)
    for quad in list(removed):
        merged = Quad(quad.subject, quad.predicate, quad.object, default)
        holders = store.quads_for_pattern(quad.subject, quad.predicate, quad.object)
        if merged in store and all(isinstance(q.graph_name, DefaultGraph) for q in holders):
            store.remove(merged)
            removed.add(merged)
    return removed, added


def _apply_comparing_all(
    store: Store, text: str, base_iri: str | None
) -> tuple[set[Quad], set[Quad]]:
    before = set(store)
    store.update(text, base_iri=base_iri)
    after = set(store)
    default = DefaultGraph()
    for quad in after - before:
        if not isinstance(quad.graph_name, DefaultGraph):
            store.add(Quad(quad.subject, quad.predicate, quad.object, default))
    for quad in before - after:
        if isinstance(quad.graph_name, DefaultGraph):
            continue
        holders = store.quads_for_pattern(quad.subject, quad.predicate, quad.object)
        if all(isinstance(q.graph_name, DefaultGraph) for q in holders):
            store.remove(Quad(quad.subject, quad.predicate, quad.object, default))
    final = set(store)
    return before - final, final - before
