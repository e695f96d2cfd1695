"""A long section of an entity page in years: what keeps a page of 180 facts usable.

Armenia's page (128 articles) has 52 statements and 56 conflicts and political events, each
section 7,000 px tall at 1400 px even with every fact's details folded; scrolling through one
gave no sense of where in time one was. A section with more than :data:`LONG` facts is shown
in year groups, each with its count, in the section's (chronological) order; the latest
:data:`OPEN_YEARS` groups are open, the older ones folded (the browser's find-in-page still
finds text in them, and opens them).
"""

from __future__ import annotations

from dataclasses import dataclass

from .entity import FactView

LONG = 15
OPEN_YEARS = 2
UNDATED = "undated"


@dataclass(frozen=True)
class YearGroup:
    year: str  # "2024", or UNDATED
    facts: list[FactView]
    open: bool


def _year(f: FactView) -> str:
    return f.date[:4] if f.date[:4].isdigit() else UNDATED


def by_year(facts: list[FactView]) -> list[YearGroup]:
    """The facts in year groups (first-seen order) if the section is long, else one open
    group holding them all (year ""), so the template has one way to lay a section out."""
    if len(facts) <= LONG:
        return [YearGroup("", facts, True)]
    groups: dict[str, list[FactView]] = {}
    for f in facts:
        groups.setdefault(_year(f), []).append(f)
    dated = sorted((y for y in groups if y != UNDATED), reverse=True)
    latest = set(dated[:OPEN_YEARS])
    return [YearGroup(y, fs, y in latest or y == UNDATED) for y, fs in groups.items()]
