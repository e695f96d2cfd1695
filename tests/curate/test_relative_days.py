"""Relative days news prints (wave 7 feedback: "накануне" left undated): the day before a
publication known to the day, never the eve of an event the text names. Sentences written
for the test."""

from __future__ import annotations

from kg.draft.dates import DateFinder

PUBLISHED = "2026-03-12"


def _values(sentence: str, published: str | None = PUBLISHED) -> list[str | None]:
    return [d.value for d in DateFinder(published).find(sentence)]


def test_the_day_before_publication() -> None:
    assert _values("Министр подписал накануне решение об отставке.") == ["2026-03-11"]
    assert _values("Накануне премьер заявил о встрече.") == ["2026-03-11"]


def test_the_eve_of_an_event_is_no_day() -> None:
    assert _values("Министр выступил накануне визита в Париж.") == []
    assert _values("Накануне выборов партия провела съезд.") == []


def test_no_day_without_a_day_of_publication() -> None:
    assert _values("Министр подписал накануне решение.", "2026-03") in ([], [None])
