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

import datetime as dt
import re
from dataclasses import dataclass

from kg.draft.dates import (
    MONTHS,
    SLASH_DATE,
    DateFinder,
    Found,
    slash_date,
    solar_to_gregorian,
)
from kg.draft.text import page_date

_PLACE = r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'’.-]+(?:\s+[A-ZÀ-Ý][A-Za-zÀ-ÿ'’.-]+){0,2}"
# "PARIS, 19 June 2024 -", "YEREVAN, July 31. /TASS/.", "BAKU, Azerbaijan, March 13."
DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE})(?:,\s*{_PLACE})?,\s*"
    rf"(?P<date>(?:{MONTHS})\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{MONTHS})(?:,?\s+\d{{4}})?)"
    # a day and month whose year follows is no dateline without its year ("Monday, May 19,
    # 2025": a site's banner, which the whole-date rules read or leave)
    r"(?!,?\s+\d{4})(?=\s*[.,/–—-])",
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


# a dateline's place in any script, then a date in another language: "Бишкек. 28 ноября.",
# "EREVAN, 20 NOVEMBRE, ARMENPRESS:" (the date itself is found by DateFinder)
_ANY_PLACE = re.compile(
    r"^\s*[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2}(?:,\s*[^\W\d_][\w'’-]*)?"
    r"(?:\s*\[[^\W\d_][\w\s'’-]{1,30}\])?[.,]\s*"  # "New Delhi [India], November 24 (ANI):"
)
# what follows a dateline's date: a stop, a slash, a colon or a dash, maybe after the
# agency's name in brackets ("November 24 (ANI):")
_AFTER_DATELINE = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*[.,/–—:-]")
# a page's address with its date in the path: /2024/03/14/, /2025/08/09/ (a month: /2024/03/)
# ... a month or day of one digit (/2021/3/, /2024/5/9/; wave 11: read as the year alone)
URL_DATE = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/(?:([0-3]?\d)(?:/|$|[^\d]))?")

# ... or eight digits opening a segment: /20240517/, /20191030104349538-title (the day, then
# the time and a number; wave 11: such addresses gave no date)
URL_COMPACT_DATE = re.compile(
    r"/((?:19|20)\d\d)([01]\d)([0-3]\d)(?:(?=[/._-]|$)|(?=[0-2]\d[0-5]\d\d*(?:[/._-]|$)))"
)

# ... or written whole in the page's name: "…/news--2025-03-08--title", "/2024-07-22-title"
URL_ISO_DATE = re.compile(r"(?<![\d])((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d)")

# ... or the day first, a segment each: /politics/15/01/2025/ (wave 12: read as the year alone)
URL_DAY_FIRST = re.compile(r"/([0-3]?\d)/([01]?\d)/((?:19|20)\d\d)(?=/|$)")

# ... or eight digits of the day followed by a serial of six or more digits in one segment:
# /ar/20211001301237 (wave 12: no date; a shorter tail, "/2022100345", is an article number)
URL_DAY_SERIAL = re.compile(r"/((?:19|20)\d\d)([01]\d)([0-3]\d)\d{6,12}(?=[/._?#-]|$)")

# ... or the day in the Iranian solar calendar (Persian agencies: /news/1401/07/26/…), whose
# year is 621 or 622 less than the Gregorian (wave 12: 26 Mehr 1401, no date drafted)
URL_SOLAR_DATE = re.compile(r"/(1[34]\d\d)/([01]?\d)/([0-3]?\d)(?=/)")


def _valid_day(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


_PAGE_MONTH = re.compile(r"^\s*date ((?:19|20)\d\d-[01]\d)\s")
# what may stand beside a date on a line that only prints it: a weekday, a time, a comma
_BESIDE_DATE = re.compile(
    r"^[\s,|–—-]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[\s,]*)?$|^[\s,|–—-]*"
    # the time maybe in brackets ("23.05.2022 [20:20]"; wave 11: the stamp was passed over)
    r"(?:[\[(]?\d{1,2}:\d{2}(?:\s*[AP]M)?[\])]?)?[\s,|–—-]*$",
    re.I,
)


# a picture's caption stamped with the picture's width and the day of the item it belongs
# to ("<caption> - <Outlet>, 1920, 12.09.2024"): the article's own picture has its credit
# line ("© Photo : …") just above; a stamp without one is a sidebar's item (wave 15: 352's
# first line, another story's picture, was drafted as the publication date)
_CAPTION_STAMP = re.compile(r",\s*\d{3,4},\s*[0-3]\d\.[01]\d\.(?:19|20)\d\d\s*$")


def _other_item(head: str, line_start: int, line: str) -> bool:
    """A caption stamp whose line does not follow a credit line ("©")."""
    if not _CAPTION_STAMP.search(line):
        return False
    above = [ln for ln in head[:line_start].split("\n") if ln.strip()]
    return not above or "©" not in above[-1]


def _date_lines(head: str) -> list[tuple[Found, int, str]]:
    """Every date of the head with the start and text of its line (not a caption stamp of
    another item's picture)."""
    out = []
    for found in DateFinder(None).find(head):
        line_start = head.rfind("\n", 0, found.start) + 1
        line_end = head.find("\n", found.end)
        line = head[line_start : line_end if line_end >= 0 else len(head)]
        if not _other_item(head, line_start, line):
            out.append((found, line_start, line))
    return out


_TIME = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?!\d)")


