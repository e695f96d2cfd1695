"""Warnings for a reviewer: patterns the auditors of the 60-article corpus found by hand.

They need judgement (a label may rightly name a year outside the fact's dates: "the 2020
ceasefire's anniversary"), so they are warnings printed by ``kg validate``, never build
failures. Each is one SPARQL query over the mapped store (per-article graphs), so the article
that says what is named.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import Location
from kg.store import select, value

_PREFIXES = """PREFIX sk: <https://seckg.example.org/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX code: <https://seckg.example.org/code/>
"""

# (query selecting ?fact and ?why, what the warning says)
CHECKS: dict[str, str] = {
    "label-differs": """
        SELECT DISTINCT ?fact (CONCAT("its label differs between articles: \\"", STR(?a),
               "\\" and \\"", STR(?b), "\\"") AS ?why) WHERE {
          GRAPH ?g1 { ?fact rdfs:label ?a ; a ?t1 }
          GRAPH ?g2 { ?fact rdfs:label ?b }
          ?t1 rdfs:subClassOf* sk:Fact .
          FILTER (?g1 != ?g2 && STR(?a) < STR(?b))
        }""",
    # Not a partnership: its partners and kind make it one fact by rule (one id per pair and
    # kind, a second refused by the shapes), and an author's judgement of it is of its trend,
    # on that article's attestation (docs/modelling.md: 003 judges the Armenia–Russia
    # alliance weakening beside 000–006 reporting it; audit7, audit8)
    "assessment-and-reported": """
        SELECT DISTINCT ?fact (CONCAT("one article files it as its author's assessment, ",
               "another reports it as fact: is it one fact?") AS ?why) WHERE {
          ?x sk:attests ?fact ; sk:mode code:mode-assessment .
          ?y sk:attests ?fact ; sk:mode code:mode-reported .
          FILTER NOT EXISTS { ?fact a sk:Partnership }
        }""",
    "ended-not-former": """
        SELECT DISTINCT ?fact (CONCAT("an article's summary says it ended, was completed or ",
               "withdrawn, but the fact is neither former nor ended") AS ?why) WHERE {
          VALUES ?type { sk:Tenure sk:Membership sk:MembershipStatusPeriod sk:Partnership
                         sk:Deployment sk:PeacekeepingDeployment sk:Situation sk:Leadership }
          ?fact a ?type .
          ?a sk:attests ?fact ; sk:summary ?summary .
          # "was not withdrawn", "has never ended" say the opposite: drop them before looking
          BIND (REPLACE(STR(?summary), CONCAT("\\\\b(not|never|n't)\\\\s+(yet\\\\s+)?",
                "(been\\\\s+)?(ended|completed|withdrew|withdrawn|left the post)\\\\b"), "", "i")
                AS ?said)
          FILTER (REGEX(?said,
                  "\\\\b(ended|completed|withdrew|withdrawn|left the post|no longer)\\\\b", "i"))
          FILTER NOT EXISTS { ?fact sk:former true }
          FILTER NOT EXISTS { ?fact sk:endLatest ?end }
        }""",
    # audit13: 159 added `tavush` and 161, minutes later, `tavush-province` for one province
    # (both Place, "Tavush Province"); on the 695 entities then, it was the only pair
    "same-label": """
        SELECT DISTINCT ?fact (CONCAT("another id, ", STRAFTER(STR(?other), "/id/"),
               ", has its type and label \\"", STR(?l), "\\": one entity under two ids?")
               AS ?why) WHERE {
          ?fact rdfs:label ?l ; a ?t .
          ?other rdfs:label ?l ; a ?t .
          FILTER (STR(?fact) < STR(?other))
          FILTER NOT EXISTS { ?t rdfs:subClassOf* sk:Fact }
          FILTER NOT EXISTS { ?t rdfs:subClassOf* sk:Attestation }
        }""",
}


@dataclass(frozen=True)
class Warning_:
    check: str
    fact: str
    why: str
    where: Location | None

    def __str__(self) -> str:
        place = f"{self.where}: " if self.where else ""
        return f"{place}warning ({self.check}): {self.fact.rsplit('/id/', 1)[-1]}: {self.why}"


def warnings(store: ox.Store, origins: dict[URIRef, Location]) -> list[Warning_]:
    """Every warning of :data:`CHECKS` over the store's article graphs."""
    found: list[Warning_] = []
    for name, query in CHECKS.items():
        for row in select(store, _PREFIXES + query, union=True):
            fact = value(row["fact"])
            found.append(Warning_(name, fact, value(row["why"]), origins.get(URIRef(fact))))
    return sorted(found, key=lambda w: (w.check, w.fact, w.why))
