"""The RDF document for one IRI: what a Linked Data client gets when it dereferences it.

Useful on its own (issue: a crawler should not need a second request): the entity's outgoing
and incoming triples, the label of every resource it links to, and the n-ary fact nodes it
takes part in (memberships, participations, deals, ...) with their own triples and sources.
A named-graph IRI describes the graph itself: its triples.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.prefixes import ID_KINDS

from .entity import PREFIXES, Query

RDF_FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    "ttl": (ox.RdfFormat.TURTLE, "text/turtle"),
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "rdf": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}
MEDIA_TO_EXT = {media: ext for ext, (_, media) in RDF_FORMATS.items()}
SERIALIZE_PREFIXES = {
    "sk": "https://seckg.example.org/ontology#",
    "id": "https://seckg.example.org/id/",
    "code": "https://seckg.example.org/code/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    # per-kind prefixes, so documents read `post:armenia-defence-minister`, not `id:post\/…`
    **{kind: f"https://seckg.example.org/id/{kind}/" for kind in ID_KINDS},
}

_DESCRIBE = f"""{PREFIXES}
CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  {{ BIND(<X> AS ?s) ?s ?p ?o }}
  UNION {{ BIND(<X> AS ?o) ?s ?p ?o }}
  UNION {{ {{ <X> ?q ?s }} UNION {{ ?s ?q <X> }}
           ?s ?p ?o FILTER(?p IN (rdfs:label, skos:prefLabel, schema:headline)) }}
  UNION {{ ?s ?q <X> . ?s a sk:Fact . ?s ?p ?o }}
  UNION {{ ?s sk:attests <X> . ?s ?p ?o }}
  UNION {{ ?m sk:member|sk:partner|sk:participantActor <X> . ?s sk:ofMembership ?m . ?s ?p ?o }}
  UNION {{ ?f ?q <X> . ?f a sk:Fact . ?f ?r ?s .
           ?s ?p ?o FILTER(?p IN (rdfs:label, skos:prefLabel, schema:headline)) }}
}}"""


def is_graph(store: ox.Store, iri: str) -> bool:
    return store.contains_named_graph(ox.NamedNode(iri))


def describe(store: ox.Store, iri: str, query: Query | None = None) -> list[ox.Triple]:
    """The triples of the IRI's document (empty if the store knows nothing about it).

    ``query`` runs the SPARQL (the routes pass one that rebases our vocabulary IRIs to the
    deployment's base); it defaults to the store's own.
    """
    if is_graph(store, iri):
        return [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))]
    return _graph_answer((query or store.query)(_DESCRIBE.replace("<X>", f"<{iri}>")), "DESCRIBE")


def _graph_answer(
    result: Iterable[ox.QuerySolution] | ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    form: str,
) -> list[ox.Triple]:
    """The triples of a DESCRIBE or CONSTRUCT answer (a boolean is refused)."""
    if isinstance(result, ox.QueryBoolean):
        raise TypeError(f"a {form} query answered with a boolean")
    # The embedded store yields triples; a remote store's parsed answer yields quads.
    return [
        t.triple if isinstance(t, ox.Quad) else t
        for t in result
        if isinstance(t, ox.Triple | ox.Quad)
    ]


# What an HTML page embeds as JSON-LD: the resource's own statements (types, names, sameAs,
# description, its fact properties). The full document stays one request away (the page's
# rel="alternate" links). Embedding the full document made Armenia's page 434 KiB of its
# 1,408 and 0.43 s of its 1.47 s (bench/entity_page.py, 105 articles).
_CARD = "CONSTRUCT { <X> ?p ?o } WHERE { <X> ?p ?o }"


def card(store: ox.Store, iri: str, query: Query | None = None) -> list[ox.Triple]:
    """The triples whose subject is ``iri``: what its HTML page embeds as JSON-LD."""
    return _graph_answer((query or store.query)(_CARD.replace("<X>", f"<{iri}>")), "CONSTRUCT")


def serialize(triples: list[ox.Triple], ext: str) -> bytes:
    fmt, _ = RDF_FORMATS[ext]
    ordered = sorted(triples, key=str)
    if fmt in (ox.RdfFormat.TURTLE,):
        data = ox.serialize(ordered, format=fmt, prefixes=SERIALIZE_PREFIXES)
    else:
        data = ox.serialize(ordered, format=fmt)
    assert data is not None  # no output given: serialize returns the bytes
    return data
