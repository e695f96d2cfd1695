"""What an entity's pictures show, from its view: which facts are points, which are periods.

The rules (the evidence model, issue 13): a date an article attests a fact at (*as of*) is a point
(hollow), never the start of a period; an event's own date is a point (filled); a fact with
a start is a period drawn between the derived day bounds (``sk:startEarliest`` ...
``sk:endLatest``), open when no end is known, "ended no later than" when only
``sk:endLatest`` is. Membership statuses are bands in one row per organization (or member).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from . import entity, svg
from .dates import as_year, bounds
from .relations import Relation

DAY = 1 / 365


def _day_span(first: str, last: str) -> tuple[float, float] | None:
    a, b = as_year(first), as_year(last)
    if a is None or b is None:
        return None
    return a, b + DAY


def fact_period(f: entity.FactView, lane: str, href: str) -> svg.Period | None:
    """The fact as a period, if it has a start; None for point-like facts."""
    b = f.bounds
    given = {d.prop for d in f.dated}
    if not given & {"startDate", "endDate"}:
        return None  # an event (a date) or a fact known only by its bounds: points
    start = _day_span(b["startEarliest"], b["startLatest"]) if "startEarliest" in b else None
    if start is None:
        starts = [d.value for d in f.dated if d.prop == "startDate"]
        start = bounds(min(starts)) if starts else None
    if start is None:  # an end with no start: drawn as "over no later than" its end
        return None
    ends = [d.value for d in f.dated if d.prop == "endDate"]
    end, ended_by = None, False
    if "endEarliest" in b and "endLatest" in b and ends:
        end = _day_span(b["endEarliest"], b["endLatest"])
    elif ends:
        end = bounds(min(ends))
    elif "endLatest" in b:
        last = as_year(b["endLatest"])
        end, ended_by = ((last + DAY, last + DAY) if last is not None else None), True
    starts_text = sorted({d.value for d in f.dated if d.prop == "startDate"})
    ends_text = sorted({d.value for d in f.dated if d.prop == "endDate"})
    tip = f.label + (f", from {' / '.join(starts_text)}" if starts_text else "")
    if ends_text:
        tip += f" until {' / '.join(ends_text)}"
    elif ended_by:
        tip += f", ended no later than {b['endLatest']}"
    else:
        tip += ", no end known"
    return svg.Period(lane, f.label, href, start, end, ended_by, "#546e7a", tip)


def status_pictures(
    statuses: list[entity.StatusView], local: Callable[[str], str]
) -> tuple[list[svg.Mark], list[svg.Period]]:
    """Membership statuses in one row per other side: a status with a start an article gives
    is a band (ended no later than the row's next known start, else open); the dates articles
    attest a status at are points in the status's colour."""
    marks: list[svg.Mark] = []
    periods: list[svg.Period] = []
    for st in statuses:
        colour = svg.STATUS_COLOURS.get(st.status, "#78909c")
        for when, _article in sorted(st.as_of):
            label = f"{st.lane}: {st.status}"
            marks.append(svg.Mark(st.lane, when, label, local(st.fact), True, colour, st.status))
        for when, _article in sorted(st.claimed):
            label = f"{st.lane}: claimed {st.status}"
            marks.append(svg.Mark(st.lane, when, label, local(st.fact), True, colour, st.status))
    rows: dict[str, list[entity.StatusView]] = {}
    for st in statuses:
        if st.starts:
            rows.setdefault(st.lane, []).append(st)
    for lane, items in rows.items():
        spans = sorted(
            ((span, st) for st in items if (span := bounds(min(st.starts))) is not None),
            key=lambda t: t[0],
        )
        for j, (start, st) in enumerate(spans):
            end, ended_by, tip = None, False, f"{st.status} from {min(st.starts)}"
            if st.ends and bounds(min(st.ends)):
                end = bounds(min(st.ends))
                tip += f" until {min(st.ends)}"
            elif j + 1 < len(spans):
                nxt = spans[j + 1][0][0]
                end, ended_by = (nxt, nxt), True
                tip += f", ended no later than {min(spans[j + 1][1].starts)}"
            colour = svg.STATUS_COLOURS.get(st.status, "#78909c")
            periods.append(
                svg.Period(lane, st.status, local(st.fact), start, end, ended_by, colour, tip)
            )
    return marks, periods


def strained_since(statuses: list[entity.StatusView]) -> dict[str, str]:
    """The other side's label -> the first date any evidence gives a non-active status
    (its start or first as-of, a claimed one included: it is said then): before that day
    the tie is drawn as plain membership."""
    out: dict[str, str] = {}
    for st in statuses:
        if st.status == "active":
            continue
        first = min(st.starts + [a for a, _ in st.as_of + st.claimed], default="")
        if first and (st.lane not in out or first < out[st.lane]):
            out[st.lane] = first
    return out


def membership_stances(statuses: list[entity.StatusView]) -> dict[str, str]:
    """The other side's label -> what the latest evidence says of the membership, when that
    is not "active": the status of the period with the latest date (its start or an as-of),
    in the as-of words ("frozen, last attested 2024-02"; "frozen from 2024-02" when an
    article gives the start), never "is frozen" on older evidence alone.

    A status only claimed (an article relaying what someone said of it) never heads the tie
    over a reported one: what an actor said is evidence of the saying. A claim later than the
    reported evidence is added in its own words ("…; reduced participation claimed
    2025-11-27"); with no reported evidence, the claim heads it, said to be one."""
    latest: dict[str, tuple[str, entity.StatusView]] = {}
    claims: dict[str, tuple[str, entity.StatusView]] = {}
    for st in statuses:
        when = max(st.starts + [a for a, _ in st.as_of], default="")
        if when and (st.lane not in latest or when > latest[st.lane][0]):
            latest[st.lane] = (when, st)
        said = max((a for a, _ in st.claimed), default="")
        if said and (st.lane not in claims or said > claims[st.lane][0]):
            claims[st.lane] = (said, st)
    out: dict[str, str] = {}
    for lane in sorted(set(latest) | set(claims)):
        words = ""
        reported_on = ""
        if lane in latest:
            reported_on, st = latest[lane]
            if st.status != "active":
                attested = max((a for a, _ in st.as_of), default="")
                words = (
                    f"{st.status}, last attested {attested}"
                    if attested
                    else f"{st.status} from {reported_on}"
                )
        if lane in claims:
            said, claimed = claims[lane]
            newer = said > reported_on
            differs = lane not in latest or claimed.status != latest[lane][1].status
            if newer and differs and claimed.status != "active":
                words = "; ".join(w for w in (words, f"{claimed.status} claimed {said}") if w)
        if words:
            out[lane] = words
    return out


def tie_dates(view: entity.EntityView) -> dict[str, tuple[str, ...]]:
    """Each other entity named by one of the page's facts -> the dates of those facts (their
    own dates and the days articles attest them at): the time span of a partner's tie."""
    out: dict[str, set[str]] = {}
    for facts in view.facts.values():
        for f in facts:
            dates = set(f.dates) | {d for a in f.attestations for d in a.as_of}
            if not dates:
                continue
            for d in f.details:
                if d.iri is not None and d.iri != view.iri:
                    out.setdefault(d.iri, set()).update(dates)
    return {iri: tuple(sorted(ds)) for iri, ds in out.items()}


def point_marks(f: entity.FactView, lane: str, href: str) -> list[svg.Mark]:
    """An event's dates as points; a fact known only by its bounds as brackets ("no earlier
    than" its earliest date, "no later than" its latest or its end)."""
    marks: list[svg.Mark] = []
    given: dict[str, set[str]] = {}
    for d in f.dated:
        given.setdefault(d.prop, set()).add(d.value)
    for when in sorted(given.get("date", ())):
        marks.append(svg.Mark(lane, when, f.label, href))
    if "date" not in given:
        for when in sorted(given.get("earliestDate", ())):
            marks.append(svg.Mark(lane, when, f.label, href, bound="after"))
        for when in sorted(given.get("latestDate", set()) | given.get("endDate", set())):
            marks.append(svg.Mark(lane, when, f.label, href, bound="by"))
    return marks


def timeline_data(
    view: entity.EntityView, local: Callable[[str], str]
) -> tuple[list[svg.Mark], list[svg.Period]]:
    marks, periods = status_pictures(view.statuses, local)
    for facts in view.facts.values():
        for f in facts:
            if f.kind not in entity.GROUPS or f.kind == "MembershipStatusPeriod":
                continue
            lane, href = entity.GROUPS[f.kind][0], local(f.iri)
            period = fact_period(f, lane, href)
            if period is not None:
                periods.append(period)
            else:
                marks += point_marks(f, lane, href)
            for a in f.attestations:
                who = f" (per {a.headline})" if a.headline else ""
                for when in a.as_of:
                    marks.append(svg.Mark(lane, when, f.label + who, href, attested=True))
                for when in a.no_later_than:  # held at an undated time, by then
                    label = f"{f.label}{who}: attested, undated, no later than {when}"
                    marks.append(svg.Mark(lane, when, label, href, bound="by"))
    return marks, periods


def with_relations(
    ties: list[svg.Tie], found: list[Relation], local: Callable[[str], str]
) -> list[svg.Tie]:
    """The ties with what ``relations`` found: a weakening partnership marks the partnership
    tie strained; a conflict or critical words are ties of their own (with their dates)."""
    out = list(ties)
    for rel in found:
        href = local(rel.other)
        same = [i for i, t in enumerate(out) if t.href == href and t.kind == rel.kind]
        tie = svg.Tie(href, rel.label, rel.kind, href, rel.words, rel.dates, rel.since, rel.tone)
        if same:
            old = out[same[0]]
            out[same[0]] = replace(tie, dates=tuple(sorted(set(old.dates) | set(rel.dates))))
        else:
            out.append(tie)
    return out
