"""The ontology as the site shows it: its own page (title, IRI, terms, code lists) and the
labels entity pages use for properties.

Why our own page and not the pyLODE one (still built, under ``/dumps/ontology.html``): the
pyLODE page has no site navigation or search, its header ran the code-list titles together
and showed a code-list IRI as the ontology's, and it does not fit a phone. The terms are read
from the store's ontology graph with fixed queries, so the page follows the data served.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .entity import PREFIXES, Query

GRAPH = "https://seckg.example.org/graph/ontology"
OWL = "http://www.w3.org/2002/07/owl#"


@dataclass
class Term:
    iri: str
    local: str
    label: str
    comment: str
    kind: str  # class, object property, datatype property, concept scheme
    parents: list[tuple[str, str]] = field(default_factory=list)  # (IRI, label)
    domain: list[tuple[str, str]] = field(default_factory=list)
    range: list[tuple[str, str]] = field(default_factory=list)
    concepts: list[tuple[str, str, str]] = field(default_factory=list)  # (IRI, label, definition)


@dataclass
class OntologyView:
    iri: str
    title: str
    description: str
    version: str
    version_iri: str
    classes: list[Term]
    properties: list[Term]
    schemes: list[Term]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def property_labels(query: Query) -> dict[str, str]:
    """Property IRI -> English label, for every property the ontology graph labels."""
    rows = query(f"""{PREFIXES}
        SELECT ?p ?l WHERE {{ GRAPH <{GRAPH}> {{
          ?p a ?k ; rdfs:label ?l FILTER (LANG(?l) = "en" || LANG(?l) = "")
          VALUES ?k {{ <{OWL}ObjectProperty> <{OWL}DatatypeProperty> <{OWL}AnnotationProperty> }}
        }} }}""")
    return {r["p"].value: r["l"].value for r in rows}


def ontology_view(query: Query, iri: str) -> OntologyView:
    head = {
        r["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]: r["o"].value
        for r in query(f"""{PREFIXES}
            SELECT ?p ?o WHERE {{ GRAPH <{GRAPH}> {{ <{iri}> ?p ?o }}
              FILTER (!isLiteral(?o) || LANG(?o) = "en" || LANG(?o) = "") }}""")
    }
    terms: dict[str, Term] = {}
    kinds = {
        f"{OWL}Class": "class",
        f"{OWL}ObjectProperty": "object property",
        f"{OWL}DatatypeProperty": "datatype property",
        "http://www.w3.org/2004/02/skos/core#ConceptScheme": "code list",
    }
    values = " ".join(f"<{k}>" for k in kinds)
    for r in query(f"""{PREFIXES}
        SELECT ?t ?k ?l ?c WHERE {{ GRAPH <{GRAPH}> {{
          ?t a ?k VALUES ?k {{ {values} }} FILTER (isIRI(?t))
          OPTIONAL {{ ?t rdfs:label|skos:prefLabel ?l FILTER (LANG(?l) = "en") }}
          OPTIONAL {{ ?t rdfs:comment ?c FILTER (LANG(?c) = "en") }}
        }} }} ORDER BY ?t"""):
        t = r["t"].value
        if t in terms:
            continue
        terms[t] = Term(
            t,
            _local(t),
            r["l"].value if r["l"] is not None else _local(t),
            r["c"].value if r["c"] is not None else "",
            kinds[r["k"].value],
        )
    labels = {t.iri: t.label for t in terms.values()}
    for r in query(f"""{PREFIXES}
        SELECT ?t ?rel ?o WHERE {{ GRAPH <{GRAPH}> {{
          ?t ?rel ?o VALUES ?rel {{ rdfs:subClassOf rdfs:subPropertyOf rdfs:domain rdfs:range }}
          FILTER (isIRI(?o)) }} }} ORDER BY ?t ?rel ?o"""):
        term = terms.get(r["t"].value)
        if term is None:
            continue
        target = (r["o"].value, labels.get(r["o"].value, _local(r["o"].value)))
        rel = _local(r["rel"].value)
        bucket = term.domain if rel == "domain" else term.range if rel == "range" else term.parents
        bucket.append(target)
    for r in query(f"""{PREFIXES}
        SELECT ?s ?c ?l ?d WHERE {{ GRAPH <{GRAPH}> {{
          ?c skos:inScheme ?s ; skos:prefLabel ?l FILTER (LANG(?l) = "en")
          OPTIONAL {{ ?c skos:definition ?d FILTER (LANG(?d) = "en") }} }} }} ORDER BY ?s ?l"""):
        scheme = terms.get(r["s"].value)
        if scheme is not None:
            scheme.concepts.append(
                (r["c"].value, r["l"].value, r["d"].value if r["d"] is not None else "")
            )
    by_label = sorted(terms.values(), key=lambda t: t.label.casefold())
    return OntologyView(
        iri=iri,
        title=head.get("title") or head.get("label") or "Ontology",
        description=head.get("description") or head.get("comment", ""),
        version=head.get("versionInfo", ""),
        version_iri=head.get("versionIRI", ""),
        classes=[t for t in by_label if t.kind == "class"],
        properties=[t for t in by_label if t.kind.endswith("property")],
        schemes=[t for t in by_label if t.kind == "code list"],
    )
