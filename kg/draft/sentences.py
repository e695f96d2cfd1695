"""The drafter's sentence numbering: what ``locator: s4`` in a seed file points at.

One splitter for the whole project (``kg draft --sentences TEXT`` prints it, every proposal's
``locator`` uses it, curators cite it): the headline line is ``s1``; after it, every
non-blank line is a paragraph and spaCy's rule-based sentencizer splits it into sentences,
numbered on in reading order. Lines before the headline (site boilerplate such as "Loading...")
are not numbered. Splitting by line first matters: a headline or a caption has no full stop,
and the sentencizer would run it into the next sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.draft.text import headline


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
    """The text's lines from the headline on, each split into numbered sentences."""
    head = headline(text)
    first = head[1] if head else 0
    number = 0
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if not line.strip() or start + len(line) <= first:
            continue
        doc = nlp(line)
        if head and start <= head[1] < start + len(line) + 1:  # the headline: one sentence
            number += 1
            yield Paragraph(start, doc, [(number, doc[:])], is_headline=True)
            continue
        sents = []
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            number += 1
            sents.append((number, sent))
        yield Paragraph(start, doc, sents)


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
