"""Partial dates (xsd:gYear / gYearMonth / date) as positions on a time axis."""

from __future__ import annotations

import re

_DATE = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def as_year(text: str) -> float | None:
    """A fractional year for the start of the period a partial date names (None if unparsable).

    ``2023`` → 2023.0, ``2023-09`` → 2023.667, ``2023-09-11`` → 2023.69: the start of the
    named year, month or day, so a year-precision fact never pretends to a month.
    """
    match = _DATE.match(text)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2) or 1)
    day = int(match.group(3) or 1)
    return year + (month - 1) / 12 + (day - 1) / 365


def precision(text: str) -> str:
    """'day', 'month' or 'year' — what the article actually gave."""
    return {4: "year", 7: "month"}.get(len(text.lstrip("-")), "day")


def bounds(text: str) -> tuple[float, float] | None:
    """The span a partial date names, as fractional years: ``2023`` is all of 2023,
    ``2023-09`` all of September, a day one day. None if unparsable."""
    match = _DATE.match(text)
    if not match:
        return None
    start = as_year(text)
    assert start is not None
    if match.group(3):
        return start, start + 1 / 365
    if match.group(2):
        month = int(match.group(2))
        return start, int(match.group(1)) + month / 12
    return start, start + 1
