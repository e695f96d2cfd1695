"""The page queries that read many IRIs at once: one query for a set, its rows grouped by IRI.

Why: an entity page asked the store about six queries per fact (its details, attestations,
sources, dates per article graph ...) and one label query per partner. Armenia's page, 215
facts, ran 1,358 queries, and every article made it longer (bench/RESULTS.md, "Entity pages:
queries per page"). Here each reader asks once with the IRIs as a VALUES block and groups
the rows in Python, so a page runs the same handful of queries however many facts it has
(tests/server/test_page_queries.py counts them). The rows keep each old per-fact query's
order: the IRI is the first ORDER BY key, then that query's own keys.

The queries are written with the authored vocabulary IRIs; ``routes.blueprint``'s ``query``
moves them to the deployment's base, as for every page query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

SK = "https://seckg.example.org/ontology#"
PREFIXES = f"""PREFIX sk: <{SK}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
Query = Callable[[str], Iterable[ox.QuerySolution]]

INFERRED_GRAPH = "https://seckg.example.org/graph/inferred"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DATE_PROPS = ("date", "startDate", "endDate", "scheduledEndDate", "earliestDate", "latestDate")
# A fact's own figures, one per article graph (shapes: OneFigurePerArticleShape); a deal's
# quantities are on each attestation (Attestation.ordered, .delivered).
FIGURE_PROPS = ("personnelCount", "memberCount", "valueAmount")
# Day bounds derived from the partial dates (for comparing across precisions and drawing).
BOUND_PROPS = ("startEarliest", "startLatest", "endEarliest", "endLatest")
# What an attestation says, read for the page (as a FILTER, not a VALUES block: Oxigraph
# joined a VALUES list of properties against every ``?att ?p ?o``, 0.55 ms a fact on the seed
# data against 0.11 ms this way; same rows).
ATTESTATION_PROPS = (
    "asOf",
    "asOfNoLaterThan",
    "mode",
    "summary",
    "dateNote",
    "claimant",
    "reportedBy",
    "status",
    "quantityOrdered",
    "quantityDelivered",
    "trend",
    "stance",
    "figureQualifier",
)


def values(var: str, iris: Iterable[str]) -> str:
    """A VALUES block binding ``?var`` to each IRI."""
    return f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in iris)} }}"


def grouped(rows: Iterable[ox.QuerySolution], var: str) -> dict[str, list[Any]]:
    """The rows by the value of ``?var``, each group in the rows' order."""
    out: dict[str, list[Any]] = {}
    for row in rows:
        out.setdefault(row[var].value, []).append(row)
    return out


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def labels_of(query: Query, iris: Iterable[str]) -> dict[str, str]:
    """Each IRI's label (English first, then the first in string order; its local name if it
    has none), in one query for them all."""
    wanted = sorted(set(iris))
    if not wanted:
        return {}
    found: dict[str, str] = {}
    for r in query(
        f"{PREFIXES}SELECT ?x ?l WHERE {{ {values('x', wanted)} "
        "?x rdfs:label|skos:prefLabel|schema:headline ?l . "
        'BIND(IF(LANG(?l) = "en", 0, 1) AS ?rank) } ORDER BY ?x ?rank STR(?l)'
    ):
        found.setdefault(r["x"].value, r["l"].value)
    return {iri: found.get(iri) or local_name(iri) for iri in wanted}


