"""Reviewer warnings read from what each block of an article file says, as written.

The SPARQL warnings of :mod:`kg.audit` see the mapped graph; these need the block itself: a
label's month is compared with the block's own dates at their precision, which the day bounds
of the graph blur ("2024-06-18" as ``latestDate`` bounds a fact, it does not date it in June),
and a block without any date has nothing in the graph to compare with. The auditors found both
by hand (audit4: 067's "(June 2024)" on a block bounded by a day in June; audit5: 075's month
in the label of an undated block), and a headline under ``headlineNote`` that is not the
curators' English (audit4: 068; 059 and 060 wrote the curator's note into the headline).
A summary is read too (audit11): a plan it gives in a named source's words with no claimant
(130; on the live corpus this flags 051, 076 and 089, the same defect, and 002, whose
ministry speaks of the exercise's purpose, not its schedule: 3 finds, 1 false alarm; the same
rule on every mode flagged 86 blocks, mostly "the article says" and announcements the
audits read as reported, so it stays on plans), and the curator's "implies" (140; none now).
A label naming a month or year after the article's own date that no date of the block gives is
flagged even where it says "reported", "as of" or "announced" (audit22, audit27: 267 carried
another article's "(reported November 2021)" on a shared id in an article of January 2021;
none on the corpus now). The tenure as-of rule is :mod:`kg.audit_asof`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg import audit_asof
from kg.audit import Warning_
from kg.errors import Location
from kg.seeds import article_files, read_blocks

MONTHS = (
    "January February March April May June July August September October November December"
).split()
# "June 2024", "2024": a month (optional) and a year named in a label
# a year written onto a name with a hyphen is the name's ("Interaction-2025", "Кобальт-2024")
_IN_NAME = re.compile(r"\w-$")
_NAMED = re.compile(rf"(?:\b({'|'.join(MONTHS)})\s+)?\b((?:19|20)\d{{2}})\b")
# a year a label names as what the thing is for, not when it was: "plan for 2025",
# "budget pour 2026", "программа на 2025", "plan para 2030", "in the year 2030", and the
# end of such a period ("a Secretary General for 2026–2029": audit8, 077 and 081)
_FOR_YEAR = re.compile(
    r"(?:\bfor|\bpour|(?<!\w)на|\bpara|\bin the year)\s+(?:(?:19|20)\d\d\s*[–-]\s*)?$", re.I
)
# the end of a term the thing runs to: "extended until 2044", "to February 2027" (audit8:
# 032's base agreement of 2010, 042's mission extended in 2025); only a year after all the
# block's dates, on a block that is not ended (an ended period's end is one of its dates), and
# not the second year of a span the label gives ("2020 to 2023" is the thing's own period)
_UNTIL = re.compile(r"(?<!\d)(?<!\d\s)\b(?:until|till|to|through)\s+(?:[A-Z][a-z]+\s+)?$")
# a month named as when the thing was announced: the announcement bounds it, so the block's
# latestDate may give that month ("(announced November 2022)" on latestDate 2022-11-09;
# audit8: 021, 076)
_ANNOUNCED = re.compile(r"\bannounced\s+(?:on\s+|in\s+)?(?:\d{1,2}\s+)?$", re.I)
# a label that says when it was seen, not when it was: "as reported in 2024", "by June 2024",
# "by 1 August 2024", "by the end of 2025"; "by" only before a date (audit12: 145's "prolongs
# its mission by two years (January 2025)" on a block bounded only by 30 January passed)
_SEEN = re.compile(
    rf"\b(?:reported|as of)\b|\bby\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+|early\s+|"
    rf"late\s+|mid-?\s*)?(?:\d{{1,2}}\s+)?(?:(?:{'|'.join(MONTHS)})\b|(?:19|20)\d\d\b)",
    re.I,
)
# keys that date a block: its own dates and bounds, and its attestation's as-of dates
DATE_KEYS = (
    "date",
    "startDate",
    "endDate",
    "scheduledEndDate",
    "earliestDate",
    "latestDate",
    "asOf",
    "asOfNoLaterThan",
)
# the keys that can place a fact in a month (a latest date only bounds it)
_IN_MONTH = ("date", "startDate", "endDate", "earliestDate", "asOf")


def block_dates(block: dict[str, Any]) -> dict[str, str]:
    """The block's dates as written (``2024``, ``2024-06``, ``2024-06-18``), by key."""
    return {k: str(block[k]) for k in DATE_KEYS if k in block and block[k] is not None}


