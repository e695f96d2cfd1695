"""Reviewer warnings that need the texts as read (``kg validate --texts DIR``).

The texts live outside the repository (``seedFile`` names each), so these checks are opt-in.
Each compares a block with the sentences its ``locator`` points to, numbered by the drafter's
own splitter (:mod:`kg.draft.sentences`, the numbering the curators cite):

- ``context-date``: a day or year of the block's dates that neither the located sentences nor
  the article's printed date give, while the ``dateNote`` does not say where it comes from
  (audit5: 21 of its 27 defects, a year or a weekday's day taken from context unsaid); the
  article's ``datePublished`` counts as printed only when its ``dateNote`` does not say it
  came from the page's address or context, or when the text prints its year (and day);
- ``unstated-place``: a ``location`` none of whose names (label, altLabels, labels in every
  language, as the drafter matches them, or an adjective made of one: "бакинском" of "Баку")
  is in the located sentences (audit4: 066);
- ``broken-off``: a block located at the text's last sentence when the text breaks off in it,
  so a reviewer checks that the summary does not complete it (audit4: 063, 065, 066, 068, 070);
  a block whose summary or dateNote already says the text breaks off is listed only when its
  summary still goes on past the cut in the text's own words (:func:`finished`; audit23: 249's
  "democratic institutions" after "…democratic contr"). An Armenian sentence may end with a
  colon for the Armenian full stop "։" (audit27: 268), which is no break;
- ``statement-day``: a ``Statement`` whose only date is the article's day while its sentences
  name another day, a weekday or "yesterday" counted back from the article, or a day printed
  in the two weeks before it (audit24, audit27). Not caught: a statement dated by the article
  whose sentences name no day at all (the text may say "today" elsewhere), a day named in
  words the date finder does not read, or a day of the sentence that is another event's;
- ``approximate-figure``: a figure of the block (``personnelCount``, ``memberCount``,
  ``valueAmount``) that a located sentence prints with "about", "up to", "more than", "около",
  "environ", … right before it, while the block has no ``figureQualifier`` (audit12: 039's
  "about $ 2 billion", 150's "environ 85", 151's "almost 2,000"; :mod:`kg.audit_figures`);
- ``acting``: a tenure whose sentences call its holder acting ("acting Prime Minister Nikol
  Pashinyan", "и.о. главы МИД", "исполнял обязанности") while the block has no ``acting:
  true`` (audit11: 132; :mod:`kg.audit_acting`);
- ``no-text``: an article with a located block whose text as read is not in the directory.
  An article none of whose blocks has a ``locator`` is skipped: every check above reads the
  sentences a locator points to, so without one its text would be read for nothing. Those are
  the five original fixture articles 000–004, curated before issue 19 from texts the project
  was given rather than found (their file names are not their hashes, and nothing in the
  project may read where they are kept), with no ``url``, no ``textSha256`` and no locators
  (the shapes require all three only of a page of the corpus); warning about them in every
  run would hide the warnings that can be acted on (audit8).

Months are not checked: their names in the texts' languages (ноября, enero, janvier) would
need the date parser's tables, and every defect the audits found was a year or a day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg import config
from kg.audit import Warning_
from kg.audit_acting import acting_words
from kg.audit_blocks import block_dates
from kg.audit_figures import FIGURE_KEYS, qualifiers
from kg.draft.dates import DateFinder
from kg.draft.names import NameMatcher, load_gazetteer, make_nlp, translit_key
from kg.draft.sentences import Numbered, numbered, numbers
from kg.draft.text import page_date, read_article
from kg.errors import KgError, Location
from kg.seeds import article_files, read_blocks

# words of a dateNote that say where a date not printed in its sentences comes from
SAYS_WHERE = re.compile(
    r"context|address|dateline|counted|resolved|inferred|infer|reckoned|calendar|weekday|"
    r"article's (?:year|date|day|month|week)|year is the article's|article is dated|"
    r"(?:year|week|date|day|month) of the article|from the article|\bso\b|\bhence\b|"
    # derived from another dated event, or from the article's date, and saying so
    r"\b(?:after|before|during|between|since|follows|following|reaction to|than the article|"
    r"article of|told in|last (?:year|month)|a year ago|year before|the same day|"
    # the article's own date, bounding or dating it (audit8: 030 "planned as of the
    # article (25 June 2020)", 041 "reports of it had appeared by the article")
    r"(?:as of|by) the article|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december) before)\b|"
    r"\bs\d+\b",  # the sentence that prints it
    re.I,
)
# a text that ends without a sentence's end broke off (the page was cut when it was read)
_ENDED = re.compile(r"[.!?։…][\"'”’»)\]]*\s*$")
# Armenian ends a sentence with its full stop "։" (U+0589), often typed as a colon (audit27:
# 268's last sentence, "…հայտարարել է նա:", read as broken off)
_ENDED_ARMENIAN = re.compile(r"[:։][\"'”’»)\]]*\s*$")
_ARMENIAN = re.compile(r"[\u0531-\u0587]")
_ACKNOWLEDGED = re.compile(r"breaks? off|broken off|cuts? off|truncated", re.I)


@dataclass(frozen=True)
class Text:
    """One text as read, numbered: its sentences by number and the article's printed dates."""

    sentences: dict[int, str]
    printed: tuple[str, ...]  # the article's datePublished and the page's date, if any
    last: int
    broken_off: bool
    published: str | None = None  # the article's datePublished as written


