"""The drafter's sentence numbering: what ``locator: s4`` in a seed file points at.

One splitter for the whole project (``kg draft --sentences TEXT`` prints it, every proposal's
``locator`` uses it, curators cite it): the headline line is ``s1``; after it, every
non-blank line is a paragraph and spaCy's rule-based sentencizer splits it into sentences,
numbered on in reading order. Lines before the headline (site boilerplate such as "Loading...")
are not numbered. A text that begins with its body (many stored pages do) has no headline:
its first sentence is ``s1``, and the page's date printed before it (``" date 2024-04-17"``)
is not a sentence. The pieces of a dateline at the head of a paragraph ("MOSCOW, April 17.",
"/TASS/.") belong to the sentence they head. Splitting by line first matters: a headline or
a caption has no full stop, and the sentencizer would run it into the next sentence.

The sentencizer ends a sentence at every full stop the tokenizer splits off, including the one
of an abbreviation ("и.о.", "И. о.", "г.", "тыс.", "ред.)"), so the next word began a sentence
of its own: 13 cuts in 10 texts of the corpus (014, 052, 061, 085, 125, 132, 147, 156, 182,
184), some of them cutting the title "acting" off its holder. A sentence does not start with a
lower-case letter after such a full stop, so a piece that does joins the sentence before it.
Measured on the corpus (192 texts, 26 sentences starting lower-case): 6 start a line (a list
item, page clutter; lines are never joined); of the 20 others, joining every one would also
join 3 right cuts (a tweet's link after its last sentence, "…were played. pic.twitter.com/…")
and 4 pieces after a quote or a bracket ("…?» — | сказал…", "2022. ( | credit: …"; no
abbreviation there, left as they were). An
abbreviation here is a word of letters with a dot inside ("и.о"), a single letter ("и", "И"),
or a lower-case word of at most four letters ("тыс", "сент", "млрд"): that joins exactly the
13 cuts. A capitalised short word is not one ("Baku." or "NATO." end sentences before a
tweet's link), and a link never continues a sentence ("we will win. pic.twitter.com/…").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.draft.text import headline, page_date


@dataclass(frozen=True)
class Numbered:
    """One sentence: its number (1 = the headline) and character offsets [start, end)."""

    number: int
    start: int
    end: int
    text: str


@dataclass
class Paragraph:
    """One line of the text, as spaCy read it, with its sentences' numbers."""

    start: int  # character offset of the line in the text
    doc: Doc
    sentences: list[tuple[int, Span]]  # (number, sentence)
    is_headline: bool = False


def paragraphs(nlp: Language, text: str) -> Iterator[Paragraph]:
    """The text's lines from the headline on (from the start, after the page's date, when
    there is no headline), each split into numbered sentences."""
    head = headline(text)
    date = page_date(text)
    first = head[1] if head else (date[1] if date else 0)
    number = 0
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if start + len(line) <= first:
            continue
        if start < first:  # the page's date before the first line is not a sentence
            line, start = line[first - start :], first
        if not line.strip():
            continue
        doc = nlp(line)
        if head and start <= head[1] < start + len(line) + 1:  # the headline: one sentence
            number += 1
            yield Paragraph(start, doc, [(number, doc[:])], is_headline=True)
            continue
        sents = []
        for sent in _joined(doc):
            number += 1
            sents.append((number, sent))
        yield Paragraph(start, doc, sents)


def _fragment(sent: Span) -> bool:
    """A dateline piece ("MOSCOW, April 17." or "/TASS/."): a few tokens, no lower-case word."""
    return len(sent) <= 6 and not any(t.is_alpha and t.text[0].islower() for t in sent)


# closing marks that may follow an abbreviation's full stop before the cut ("ред.)", "г.»")
_CLOSERS = frozenset(")]}»”’\"'")
# a word of letters, perhaps with dots inside ("и.о", "e.g")
_WORD = re.compile(r"^[^\W\d_]+(?:\.[^\W\d_]+)*$")


def _abbreviation(word: str) -> bool:
    """The word before a full stop is an abbreviation's: dotted ("и.о"), one letter ("г",
    "И"), or a lower-case word of at most four letters ("тыс", "ред", "сент", "млрд")."""
    if not _WORD.match(word):
        return False
    return "." in word or len(word) == 1 or (len(word) <= 4 and word[0].islower())


