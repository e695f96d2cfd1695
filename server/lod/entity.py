"""What an entity page shows, read from the store with a few SPARQL queries.

The queries run on the store's default graph, which the server fills with the set union of
all named graphs (asserted + inferred), so ``?f a sk:Fact`` also finds an ArmsDeal through
the inferred subclass typing. Sources always come from ``prov:wasDerivedFrom``; what each
article says of a fact (its summary, as-of date, mode) comes from the fact's attestations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from .batch import (
    BOUND_PROPS,
    DATE_PROPS,
    FIGURE_PROPS,
    PREFIXES,
    FactRows,
    Query,
    fact_rows,
    labels_of,
    object_labels,
    values,
)
from .batch import SK as SK  # re-exported: the vocabulary prefix the tests write

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

# fact class local name -> (section title, timeline lane, tie kind)
GROUPS: dict[str, tuple[str, str, str]] = {
    "Membership": ("Memberships", "memberships", "membership"),
    "MembershipStatusPeriod": ("Memberships", "memberships", "membership"),
    "Tenure": ("Posts", "posts", "post"),
    "MilitaryExercise": ("Military exercises", "exercises", "exercise"),
    "Participation": ("Military exercises", "exercises", "exercise"),
    "ArmsDeal": ("Arms deals", "deals", "arms deal"),
    "Visit": ("Visits", "visits", "visit"),
    "Meeting": ("Meetings", "meetings", "meeting"),
    "Statement": ("Statements", "statements", "statement"),
    "Partnership": ("Partnerships", "partnerships", "partnership"),
    "PeacekeepingDeployment": ("Bases and deployments", "deployments", "deployment"),
    "Deployment": ("Bases and deployments", "deployments", "deployment"),
    "Agreement": ("Agreements", "agreements", "agreement"),
    "ArmedConflict": ("Conflicts and political events", "events", "event"),
    "PoliticalEvent": ("Conflicts and political events", "events", "event"),
    "Situation": ("Conflicts and political events", "events", "event"),
}
SECTION_ORDER = list(dict.fromkeys(title for title, _, _ in GROUPS.values()))
# A date note with this word says the year is the curators' estimate ("the year is the
# article's estimated year"): the only coding of an estimate the data has.
ESTIMATE = "estimat"
# States of affairs (docs/modelling.md): periods that hold, which a plan must not begin or end.
STATES = (
    "Tenure",
    "Membership",
    "MembershipStatusPeriod",
    "Partnership",
    "Leadership",
    "Deployment",
    "PeacekeepingDeployment",
    "Situation",
)
# Event-time properties, in the order a fact's headline date is taken from them.
EVENT_DATES = ("date", "startDate", "earliestDate", "latestDate")

Source = tuple[str, str]  # (article IRI, headline)

PLAN = "https://seckg.example.org/code/mode-plan"


@dataclass(frozen=True)
class Detail:
    """One property value of a fact; ``inferred`` when only the OWL RL closure states it."""

    prop: str  # the property's IRI
    name: str  # its local name (the fallback label)
    text: str
    iri: str | None
    inferred: bool


@dataclass(frozen=True)
class Dated:
    """A date (or a figure) one article gives for a fact (``prop`` is the local name: date,
    startDate, ..., personnelCount)."""

    prop: str
    value: str
    article: str
    headline: str
    planned: bool = False  # the article gives it only as a plan ("will take office on 1 May")


@dataclass
class Attestation:
    """What one article says about a fact: when it reports it as of, in which mode (reported,
    claim, assessment, plan), who claims it, which outlet reports it, in its own words."""

    iri: str
    article: str
    headline: str
    as_of: list[str] = field(default_factory=list)
    no_later_than: list[str] = field(default_factory=list)  # held at an undated time, by then
    mode: str = ""
    summary: str = ""
    date_note: str = ""
    claimants: list[tuple[str, str]] = field(default_factory=list)  # (IRI, label)
    reported_by: list[tuple[str, str]] = field(default_factory=list)
    # a deal as this article shows it as of its date: status, numbers ordered and delivered;
    # a relation's trend (strengthening, weakening) as this article gives it
    status: tuple[str, str] | None = None  # (IRI, label)
    trend: tuple[str, str] | None = None
    stance: tuple[str, str] | None = None  # how this article frames a statement
    # its figures of the fact given as approximate, a ceiling or a floor ("about a hundred")
    figures_as: tuple[str, str] | None = None
    ordered: str = ""
    delivered: str = ""


@dataclass
class FactView:
    iri: str
    kind: str
    label: str
    summary: str
    date: str
    sources: list[tuple[str, str]] = field(default_factory=list)  # (article IRI, headline)
    # date, startDate, earliestDate, latestDate, asOf (the latest attestation) or noLaterThan
    date_kind: str = ""
    dates: list[str] = field(default_factory=list)  # every date the sources give (timeline)
    details: list[Detail] = field(default_factory=list)
    dated: list[Dated] = field(default_factory=list)  # which article gives which date
    attestations: list[Attestation] = field(default_factory=list)
    bounds: dict[str, str] = field(default_factory=dict)  # startEarliest ... endLatest (days)
    planned: bool = False  # every article gives it only as a plan: it may never have begun
    figures: list[Dated] = field(default_factory=list)  # which article gives which figure
    # the date note saying the headline date's year is an estimate, when every article that
    # gives that date says so (sk:dateNote; the data has no other coding of an estimate)
    estimated: str = ""

    def evidence(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """(date property, date, [(article, headline)]): one line per date, its articles."""
        grouped: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for d in self.dated:
            grouped.setdefault((d.prop, d.value), []).append((d.article, d.headline))
        order = {p: i for i, p in enumerate(DATE_PROPS)}
        keys = sorted(grouped, key=lambda k: (k[1], order.get(k[0], 99)))
        return [(prop, value, grouped[(prop, value)]) for prop, value in keys]

    @property
    def former(self) -> bool:
        """An article presents it as over by its date (``sk:former``)."""
        return any(d.name == "former" and d.text == "true" for d in self.details)

    def end_dispute(self) -> tuple[dict[str, list[Source]], dict[str, list[Source]]]:
        """({end: [(article, headline)]}, {as-of date: [(article, headline)]}): the ends
        articles give a state of affairs (not as a plan), and the as-of dates other articles
        attest it at after the earliest of them. The second is empty unless the sources
        differ on whether it had ended (SHACL refuses this only within one article)."""
        ends: dict[str, list[Source]] = {}
        later: dict[str, list[Source]] = {}
        if self.kind not in STATES:
            return ends, later
        for d in self.dated:
            if d.prop in ("endDate", "latestDate") and not d.planned:
                ends.setdefault(d.value, []).append((d.article, d.headline))
        if not ends:
            return ends, later
        ending = {article for sources in ends.values() for article, _ in sources}
        first_end = min(_day_last(e) for e in ends)
        for a in self.attestations:
            if a.mode == "plan" or a.article in ending:
                continue
            for day in a.as_of:
                if _day_first(day) > first_end:
                    later.setdefault(day, []).append((a.article, a.headline))
        return ends, later

    @property
    def when(self) -> str:
        """The headline date in words that say what it is: "by 2023-09" is not "2023-09", and a
        state of affairs known from attestations is "last attested", never "as of" (which
        reads as "held then and since"; docs/modelling.md, "As of a day")."""
        prefix = {
            "startDate": "from ",
            "earliestDate": "after ",
            # "ended" only while no other article attests it after that end
            "latestDate": "ended by " if self.former and not self.end_dispute()[1] else "by ",
            "asOf": "last attested ",
            "noLaterThan": "attested, undated, no later than ",
        }.get(self.date_kind, "")
        if self.planned:  # "from 2024-03-01" would say it began
            prefix = "planned " + prefix
        return prefix + self.date if self.date else ""

    @property
    def when_more(self) -> str:
        """What the headline date leaves out (issue 21, finding 12): how many dates articles
        attest a "last attested" fact at and the first; that the year is an estimate."""
        notes = []
        if self.date and self.date_kind == "asOf":  # every attestation counts
            seen = {d for a in self.attestations for d in a.as_of}
            if len(seen) > 1:  # the first: the one whose span begins first
                notes.append(f"first {min(seen)}, {len(seen)} dates")
        if self.date and self.estimated:  # an estimated year must not look exact
            notes.append("year estimated")
        if self.end_dispute()[1]:  # never "ended" or "last attested" without saying so
            notes.append("sources differ on whether it had ended")
        return f"({'; '.join(notes)})" if notes else ""

    def groups(self, skip: tuple[str, ...] = ()) -> list[tuple[str, list[Detail], bool]]:
        """(property name, its values, whether every value is inferred), in name order."""
        grouped: dict[str, list[Detail]] = {}
        for d in self.details:
            if d.name not in skip:
                grouped.setdefault(d.name, []).append(d)
        return [(n, ds, all(d.inferred for d in ds)) for n, ds in sorted(grouped.items())]

    def values(self, name: str) -> list[Detail]:
        return [d for d in self.details if d.name == name]


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut at a word boundary (never mid-word) with an ellipsis if it was longer."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return (cut or text[:limit]) + "…"


@dataclass
class EntityView:
    iri: str
    label: str
    types: list[str]
    labels: list[tuple[str, str]]  # (text, language)
    wikidata: list[str]
    description: str
    facts: dict[str, list[FactView]]
    statuses: list[StatusView]
    partners: list[tuple[str, str, str]]  # (partner IRI, partner label, kind)


def _one(rows: Iterable[ox.QuerySolution], name: str) -> str:
    for row in rows:
        term = row[name]
        if term is not None:
            return term.value
    return ""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def label_of(query: Query, iri: str) -> str:
    """One IRI's label (:func:`batch.labels_of` for one)."""
    return labels_of(query, [iri])[iri]