def _read(path: Path, nlp: Any, article: dict[str, Any]) -> Text:
    text = read_article(path).text
    sentences: list[Numbered] = numbered(nlp, text)
    page = page_date(text)
    published = article.get("datePublished")
    if published and not _published_printed(str(published), article, text):
        published = None  # taken from the address or context: a block needs its own note
    printed = tuple(str(d) for d in (published, page and page[0]) if d)
    last = sentences[-1] if sentences else None
    return Text(
        {s.number: s.text for s in sentences},
        printed,
        last.number if last else 0,
        bool(last) and not ended(last.text if last else ""),
        str(article["datePublished"]) if article.get("datePublished") else None,
    )


def ended(sentence: str) -> bool:
    """Whether a text's last sentence ends as a sentence does (not broken off): with ".", "!",
    "?", "…", the Armenian full stop "։", or, in an Armenian sentence, a colon standing for it."""
    if _ENDED.search(sentence):
        return True
    return bool(_ARMENIAN.search(sentence)) and bool(_ENDED_ARMENIAN.search(sentence))


# an article dateNote that says its datePublished is not printed in the text
_NOT_PRINTED = re.compile(r"address|context|from the|\burl\b", re.I)


def _published_printed(published: str, article: dict[str, Any], text: str) -> bool:
    """Whether the article's datePublished counts as printed: unless its dateNote says it
    was taken from the page's address or from context, or its year (and day) is in the text
    (audit6/audit7: blocks dated "on the article's day" when that day was itself inferred)."""
    if not _NOT_PRINTED.search(str(article.get("dateNote", ""))):
        return True
    year, day = published[:4], published[8:10]
    if not re.search(rf"(?<!\d){year}(?!\d)", text):
        return False
    return not day or bool(re.search(rf"(?<!\d)0?{int(day)}(?!\d)", text))


def _unsaid_dates(block: dict[str, Any], located: str, printed: tuple[str, ...]) -> list[str]:
    note = str(block.get("dateNote", ""))
    if SAYS_WHERE.search(note):
        return []
    out = []
    for key, value in block_dates(block).items():
        if any(p.startswith(value) for p in printed):
            continue  # the article's own date (at any precision)
        year, day = value[:4], value[8:10]
        # the year printed, or as the end of a span ("2021–22", "2015-19")
        printed_year = rf"(?<!\d){year}(?!\d)|(?:19|20)\d\d\s*[–-]\s*{year[2:]}(?!\d)"
        if not re.search(printed_year, located):
            out.append(f"the year of its {key} {value} is not in its sentences")
        elif day and not re.search(rf"(?<!\d)0?{int(day)}(?!\d)", located):
            out.append(f"the day of its {key} {value} is not in its sentences")
    return out


def _place_named(place: str, located: str, nlp: Any, matcher: NameMatcher) -> bool:
    """The drafter's matcher finds the place, or a word of one of its names is there in any
    script ("Karabakh" of "Nagorno-Karabakh", "երեւան" of "Երևան": the matcher needs whole
    names and misses these)."""
    if any(span.label_ in (place, f"demonym:{place}") for span in matcher(nlp(located))):
        return True
    entity = matcher.gazetteer.entities.get(place)
    names = entity.names if entity else (place,)
    words = [translit_key(w) for w in _WORD.findall(located)]
    keys = {translit_key(w) for n in names for w in _WORD.findall(n) if len(w) >= 5}
    # Armenian final -ու turns to -վ- before a case ending: "Բաքվում" (in Baku) of "Բաքու"
    # (audit16: 190's place was warned about though named)
    keys |= {k[:-1] + "v" for n in names for w in _WORD.findall(n) if len(w) >= 5
             and w.endswith("ու") for k in (translit_key(w),) if k.endswith("u")}  # fmt: skip
    if any(w.startswith(k) for w in words for k in keys):
        return True
    # an adjective made of the name, "бакинском офисе" of "Баку" (audit8: 091): the name's
    # stem without its final vowel, then a few letters and -sk (the case ending already cut)
    stems = {k.rstrip("aeiouy") for n in names for k in (translit_key(n),) if " " not in n}
    return any(
        len(s) >= 3 and w.startswith(s) and w.endswith("sk") and len(w) - len(s) <= 5
        for w in words
        for s in stems
    )