def _ends_in_abbreviation(sent: Span) -> bool:
    """The sentence ends with an abbreviation's full stop, perhaps followed by closing marks."""
    tokens = [t.text for t in sent]
    while tokens and all(c in _CLOSERS for c in tokens[-1]):
        tokens.pop()
    return len(tokens) >= 2 and tokens[-1] == "." and _abbreviation(tokens[-2])


# a German month name after a day's full stop ("am 3. | Juni 2024")
_GERMAN_MONTH = re.compile(
    r"^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember)\b"
)


def _german_day(sent: Span, before: Span) -> bool:
    """The piece begins with a German month name and the sentence before ends with a day
    and its full stop ("Die Truppen kamen am 3. | Juni 2024 an."): one date, cut in two
    (German writes the day as an ordinal; bench/splits.py finds no split moved in the 40
    logged texts present, whose one German page has no such date)."""
    tokens = [t.text for t in before]
    return (
        len(tokens) >= 2
        and tokens[-1] == "."
        and tokens[-2].isdigit()
        and 1 <= int(tokens[-2]) <= 31
        and _GERMAN_MONTH.match(sent.text.lstrip()) is not None
    )


def _continues(sent: Span, before: Span) -> bool:
    """A piece that starts with a lower-case letter after an abbreviation's full stop ("и.о. |
    министра", "10 тыс. | долларов") is the rest of the sentence before it; so is a German
    month after its day ("am 3. | Juni")."""
    if _german_day(sent, before):
        return True
    if not sent.text.lstrip()[:1].islower() or sent[0].like_url:  # "win. pic.twitter.com/…"
        return False
    return _ends_in_abbreviation(before)


def _joined(doc: Doc) -> list[Span]:
    """The sentencizer's sentences, a dateline's pieces joined to the sentence they head and a
    piece cut off after an abbreviation joined to the sentence it continues."""
    out: list[Span] = []
    carry: int | None = None  # start token of pieces waiting for their sentence
    sents = [s for s in doc.sents if s.text.strip()]
    for k, sent in enumerate(sents):
        begin = sent.start if carry is None else carry
        if _fragment(sent) and k + 1 < len(sents) and k < 3:
            carry = begin
            continue
        if carry is None and out and _continues(sent, out[-1]):
            out[-1] = doc[out[-1].start : sent.end]
            continue
        out.append(doc[begin : sent.end])
        carry = None
    return out


def numbered(nlp: Language, text: str) -> list[Numbered]:
    """Every sentence of the text with its number and offsets (surrounding spaces trimmed)."""
    out = []
    for paragraph in paragraphs(nlp, text):
        for number, sent in paragraph.sentences:
            start = paragraph.start + sent.start_char
            end = paragraph.start + sent.end_char
            raw = text[start:end]
            start += len(raw) - len(raw.lstrip())
            end -= len(raw) - len(raw.rstrip())
            out.append(Numbered(number, start, end, text[start:end]))
    return out


def locator(sentences: list[Numbered], start: int, end: int, also: tuple[int, ...] = ()) -> str:
    """``s4``, ``s4-s6`` or ``s4, s9``: the sentences overlapping [start, end) (a run of
    consecutive numbers is one range), plus the sentence numbers in ``also``."""
    hit = {s.number for s in sentences if s.start < end and start < s.end} | set(also)
    if not hit:
        return ""
    runs: list[list[int]] = []
    for n in sorted(hit):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"s{r[0]}" if len(r) == 1 else f"s{r[0]}-s{r[-1]}" for r in runs)


_RANGE = re.compile(r"^s(\d+)(?:\s*-\s*s(\d+))?$")


def numbers(locator: str) -> set[int] | None:
    """The sentence numbers a ``locator`` names (the inverse of :func:`locator`); None when
    it is not one (``s4``, ``s4-s6``, ``s4, s9``)."""
    found: set[int] = set()
    for part in locator.split(","):
        match = _RANGE.match(part.strip())
        if not match:
            return None
        first = int(match[1])
        found.update(range(first, int(match[2] or first) + 1))
    return found
