"""``kg.draft.dates.event_date``: the date of what a verb reports, not of the saying or of a
quotation (drafter feedback wave 5: a dateline's day and a year inside a quote became an
event's date). Sentences written for the test."""

from __future__ import annotations

from kg.draft.dates import DateFinder, event_date


def _date(sentence: str, verb: str, published: str = "2026-03-12") -> str | None:
    dates = DateFinder(published).find(sentence, 100)
    at = 100 + sentence.index(verb)
    found = event_date(dates, sentence, 100, (at, at + len(verb)))
    return found.value if found else None


def test_the_date_next_to_the_verb() -> None:
    assert _date("The parliament of Ruritania ratified the treaty on 3 February.",
                 "ratified") == "2026-02-03"  # fmt: skip


def test_not_the_date_of_the_saying() -> None:
    sentence = "The ministry said on 10 March that Ruritania had ratified the treaty."
    assert _date(sentence, "ratified") is None
    assert _date(sentence, "said") == "2026-03-10"


def test_not_a_year_inside_a_quote() -> None:
    sentence = 'Ruritania withdrew, the minister said: "we warned them in 2021 and 2022".'
    assert _date(sentence, "withdrew") is None


def test_not_across_a_relative_clause_nor_a_bound() -> None:
    assert _date("Ruritania left the pact, which was founded in 1992.", "left") is None
    assert _date("In 2025 Ruritania left the pact.", "left") == "2025"
    assert _date("The mission will stay until 24 July.", "stay") is None
