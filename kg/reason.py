"""OWL 2 RL closure with owlrl, reduced to the new facts about our own individuals.

owlrl's raw output is mostly noise for a published graph (measured: triples whose subject is a
literal, ``x owl:sameAs x`` for every IRI, schema-level axioms). We keep only triples that
(a) were not asserted, (b) are about an individual minted under ``id/``, and (c) say
something: not ``rdf:type owl:Thing``/``rdfs:Resource`` and not a reflexive ``owl:sameAs``.
The result goes into its own named graph so asserted and derived data never mix.
"""

from __future__ import annotations

import owlrl
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg import config

_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}


def closure(asserted: Graph, ontology: Graph) -> Graph:
    """The inferred triples (only) about the dataset's individuals."""
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
        if (s, p, o) in asserted or (s, p, o) in ontology:
            continue
        inferred.add((s, p, o))
    return inferred
