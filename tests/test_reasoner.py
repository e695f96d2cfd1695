"""The rules reasoner (kg.owlrules) gives exactly owlrl's filtered inferred graph.

owlrl is the oracle: the seed graph, a generated graph, and small hand-made TBoxes that
exercise rule kinds our ontology does not use yet must all come out identical, blank-node
classes included (compared after RDFC-1.0 canonicalisation together with the ontology).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from benchgen import generator

from kg import config
from kg.build import load
from kg.owlrules import Unsupported
from kg.reason import infer


def _canonical(triples: list[ox.Triple], ontology: list[ox.Triple]) -> set[str]:
    """Inferred triples with blank nodes named canonically (they point into the ontology)."""
    ds = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in [*triples, *ontology])
    ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return {str(q) for q in ds}


def _both(paths: config.Paths) -> tuple[set[str], set[str], int]:
    loaded = load(paths)
    graphs = [*loaded.mapped.graph_names(), str(config.ONTOLOGY_GRAPH)]
    rules = infer(loaded.store, graphs, "rules")
    oracle = infer(loaded.store, graphs, "owlrl")
    assert len(rules) == len(set(rules))
    return _canonical(rules, loaded.ontology), _canonical(oracle, loaded.ontology), len(rules)


def test_seed_graph_matches_owlrl() -> None:
    rules, oracle, count = _both(config.Paths())
    assert count > 900
    assert rules == oracle


def test_generated_graph_matches_owlrl(tmp_path: Path) -> None:
    generator().generate(tmp_path / "seeds", articles=8, seed=7)
    rules, oracle, count = _both(config.Paths(seeds=tmp_path / "seeds"))
    assert count > 1000
    assert rules == oracle


TBOX = """
@prefix : <https://seckg.example.org/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
:A owl:equivalentClass :B .
:B rdfs:subClassOf :C .
:near a owl:SymmetricProperty .
:part a owl:TransitiveProperty .
:hasPart owl:equivalentProperty :contains .
:hasPart owl:inverseOf :part .
:Red owl:onProperty :colour ; owl:hasValue :red .
:Red rdfs:subClassOf :Warm .
:Guarded owl:onProperty :guard ; owl:allValuesFrom :Guard .
:Both owl:intersectionOf ( :A :Warm ) .
:Either owl:unionOf ( :Guard :Red ) .
:AnyGuard owl:onProperty :guard ; owl:someValuesFrom owl:Thing .
:AnyGuard rdfs:subClassOf :Protected .
:link owl:propertyChainAxiom ( :near :part :near ) .
:colour rdfs:range :Colour .
"""

ABOX = """
@prefix : <https://seckg.example.org/ontology#> .
@prefix id: <https://seckg.example.org/id/> .
id:x a :A ; :colour :red ; :near id:y .
id:y :part id:z .
id:z :part id:w .
id:w :near id:v .
id:g a :Guarded ; :guard id:h .
id:k a :Red .
id:m :hasPart id:n .
"""


def _store(*texts: str) -> tuple[ox.Store, list[ox.Triple]]:
    store = ox.Store()
    ontology = [q.triple for q in ox.parse(texts[0], format=ox.RdfFormat.TURTLE)]
    graph = ox.NamedNode(str(config.ONTOLOGY_GRAPH))
    store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in ontology)
    data = ox.NamedNode(str(config.REFERENCE_GRAPH))
    for text in texts[1:]:
        store.extend(
            ox.Quad(q.subject, q.predicate, q.object, data)
            for q in ox.parse(text, format=ox.RdfFormat.TURTLE)
        )
    return store, ontology


def test_other_owl_rl_rules_match_owlrl() -> None:
    store, ontology = _store(TBOX, ABOX)
    graphs = [str(config.REFERENCE_GRAPH), str(config.ONTOLOGY_GRAPH)]
    rules = infer(store, graphs, "rules")
    oracle = infer(store, graphs, "owlrl")
    assert _canonical(rules, ontology) == _canonical(oracle, ontology)
    found = {
        (
            t.subject.value.rsplit("/", 1)[-1],
            t.predicate.value.rsplit("#", 1)[-1],
            t.object.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1],
        )
        for t in rules
    }
    assert {
        ("x", "type", "Both"),  # cls-int1 after cax-eqc and cls-hv2
        ("x", "link", "v"),  # prp-spo2 over a transitive, symmetric chain
        ("y", "near", "x"),  # prp-symp
        ("h", "type", "Guard"),  # cls-avf
        ("k", "colour", "red"),  # cls-hv1
        ("g", "type", "Protected"),  # cls-svf2
        ("n", "part", "m"),  # prp-eqp + prp-inv
    } <= found


@pytest.mark.parametrize(
    "axiom",
    [
        ":p a owl:FunctionalProperty .",
        ":C owl:hasKey ( :p ) .",
        ":R owl:onProperty :p ; owl:maxCardinality 1 .",
    ],
)
def test_equality_axioms_are_refused(axiom: str) -> None:
    prefixes = (
        "@prefix : <https://seckg.example.org/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
    )
    store, _ = _store(prefixes + axiom)
    with pytest.raises(Unsupported):
        infer(store, [str(config.ONTOLOGY_GRAPH)], "rules")


def test_same_as_in_the_data_is_refused() -> None:
    data = (
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<https://seckg.example.org/id/a> owl:sameAs <https://seckg.example.org/id/b> ."
    )
    store, _ = _store("", data)
    with pytest.raises(Unsupported, match="sameAs"):
        infer(store, [str(config.REFERENCE_GRAPH), str(config.ONTOLOGY_GRAPH)], "rules")
