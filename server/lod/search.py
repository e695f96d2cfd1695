"""Search by label and alias, and the entity index, from one in-memory table per dataset version.

Why not SPARQL per request: the user's text would have to be put into a query (``CONTAINS``,
``REGEX``), which is exactly the injection surface the issue asks us not to have, and
SPARQL cannot fold accents (``Papikian`` / ``Papikyán``). The table is read once per dataset
version with one fixed query (no user input in it): on the seed data it has ~400 rows and
builds in a few milliseconds, and a search is a scan of normalised strings, microseconds.

Matching: both sides are NFKD-decomposed, stripped of combining marks and case-folded, so
case and accents never matter. Ranking (lower is better): exact label, label prefix, word
prefix inside a label, substring; a preferred label beats an alias at the same rank, and
entities beat fact nodes (a person before the tenures named after them).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from .entity import PREFIXES, Query

MAX_QUERY_CHARS = 200
MAX_RESULTS = 50
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\w]+")

# Every labelled resource under our id/ namespace, with its asserted types (the curated,
# most specific ones: the inferred graph adds every superclass). Fixed text: no user input.
# A deal's designation (CAESAR, Pinaka) is searched like an alias of the deal.
_TABLE = f"""{PREFIXES}
SELECT ?s ?l ?alt ?t WHERE {{
  {{ ?s rdfs:label|skos:prefLabel|schema:headline ?l BIND(false AS ?alt) }}
  UNION {{ ?s skos:altLabel|sk:designation ?l BIND(true AS ?alt) }}
  FILTER (isIRI(?s) && STRSTARTS(STR(?s), "https://seckg.example.org/id/"))
  OPTIONAL {{ GRAPH ?g {{ ?s a ?t }}
             FILTER (?g != <https://seckg.example.org/graph/inferred>
                     && STRSTARTS(STR(?t), STR(sk:))) }}
}}"""
FACT_KINDS = {
    "Membership",
    "MembershipStatusPeriod",
    "Tenure",
    "Participation",
    "ArmsDeal",
    "ArmsExhibition",
    "Summit",
    "Visit",
    "Meeting",
    "Statement",
    "Partnership",
    "Deployment",
    "PeacekeepingDeployment",
    "Agreement",
    "MilitaryExercise",
    "ArmedConflict",
    "PoliticalEvent",
    "Attestation",
    "NewsArticle",
}


def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``Papikyán`` and ``PAPIKYAN`` fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", stripped.casefold()).strip()


@dataclass
class Entry:
    iri: str
    label: str  # the preferred (English if any) label
    types: list[str] = field(default_factory=list)
    names: list[tuple[str, str, bool]] = field(default_factory=list)  # (text, folded, alias)

    @property
    def type(self) -> str:
        return self.types[0] if self.types else "Resource"

    @property
    def is_fact(self) -> bool:
        return any(t in FACT_KINDS for t in self.types)


@dataclass(frozen=True)
class Hit:
    iri: str
    label: str
    type: str
    matched: str  # the label or alias that matched
    alias: bool
    rank: int


class SearchError(ValueError):
    """Input we answer with a clear 400 (too long, nothing to search for)."""


def _rank(query: str, folded: str) -> int | None:
    if folded == query:
        return 0
    if folded.startswith(query):
        return 1
    if any(word.startswith(query) for word in _WORD.split(folded)):
        return 2
    if query in folded:
        return 3
    return None


class SearchIndex:
    """The label table of one dataset version."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = sorted(entries, key=lambda e: (fold(e.label), e.iri))

    @classmethod
    def load(cls, query: Query) -> SearchIndex:
        by_iri: dict[str, Entry] = {}
        preferred: dict[str, tuple[int, str]] = {}
        for row in query(_TABLE):
            iri, term = row["s"].value, row["l"]
            assert isinstance(term, ox.Literal)
            alias = row["alt"].value == "true"
            entry = by_iri.setdefault(iri, Entry(iri, ""))
            name = (term.value, fold(term.value), alias)
            if name not in entry.names:
                entry.names.append(name)
            kind = row["t"]
            if kind is not None:
                local = kind.value.rsplit("#", 1)[-1]
                if local not in entry.types:
                    entry.types.append(local)
            if not alias:
                rank = 0 if term.language == "en" else (1 if not term.language else 2)
                if iri not in preferred or (rank, term.value) < preferred[iri]:
                    preferred[iri] = (rank, term.value)
        for iri, entry in by_iri.items():
            entry.label = preferred.get(iri, (0, entry.names[0][0]))[1]
            entry.types.sort()
            entry.names.sort(key=lambda n: (n[2], n[0]))
        return cls(by_iri.values())

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Ranked hits for ``text``; raises :class:`SearchError` for input we cannot use."""
        if len(text) > MAX_QUERY_CHARS:
            raise SearchError(
                f"the search text is {len(text)} characters long; at most {MAX_QUERY_CHARS}"
            )
        wanted = fold(text)
        if not wanted:
            raise SearchError("type a name or part of one (letters or digits)")
        hits: list[Hit] = []
        for entry in self.entries:
            best: tuple[int, int, str, bool] | None = None
            for name, folded, alias in entry.names:
                rank = _rank(wanted, folded)
                if rank is None:
                    continue
                key = (rank, int(alias), name, alias)
                if best is None or key < best:
                    best = key
            if best is not None:
                rank, _, name, alias = best
                score = rank * 2 + int(entry.is_fact) * 10
                hits.append(Hit(entry.iri, entry.label, entry.type, name, alias, score))
        hits.sort(key=lambda h: (h.rank, fold(h.label), h.iri))
        return hits[: max(1, min(limit, MAX_RESULTS))]

    def by_type(self) -> dict[str, list[Entry]]:
        """Entities (not fact nodes, not articles) grouped by their asserted type."""
        groups: dict[str, list[Entry]] = {}
        for entry in self.entries:
            if entry.is_fact or not entry.types:
                continue
            groups.setdefault(entry.type, []).append(entry)
        return dict(sorted(groups.items()))


class VersionedIndex:
    """One :class:`SearchIndex` per dataset version, rebuilt when the data changes."""

    def __init__(self, query: Query, version: Callable[[], str] | None) -> None:
        self._query = query
        self._version = version
        self._lock = threading.Lock()
        self._current: tuple[str, SearchIndex] | None = None

    def get(self) -> SearchIndex:
        if self._version is None:
            return SearchIndex.load(self._query)
        version = self._version()
        with self._lock:
            if self._current is None or self._current[0] != version:
                self._current = (version, SearchIndex.load(self._query))
            return self._current[1]
