"""The drafter and ``kg validate --texts`` read a figure's qualifier and an acting holder with
one vocabulary each (kg/draft/figure_words.py, kg/draft/acting.py): every word of it means the
same to both. Before, each had its own list and they had drifted apart (the audit read
"не более 5" as "более 5", at least; the drafter did not know "aproximadamente" or
"interino"). Sentences invented."""

from __future__ import annotations

import re

import pytest

from kg.audit_acting import acting_words
from kg.audit_figures import qualifiers
from kg.draft import acting, figure_words
from kg.draft.cues import qualifier as title_qualifier
from kg.draft.numbers import qualifier as drafted_qualifier

FIGURE_WORDS = [(w, code) for code, ws in figure_words.QUALIFIERS.items() for w in ws]


@pytest.mark.parametrize(("words", "code"), FIGURE_WORDS)
def test_the_drafter_and_the_audit_read_a_figure_word_alike(words: str, code: str) -> None:
    sentence = f"The ministry said {words} 40 soldiers took part."
    at = re.search(r"\d", sentence)
    assert at is not None
    assert drafted_qualifier(sentence, at.start()) == code
    assert [q.code for q in qualifiers(40, sentence)] == [code]


def test_not_more_than_is_at_most_for_the_audit() -> None:
    found = qualifiers(5, "В учениях участвуют не более 5 тысяч военных.")
    assert [(q.words, q.code) for q in found] == [("не более 5", figure_words.AT_MOST)]


@pytest.mark.parametrize("word", sorted(acting.WORDS))
def test_the_drafter_and_the_audit_read_an_acting_word_alike(word: str) -> None:
    assert title_qualifier(word) == "acting"
    located = f"The talks were led by {word} minister Ivan Petrovsky yesterday."
    said = acting_words(["Ivan Petrovsky"], located)
    assert said is not None and said.lower().startswith(word.rstrip("."))


def test_a_neighbours_title_is_still_not_the_holders() -> None:
    located = "Acting minister Ivan Petrovsky, and Pavel Sidorenko attended."
    assert acting_words(["Pavel Sidorenko"], located) is None