def exists(query: Query, iri: str) -> bool:
    return bool(
        list(query(f"SELECT ?p WHERE {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }} LIMIT 1"))
    )


def types_of(query: Query, iri: str) -> list[str]:
    """The local names of the IRI's classes in our ontology, sorted."""
    return sorted(
        {
            _local(row["t"].value)
            for row in query(f"SELECT ?t WHERE {{ <{iri}> a ?t }}")
            if "/ontology#" in row["t"].value
        }
    )


def entity_view(query: Query, iri: str, types: list[str] | None = None) -> EntityView:
    """What the entity's page shows; ``types`` when the caller has read them already."""
    types = types_of(query, iri) if types is None else types
    labels = [
        (row["l"].value, row["l"].language or "")
        for row in query(
            f"{PREFIXES}SELECT ?l WHERE {{ <{iri}> rdfs:label|skos:altLabel ?l }} "
            "ORDER BY LANG(?l) STR(?l)"
        )
    ]
    wikidata = [
        row["w"].value
        for row in query(f"{PREFIXES}SELECT ?w WHERE {{ <{iri}> schema:sameAs ?w }} ORDER BY ?w")
    ]
    description = _one(query(f"{PREFIXES}SELECT ?d WHERE {{ <{iri}> schema:description ?d }}"), "d")
    facts = _facts(query, iri)
    label = label_of(query, iri)
    if label == _local(iri):  # an unlabelled fact node: the label its own view composes
        own = [f for fs in facts.values() for f in fs if f.iri == iri]
        label = own[0].label if own else label
    return EntityView(
        iri=iri,
        label=label,
        types=types,
        labels=labels,
        wikidata=wikidata,
        description=description,
        facts=facts,
        statuses=_statuses(query, iri),
        partners=_partners(query, iri),
    )


