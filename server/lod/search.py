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

import bisect
import heapq
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
# A line of context per hit (issue 21, finding 10): a date and a short description. Fixed text.
_CONTEXT = f"""{PREFIXES}
SELECT ?s (MIN(STR(?when)) AS ?d) (SAMPLE(?text) AS ?about) WHERE {{
  {{ ?s sk:date|sk:startDate|schema:datePublished|sk:latestDate ?when }}
  UNION {{ ?s schema:description|sk:summary ?text }}
  FILTER (isIRI(?s) && STRSTARTS(STR(?s), "https://seckg.example.org/id/"))
}} GROUP BY ?s"""
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
    date: str = ""
    about: str = ""

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
    date: str = ""  # a line of context: the fact's date or the article's publication date
    about: str = ""  # and a short description (the summary or description, shortened)


class SearchError(ValueError):
    """Input we answer with a clear 400 (too long, nothing to search for)."""


def _rank(query: str, folded: str) -> int | None:
    """How a whole name matches the whole search text: 0 exact, 1 its beginning."""
    if folded == query:
        return 0
    if folded.startswith(query):
        return 1
    return None


def words(folded: str) -> list[str]:
    return [w for w in _WORD.split(folded) if w]


def _deletes(word: str) -> set[str]:
    """The word with one character left out, each way (the SymSpell idea)."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, or ``limit + 1`` past it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def typo_limit(word: str) -> int:
    """Edits forgiven in a search word: none under 4 letters, 1 up to 6, else 2."""
    return 0 if len(word) < 4 else 1 if len(word) <= 6 else 2


class SearchIndex:
    """The label table of one dataset version, with a word index.

    Every name is split into folded words. A search word matches a name's word exactly, as
    its beginning (found by bisection in the sorted vocabulary), or - only when no word
    begins with it - within :func:`typo_limit` edits (candidates from a one-deletion index
    of the vocabulary, checked with :func:`distance`). An entity is a hit when every search
    word matches one of its names' words, so "Armenia Russia" finds the facts named after
    both. Nothing is scanned per request: ``bench/RESULTS.md`` has the timings at 1M triples.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = sorted(entries, key=lambda e: (fold(e.label), e.iri))
        postings: dict[str, set[int]] = {}
        self.words: list[tuple[str, ...]] = []  # each entry's name words, for typo checks
        for i, entry in enumerate(self.entries):
            mine: set[str] = set()
            for _, folded, _ in entry.names:
                mine.update(words(folded))
            for word in mine:
                postings.setdefault(word, set()).add(i)
            self.words.append(tuple(sorted(mine)))
        self.is_fact = [e.is_fact for e in self.entries]
        # the shortest name's word count: "Armenia" before "Armed Forces of Armenia"
        self.size = [min(len(words(f)) for _, f, _ in e.names) for e in self.entries]
        self.postings = postings
        self.vocabulary = sorted(postings)
        near: dict[str, list[str]] = {}
        for word in self.vocabulary:
            if len(word) >= 3:
                for variant in _deletes(word) | {word}:
                    near.setdefault(variant, []).append(word)
        self.near = near

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
        for row in query(_CONTEXT):
            described = by_iri.get(row["s"].value)
            if described is None:
                continue
            if row["d"] is not None:
                described.date = row["d"].value
            if row["about"] is not None:
                described.about = row["about"].value
        for iri, entry in by_iri.items():
            entry.label = preferred.get(iri, (0, entry.names[0][0]))[1]
            entry.types.sort()
            entry.names.sort(key=lambda n: (n[2], n[0]))
        return cls(by_iri.values())

    def _word_matches(self, word: str) -> dict[int, int]:
        """Entries with a name word matching ``word``: entry -> 0 exact, 1 beginning, 3 within
        the typo limit (one or two edits alike: then the shorter name wins, "Armenien" finds
        Armenia before "Armenian National Committee of America")."""
        found: dict[int, int] = {}
        lo = bisect.bisect_left(self.vocabulary, word)
        hi = bisect.bisect_left(self.vocabulary, word + "\U0010ffff")
        for known in self.vocabulary[lo:hi]:
            quality = 0 if known == word else 1
            for i in self.postings[known]:
                if found.get(i, 9) > quality:
                    found[i] = quality
        limit = typo_limit(word)
        if not limit:
            return found
        candidates: set[str] = set()
        for variant in _deletes(word) | {word}:
            candidates.update(self.near.get(variant, ()))
        if limit > 1:  # two edits: one deletion on each side, or two on the search word's
            for variant in _deletes(word):
                for twice in _deletes(variant):
                    candidates.update(self.near.get(twice, ()))
        for known in candidates:
            if 0 < distance(word, known, limit) <= limit:
                for i in self.postings[known]:
                    found.setdefault(i, 3)
        return found

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Ranked hits for ``text``; raises :class:`SearchError` for input we cannot use."""
        if len(text) > MAX_QUERY_CHARS:
            raise SearchError(
                f"the search text is {len(text)} characters long; at most {MAX_QUERY_CHARS}"
            )
        wanted = fold(text)
        if not wanted:
            raise SearchError("type a name or part of one (letters or digits)")
        tokens = list(dict.fromkeys(words(wanted)))
        if not tokens:
            return []
        matched: dict[int, int] | None = None  # entry -> sum of its words' match qualities
        for token in tokens:
            found = self._word_matches(token)
            if matched is None:
                matched = dict(found)
            else:
                matched = {i: q + found[i] for i, q in matched.items() if i in found}
            if not matched:
                return []
        assert matched is not None
        # A cheap order first (entity before fact, how well the words matched, short names),
        # so a one-letter search at 1M triples ranks a shortlist, not every entity.
        shortlist = heapq.nsmallest(
            3 * limit + 30,
            matched.items(),
            key=lambda kv: (self.is_fact[kv[0]], kv[1], self.size[kv[0]], kv[0]),
        )
        hits: list[tuple[int, int, int, Hit]] = []  # (score, name size, label order, hit)
        for i, quality in shortlist:
            entry = self.entries[i]
            # the name shown as matched: the whole text's match, then the name whose words
            # hold the most search words ("Papikian" matched the alias, not the label)
            best: tuple[int, int, int, str, bool] | None = None
            for name, folded, alias in entry.names:
                rank = _rank(wanted, folded)
                own = words(folded)
                miss = sum(1 for t in tokens if not any(w.startswith(t) for w in own))
                key = (2 if rank is None else rank, miss, int(alias), name, alias)
                if best is None or key < best:
                    best = key
            assert best is not None
            rank, _, _, name, alias = best
            typos = sum(1 for t in tokens if not any(w.startswith(t) for w in self.words[i]))
            # entities before the facts named after them; then how the name matched, then
            # typos, then exact words before word beginnings
            score = int(entry.is_fact) * 100 + rank * 10 + typos * 5 + min(quality, 4)
            hits.append(
                (
                    score,
                    self.size[i],
                    i,
                    Hit(
                        entry.iri,
                        entry.label,
                        entry.type,
                        name,
                        alias,
                        score,
                        entry.date,
                        entry.about,
                    ),
                )
            )
        hits.sort(key=lambda h: h[:3])
        return [h[3] for h in hits[: max(1, min(limit, MAX_RESULTS))]]

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
