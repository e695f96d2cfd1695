"""When an article shows a person holding a post: the tenure as-of rule, as far as a machine
can see it (docs/modelling.md, "As of when a title is attested").

A tenure's as-of is the moment at which the text names the person by the title: the text's own
present (the news of the article's days) is the default as-of, the article's date; an earlier
event the text dates gives ``asOf: <that date>``; an earlier event it does not date gives
``asOfNoLaterThan: <the article's date>``. The curated files had both forms for one situation
(197–246: about 41 tenures as of the article and 39 no later than it, for titles given at the
news of the article's days; the auditors moved several by hand, audit25: 257, 261), and
titles at a dated earlier event attested as of the article (168: a prime minister of 2016 as
of 2021).

What the machine sees is the block the title is given in: a ``Tenure`` whose located sentences
are all sentences of another block of the same file that is an event (a statement, meeting,
visit, agreement, event…; the ontology's subclasses of ``sk:Event``, not a plan). Each such
event is, for the rule, one of:

- **of the article's days**: its date (its ``endDate``, or its ``date``) is no more than seven
  days before the article's first possible day, or it is under way (a ``startDate`` only), or
  it is not dated and the file bounds it only by the article (its ``latestDate`` within those
  seven days) without calling it earlier: an event the article reports as its news without
  giving the day ("told journalists", a dateline-day report);
- **earlier and dated**: its date ends more than seven days before the article;
- **earlier and not dated**: no date, and a ``latestDate`` more than seven days before the
  article, or a ``dateNote`` that calls it earlier ("earlier", "last month", "ago", "before the
  article", "previously", "recent", "repeatedly").

``tenure-as-of`` warns when every such event of a tenure says one thing and the tenure's
attestation another: as of the article (no ``asOf``, or ``asOf`` the article's date) at
earlier events only (give ``asOf`` the dated one's date, or ``asOfNoLaterThan``);
``asOfNoLaterThan: <the article's date>`` at events of the article's days only (the default;
a tighter bound the text gives, "last week" resolved to a week, is left alone); or
``asOfNoLaterThan`` at a dated earlier event only (its ``asOf``). A title the text gives in a
sentence of no event ("X, who heads…") is the text's present and is not read; nor is an
undated article (no ``datePublished``: its holdings are attested no later than its upper bound
anyway), a plan, a former tenure ("the ex-president", told in the sentence of an event: the
text's present, ending it), or a tenure whose ``asOf`` is another date (the curator dated it).
Seven days: a weekly article's "on Tuesday" is still its news; the text's "on 29 October" in a
December article is not. So an ``asOf`` on one of the seven days before the article (the day of
"on Tuesday" resolved) is warned too: the rule's first case writes no ``asOf`` (decided in
session 33; 41 such tenures of 29 files were moved to the default in the commit that added
this).

What it cannot see: whether an undated event the file bounds by the article is the day's news
or background the curator did not call earlier, and a title the text gives in its own present
in the sentence of an earlier event ("X, who now heads…, visited Paris in May"); the warning
names the event, and the reader decides with the text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

# the ontology's subclasses of sk:Event (tests/curate/test_tenure_as_of.py keeps them in step)
EVENT_TYPES = frozenset(
    {
        "MilitaryExercise",
        "Visit",
        "Meeting",
        "Summit",
        "Statement",
        "ArmedConflict",
        "PoliticalEvent",
        "Agreement",
        "ArmsDeal",
        "ArmsExhibition",
    }
)
# the news of the article's days: an event no more than this before the article's first day
NEWS_DAYS = 7
# a dateNote that calls an undated event earlier than the article's news
EARLIER = re.compile(
    r"\bearlier\b|\bbefore the article\b|\blast (?:month|year)\b|\bago\b|\bpreviously\b"
    r"|\bprevious (?:week|month|year)\b|\brecent\b|\brepeatedly\b",
    re.I,
)
_RANGE = re.compile(r"^s(\d+)(?:\s*-\s*s(\d+))?$")


def sentences(locator: object) -> set[int]:
    """The sentence numbers a ``locator`` names (``s4``, ``s4-s6``, ``s4, s9``); none when it
    is not one."""
    found: set[int] = set()
    for part in str(locator or "").split(","):
        match = _RANGE.match(part.strip())
        if not match:
            return set()
        first = int(match[1])
        found.update(range(first, int(match[2] or first) + 1))
    return found


def _date(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def first_day(date: str) -> dt.date:
    """The first day of a date at its precision (``2024`` → 2024-01-01)."""
    parts = [int(p) for p in date.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(date: str) -> dt.date:
    """The last day of a date at its precision (``2024-02`` → 2024-02-29)."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    month = parts[1] if len(parts) > 1 else 12
    return dt.date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def _when(event: dict[str, Any], news_from: dt.date) -> tuple[str, str | None]:
    """(``news`` | ``dated`` | ``undated``, the date to suggest) for one event block."""
    dated = event.get("endDate") or event.get("date")
    if dated:
        if last_day(_date(dated)) < news_from:
            return "dated", _date(event.get("date") or event.get("startDate") or dated)
        return "news", None
    if event.get("startDate"):
        return "news", None  # under way, or begun: not over before the article's days
    latest = event.get("latestDate")
    if latest and last_day(_date(latest)) < news_from:
        return "undated", _date(latest)
    if EARLIER.search(str(event.get("dateNote", ""))):
        return "undated", _date(latest) if latest else None
    return "news", None


