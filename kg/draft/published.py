"""The article's publication date, from what the text as read prints at its head.

Three places, in order of trust:

1. the page's date the stored text begins with (``" date 2024-04-17 …"``), day-precise;
2. an inline dateline heading the first paragraph: ``PARIS, 19 June 2024 - …``,
   ``YEREVAN, July 31. /TASS/.``, ``BAKU, Azerbaijan, March 13.``, ``YEREVAN, AUGUST 25,
   ARMENPRESS.`` (a dateline without a year gives no date on its own: it is said in a TODO);
3. a date printed on a line of its own near the top (``20 June 2024`` under a headline).

The dateline's own date is never a fact's date: its span is returned so that the sentence it
heads does not date an event by it. Measured on the 9 texts curated first under issue 19: 8
begin with the page's date, 4 have an inline dateline, and the drafter found none of them
before this module (every curator passed ``--published``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.draft.dates import MONTHS, DateFinder
from kg.draft.text import page_date

_PLACE = r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'’.-]+(?:\s+[A-ZÀ-Ý][A-Za-zÀ-ÿ'’.-]+){0,2}"
# "PARIS, 19 June 2024 -", "YEREVAN, July 31. /TASS/.", "BAKU, Azerbaijan, March 13."
DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE})(?:,\s*{_PLACE})?,\s*"
    rf"(?P<date>(?:{MONTHS})\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{MONTHS})(?:,?\s+\d{{4}})?)"
    r"(?=\s*[.,/–—-])",
    re.I,
)


@dataclass(frozen=True)
class Published:
    """What the head of the text says about its publication."""

    value: str | None  # YYYY-MM-DD (or coarser) when known
    note: str  # the dateNote for the article block
    own_line: int = -1  # offset of a line that only prints the date (it proposes nothing)
    dateline: tuple[int, int] | None = None  # chars of an inline dateline's date
    todo: str | None = None  # what the curator must settle


def _dateline(text: str, start: int) -> tuple[str, int, int] | None:
    """The date expression of an inline dateline heading one of the first paragraphs (from
    ``start``; a headline and a lead line may come before it)."""
    offset = start
    for line in text[start:1500].split("\n")[:12]:
        match = DATELINE.match(line)
        if match:
            return match["date"].title(), offset + match.start("date"), offset + match.end("date")
        offset += len(line) + 1
    return None


def find_published(text: str, given: str | None) -> Published:
    """The publication date (``given`` by the curator wins) and the dateline's span."""
    date = page_date(text)
    first = date[1] if date else len(text) - len(text.lstrip())
    inline = _dateline(text, first)
    span = (inline[1], inline[2]) if inline else None
    if given is not None:
        return Published(given, "Publication date given by the curator when drafting.", -1, span)
    finder = DateFinder(date[0] if date else None)
    inline_value = None
    if inline:
        matches = finder.find(inline[0])
        found = matches[0] if matches else None
        inline_value = found.value if found is not None else None
    if date:
        agrees = inline_value == date[0]
        note = "The page's date printed at the head of the text as read" + (
            ", which the dateline (day and month) agrees with." if agrees else "."
        )
        return Published(date[0], note, -1, span)
    if inline and re.search(r"\d{4}", inline[0]) and inline_value:
        return Published(inline_value, "Printed in the dateline at the head of the text.",
                         -1, span)  # fmt: skip
    if inline:
        todo = ("datePublished: the dateline gives a day and month but no year; give the "
                "year from context with a dateNote, or re-draft with --published")  # fmt: skip
        return Published(None, "", -1, span, todo)
    head = text[:600]
    for found in DateFinder(None).find(head):
        line_start = head.rfind("\n", 0, found.start) + 1
        line_end = head.find("\n", found.end)
        line = head[line_start : line_end if line_end >= 0 else len(head)]
        if found.value and len(line.split()) <= 8:
            note = f"Printed as a dateline at the top of the text ({found.precision})."
            return Published(found.value, note, line_start)
    return Published(None, "", todo=(
        "datePublished: the text prints no date; give the best-supported partial "
        "date (YYYY or YYYY-MM) with a dateNote, or re-draft with --published"
    ))  # fmt: skip