def _kinds(rows: Iterable[ox.QuerySolution]) -> dict[str, str]:
    """Fact IRI -> the kind its view takes: the first of GROUPS among its classes, else the
    first class by name (rows of ``?f ?kind``)."""
    kinds: dict[str, set[str]] = {}
    for row in rows:
        kinds.setdefault(row["f"].value, set()).add(_local(row["kind"].value))
    return {f: next((k for k in GROUPS if k in ks), sorted(ks)[0]) for f, ks in kinds.items()}


def _facts(query: Query, iri: str) -> dict[str, list[FactView]]:
    """Fact nodes the entity takes part in (or is), grouped into page sections."""
    kinds = _kinds(
        query(f"""{PREFIXES}
        SELECT DISTINCT ?f ?kind WHERE {{
          {{ ?f ?p <{iri}> }} UNION {{ <{iri}> ?p ?f }} UNION {{ BIND(<{iri}> AS ?f) }}
          UNION {{ ?m sk:member|sk:partner|sk:participantActor <{iri}> . ?f sk:ofMembership ?m }}
          ?f a sk:Fact ; a ?kind .
          FILTER (STRSTARTS(STR(?kind), STR(sk:)) && ?kind NOT IN (sk:Fact, sk:Event))
        }}""")
    )
    views = fact_views(query, kinds)
    grouped: dict[str, list[FactView]] = {}
    for fact_iri in sorted(views):
        title = GROUPS.get(kinds[fact_iri], ("Other facts", "", ""))[0]
        grouped.setdefault(title, []).append(views[fact_iri])
    for group in grouped.values():  # the page's own fact first (a deal's page: that deal)
        group.sort(key=lambda v: (v.iri != iri, v.date or "9999", v.label))
    order = SECTION_ORDER + ["Other facts"]
    return {title: grouped[title] for title in order if title in grouped}