# a line that says the page was changed on its date: the date of a later edit, which may be
# days or years after the article's ("Last update: April 14, 2024" above "By <Name> January
# 27, 2023"; wave 15: 363 was drafted a year late). In the corpus's languages.
_UPDATED = re.compile(
    r"\b(?:(?:last\s+)?updated?|modified|обновлен[оаы]?|изменен[оа]?|aktualisiert|"
    r"mis\s+à\s+jour|aggiornat[oa]|actualizad[oa]|zaktualizowan[oy]|aktualizacja|"
    r"güncellen\w*|güncelleme|yenilən\w*|ενημερώθηκε|ενημέρωση|թարմացվ\w*|განახლ\w*)(?!\w)",
    re.I,
)


def _updated(line: str) -> bool:
    """A line that dates an edit of the page, not its publication."""
    return _UPDATED.search(line) is not None


def _stamp_first(item: tuple[Found, int, str]) -> tuple[bool, bool, bool]:
    """The order in which the head's dates are tried: a line that dates an edit last (it
    is the article's day only when nothing else dates it); then a line that prints only a
    date before others, and of those one with its time ("14.01.2022, 16:41": the article's
    stamp) before one without (wave 9-10: a site's "Monday, May 19, 2025" banner above the
    headline, the day the page was read, came first)."""
    only = _only_date(*item)
    return _updated(item[2]), not only, not (only and _TIME.search(item[2]) is not None)


def _agreeing_head_date(head: str, inline: str) -> Found | None:
    """A whole date on a line of its own at the head whose day and month are the dateline's
    ("1 сентября 2018, 11:00" above "…, 1 сентября. /ТАСС/."): the dateline's year."""
    for found, line_start, line in sorted(_date_lines(head), key=_stamp_first):
        if not _only_date(found, line_start, line) or found.precision != "day" or not found.value:
            continue
        again = DateFinder(found.value).find(inline)
        if again and again[0].value == found.value and again[0].precision == "day":
            return found
    return None


def _only_date(found: Found, line_start: int, line: str) -> bool:
    """A line that prints the date and nothing else but a weekday or a time ("15.05.2024
    18:57", "Monday, 10/17/2022"): the article's own, before a site's banner date ("HOME
    PAGE 23/05/2024 12:38"); measured: 2 of the 124 logged texts head so."""
    before = line[: found.start - line_start]
    after = line[found.end - line_start :]
    return bool(_BESIDE_DATE.match(before) and _BESIDE_DATE.match(after))


# a time before a dateline's date ("16:39, 28 ноября 2019, Bishkek")
_LEAD_TIME = re.compile(r"\s*\d{1,2}:\d{2}\s*,?\s*")
# what follows a date that opens a line: an agency in brackets and a dash ("23 octobre
# (Reuters) -"), or a place and a stop, slash, comma or dash ("5 октября, Москва /… - БЕЛТА/.",
# "28 ноября 2019, Bishkek -")
_CAPITALISED = r"[A-ZÀ-ÝА-ЯЁԱ-Ֆ][\w'’-]*"
_AFTER_LEAD = re.compile(
    rf"\s*\([^()]{{1,40}}\)\s*[–—-]|,\s*{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}}\s*(?:[.,/:–—-]|$)"
)


def _lead_date(line: str) -> tuple[int, int] | None:
    """The span of a day and month that open a line (after a time, if any) before an
    agency's name and a dash, or before a place (wave 9: a Russian or Belarusian agency's
    "5 октября, Москва /<Name> - БЕЛТА/." and a page's "16:39, 28 ноября 2019, Bishkek" were
    not read as datelines)."""
    time = _LEAD_TIME.match(line)
    skip = time.end() if time else 0
    found = DateFinder(None).find(line[skip:])
    if not found or found[0].precision != "day" or line[skip : skip + found[0].start].strip():
        return None
    if not _AFTER_LEAD.match(line[skip + found[0].end :]):
        return None
    return skip + found[0].start, skip + found[0].end


