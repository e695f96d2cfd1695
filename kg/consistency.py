"""Disjointness checks on the asserted data plus its OWL 2 RL closure.

Why here and not in the reasoner: OWL 2 RL's inconsistency rules (cax-dw, cax-adc) derive no
triples -- owlrl only logs them, and :mod:`kg.owlrules` skips them -- so without this check
``sk:reportedBy id:nikol-pashinyan`` would quietly make Pashinyan an ``sk:Organization`` (the
property's range) as well as an ``sk:Person``. One SPARQL query over the asserted and inferred
graphs finds every individual typed with two classes the ontology declares disjoint
(``owl:disjointWith`` or ``owl:AllDisjointClasses``), including through sub-classes.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import URIRef

from kg import config
from kg.errors import Location
from kg.store import select
from kg.validate import Violation

_QUERY = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT DISTINCT ?x ?a ?b WHERE {
  {
    SELECT DISTINCT ?a ?b WHERE {
      GRAPH <%(ontology)s> {
        { ?a owl:disjointWith ?b }
        UNION { ?b owl:disjointWith ?a }
        UNION {
          ?d a owl:AllDisjointClasses ; owl:members ?list .
          ?list rdf:rest*/rdf:first ?a .
          ?list rdf:rest*/rdf:first ?b .
          FILTER (?a != ?b)
        }
      }
    }
  }
  GRAPH ?g1 { ?x a ?a }
  GRAPH ?g2 { ?x a ?b }
  FILTER (?g1 != <%(ontology)s> && ?g2 != <%(ontology)s>)
  FILTER (STR(?a) < STR(?b))
}
ORDER BY ?x ?a ?b
"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def disjointness_violations(store: ox.Store, origins: dict[URIRef, Location]) -> list[Violation]:
    """Individuals that are instances of two disjoint classes (asserted or inferred)."""
    rows = select(store, _QUERY % {"ontology": config.ONTOLOGY_GRAPH})
    out = []
    for row in rows:
        x, a, b = row["x"], row["a"].value, row["b"].value
        focus = URIRef(x.value) if isinstance(x, ox.NamedNode) else URIRef(str(x))
        out.append(
            Violation(
                focus=focus,
                path=None,
                value=None,
                message=(
                    f"is both a {_local(a)} and a {_local(b)}, which the ontology declares "
                    "disjoint (look for a property whose range or domain says the other: e.g. "
                    "reportedBy names an organization, member names a state)"
                ),
                location=origins.get(focus),
                severity="Violation",
            )
        )
    return out