# a letter, or a combining mark: Python's \w leaves out the vowel signs of the Indic scripts
# (U+0900-U+0DFF) and Cyrillic's combining marks, so "बेंगलुरु" split into "ब", "गल", "र" and a
# place named in s1 was warned about as unstated (audit35: 310)
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036F\u0483-\u0489\u0900-\u0DFF])+")


def warnings(paths: config.Paths, texts: Path, files: list[Path] | None = None) -> list[Warning_]:
    """Every text-based warning over the article files whose texts are in ``texts`` (or over
    ``files`` only: ``kg validate --texts DIR FILE``, the curator's step)."""
    if not texts.is_dir():
        raise KgError(f"{texts}: --texts must be a directory of texts as read")
    nlp = make_nlp()
    matcher = NameMatcher(nlp, load_gazetteer(paths))
    found: list[Warning_] = []
    for path in article_files(paths.articles) if files is None else files:
        article, blocks = read_blocks(path)
        name = article.get("seedFile")
        if not isinstance(name, str) or not any(b.get("locator") for b in blocks):
            continue  # nothing here is read from the text (000-004: see the docstring)
        source = texts / name
        if not source.is_file():
            where = Location(path, article.get("__line__"))
            found.append(Warning_("no-text", str(article.get("id")), f"{source}: not found", where))
            continue
        text = _read(source, nlp, article)
        for block in blocks:
            found += _block(path, block, text, nlp, matcher)
        found += _not_acting(path, blocks, text, matcher)
    return found


def _block(
    path: Path, block: dict[str, Any], text: Text, nlp: Any, matcher: NameMatcher
) -> list[Warning_]:
    wanted = numbers(str(block.get("locator", "")))
    if not wanted:
        return []
    where = Location(path, block.get("__line__"))
    fact = str(block.get("id"))
    located = " ".join(text.sentences.get(n, "") for n in sorted(wanted))
    out = []
    for why in _unsaid_dates(block, located, text.printed):
        out.append(
            Warning_(
                "context-date",
                fact,
                f"{why} ({block['locator']}) nor in the article's date, and its dateNote "
                "does not say where it comes from",
                where,
            )
        )
    places = block.get("location")
    for place in [places] if isinstance(places, str) else places or []:
        if not _place_named(str(place), located, nlp, matcher):
            why = f"its location {place} is not named in its sentences ({block['locator']})"
            out.append(Warning_("unstated-place", fact, why, where))
    out += _unqualified_figures(block, text, where)
    said = f"{block.get('summary', '')} {block.get('dateNote', '')}"
    if text.broken_off and text.last in wanted and not _ACKNOWLEDGED.search(said):
        why = (
            f"its locator includes s{text.last}, where the text as read breaks off: "
            "check that the summary does not complete the sentence"
        )
        out.append(Warning_("broken-off", fact, why, where))
    elif text.broken_off and text.last in wanted:
        goes_on = finished(str(block.get("summary", "")), text.sentences.get(text.last, ""),
                           located)  # fmt: skip
        if goes_on:
            why = (
                f"its summary says the text breaks off, but goes on past the cut in s{text.last} "
                f'("{goes_on}"): say only what the text gives'
            )
            out.append(Warning_("broken-off", fact, why, where))
    out += _statement_day(block, located, text, where)
    return out


# words a summary may put after the cut word to say that the text is cut there
_CUT_WORDS = {"the", "text", "page", "sentence", "breaks", "broken", "cuts", "there", "here",
              "before", "mid", "word", "which", "where", "and", "but", "then"}  # fmt: skip