def _dateline(text: str, start: int) -> tuple[str, int, int] | None:
    """The date expression of an inline dateline heading one of the first paragraphs (from
    ``start``; a headline and a lead line may come before it)."""
    offset = start
    for line in text[start:1500].split("\n")[:12]:
        match = DATELINE.match(line)
        if match:
            return match["date"].title(), offset + match.start("date"), offset + match.end("date")
        lead = _lead_date(line)  # "23 octobre (Reuters) - …": a wire's dateline, no place
        if lead is not None:
            return line[lead[0] : lead[1]], offset + lead[0], offset + lead[1]
        place = _ANY_PLACE.match(line)
        if place:
            rest = line[place.end() :]
            found = DateFinder(None).find(rest)
            if found and found[0].start == 0 and _AFTER_DATELINE.match(rest[found[0].end :]):
                a, b = place.end() + found[0].start, place.end() + found[0].end
                return line[a:b], offset + a, offset + b
        offset += len(line) + 1
    return None


def url_date(url: str | None) -> str | None:
    """The date in a page's address (``…/2024/03/14/…``: day; ``…/2024/03/…``: month;
    ``…/2024/…``: year)."""
    match = URL_DATE.search(url or "")
    iso = URL_ISO_DATE.search(url or "")
    if match is None and iso is not None:  # "…/news--2025-03-08--…": the day
        match = iso
    compact = URL_COMPACT_DATE.search(url or "") or URL_DAY_SERIAL.search(url or "")
    if match is None and compact is not None:  # "…/20240517/…": the day
        match = compact
    first = URL_DAY_FIRST.search(url or "")
    if match is None and first is not None and _valid_day(first[3], first[2], first[1]):
        return _valid_day(first[3], first[2], first[1])  # "…/15/01/2025/…": day first
    solar = URL_SOLAR_DATE.search(url or "")
    if match is None and solar is not None:  # "…/1401/07/26/…": the solar calendar's day
        solar_day = solar_to_gregorian(int(solar[1]), int(solar[2]), int(solar[3]))
        return solar_day.isoformat() if solar_day else None
    if match is None:  # a year of its own in the path (/press/2024/296854/): the year
        alone = re.search(r"/((?:19|20)\d\d)/", url or "")
        return alone[1] if alone else None
    year, month, day = match[1], match[2], match[3]
    if not 1 <= int(month) <= 12:
        return None
    if day:
        try:
            return dt.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            return None
    return f"{year}-{int(month):02d}"


# a year ending the page's name: "…/view/title-words-12345-2022/" (BelTA's addresses)
_SLUG_YEAR = re.compile(r"[-_]((?:19|20)\d\d)(?:\.s?html?)?/?(?:[?#]|$)")


def _slug_year(url: str | None) -> str | None:
    """The year the page's address ends with, which completes a dateline's day and month
    (wave 9: "5 октября, Москва /… - БЕЛТА/." whose year was only in the address)."""
    match = _SLUG_YEAR.search(url or "")
    return match[1] if match else None


# a 24-hour time beside a date ("16:27 02/03/2024"): a page that writes the day first
_DAY_FIRST_TIME = re.compile(r"(?<!\d)(?:1[3-9]|2[0-3]):[0-5]\d(?!\d)")


def _slash_head_date(head: str, hint: str | None) -> Published | None:
    """A date written with slashes whose order cannot be told from the numbers alone
    ("02/03/2024") on a line of its own near the top: the reading whose month the page's
    address or month (``hint``) gives, or else, beside a 24-hour time ("16:27
    02/03/2024"), day first (wave 9: such a page date was read as its year alone). A date
    :func:`kg.draft.dates.slash_date` can read is left to the other rules."""
    for match in SLASH_DATE.finditer(head):
        if slash_date(match) is not None:
            return None
        line_start = head.rfind("\n", 0, match.start()) + 1
        line_end = head.find("\n", match.end())
        line = head[line_start : line_end if line_end >= 0 else len(head)]
        if len(line.split()) > 4:
            continue
        a, b, year = int(match["a"]), int(match["b"]), match["y"]
        day_first = f"{year}-{b:02d}-{a:02d}"
        month_first = f"{year}-{a:02d}-{b:02d}"
        month = hint[:7] if hint and len(hint) >= 7 else None
        agree = [v for v in (day_first, month_first) if month and v[:7] == month]
        if len(agree) == 1 and hint:
            value, why = agree[0], f"as the page's address or month ({hint[:7]}) says"
        elif _DAY_FIRST_TIME.search(line):
            value, why = day_first, "day first, as a page that prints a 24-hour time writes it"
        else:
            continue
        note = f"Printed as a dateline at the top of the text ({match[0]}, read {why})."
        return Published(value, note, line_start)
    return None