def _within_news_days(day: str, published: str, news_from: dt.date) -> bool:
    """A day (full precision) of the seven before the article's first day, not its own."""
    return (
        len(day) == 10 and day != published and news_from <= first_day(day) < first_day(published)
    )


def problems(article: dict[str, Any], blocks: list[dict[str, Any]]) -> Iterator[tuple[Any, str]]:
    """(tenure block, why) for each tenure whose as-of form the events it is told at contradict."""
    published = article.get("datePublished")
    if not published:
        return
    published = _date(published)
    news_from = first_day(published) - dt.timedelta(days=NEWS_DAYS)
    events = [
        (b, sentences(b.get("locator")))
        for b in blocks
        if b.get("type") in EVENT_TYPES and b.get("mode") != "code:mode-plan"
    ]
    for tenure in blocks:
        if tenure.get("type") != "Tenure" or tenure.get("mode") == "code:mode-plan":
            continue
        if tenure.get("former") is True:
            continue  # "ex-president": the text's present says it is over (its end is read)
        as_of = tenure.get("asOf")
        if as_of is not None and _within_news_days(_date(as_of), published, news_from):
            why = (
                f"asOf: {_date(as_of)}, a day of the seven before the article ({published}): "
                "the news of the article's days is the text's present, the default as-of "
                "(write no asOf)"
            )
            yield tenure, why
            continue
        wanted = sentences(tenure.get("locator"))
        told = [b for b, where in events if wanted and wanted <= where]
        if not told:
            continue
        kinds = [(b, *_when(b, news_from)) for b in told]
        names = ", ".join(str(b.get("id")) for b in told)
        dated = sorted({d for _, kind, d in kinds if kind == "dated" and d})
        if "asOfNoLaterThan" in tenure:
            bound = _date(tenure["asOfNoLaterThan"])
            if bound == published and all(kind == "news" for _, kind, _ in kinds):
                why = (
                    f"asOfNoLaterThan, but its sentences ({tenure['locator']}) are those of "
                    f"{names}, of the article's days: the title in the text's present is the "
                    "default as-of (drop asOfNoLaterThan), unless the text tells it earlier"
                )
                yield tenure, why
            elif dated and all(kind == "dated" for _, kind, _ in kinds):
                why = (
                    f"asOfNoLaterThan, but its sentences ({tenure['locator']}) are those of "
                    f"{names}, which the text dates: asOf: {' or '.join(dated)}"
                )
                yield tenure, why
            continue
        if as_of is not None and _date(as_of) != published:
            continue  # dated by the curator
        if any(kind == "news" for _, kind, _ in kinds):
            continue
        if dated:
            suggest = f"asOf: {' or '.join(dated)} (the event's date)"
        else:
            bounds = sorted({d for _, _, d in kinds if d}) or [published]
            suggest = f"asOfNoLaterThan: {bounds[0]}"
        why = (
            f"attested as of the article ({published}), but its sentences "
            f"({tenure['locator']}) are those of {names}, earlier than the article's days: "
            f"the title is given at that event, {suggest}"
        )
        yield tenure, why
