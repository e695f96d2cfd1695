"""Partial dates (xsd:gYear / gYearMonth / date) as positions on a time axis.

The parsing is kg.partialdates'; these are the pages' views of it, None where a value holds
no date (a page shows what it can rather than failing).
"""

from __future__ import annotations

from kg.partialdates import parse_start


def as_year(text: str) -> float | None:
    """A fractional year for the start of the period a partial date names (None if unparsable).

    ``2023`` → 2023.0, ``2023-09`` → 2023.667, ``2023-09-11`` → 2023.69: the start of the
    named year, month or day, so a year-precision fact never pretends to a month.
    """
    span = bounds(text)
    return span[0] if span else None


def precision(text: str) -> str:
    """'day', 'month' or 'year' — what the article actually gave."""
    date = parse_start(text)
    return date.precision if date else "day"


def bounds(text: str) -> tuple[float, float] | None:
    """The span a partial date names, as fractional years: ``2023`` is all of 2023,
    ``2023-09`` all of September, a day one day. None if unparsable."""
    date = parse_start(text)
    return date.years() if date else None


def publication_bounds(low: str, high: str) -> str:
    """How the pages state an undated article's publication bounds: never as a date.

    ``("2023-01", "")`` → "not dated; published no earlier than 2023-01"; both bounds →
    "not dated; published between 2023-01 and 2023-03" (docs/modelling.md, "Undated articles").
    """
    if low and high:
        return f"not dated; published between {low} and {high}"
    if low:
        return f"not dated; published no earlier than {low}"
    if high:
        return f"not dated; published no later than {high}"
    return "not dated"
