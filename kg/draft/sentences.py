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


def _joined(doc: Doc) -> list[Span]:
    """The sentencizer's sentences, a dateline's pieces joined to the sentence they head."""
    out: list[Span] = []
    carry: int | None = None  # start token of pieces waiting for their sentence
    sents = [s for s in doc.sents if s.text.strip()]
    for k, sent in enumerate(sents):
        begin = sent.start if carry is None else carry
        if _fragment(sent) and k + 1 < len(sents) and k < 3:
            carry = begin
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