def label_dates(block: dict[str, Any]) -> Iterator[str]:
    """Why the block's label names a month or year its own dates do not give (nothing when
    they do, when the label says when it was seen: "reported", "as of", "by", for a year
    the thing is for: "plan for 2025", for the end of a term it runs to: "until 2044", or
    for the month of an announcement its latest date gives: "announced November 2022")."""
    label = block.get("label")
    if not isinstance(label, str) or _SEEN.search(label):
        return
    dates = block_dates(block)
    years = sorted(d[:4] for d in dates.values())
    ended = "endDate" in dates or bool(block.get("former"))
    said: set[str] = set()
    for match in _NAMED.finditer(label):
        before = label[: match.start()]
        if _FOR_YEAR.search(before):
            continue  # the year it is for ("plan for 2025"), not when it happened
        if _IN_NAME.search(before):
            continue  # part of a name ("Interaction-2025", "Cobalt-2024"; audit12, 148)
        month, year = match.groups("")
        named = f"{month} {year}" if month else year
        if dates and not ended and year > years[-1] and _UNTIL.search(before):
            continue  # the end of a term it runs to ("until 2044"), not one of its dates
        announced = bool(_ANNOUNCED.search(before))
        if not dates:
            why = f"its label names {named}, but the block gives no date of its own"
        elif not years[0] <= year <= years[-1]:
            why = f"its label names {named}, outside its own dates ({years[0]} to {years[-1]})"
        elif month and not _month_given(dates, f"{year}-{MONTHS.index(month) + 1:02d}", announced):
            why = f"its label names {named}, which none of its dates gives ({_listed(dates)})"
        else:
            continue
        if why not in said:  # a year named twice ("… 2025 (… 2025)") is one warning
            said.add(why)
            yield why


# a label that says when the thing was seen or announced: "(reported November 2021)", "as of
# June 2024", "announced 3 May 2024" (not "by": a deadline may lie after the article)
_BY = re.compile(
    r"\bby\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+|early\s+|late\s+|mid-?\s*)?"
    r"(?:\d{1,2}\s+)?$",
    re.I,
)
_SEEN_AT = re.compile(r"\b(?:reported|as of|announced)\s+(?:on\s+|in\s+)?(?:\d{1,2}\s+)?$", re.I)


def label_after_article(block: dict[str, Any], published: str) -> Iterator[str]:
    """Why the block's label names a month or year after the article's date that the block's
    own dates do not give: a label this article cannot have written, mostly another article's
    label on a shared fact id (audit27: 267's "(reported November 2021)" in an article of
    January 2021; audit22). The thing's own later dates (a plan's), a year it is for ("plan for
    2025"), a term it runs to ("until 2044") and a deadline ("by June 2024") are left alone."""
    label = block.get("label")
    if not isinstance(label, str) or not published:
        return
    dates = block_dates(block)
    given = {d[:4] for d in dates.values()} | {d[:7] for d in dates.values()}
    for match in _NAMED.finditer(label):
        before = label[: match.start()]
        if _FOR_YEAR.search(before) or _IN_NAME.search(before) or _UNTIL.search(before):
            continue
        if _BY.search(before):
            continue  # a deadline ("by 1 August 2024")
        month, year = match.groups("")
        named = f"{year}-{MONTHS.index(month) + 1:02d}" if month else year
        if named in given:
            continue  # one of the block's own dates
        if named <= published[: len(named)]:
            continue  # not after the article
        seen = " (as when it was seen)" if _SEEN_AT.search(before) else ""
        yield (
            f"its label names {f'{month} {year}' if month else year}{seen}, after this "
            f"article's date ({published}), and no date of the block gives it: another "
            "article's label on a shared id? label it as this article can"
        )


def _month_given(dates: dict[str, str], month: str, announced: bool = False) -> bool:
    """Whether a date of the block places it in ``month`` (or, for a month named as when it
    was announced, whether its latest date, the announcement's bound, is in that month)."""
    keys = (*_IN_MONTH, "latestDate") if announced else _IN_MONTH
    if any(dates[k].startswith(month) for k in keys if k in dates):
        return True
    low, high = dates.get("earliestDate", ""), dates.get("latestDate", "")
    return len(low) >= 7 and len(high) >= 7 and low[:7] <= month <= high[:7]