def finished(summary: str, last: str, located: str) -> str | None:
    """The words of ``summary`` that finish the sentence the text breaks off in (``last``): the
    cut word completed ("contr" as "control"), or the last whole word or the cut one (of five
    letters or more) followed, with nothing between, by a word of four or more that the
    located sentences do not have ("democratic
    institutions" after "…bolster democratic contr"; audit23: 249). Only where the summary
    uses the text's own words (a text in English, or a name): a summary in English of a cut
    Russian sentence ("в ближайшее" as "soon", 248) is not read."""
    words = _WORD.findall(last)
    if len(words) < 2:
        return None
    seen = {w.lower() for w in _WORD.findall(located)}
    cut, whole = words[-1], words[-2]
    for match in _WORD.finditer(summary):
        word = match[0].lower()
        if len(cut) >= 3 and word.startswith(cut.lower()) and word not in seen:
            return match[0]  # the cut word, completed
        if word in {w.lower() for w in (cut, whole) if len(w) >= 5}:
            after = re.match(r"[ \t]+([^\W\d_]+)", summary[match.end() :])
            if after and len(after[1]) >= 4 and after[1].lower() not in seen | _CUT_WORDS:
                return f"{match[0]} {after[1]}"
    return None


def _statement_day(
    block: dict[str, Any], located: str, text: Text, where: Location
) -> list[Warning_]:
    """A ``Statement`` whose only date is the article's day while its sentences name another
    day: a weekday or "yesterday" counted back from the article ("said on Monday" in a
    Wednesday article, "вчера", "mardi"), or a day printed in the two weeks before it, and
    none names the article's own day (audit24-27: a statement dated by the article)."""
    published = text.published
    if block.get("type") != "Statement" or not published or len(published) != 10:
        return []
    if block_dates(block) != {"date": published}:
        return []
    finder = DateFinder(published)
    first = dt.date.fromisoformat(published)
    days: list[tuple[str, str]] = []
    for found in finder.find(located):
        if found.value is None or found.precision != "day" or found.end_value:
            continue
        if found.value == published:
            return []  # the sentences name the article's day too
        day = dt.date.fromisoformat(found.value)
        if day < first and (found.weekday or first - dt.timedelta(days=14) <= day):
            days.append((located[found.start : found.end], found.value))
    if not days:
        return []
    named = ", ".join(f'"{words}" ({value})' for words, value in days)
    why = (
        f"a statement dated on the article's day ({published}) whose sentences "
        f"({block['locator']}) name another day: {named}; date it as the text does"
    )
    return [Warning_("statement-day", str(block.get("id")), why, where)]


def _unqualified_figures(block: dict[str, Any], text: Text, where: Location) -> list[Warning_]:
    """A figure of the block its sentences print with "about", "up to", "более", … right
    before it, while the block gives no ``figureQualifier`` (audit12: 039, 150, 151)."""
    if "figureQualifier" in block:
        return []
    out = []
    for key in FIGURE_KEYS:
        figure = block.get(key)
        if not isinstance(figure, int | float) or isinstance(figure, bool):
            continue
        for number in sorted(numbers(str(block.get("locator", ""))) or ()):
            for found in qualifiers(float(figure), text.sentences.get(number, "")):
                why = (
                    f'its {key} {figure} is printed as "{found.words}" (s{number}), but the '
                    f"block has no figureQualifier: give figureQualifier: {found.code}"
                )
                out.append(Warning_("approximate-figure", str(block.get("id")), why, where))
    return out


def _not_acting(
    path: Path, blocks: list[dict[str, Any]], text: Text, matcher: NameMatcher
) -> list[Warning_]:
    """A tenure whose sentences call its holder acting, with no ``acting: true`` (audit11:
    132), unless the file's acting tenure of that holder is located there too (the word is
    that tenure's: 132's s4 makes the deputy Secretary General the acting Secretary General)."""

    def tenures(acting: bool) -> list[dict[str, Any]]:
        return [
            b
            for b in blocks
            if b.get("type") == "Tenure" and b.get("holder") and (b.get("acting") is True) == acting
        ]

    taken = {
        (str(b["holder"]), n)
        for b in tenures(True)
        for n in numbers(str(b.get("locator", ""))) or ()
    }
    out = []
    for block in tenures(False):
        holder, wanted = str(block["holder"]), numbers(str(block.get("locator", ""))) or set()
        if not wanted or any((holder, n) in taken for n in wanted):
            continue
        entity = matcher.gazetteer.entities.get(holder)
        located = " ".join(text.sentences.get(n, "") for n in sorted(wanted))
        words = acting_words(entity.names if entity else (holder,), located)
        if words:
            why = (
                f'its sentences ({block["locator"]}) call the holder acting ("{words}"), but '
                "the block has no acting: true"
            )
            where = Location(path, block.get("__line__"))
            out.append(Warning_("acting", str(block.get("id")), why, where))
    return out