def _unlabelled_names(query: Query, iris: Iterable[str], labels: dict[str, str]) -> dict[str, str]:
    """A composed label for each detail value that is an unlabelled fact node: a membership
    status period reads "frozen, from 2024-02" or "active, attested 2019, 2025-03-27", not its
    slug "armenia-csto-active-2019" (issue 21, finding 12). One query for every fact's values."""
    bare = sorted({iri for iri in iris if iri not in labels and "/id/" in iri})
    if not bare:
        return {}
    parts: dict[str, tuple[str, set[str], set[str]]] = {}
    for r in query(f"""{PREFIXES}
        SELECT ?n ?sl ?s ?a WHERE {{
          {values("n", bare)}
          ?n sk:status/skos:prefLabel ?sl FILTER (LANG(?sl) = "en")
          OPTIONAL {{ ?n sk:startDate ?s }}
          OPTIONAL {{ ?att sk:attests ?n ; sk:asOf ?a }}
        }}"""):
        status, starts, seen = parts.setdefault(r["n"].value, (r["sl"].value, set(), set()))
        if r["s"] is not None:
            starts.add(r["s"].value)
        if r["a"] is not None:
            seen.add(r["a"].value)
    return {
        n: f"{status}, from {min(starts)}"
        if starts
        else f"{status}, attested {', '.join(sorted(seen))}"
        if seen
        else status
        for n, (status, starts, seen) in parts.items()
    }


def _day_first(date: str) -> str:
    """The first day a partial date can stand for ("2025-06" is 2025-06-01)."""
    parts = date.split("-")
    return "-".join(parts + ["01", "01"][len(parts) - 1 :]) if len(parts) < 3 else date


def _day_last(date: str) -> str:
    """The last day a partial date can stand for, as text that sorts by time ("2024" is
    2024-12-31, later than "2024-02"'s 2024-02-29)."""
    parts = date.split("-")
    return "-".join(parts + ["12", "31"][len(parts) - 1 :]) if len(parts) < 3 else date


def fact_views(
    query: Query, kinds: dict[str, str], graph: str | None = None
) -> dict[str, FactView]:
    """The view of each fact (IRI -> its kind), read with one query per reader of
    :data:`batch.FACT_QUERIES` for all of them: an entity page's query count does not grow
    with its facts. With ``graph`` (an article's graph) summaries and dates are the ones that
    article gives (the article's page)."""
    rows = fact_rows(query, kinds, graph)
    valued = [r["o"].value for fr in rows.values() for r in fr.details if _named(r["o"])]
    labels = object_labels(query, valued)
    names = _unlabelled_names(query, valued, labels)
    return {iri: _fact_view(iri, kinds[iri], rows[iri], labels | names, graph) for iri in kinds}


