"""Serialize graphs deterministically and publish a build directory atomically.

Determinism: blank nodes are relabelled canonically (rdflib.compare) and line-based formats
are sorted, so the same facts always give byte-identical files and diffs stay reviewable.
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
from pathlib import Path

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph

from kg.formats import FORMATS, Format

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


def digest(files: dict[str, bytes]) -> str:
    """A short content hash over all output files: the dataset version."""
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode())
        h.update(hashlib.sha256(files[name]).digest())
    return h.hexdigest()[:16]


def publish(files: dict[str, bytes], dist: Path) -> Path:
    """Write ``files`` into a new build directory and atomically point ``dist`` at it."""
    builds = dist.parent / ".dist-builds"
    builds.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="build-", dir=builds))
    for name, content in files.items():
        (staging / name).write_bytes(content)
        with open(staging / name, "rb") as fh:
            os.fsync(fh.fileno())
    link_tmp = builds / f".link-{staging.name}"
    target = os.path.relpath(staging, dist.parent)
    os.symlink(target, link_tmp)
    if dist.exists() and not dist.is_symlink():
        # A plain directory from elsewhere: move it aside (the only non-atomic step, once).
        shutil.rmtree(dist)
    os.replace(link_tmp, dist)
    _prune(builds, keep=staging)
    return staging


def _prune(builds: Path, keep: Path) -> None:
    done = sorted(
        (p for p in builds.iterdir() if p.is_dir() and p != keep),
        key=lambda p: p.stat().st_mtime,
    )
    for old in done[: max(0, len(done) - (KEEP_BUILDS - 1))]:
        shutil.rmtree(old, ignore_errors=True)
