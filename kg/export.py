"""Serialize graphs deterministically and publish a build directory atomically.

Determinism: blank nodes are relabelled canonically and line-based formats are sorted, so
the same facts always give byte-identical files and diffs stay reviewable. The build writes
from its pyoxigraph store (:func:`canonicalize_store`, :func:`graph_lines` and the writers
below): pyoxigraph dumps N-Triples in Rust, Python only sorts lines, and Turtle/TriG are
written by pyoxigraph from the sorted triples. Blank-node labels are RDFC-1.0 canonical
labels computed over the whole dataset, so the ontology's restriction class keeps one label
in every file (RDFC-1.0 labels depend only on the quads that mention blank nodes, so only
those are canonicalised). The rdflib-based :func:`serialize_graph` and
:func:`serialize_dataset` remain for ``kg export``, which re-reads a built dataset.
Atomicity: a build is written into a fresh directory under ``.dist-builds/`` and ``dist`` is
a symlink switched with one ``os.replace``; a build that fails or is killed part-way leaves
the previous ``dist`` complete.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Protocol, cast

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph

from kg.formats import FORMATS, Format
from kg.store import select

FORMAT_TURTLE = FORMATS["turtle"]

KEEP_BUILDS = 2


def canonical(graph: Graph) -> Graph:
    """The graph with blank nodes relabelled deterministically (a no-op without bnodes)."""
    if not any(isinstance(term, BNode) for triple in graph for term in triple):
        return graph
    out = Graph()
    for triple in to_canonical_graph(graph):
        out.add(triple)
    return out


def _bind(graph: Graph, prefixes: dict[str, str]) -> None:
    for prefix, ns in prefixes.items():
        graph.bind(prefix, ns, override=True, replace=True)


def serialize_graph(
    graph: Graph, fmt: Format, prefixes: dict[str, str], context: dict | None = None
) -> bytes:
    g = canonical(graph)
    _bind(g, prefixes)
    if fmt.name == "ntriples":
        lines = g.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
        return ("\n".join(sorted(set(filter(None, lines)))) + "\n").encode("utf-8")
    if fmt.name == "jsonld":
        return _jsonld(g, context)
    return g.serialize(format=fmt.rdflib, encoding="utf-8")


def serialize_dataset(
    graphs: dict[URIRef, Graph], fmt: Format, prefixes: dict[str, str], context: dict | None = None
) -> bytes:
    """A multi-graph serialization (TriG, N-Quads, JSON-LD) in graph-name order."""
    ds = Dataset()
    _bind(ds, prefixes)
    for name in sorted(graphs):
        target = ds.graph(name)
        for triple in canonical(graphs[name]):
            target.add(triple)
    if fmt.name == "nquads":
        lines = ds.serialize(format="nquads", encoding="utf-8").decode("utf-8").splitlines()
        return ("\n".join(sorted(set(filter(None, lines)))) + "\n").encode("utf-8")
    if fmt.name == "jsonld":
        return _jsonld(ds, context)
    if fmt.name == "trig":
        return _trig(graphs, prefixes)
    return ds.serialize(format=fmt.rdflib, encoding="utf-8")


def _trig(graphs: dict[URIRef, Graph], prefixes: dict[str, str]) -> bytes:
    """TriG written graph by graph in name order (rdflib's TriG writer orders graphs by hash)."""
    head: set[str] = set()
    blocks = []
    for name in sorted(graphs):
        turtle = serialize_graph(graphs[name], FORMAT_TURTLE, prefixes).decode("utf-8")
        head.update(line for line in turtle.splitlines() if line.startswith("@prefix"))
        body = [line for line in turtle.splitlines() if not line.startswith("@prefix")]
        text = "\n".join(f"    {line}" if line else "" for line in body).strip("\n")
        blocks.append(f"<{name}> {{\n{text}\n}}\n")
    return ("\n".join(sorted(head)) + "\n\n" + "\n".join(blocks)).encode("utf-8")


def _jsonld(graph: Graph, context: dict | None) -> bytes:
    """JSON-LD compacted with the seeds' context, keys and node lists sorted for stability."""
    text = graph.serialize(format="json-ld", context=context, auto_compact=True)
    data = json.loads(text)

    def order(node: object) -> object:
        if isinstance(node, dict):
            return {k: order(v) for k, v in sorted(node.items())}
        if isinstance(node, list):
            items = [order(v) for v in node]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return node

    body = order({k: v for k, v in data.items() if k != "@context"})
    assert isinstance(body, dict)
    data = {"@context": context, **body} if context is not None else body
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


# ---------------------------------------------------------------- writers for the build

Lines = list[bytes]  # sorted, distinct N-Triples lines without the final newline


def canonicalize_store(store: ox.Store) -> None:
    """Relabel the blank nodes of the store's named graphs with RDFC-1.0 canonical labels."""
    rows = select(
        store,
        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o FILTER (isBlank(?s) || isBlank(?o)) } }",
    )
    quads = [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]
    if not quads:
        return
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    for quad in quads:
        store.remove(quad)
    store.extend(dataset)