def _named(term: Any) -> bool:
    return isinstance(term, ox.NamedNode)


def fact_view(query: Query, iri: str, kind: str, graph: str | None = None) -> FactView:
    """One fact's view (:func:`fact_views` of one fact)."""
    return fact_views(query, {iri: kind}, graph)[iri]


def _fact_view(
    iri: str, kind: str, rows: FactRows, names: dict[str, str], graph: str | None
) -> FactView:
    """One fact's label, summary, date, details and sources, from its rows.

    The date is the event time (date, start, or its bounds); a fact with none (a tenure, a
    membership status) shows the as-of dates of its attestations. ``names``: the label each
    IRI value shows (its own, or one composed for an unlabelled fact node).
    """
    details: list[Detail] = []
    dates: list[str] = []
    known_bounds: dict[str, str] = {}
    by_prop: dict[str, list[str]] = {}
    label = summary = date = ""
    for row in rows.details:
        prop, obj = _local(row["p"].value), row["o"]
        if row["p"].value == RDFS_LABEL:
            label = obj.value
            continue
        if prop == "attestedBy":  # the attestations are listed with their articles
            continue
        if prop in BOUND_PROPS:  # derived day bounds: for drawing, not for reading
            # several dates give bounds (a month's `date` and the days of start and end):
            # the tightest wins - the latest earliest and the earliest latest (issue 21, 2)
            seen = known_bounds.get(prop)
            tighter = max if prop.endswith("Earliest") else min
            known_bounds[prop] = obj.value if seen is None else tighter(seen, obj.value)
            continue
        inferred = row["asserted"] is not None and row["asserted"].value == "false"
        if prop in DATE_PROPS:
            if prop in EVENT_DATES:
                by_prop.setdefault(prop, []).append(obj.value)
                dates.append(obj.value)
            continue  # dates are listed with the article that gives them
        if isinstance(obj, ox.NamedNode):
            text = names[obj.value] if obj.value in names else _local(obj.value)
            details.append(Detail(row["p"].value, prop, text, obj.value, inferred))
        else:
            details.append(Detail(row["p"].value, prop, obj.value, None, inferred))
    summary = next((r["s"].value for r in rows.attested if r["s"] is not None), "")
    as_of = sorted({r["d"].value for r in rows.attested if r["d"] is not None})
    if graph is not None:  # the dates that article gives
        by_prop = {}
        for r in rows.given:
            prop = _local(r["p"].value)
            if r["g"].value == graph and prop in EVENT_DATES:
                by_prop.setdefault(prop, []).append(r["d"].value)
    # the headline date, and what kind of date it is (an event's, a start, a bound)
    date_kind = ""
    for prop in EVENT_DATES:
        if by_prop.get(prop):
            date, date_kind = min(by_prop[prop], key=len), prop
            break
    if not dates:
        dates = as_of
        if not date and as_of:  # the latest evidence, as the as-of answers give it
            date, date_kind = max(as_of, key=_day_last), "asOf"
    if not label:
        named = {d.name: d.text for d in details}
        if "holder" in named and "post" in named:
            label = f"{named['holder']}: {named['post']}"
        elif "ofMembership" in named and "status" in named:
            label = f"{named['ofMembership']}: {named['status']}"
        elif "participantActor" in named:
            label = f"{named['participantActor']} taking part"
    sources = [
        (row["a"].value, row["h"].value if row["h"] is not None else _local(row["a"].value))
        for row in rows.sources
    ]
    headlines = dict(sources)
    per_article: list[Dated] = []
    figures: list[Dated] = []
    for r in rows.given:
        graph_iri = r["g"].value
        prop = _local(r["p"].value)
        if "/graph/article/" not in graph_iri or prop in BOUND_PROPS:
            continue
        article = graph_iri.replace("/graph/article/", "/id/article/", 1)
        given = Dated(prop, r["d"].value, article, headlines.get(article, ""))
        (figures if prop in FIGURE_PROPS else per_article).append(given)
    said = _attestations(rows.attestations, headlines)
    if not summary:  # the fact's words are now its articles' words
        summary = next((a.summary for a in said if a.summary), "")
    if not date and any(a.as_of for a in said):
        date, date_kind = max((d for a in said for d in a.as_of), key=_day_last), "asOf"
    if not date and any(a.no_later_than for a in said):
        date, date_kind = min(d for a in said for d in a.no_later_than), "noLaterThan"
    planned = bool(said) and all(a.mode == "plan" for a in said)
    plans = {a.article for a in said if a.mode == "plan"}
    per_article = [dataclasses.replace(d, planned=d.article in plans) for d in per_article]
    if plans and not planned and kind in STATES:
        # what an article gives only as a plan ("will leave on 1 March") is not when a state
        # of affairs began or ended: its dates stay listed, marked, but neither head the fact
        # nor bound it. An event another article reports as held keeps the planned days as
        # its tightest bounds (Eagle Partner: held "in September", planned for 11-20 September)
        known_bounds = _bounds_outside(rows.given, plans)
        if graph is None and date_kind in EVENT_DATES:
            date, date_kind = _headline_date(per_article, said)
    if date_kind in ("asOf", "noLaterThan"):
        giving = {a.article for a in said if date in a.as_of + a.no_later_than}
    else:
        giving = {d.article for d in per_article if d.value == date}
    notes = [a.date_note for a in said if a.article in giving]
    estimated = notes[0] if notes and all(ESTIMATE in n.casefold() for n in notes) else ""
    return FactView(
        iri,
        kind,
        label or shorten(summary) or _local(iri),
        summary,
        date,
        sources=sources,
        details=details,
        dates=sorted(set(dates)),
        dated=per_article,
        date_kind=date_kind,
        attestations=said,
        bounds=known_bounds,
        planned=planned,
        estimated=estimated if date else "",
        figures=figures,
    )


