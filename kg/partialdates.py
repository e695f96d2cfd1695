"""Partial dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) parsed in one place, with three views.

An article gives a date at its own precision and the graph keeps that precision (the datatype
says which: xsd:gYear, xsd:gYearMonth, xsd:date). Three callers read such a date, each for
its own purpose, and all go through :func:`parse`:

* the seeds reader types it (:attr:`PartialDate.datatype`) and checks that a day exists
  (:meth:`PartialDate.check_calendar`), naming the file and line itself (kg/seeds.py);
* the build turns it into the first and last day it may mean (:func:`day_bounds`), so that
  "as of" compares days, not strings (kg/timebounds.py);
* the entity pages place it on a time axis as fractional years (:meth:`PartialDate.years`),
  where a dateTime's time of day is ignored (:func:`parse_start`; server/lod/dates.py).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# the year may be negative (xsd:gYear allows it); the month 01-12 and the day 01-31 by form,
# whether the day exists in that month is the calendar's question (check_calendar, days)
_FORM = re.compile(r"(-?\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")
_DATATYPES = {"year": "gYear", "month": "gYearMonth", "day": "date"}


@dataclass(frozen=True)
class PartialDate:
    """A year, a month of a year or a day, as written."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year': what the article actually gave."""
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def datatype(self) -> str:
        """The XSD datatype's local name that records the precision."""
        return _DATATYPES[self.precision]

    def check_calendar(self) -> None:
        """Raise ValueError for a day that no calendar has (2023-02-30, 2023-02-29)."""
        if self.month is not None and self.day is not None:
            dt.date(abs(self.year), self.month, self.day)

    def days(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the period (ValueError outside Python's calendar)."""
        if self.month is None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.day is None:
            last = calendar.monthrange(self.year, self.month)[1]
            return dt.date(self.year, self.month, 1), dt.date(self.year, self.month, last)
        day = dt.date(self.year, self.month, self.day)
        return day, day

    def years(self) -> tuple[float, float]:
        """The span as fractional years: ``2023`` is [2023, 2024), ``2023-09`` all of
        September, a day one 365th; the start of the named period, so a year-precision
        fact never pretends to a month."""
        start = self.year + ((self.month or 1) - 1) / 12 + ((self.day or 1) - 1) / 365
        if self.day is not None:
            return start, start + 1 / 365
        if self.month is not None:
            return start, self.year + self.month / 12
        return start, start + 1


def _date(match: re.Match[str]) -> PartialDate:
    year, month, day = match.groups()
    return PartialDate(int(year), int(month) if month else None, int(day) if day else None)


def parse(text: str) -> PartialDate:
    """The partial date ``text`` is, in full; ValueError for anything else."""
    match = _FORM.fullmatch(text)
    if match is None:
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {text!r}")
    return _date(match)


def parse_start(text: str) -> PartialDate | None:
    """The partial date at the start of ``text`` (a dateTime's date), None if there is none."""
    match = _FORM.match(text)
    return _date(match) if match else None


def day_bounds(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of a partial date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    Raises ValueError for anything else, including impossible days such as 2023-02-30.
    """
    return parse(text).days()
