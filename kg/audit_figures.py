"""How a text prints a figure, and whether it prints it as exact.

A fact's figures (``personnelCount``, ``memberCount``, ``valueAmount``) are written as printed,
and the article's attestation says how they were given when not as exact (``figureQualifier``,
docs/modelling.md "Sizes and staff"). Audit12 found three blocks whose sentences print "environ
85", "quelque 175" and "almost 2,000" with no qualifier (150, 151), and 039's "about $ 2
billion": a reader has to find the figure in the sentences and look at the words right before
it, which is what :func:`qualifiers` does for ``kg validate --texts`` (:mod:`kg.audit_texts`).

Hand-written rather than a number parser (dateparser has none; ``number-parser`` reads only
English words and no "1,960", "2 000" or "$ 2 billion"): the corpus prints figures as digits
with a thousands separator (comma, space, no-break space, dot), a decimal with a scale word
("1.6 billion", "10 millions", "1,6 млрд"), or a few words ("a hundred", "two thousand",
"двух тысяч"); each printed number is read in every way its separators allow, and matches when
one reading equals the figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.draft import figure_words

FIGURE_KEYS = ("personnelCount", "memberCount", "valueAmount")

# a currency or its sign between the qualifier and the number: "about $ 2 billion", "US$155"
_CURRENCY = r"(?:(?:US|USD|EUR|Rs\.?|€|\$|£|₽)\s?)*"
# the words themselves: one table with the drafter's (kg.draft.figure_words)
_QUALIFIER = re.compile(rf"(?<![\w-])({figure_words.ALTERNATION})\s+{_CURRENCY}$", re.I)
_SCALES = {
    "thousand": 10**3, "тыс": 10**3, "mil": 10**3,
    "million": 10**6, "millions": 10**6, "mln": 10**6, "млн": 10**6, "millones": 10**6,
    "m": 10**6,
    "billion": 10**9, "billions": 10**9, "bn": 10**9, "млрд": 10**9, "milliard": 10**9,
    "milliards": 10**9, "mil millones": 10**9,
}  # fmt: skip
_NUMBER = re.compile(
    r"(?<![\w.,])(\d+(?:[,.\s\u00a0\u202f]\d+)*)"
    r"(?:\s?(" + "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True)) + r")(?!\w))?",
    re.I,
)
_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORDS_RU = {
    "одна": 1, "одной": 1, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3, "четыре": 4,
    "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5, "десять": 10, "десяти": 10,
}  # fmt: skip
_WORDS.update(_WORDS_RU)  # "около двух тысяч человек" (044)
_WORD_SCALES = {
    "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9,
    "тысяча": 10**3, "тысячи": 10**3, "тысяч": 10**3, "тысячу": 10**3,
}  # fmt: skip
_WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:({'|'.join(_WORDS)})[\s-]+)?({'|'.join(_WORD_SCALES)})(?!\w)", re.I
)


@dataclass(frozen=True)
class Qualified:
    """A figure printed with a word before it that makes it inexact."""

    words: str  # the qualifier and the figure as printed: "about $ 2 billion"
    code: str  # the figureQualifier it calls for


def _readings(digits: str, scale: str | None) -> set[float]:
    """Every value the printed number can be: "1,960" is 1960 (or 1.96), "1.6" with
    "billion" is 1.6e9, "2 000" is 2000."""
    parts = re.split(r"[,.\s\u00a0\u202f]", digits)
    values = {float("".join(parts))}  # every separator a thousands separator
    if len(parts) == 2:
        values.add(float(f"{parts[0]}.{parts[1]}"))  # one of them a decimal point
    factor = _SCALES.get(scale.lower(), 1) if scale else 1
    return {v * factor for v in values}


def _printed(text: str) -> Iterator[tuple[int, int, set[float]]]:
    """Each number in ``text``: where it starts and ends, and the values it can be."""
    for match in _NUMBER.finditer(text):
        yield match.start(), match.end(), _readings(match.group(1), match.group(2))
    for match in _WORD_NUMBER.finditer(text):
        count = _WORDS.get((match.group(1) or "a").lower(), 1)
        yield match.start(), match.end(), {float(count * _WORD_SCALES[match.group(2).lower()])}


def qualifiers(figure: float, sentences: str) -> list[Qualified]:
    """The qualifiers ("about", "up to", "более", …) printed right before ``figure`` in
    ``sentences`` (a currency sign may stand between them: "about $ 2 billion")."""
    found: list[Qualified] = []
    for start, end, values in _printed(sentences):
        if not any(abs(v - figure) < 0.5 for v in values):
            continue
        before = _QUALIFIER.search(sentences[max(0, start - 40) : start])
        if before:
            code = figure_words.code_of(before.group(1))
            words = " ".join(f"{before.group(0)}{sentences[start:end]}".split())
            found.append(Qualified(words, code))
    return found