def _headline_date(dated: list[Dated], said: list[Attestation]) -> tuple[str, str]:
    """The headline date from the dates articles give other than as a plan, else the latest
    as-of date (as :func:`fact_view` chooses it)."""
    given: dict[str, list[str]] = {}
    for d in dated:
        if not d.planned and d.prop in EVENT_DATES:
            given.setdefault(d.prop, []).append(d.value)
    for prop in EVENT_DATES:
        if given.get(prop):
            return min(given[prop], key=len), prop
    as_of = [d for a in said if a.mode != "plan" for d in a.as_of]
    return (max(as_of, key=_day_last), "asOf") if as_of else ("", "")


def _bounds_outside(given: list[Any], plans: set[str]) -> dict[str, str]:
    """The fact's day bounds from the graphs of the articles not in ``plans``, the tightest of
    each (as in :func:`fact_view`); ``given`` are its rows of ``?p ?d ?g``."""
    found: dict[str, str] = {}
    for r in given:
        prop = _local(r["p"].value)
        article = r["g"].value.replace("/graph/article/", "/id/article/", 1)
        if prop not in BOUND_PROPS or "/graph/article/" not in r["g"].value or article in plans:
            continue
        day = r["d"].value
        tighter = max if prop.endswith("Earliest") else min
        found[prop] = day if prop not in found else tighter(found[prop], day)
    return found


