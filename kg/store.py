"""The build's working dataset: one in-memory pyoxigraph store, and term conversions.

Why one store: parsing, SHACL, OWL RL and the exports all run on the same quads without
copying them into rdflib (whose in-memory graph took 28.7 s and 1.26 GB to load 1M
triples, against 2.5 s and 0.41 GB here). Layout:

* named graphs: ``graph/reference``, one ``graph/article/...`` per article, then
  ``graph/ontology`` and ``graph/inferred`` -- exactly what the dataset exports publish;
* the default graph stays empty: validation queries read the merge of the named graphs
  (``use_default_graph_as_union``), and the reasoner reads them index scan by index scan,
  so the facts are never copied into a union graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeAlias

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg import config
from kg.errors import KgError, Location

# Any RDF term pyoxigraph hands back (its stubs name no union for it).
Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def read_turtle(path: Path) -> list[ox.Quad]:
    """A Turtle file's triples (in the default graph), rebased like :mod:`kg.sources`."""
    text = path.read_text(encoding="utf-8").replace(config.AUTHORED_BASE, config.BASE)
    try:
        return list(
            ox.parse(
                text, format=ox.RdfFormat.TURTLE, base_iri=path.as_uri(), rename_blank_nodes=True
            )
        )
    except SyntaxError as exc:
        raise KgError(f"{Location(path)}: invalid Turtle: {exc}") from None


def read_turtle_dir(directory: Path) -> list[ox.Triple]:
    """All ``*.ttl`` files of a directory, in name order, as distinct triples."""
    seen: dict[ox.Triple, None] = {}
    for path in sorted(directory.glob("*.ttl")):
        for q in read_turtle(path):
            seen.setdefault(q.triple, None)
    return list(seen)


def add_graph(store: ox.Store, name: str, triples: Iterable[ox.Triple]) -> None:
    """Add triples to a named graph, keeping their blank nodes.

    Not via ``Store.load``/``bulk_load`` of serialized text, which is faster but gives every
    blank node a fresh id: the inferred ``x rdf:type _:r`` must keep pointing at the
    ontology's restriction ``_:r``.
    """
    graph = ox.NamedNode(name)
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)


def graph_triples(store: ox.Store, name: str) -> Iterator[ox.Triple]:
    for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
        yield q.triple


def named_graphs(store: ox.Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def value(term: Term | None) -> str:
    """The IRI, blank node id or lexical form of a term of our data (never a triple term)."""
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term.value
    raise TypeError(f"expected an IRI, blank node or literal, got {term!r}")


def select(store: ox.Store, query: str, union: bool = False) -> ox.QuerySolutions:
    """The solutions of a SELECT (``Store.query`` is typed as any of SELECT, ASK, CONSTRUCT)."""
    rows = store.query(query, use_default_graph_as_union=union)
    if not isinstance(rows, ox.QuerySolutions):
        raise TypeError(f"not a SELECT query: {query[:80]!r}")
    return rows


def graph_sizes(store: ox.Store) -> dict[str, int]:
    rows = select(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"].value: int(row["n"].value) for row in rows}


# ---------------------------------------------------------------- rdflib interop


def to_rdflib(term: Term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value)  # rdflib's parsers leave plain strings untyped
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


def from_rdflib(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = term.datatype or URIRef(XSD_STRING)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(datatype)))
    raise TypeError(f"unsupported term {term!r}")


def to_graph(triples: Iterable[ox.Triple]) -> Graph:
    graph = Graph()
    for t in triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph


def from_graph(graph: Graph) -> list[ox.Triple]:
    out = []
    for s, p, o in graph:
        subject, predicate = from_rdflib(s), from_rdflib(p)
        if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
            raise TypeError(f"not an RDF triple: {s} {p} {o}")
        out.append(ox.Triple(subject, predicate, from_rdflib(o)))
    return out
