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

from kg import audit_actors
from kg.errors import Location
from kg.store import select, value

_PREFIXES = """PREFIX sk: <https://seckg.example.org/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX code: <https://seckg.example.org/code/>
PREFIX schema: <http://schema.org/>
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
    # audit14: 166 and 170 wrote Eagle Partner 2023 with startDate 2023-09 and no end, so
    # their articles of 2024 and 2025 showed it as under way (cq/22); nothing today
    "exercise-without-end": """
        SELECT DISTINCT ?fact ?at (CONCAT("an exercise with a start (", STR(?start),
               ") and no end in this article, which attests it as of ", STR(?asOf),
               ", more than two months later: it reads as under way then; give the end or the ",
               "month it was held (date) if the text says it is over") AS ?why) WHERE {
          GRAPH ?g { ?fact a sk:MilitaryExercise ; sk:startDate ?start ; sk:startLatest ?begun .
                     ?at sk:attests ?fact ; sk:asOfEarliest ?asOf ; sk:mode ?mode .
                     FILTER NOT EXISTS { ?fact sk:endLatest ?end } }
          FILTER (?mode != code:mode-plan)
          FILTER ((YEAR(?asOf) - YEAR(?begun)) * 12 + MONTH(?asOf) - MONTH(?begun) > 2)
        }""",
    # audit32 (296: "other articles call it … (event/…)"), audit33 (300): a summary is what
    # this article states, on its own attestation; what other articles give, or a fact id,
    # belongs in a comment. "article 300.1 of the Criminal Code" is a law's article, not ours
    "summary-cites": """
        SELECT DISTINCT ?fact ?at (CONCAT("its summary speaks of other articles or names a ",
               "fact id (\\"", ?cited, "\\"): a summary says what this article states; put ",
               "the comparison in a comment") AS ?why) WHERE {
          GRAPH ?g { ?at sk:attests ?fact ; sk:summary ?summary }
          BIND (STR(?summary) AS ?s)
          # each pattern once: REPLACE keeps the match, or returns the summary unchanged
          BIND (REPLACE(?s, "^.*?\\\\b((other|another|earlier|later) articles?)\\\\b.*$", "$1",
                        "is") AS ?others)
          BIND (REPLACE(?s, "^.*?\\\\b(articles? [0-9]{3})([^.0-9].*)?$", "$1", "is") AS ?numbered)
          BIND (REPLACE(?s, "^.*?\\\\b([a-z]+/[a-z0-9]+(-[a-z0-9]+)+).*$", "$1", "s") AS ?id)
          BIND (IF(?others != ?s, ?others, IF(?numbered != ?s, ?numbered,
                IF(?id != ?s, ?id, ""))) AS ?cited)
          FILTER (?cited != "")
        }""",
    # audit15: 185 wrote a plan's only date as a latestDate equal to the article's date,
    # which reads as "done by then". Not a deal or an agreement: there the latestDate dates
    # the intention the article reports (083, 030: a purchase announced as planned)
    "plan-dated-by-article": """
        SELECT DISTINCT ?fact ?at (CONCAT("a plan whose only date is a latestDate (",
               STR(?latest), ") equal to the article's date: that reads as done by then; give ",
               "the planned date the text gives, or none") AS ?why) WHERE {
          GRAPH ?g { ?at sk:attests ?fact ; sk:mode code:mode-plan ; prov:wasDerivedFrom ?art .
                     ?fact sk:latestDate ?latest .
                     FILTER NOT EXISTS { ?fact sk:date|sk:startDate|sk:endDate|sk:earliestDate ?d }
                     FILTER NOT EXISTS { ?fact a sk:Agreement }
                     FILTER NOT EXISTS { ?fact a sk:ArmsDeal }
                     ?art schema:datePublished ?published }
          FILTER (STR(?latest) = STR(?published))
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
        rows = select(store, _PREFIXES + query, union=True)
        # a check of one article's block names that article's attestation (?at): its line
        per_article = any(v.value == "at" for v in rows.variables)
        for row in rows:
            fact = value(row["fact"])
            at = row["at"] if per_article else None
            where = origins.get(URIRef(value(at) if at is not None else fact))
            found.append(Warning_(name, fact, value(row["why"]), where))
    # the checks that need the states a block's actors stand for
    found += (
        Warning_(check, fact, why, origins.get(URIRef(at)))
        for check, fact, why, at in audit_actors.findings(store)
    )
    return sorted(found, key=lambda w: (w.check, w.fact, w.why))