def _attestations(rows: list[Any], headlines: dict[str, str]) -> list[Attestation]:
    """The attestation nodes of a fact (``sk:attests``), one per article, oldest first, from
    its rows of the ``attestations`` reader."""
    found: dict[str, Attestation] = {}
    for r in rows:
        iri, article = r["att"].value, r["a"].value
        att = found.setdefault(iri, Attestation(iri, article, headlines.get(article, "")))
        prop, value = _local(r["p"].value), r["o"].value
        text = r["ol"].value if r["ol"] is not None else _local(value)
        if prop == "asOf":
            if value not in att.as_of:
                att.as_of.append(value)
        elif prop == "asOfNoLaterThan":
            if value not in att.no_later_than:
                att.no_later_than.append(value)
        elif prop == "mode":
            att.mode = text
        elif prop == "summary":
            att.summary = value
        elif prop == "dateNote":
            att.date_note = value
        elif prop == "claimant" and (value, text) not in att.claimants:
            att.claimants.append((value, text))
        elif prop == "reportedBy" and (value, text) not in att.reported_by:
            att.reported_by.append((value, text))
        elif prop == "status":
            att.status = (value, text)
        elif prop == "trend":
            att.trend = (value, text)
        elif prop == "stance":
            att.stance = (value, text)
        elif prop == "figureQualifier":
            att.figures_as = (value, text)
        elif prop == "quantityOrdered":
            att.ordered = value
        elif prop == "quantityDelivered":
            att.delivered = value
    return sorted(found.values(), key=lambda a: (a.as_of[:1] or ["9999"], a.article))


@dataclass
class StatusView:
    """One membership status period, in the row of the other side of the membership."""

    lane: str  # the organization's label on a member's page, the member's on an organization's
    status: str
    fact: str
    starts: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    as_of: list[tuple[str, str]] = field(default_factory=list)  # (date, article IRI)
    # the same for attestations that relay someone's claim of the status (mode claim): what
    # an actor said is evidence of the saying, so it never heads the tie over a report
    claimed: list[tuple[str, str]] = field(default_factory=list)


def _statuses(query: Query, iri: str) -> list[StatusView]:
    """Status periods of the entity's memberships: their own start/end dates if an article
    gives them (other than as a plan), and the dates articles report them as of (the usual
    case)."""
    # The other side's label is matched before the OPTIONALs on purpose: after them, it was a
    # separate group that Oxigraph evaluated on its own (every English label in the store)
    # and then joined - 2 s per member state on the 1M-triple benchmark, 1.5 ms this way.
    found: dict[str, StatusView] = {}
    for mine, other in (("member", "organization"), ("organization", "member")):
        rows = query(f"""{PREFIXES}
            SELECT DISTINCT ?orgLabel ?statusLabel ?p ?s ?e WHERE {{
              ?m sk:{mine} <{iri}> ; sk:{other} ?org .
              ?org rdfs:label ?orgLabel FILTER (LANG(?orgLabel) = "en")
              ?p sk:ofMembership ?m ; sk:status ?status .
              ?status skos:prefLabel ?statusLabel FILTER (LANG(?statusLabel) = "en")
              OPTIONAL {{ GRAPH ?sg {{ ?p sk:startDate ?s . ?sa sk:attests ?p ; sk:mode ?sm }}
                         FILTER (?sm != <{PLAN}>) }}
              OPTIONAL {{ GRAPH ?eg {{ ?p sk:endDate ?e . ?ea sk:attests ?p ; sk:mode ?em }}
                         FILTER (?em != <{PLAN}>) }}
            }} ORDER BY ?orgLabel ?p""")
        for r in rows:
            view = found.setdefault(
                r["p"].value, StatusView(r["orgLabel"].value, r["statusLabel"].value, r["p"].value)
            )
            for name, bucket in (("s", view.starts), ("e", view.ends)):
                if r[name] is not None and r[name].value not in bucket:
                    bucket.append(r[name].value)
    for p, as_of in _as_of(query, list(found)).items():
        for day, article, mode in as_of:
            # the mode's IRI is in the deployment's base: its local name decides
            claim = mode.endswith("/code/mode-claim")
            (found[p].claimed if claim else found[p].as_of).append((day, article))
    return sorted(
        found.values(),
        key=lambda v: (v.lane, min(v.starts + [a for a, _ in v.as_of + v.claimed] or ["9999"])),
    )


