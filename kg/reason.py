"""OWL 2 RL closure, reduced to the new facts about our own individuals.

A raw OWL RL closure is mostly noise for a published graph (measured: triples whose subject
is a literal, ``x owl:sameAs x`` for every IRI, schema-level axioms). We keep only triples
that (a) were not asserted, (b) are about an individual minted under ``id/``, and (c) say
something: not ``rdf:type owl:Thing``/``rdfs:Resource``, not a reflexive ``owl:sameAs``, and
nothing pointing at a blank node (``x rdf:type _:b`` for an anonymous restriction class of the
ontology names nothing a reader of the data graph can look up).
The result goes into its own named graph so asserted and derived data never mix.

Two reasoners give the same filtered graph (``tests/test_reasoner.py``): ``"rules"``
(default; :mod:`kg.owlrules`, the ontology's axioms compiled into rule tables) and
``"owlrl"`` (the reference implementation, about 100x slower; kept to check the rules).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal as TypingLiteral

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef

from kg import config, owlrules
from kg.store import from_graph, to_graph

Reasoner = TypingLiteral["rules", "owlrl"]

_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
_TRIVIAL = {ox.NamedNode(str(t)) for t in _TRIVIAL_TYPES}


def closure(asserted: Graph, ontology: Graph) -> Graph:
    """The inferred triples (only) about the dataset's individuals, computed by owlrl."""
    import owlrl  # slow import, only when this reasoner is chosen

    work = Graph()
    for triple in asserted:
        work.add(triple)
    for triple in ontology:
        work.add(triple)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(work)
    prefix = str(config.ID)
    inferred = Graph()
    for s, p, o in work:
        if not (isinstance(s, URIRef) and str(s).startswith(prefix)):
            continue
        if p == RDF.type and o in _TRIVIAL_TYPES:
            continue
        if p == OWL.sameAs and s == o:
            continue
        if isinstance(o, BNode):  # e.g. membership of an anonymous restriction class
            continue
        if (s, p, o) in asserted or (s, p, o) in ontology:
            continue
        inferred.add((s, p, o))
    return inferred


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector around bulk work on millions of small tuples.

    None of them form cycles, but each collection of the oldest generation scans them all:
    at 1M triples the rule engine spent 40% of its time in the collector.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def infer(store: ox.Store, graphs: list[str], reasoner: Reasoner = "rules") -> list[ox.Triple]:
    """The filtered inferred triples for the union of ``graphs`` (asserted + ontology)."""
    if reasoner == "owlrl":
        return _infer_owlrl(store, graphs)
    # One index scan per predicate over every graph when ``graphs`` are all there is (the
    # build's case: thousands of article graphs), else one per graph.
    everything = set(graphs) == {g.value for g in store.named_graphs()} and not any(
        True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    )
    names: list[ox.NamedNode | None] = [None] if everything else [ox.NamedNode(g) for g in graphs]

    def pairs(predicate: str) -> Iterator[tuple[owlrules.Term, owlrules.Term]]:
        p = ox.NamedNode(predicate)
        for graph in names:
            for q in store.quads_for_pattern(None, p, None, graph):
                yield q.subject, q.object

    with no_gc():
        tbox = owlrules.compile_tbox(pairs)

        def asserted() -> Iterator[owlrules.Triple]:
            for p in tbox.predicates():
                if not isinstance(p, ox.NamedNode):  # a blank node is never a predicate
                    continue
                for graph in names:
                    for q in store.quads_for_pattern(None, p, None, graph):
                        yield q.subject, p, q.object

        derived = owlrules.saturate(asserted(), tbox)
        prefix = str(config.ID)
        return [
            ox.Triple(s, p, o)
            for s, p, o in derived
            if isinstance(s, ox.NamedNode)
            and isinstance(p, ox.NamedNode)
            and s.value.startswith(prefix)
            and not (p == owlrules.TYPE and o in _TRIVIAL)
            and not (p == owlrules.SAME_AS and s == o)
            and not isinstance(o, ox.BlankNode)
        ]


def _infer_owlrl(store: ox.Store, graphs: list[str]) -> list[ox.Triple]:
    ontology_name = str(config.ONTOLOGY_GRAPH)
    asserted = to_graph(
        q.triple
        for g in graphs
        if g != ontology_name
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))
    )
    ontology = to_graph(
        q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(ontology_name))
    )
    return from_graph(closure(asserted, ontology))