def graph_lines(store: ox.Store, graph: str) -> Lines:
    """A named graph as sorted N-Triples lines (pyoxigraph writes canonical N-Triples)."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
    assert data is not None  # no output given: dump returns the bytes
    return sorted(line for line in data.split(b"\n") if line)


class Sink(Protocol):
    def write(self, data: bytes, /) -> int: ...


def _io(out: Sink) -> IO[bytes]:
    """pyoxigraph's stub asks for a whole ``IO[bytes]``; its writer only calls ``write``."""
    return cast(IO[bytes], out)


def write_lines(out: Sink, lines: Iterable[bytes], suffix: bytes = b"") -> int:
    """Write lines in chunks; ``suffix`` replaces the final "." (a graph name for N-Quads)."""
    count = 0
    chunk: list[bytes] = []
    for line in lines:
        chunk.append(line[:-1] + suffix + b".\n" if suffix else line + b"\n")
        if len(chunk) == 65536:
            out.write(b"".join(chunk))
            count += len(chunk)
            chunk = []
    out.write(b"".join(chunk))
    return count + len(chunk)


def write_nquads(out: Sink, store: ox.Store, graphs: Iterable[str]) -> dict[str, Lines]:
    """N-Quads of ``graphs`` in name order, each graph's lines sorted; returns the lines."""
    written = {}
    for name in sorted(graphs):
        lines = graph_lines(store, name)
        if lines:
            write_lines(out, lines, f"<{name}> ".encode())
            written[name] = lines
    return written


def write_turtle(out: Sink, triples: Iterator[ox.Quad], prefixes: dict[str, str]) -> None:
    """Turtle from triples in sorted N-Triples order (so subjects come grouped)."""
    ox.serialize(triples, output=_io(out), format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def write_trig(out: Sink, quads: Iterator[ox.Quad], prefixes: dict[str, str]) -> None:
    """TriG from quads grouped by graph (graph-major N-Quads order)."""
    ox.serialize(quads, output=_io(out), format=ox.RdfFormat.TRIG, prefixes=prefixes)


def parse_file(path: Path, fmt: ox.RdfFormat) -> Iterator[ox.Quad]:
    """Re-read a file just written: pyoxigraph streams it into the next writer."""
    return ox.parse(path=path, format=fmt)


def parse_lines(lines: Lines) -> Iterator[ox.Quad]:
    return ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES) if lines else iter(())


def digest(files: dict[str, bytes]) -> str:
    """A short content hash over all output files: the dataset version."""
    return digest_hashes({name: hashlib.sha256(data).digest() for name, data in files.items()})


def digest_hashes(hashes: dict[str, bytes]) -> str:
    """:func:`digest` from each file's SHA-256 (so files need not stay in memory)."""
    h = hashlib.sha256()
    for name in sorted(hashes):
        h.update(name.encode())
        h.update(hashes[name])
    return h.hexdigest()[:16]


class Staging:
    """A new build directory under ``.dist-builds/``, filled file by file, then published.

    Files are written (and fsynced) as soon as they are rendered and only their hashes are
    kept, so a large build never holds all its outputs in memory at once.
    """

    def __init__(self, dist: Path) -> None:
        self.dist = dist
        self.builds = dist.parent / ".dist-builds"
        self.builds.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix="build-", dir=self.builds))
        self.hashes: dict[str, bytes] = {}

    def write(self, name: str, content: bytes) -> None:
        with self.open(name) as out:
            out.write(content)

    @contextmanager
    def open(self, name: str) -> Iterator[Sink]:
        """A file to write piece by piece; hashed as it is written, fsynced when closed."""
        sha = hashlib.sha256()
        with open(self.path / name, "wb") as fh:

            class _Out:
                def write(self, data: bytes, /) -> int:
                    sha.update(data)
                    return fh.write(data)

                def flush(self) -> None:
                    fh.flush()

            yield _Out()
            fh.flush()
            os.fsync(fh.fileno())
        self.hashes[name] = sha.digest()

    def adopt(self, name: str, sha256: bytes) -> None:
        """Count a file that another process wrote (and fsynced) into this directory."""
        assert (self.path / name).is_file(), name
        self.hashes[name] = sha256

    def digest(self) -> str:
        return digest_hashes(self.hashes)

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def publish(self) -> Path:
        """Atomically point ``dist`` at this build directory."""
        link_tmp = self.builds / f".link-{self.path.name}"
        target = os.path.relpath(self.path, self.dist.parent)
        os.symlink(target, link_tmp)
        if self.dist.exists() and not self.dist.is_symlink():
            # A plain directory from elsewhere: move it aside (the only non-atomic step, once).
            shutil.rmtree(self.dist)
        os.replace(link_tmp, self.dist)
        _prune(self.builds, keep=self.path)
        return self.path


def publish(files: dict[str, bytes], dist: Path) -> Path:
    """Write ``files`` into a new build directory and atomically point ``dist`` at it."""
    staging = Staging(dist)
    try:
        for name, content in files.items():
            staging.write(name, content)
    except BaseException:
        staging.discard()
        raise
    return staging.publish()


def _prune(builds: Path, keep: Path) -> None:
    done = sorted(
        (p for p in builds.iterdir() if p.is_dir() and p != keep),
        key=lambda p: p.stat().st_mtime,
    )
    for old in done[: max(0, len(done) - (KEEP_BUILDS - 1))]:
        shutil.rmtree(old, ignore_errors=True)