# a page date with spaced slashes ("10:53 - 30 / 10 / 2019"; wave 10: read as its year alone)
_SPACED_SLASHES = re.compile(r"(?<![\d/])([0-3]?\d) / ([01]?\d) / ((?:19|20)\d\d)(?![\d/])")


def _closed_up(match: re.Match[str]) -> str:
    """The date with its slashes closed up, padded to its length (offsets stay the same)."""
    date = f"{match[1]}/{match[2]}/{match[3]}"
    return date + " " * (len(match[0]) - len(date))


# a dotted day that opens a line before an agency's name in capitals, maybe glued to it
# ("29.04.2022 ТАСС", "29.04.2022ТАСС"; wave 10: not read, the line being the first sentence)
_AGENCY_LEAD = re.compile(
    r"(?m)^[ \t]*(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)"
    r"(?=[ \t]*[A-ZА-ЯЁ]{2,}(?![a-zа-яё]))"
)


def _agency_lead(head: str) -> Published | None:
    """The date of a line that opens with a dotted day and an agency's name; the date's
    span is the dateline's (it dates no event of the sentence it heads)."""
    match = _AGENCY_LEAD.search(head)
    if match is None:
        return None
    try:
        value = dt.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return None
    note = f"Printed before the agency's name at the top of the text ({match[0].strip()})."
    return Published(value, note, -1, (match.start("d"), match.end("y")))


def find_published(text: str, given: str | None, url: str | None = None) -> Published:
    """The publication date (``given`` by the curator wins) and the dateline's span; the
    date in the page's address (``url``) when the text prints none (or a dateline without
    a year that agrees with it)."""
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
    month = _PAGE_MONTH.match(text)  # " date 2023-10 …" then "23 octobre (Reuters) - …"
    if month and inline:
        again = DateFinder(month[1]).find(inline[0])
        if again and again[0].value and again[0].value[:7] == month[1]:
            note = (f"The dateline gives the day and month; the year is the page's month "
                    f"({month[1]}) printed at the head of the text.")  # fmt: skip
            return Published(again[0].value, note, -1, span)
    if inline and re.search(r"\d{4}", inline[0]) and inline_value:
        return Published(inline_value, "Printed in the dateline at the head of the text.",
                         -1, span)  # fmt: skip
    from_url = url_date(url)
    if inline and from_url and len(from_url) == 10:
        value = DateFinder(from_url).find(inline[0])
        if value and value[0].value == from_url:
            note = (f"The dateline gives the day and month; the year is from the page's "
                    f"address ({url}), which gives the same day.")  # fmt: skip
            return Published(from_url, note, -1, span)
    slug_year = _slug_year(url) if inline and not re.search(r"\d{4}", inline[0]) else None
    if inline and slug_year and (not from_url or from_url.startswith(slug_year)):
        value = DateFinder(f"{slug_year}-12-31").find(inline[0])
        if value and value[0].value and value[0].precision == "day":
            note = (f"The dateline gives the day and month; the year is the one the page's "
                    f"address ends with ({url}).")  # fmt: skip
            return Published(value[0].value, note, -1, span)
    agreeing = _agreeing_head_date(text[:600], inline[0]) if inline else None
    if agreeing is not None and agreeing.value:
        note = ("Printed at the top of the text, with the day and month the dateline "
                "gives.")  # fmt: skip
        return Published(agreeing.value, note, -1, span)
    if inline and not from_url:
        todo = ("datePublished: the dateline gives a day and month but no year; give the "
                "year from context with a dateNote, or re-draft with --published")  # fmt: skip
        return Published(None, "", -1, span, todo)
    head = _SPACED_SLASHES.sub(_closed_up, text[:600])
    agency = _agency_lead(head)
    if agency is not None:
        return agency
    slashed = _slash_head_date(head, from_url or (month[1] if month else None))
    if slashed is not None:
        return slashed
    lines = _date_lines(head)
    for found, line_start, line in sorted(lines, key=_stamp_first):
        if found.value and len(line.split()) <= 8:
            note = f"Printed as a dateline at the top of the text ({found.precision})."
            return Published(found.value, note, line_start)
    if from_url:
        note = f"From the page's address ({url}); the text as read prints no date."
        return Published(from_url, note, -1, span)
    if month:  # " date 2023-11 …" and nothing finer
        return Published(month[1], "The page's month printed at the head of the text as read.")
    return Published(None, "", todo=(
        "datePublished: the text prints no date; give the date the page or its address "
        "states (with a dateNote), or else no datePublished but publishedNoEarlierThan / "
        "publishedNoLaterThan bounds with a dateNote (docs/modelling.md, 'Undated "
        "articles'), or re-draft with --published"
    ))  # fmt: skip