def _listed(dates: dict[str, str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in dates.items())


# the article's own voice, and sources no claimant can name: "the article says", "according to
# unnamed reports"
_OWN = (
    r"(?:article|outlet|author|agency|paper|newspaper|blog|site|lead|headline|text|page|wire|"
    r"document|it|its|this|which|reports?|media|sources?)"
)
# a summary that gives the plan in someone's words: "according to the acting Secretary
# General", "in Blinken's words", "the spokesperson said" (audit11: 130)
_IN_WORDS = re.compile(
    rf"\baccording\s+to\s+(?!(?:(?:the|this|its|some|unnamed|local|official|media)\s+)*{_OWN}\b)"
    rf"|\bin\s+(?!{_OWN}\b)[\w’'. -]{{2,40}}?['’]s?\s+(?:own\s+)?words\b"
    rf"|\b(?!{_OWN}\b)\w+\s+(?:said|says|announced|has\s+announced|told|stated|declared)\b",
    re.I,
)
# the curator's own inference, not what the text states (audit11: 140's "his words imply")
_IMPLIES = re.compile(r"\bimpl(?:y|ies|ied|ying)\b", re.I)


def summary_problems(block: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(check, why) for a summary that says more than its block records."""
    summary = str(block.get("summary", ""))
    plan = block.get("mode") == "code:mode-plan"
    if plan and not block.get("claimant") and not block.get("reportedBy"):
        said = _IN_WORDS.search(summary)
        if said:
            words = re.split(r"[,;.]", summary[said.start() : said.start() + 60])[0].strip()
            yield (
                "plan-in-words",
                f'its summary gives the plan in a source\'s words ("{words}"), '
                "but the block has no claimant: whose plan is it?",
            )
    implied = _IMPLIES.search(summary)
    if implied:
        yield (
            "summary-implies",
            f'its summary says "{implied.group(0)}": the text does not state it; record what '
            "the text says, or leave it out",
        )


# Latin-script words that English headlines do not use (Spanish, French, German, Italian, ...)
_FOREIGN_WORDS = re.compile(
    r"\b(el|la|los|las|del|y|que|por|para|con|une?|les|des|du|et|dans|sur|avec|der|die|das|"
    r"und|mit|für|il|della|di|è)\b",
    re.I,
)
_CURATOR_WORDS = re.compile(r"\b(curator|curators|curator's|rendering|address)\b", re.I)


def headline_problems(article: dict[str, Any]) -> Iterator[str]:
    """Why the article's headline is not what its ``headlineNote`` makes it."""
    headline = article.get("headline")
    if not isinstance(headline, str):
        return
    if _CURATOR_WORDS.search(headline):
        yield (
            "its headline speaks of the curation (curator/rendering/address): "
            "say that in headlineNote, not in the headline"
        )
    language = str(article.get("inLanguage", "en"))
    if "headlineNote" in article and not language.startswith("en"):
        non_latin = any(c.isalpha() and not c.isascii() and ord(c) > 0x24F for c in headline)
        if non_latin or _FOREIGN_WORDS.search(headline):
            yield (
                f"it has a headlineNote, so its headline is tagged as the curators' English, "
                f"but the headline reads as {language}: translate it, or drop the note"
            )


# a datePublished whose own dateNote calls it a bound or a guess (docs/modelling.md, "Undated
# articles"): 020, 133 and 137 carried "the earliest month the text allows" as their date
_BOUND_AS_DATE = re.compile(
    r"\b(at the earliest|earliest (day|month|year|date)( that)? the text allows|"
    r"curators' estimate|an estimate|no earlier than)\b",
    re.I,
)


def published_problems(article: dict[str, Any]) -> Iterator[str]:
    """Why the article's ``datePublished`` may be a bound presented as a date."""
    note = article.get("dateNote")
    said = _BOUND_AS_DATE.search(note) if isinstance(note, str) else None
    if "datePublished" in article and said:
        yield (
            f'its dateNote gives its datePublished as a bound or an estimate ("{said[0]}"): '
            "if the text, page and address give no date, write publishedNoEarlierThan / "
            "publishedNoLaterThan instead (docs/modelling.md, "
            "'Undated articles')"
        )


def warnings(articles: Path) -> list[Warning_]:
    """Every label and headline warning over the article files of ``articles``."""
    return [w for path in article_files(articles) for w in file_warnings(path)]


def file_warnings(path: Path) -> list[Warning_]:
    """The label and headline warnings of one article file (``kg validate FILE``)."""
    found: list[Warning_] = []
    article, blocks = read_blocks(path)
    for why in headline_problems(article):
        where = Location(path, article.get("__line__"))
        found.append(Warning_("headline", str(article.get("id", path.stem)), why, where))
    for why in published_problems(article):
        where = Location(path, article.get("__line__"))
        found.append(Warning_("published-bound", str(article.get("id", path.stem)), why, where))
    published = article.get("datePublished") or article.get("publishedNoLaterThan")
    for block in blocks:
        where = Location(path, block.get("__line__"))
        said = list(label_dates(block))
        if not said:  # one warning is enough to have the label looked at
            said = list(label_after_article(block, str(published or "")))
        for why in said:
            found.append(Warning_("label-date", str(block.get("id")), why, where))
        for check, why in summary_problems(block):
            found.append(Warning_(check, str(block.get("id")), why, where))
    for tenure, why in audit_asof.problems(article, blocks):
        where = Location(path, tenure.get("__line__"))
        found.append(Warning_("tenure-as-of", str(tenure.get("id")), why, where))
    return found