def _as_of(query: Query, facts: list[str]) -> dict[str, list[tuple[str, str, str]]]:
    """(as-of date, article, mode) of each fact's attestations, oldest first.

    A query of its own with the facts as VALUES: as an OPTIONAL of the status query, Oxigraph
    evaluated the attestation pattern alone (all 61k attestations) and joined it afterwards -
    1.5 s per state page on the 1M-triple benchmark, 0.8 ms this way (same rows).
    """
    if not facts:
        return {}
    found: dict[str, list[tuple[str, str, str]]] = {}
    for r in query(f"""{PREFIXES}
        SELECT DISTINCT ?p ?a ?art ?mode WHERE {{
          VALUES ?p {{ {" ".join(f"<{f}>" for f in facts)} }}
          ?att sk:attests ?p ; sk:asOf ?a ; prov:wasDerivedFrom ?art .
          OPTIONAL {{ ?att sk:mode ?mode }}
        }} ORDER BY ?p ?a ?art"""):
        mode = r["mode"].value if r["mode"] is not None else ""
        found.setdefault(r["p"].value, []).append((r["a"].value, r["art"].value, mode))
    return found


# Where the entity is one of two roles, the role is a VALUES list joined on the entity rather
# than a path alternative ``a|b <X>``: Oxigraph evaluated the alternative from every fact of
# the class (13 ms a page on the 1M-triple benchmark, 0.8 ms this way; same rows).
_TIES = f"""{PREFIXES}
SELECT DISTINCT ?other ?kind WHERE {{
  {{ ?f sk:member <X> ; sk:organization ?other . BIND("membership" AS ?kind) }}
  UNION {{ ?f sk:organization <X> ; sk:member ?other . BIND("membership" AS ?kind) }}
  UNION {{ ?f a sk:Partnership ; sk:partner <X> , ?other . BIND("partnership" AS ?kind) }}
  UNION {{ ?f a sk:MilitaryExercise ; sk:participant <X> , ?other . BIND("exercise" AS ?kind) }}
  UNION {{ VALUES ?r {{ sk:supplier sk:recipient }} ?f ?r <X> .
           ?f a sk:ArmsDeal ; sk:supplier|sk:recipient ?other . BIND("arms deal" AS ?kind) }}
  UNION {{ VALUES ?r {{ sk:hostState sk:operatedBy }} ?f ?r <X> .
           ?f a sk:MilitaryBase ; sk:hostState|sk:operatedBy ?other . BIND("base" AS ?kind) }}
  UNION {{ VALUES ?r {{ sk:contributor sk:hostState }} ?f ?r <X> .
           ?f a sk:Deployment ; sk:contributor|sk:hostState ?other . BIND("deployment" AS ?kind) }}
  UNION {{ ?f a sk:Meeting ; sk:participant <X> , ?other . BIND("meeting" AS ?kind) }}
  UNION {{ ?f a sk:Agreement ; sk:party <X> , ?other . BIND("agreement" AS ?kind) }}
  FILTER (?other != <X> && isIRI(?other))
}}"""


def _partners(query: Query, iri: str) -> list[tuple[str, str, str]]:
    rows = list(query(_TIES.replace("<X>", f"<{iri}>")))
    names = labels_of(query, (r["other"].value for r in rows))
    return sorted((r["other"].value, names[r["other"].value], r["kind"].value) for r in rows)


def article_facts(query: Query, article: str) -> list[FactView]:
    """The facts an article supports, each as that article gives it, in page order."""
    kinds = _kinds(
        query(f"""{PREFIXES}
        SELECT DISTINCT ?f ?kind WHERE {{
          ?f prov:wasDerivedFrom <{article}> ; a ?kind .
          FILTER (STRSTARTS(STR(?kind), STR(sk:))
                  && ?kind NOT IN (sk:Fact, sk:Event, sk:Attestation))
        }}""")
    )
    graph = article.replace("/id/article/", "/graph/article/", 1)
    views = fact_views(query, dict(sorted(kinds.items())), graph)
    return sorted(
        views.values(),
        key=lambda v: (
            SECTION_ORDER.index(GROUPS[v.kind][0]) if v.kind in GROUPS else 99,
            v.date or "9999",
            v.label,
        ),
    )
