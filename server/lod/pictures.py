"""What an entity's pictures show, from its view: which facts are points, which are periods.

The rules (the evidence model, issue 13): a date an article reports a fact *as of* is a point
(hollow), never the start of a period; an event's own date is a point (filled); a fact with
a start is a period drawn between the derived day bounds (``sk:startEarliest`` ...
``sk:endLatest``), open when no end is known, "ended no later than" when only
``sk:endLatest`` is. Membership statuses are bands in one row per organization (or member).
"""

from __future__ import annotations

from collections.abc import Callable

from . import entity, svg
from .dates import as_year, bounds

DAY = 1 / 365


def _day_span(first: str, last: str) -> tuple[float, float] | None:
    a, b = as_year(first), as_year(last)
    if a is None or b is None:
        return None
    return a, b + DAY


def fact_period(f: entity.FactView, lane: str, href: str) -> svg.Period | None:
    """The fact as a period, if it has a start; None for point-like facts."""
    b = f.bounds
    start = _day_span(b["startEarliest"], b["startLatest"]) if "startEarliest" in b else None
    if start is None:
        starts = [d.value for d in f.dated if d.prop == "startDate"]
        start = bounds(min(starts)) if starts else None
    if start is None:
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


def timeline_data(
    view: entity.EntityView, local: Callable[[str], str]
) -> tuple[list[svg.Mark], list[svg.Band], list[svg.Period]]:
    marks: list[svg.Mark] = []
    periods: list[svg.Period] = []
    for facts in view.facts.values():
        for f in facts:
            if f.kind not in entity.GROUPS or f.kind == "MembershipStatusPeriod":
                continue
            lane, href = entity.GROUPS[f.kind][0], local(f.iri)
            period = fact_period(f, lane, href)
            if period is not None:
                periods.append(period)
            else:
                own = sorted({d.value for d in f.dated if d.prop == "date"})
                marks += [svg.Mark(lane, when, f.label, href) for when in own]
                # (before the evidence model, sk:attestedOn was the attestation's date)
                for d in f.dated:
                    if d.prop == "attestedOn":
                        label = f"{f.label} (per {d.headline})"
                        marks.append(svg.Mark(lane, d.value, label, href, attested=True))
            for a in f.attestations:
                for when in a.as_of:
                    who = f" (per {a.headline})" if a.headline else ""
                    marks.append(svg.Mark(lane, when, f.label + who, href, attested=True))
    bands = [
        svg.Band(org, start, status, local(fact)) for org, start, status, fact in view.statuses
    ]
    return marks, bands, periods
