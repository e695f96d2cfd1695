"""Day bounds of partial dates, so that facts stated at different precisions can be compared.

A date is stated at the precision the article gives (``2023``, ``2023-09`` or ``2023-09-11``:
the datatype is the precision). Comparing those as strings is wrong ("2023" < "2023-02" but
the year 2023 is not before February 2023), and padding them to a day invents a date. Every
partial date is therefore an interval of days: 2023 is [2023-01-01, 2023-12-31]. From a
fact's stated dates the build derives four xsd:date bounds (``startEarliest``,
``startLatest``, ``endEarliest``, ``endLatest``) and, for an attestation, two
(``asOfEarliest``, ``asOfLatest``); "as of D" questions compare days only
(docs/modelling.md). The stated dates stay as they are.
"""

from __future__ import annotations

import datetime as dt

from kg.partialdates import day_bounds

XSD = "http://www.w3.org/2001/XMLSchema#"


def _values(node: dict, key: str) -> list[str]:
    raw = node.get(key, [])
    items = raw if isinstance(raw, list) else [raw]
    return [item["@value"] if isinstance(item, dict) else str(item) for item in items]


def fact_bounds(node: dict) -> dict[str, dt.date]:
    """The derived day bounds of one fact node's stated dates (only those that are known).

    ``date`` bounds both start and end; ``startDate``/``endDate`` their own side;
    ``earliestDate`` is a floor for both, ``latestDate`` a ceiling for both (P1319/P1326).
    Several values of one key (never in one article, but allowed) give the tightest bounds.
    """
    lows: dict[str, list[dt.date]] = {"start": [], "end": []}
    highs: dict[str, list[dt.date]] = {"start": [], "end": []}
    for key, sides in (
        ("date", ("start", "end")),
        ("startDate", ("start",)),
        ("endDate", ("end",)),
    ):
        for text in _values(node, key):
            first, last = day_bounds(text)
            for side in sides:
                lows[side].append(first)
                highs[side].append(last)
    for text in _values(node, "earliestDate"):
        first, _ = day_bounds(text)
        lows["start"].append(first)
        lows["end"].append(first)
    for text in _values(node, "latestDate"):
        _, last = day_bounds(text)
        highs["start"].append(last)
        highs["end"].append(last)
    # A start is no later than the latest end. (The converse is not derived: an open period's
    # end is unknown, and "ended no earlier than its start" would read as "possibly ended".)
    if highs["end"] and not highs["start"]:
        highs["start"] = list(highs["end"])
    out: dict[str, dt.date] = {}
    for side in ("start", "end"):
        if lows[side]:
            out[f"{side}Earliest"] = max(lows[side])
        if highs[side]:
            out[f"{side}Latest"] = min(highs[side])
    return out


def as_of_bounds(text: str) -> dict[str, dt.date]:
    """The derived day bounds of an attestation's as-of date."""
    first, last = day_bounds(text)
    return {"asOfEarliest": first, "asOfLatest": last}


def typed_day(day: dt.date) -> dict[str, str]:
    """A JSON-LD value object for a derived day bound."""
    return {"@value": day.isoformat(), "@type": XSD + "date"}