# The readers of fact_rows: name -> query, with {facts} the VALUES block of the facts and
# {scope} "GRAPH <article graph> " on an article's page (what that article says), else "".
FACT_QUERIES: dict[str, str] = {
    # every property value, and whether an asserted graph states it (the values' labels are
    # read afterwards, by :func:`object_labels`: joined here with an OPTIONAL and a GROUP BY, the
    # reader took 121 ms on Armenia's 215 facts, 54 ms without them plus 3 ms for the labels)
    "details": f"""{PREFIXES}
        SELECT ?f ?p ?o ?asserted WHERE {{
          {{facts}}
          ?f ?p ?o .
          FILTER (?p NOT IN (<{RDF_TYPE}>, prov:wasDerivedFrom))
          FILTER (STRSTARTS(STR(?p), STR(sk:)) || ?p = rdfs:label)
          BIND (EXISTS {{ GRAPH ?g {{ ?f ?p ?o }} FILTER (?g != <{INFERRED_GRAPH}>) }}
                AS ?asserted)
        }} ORDER BY ?f ?p ?o""",
    # the summaries and as-of dates of its attestations (in the scope)
    "attested": f"""{PREFIXES}
        SELECT ?f ?s ?d WHERE {{ {{facts}} {{scope}}{{ ?att sk:attests ?f
          OPTIONAL {{ ?att sk:summary ?s }} OPTIONAL {{ ?att sk:asOf ?d }} }}
        }} ORDER BY ?f ?d ?s""",
    # the articles it is derived from, with their headlines
    "sources": f"""{PREFIXES}
        SELECT ?f ?a ?h WHERE {{ {{facts}} ?f prov:wasDerivedFrom ?a
          OPTIONAL {{ ?a schema:headline ?h }} }} ORDER BY ?f ?a""",
    # the dates, figures and day bounds each graph gives it (the properties a FILTER, as for
    # the attestations: as a VALUES list this reader took 125 ms on Armenia's facts, 29 ms so)
    "given": f"""{PREFIXES}
        SELECT DISTINCT ?f ?p ?d ?g WHERE {{
          {{facts}}
          GRAPH ?g {{ ?f ?p ?d }}
          FILTER (?p IN ({", ".join("sk:" + p for p in DATE_PROPS + FIGURE_PROPS + BOUND_PROPS)}))
        }} ORDER BY ?f ?d ?g""",
    # what each attestation says, with the labels of the things it names
    "attestations": f"""{PREFIXES}
        SELECT ?f ?att ?a ?p ?o ?ol WHERE {{
          {{facts}}
          ?att sk:attests ?f ; prov:wasDerivedFrom ?a ; ?p ?o .
          FILTER (?p IN ({", ".join("sk:" + p for p in ATTESTATION_PROPS)}))
          OPTIONAL {{ ?o rdfs:label|skos:prefLabel ?ol
                     FILTER (LANG(?ol) = "en" || LANG(?ol) = "") }}
        }} ORDER BY ?f ?att ?p ?o""",
}


@dataclass
class FactRows:
    """The rows of every reader of FACT_QUERIES for one fact, in the reader's order."""

    details: list[Any] = field(default_factory=list)
    attested: list[Any] = field(default_factory=list)
    sources: list[Any] = field(default_factory=list)
    given: list[Any] = field(default_factory=list)
    attestations: list[Any] = field(default_factory=list)


def fact_rows(query: Query, facts: Iterable[str], graph: str | None = None) -> dict[str, FactRows]:
    """Every fact's rows, one query per reader for all the facts together."""
    wanted = sorted(set(facts))
    out = {f: FactRows() for f in wanted}
    if not wanted:
        return out
    scope = f"GRAPH <{graph}> " if graph is not None else ""
    block = values("f", wanted)
    for name, text in FACT_QUERIES.items():
        rows = query(text.replace("{facts}", block).replace("{scope}", scope))
        for fact, found in grouped(rows, "f").items():
            getattr(out[fact], name).extend(found)
    return out


def object_labels(query: Query, iris: Iterable[str]) -> dict[str, str]:
    """The label a fact's detail shows for each IRI value that has one: its English
    ``rdfs:label`` or ``skos:prefLabel``, else an untagged one (the first in string order
    when there are several; none of our values has several)."""
    wanted = sorted(set(iris))
    if not wanted:
        return {}
    found: dict[str, str] = {}
    for r in query(
        f"{PREFIXES}SELECT ?o ?l WHERE {{ {values('o', wanted)} "
        "?o rdfs:label|skos:prefLabel ?l "
        'FILTER (LANG(?l) = "en" || LANG(?l) = "") '
        'BIND (IF(LANG(?l) = "en", 0, 1) AS ?rank) } ORDER BY ?o ?rank STR(?l)'
    ):
        found.setdefault(r["o"].value, r["l"].value)
    return found
