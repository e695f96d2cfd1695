"""Date forms wave 8's first drafts missed (drafter-feedback-wave8): a page's date written
day first with hyphens, a month with no day and no year after the word that makes it a
time ("в мае", "en mai", "mid-April", "в середине апреля"), and the day after the article
("завтра", "tomorrow", "demain") for a plan. Sentences written for the test."""

from __future__ import annotations

import pytest

from kg.draft.dates import DateFinder, describe
from kg.draft.published import find_published

PUBLISHED = "2025-07-02"  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("Учения прошли в мае.", "2025-05", "month"),
        ("В этом году в марте министры встретились.", "2025-03", "month"),
        ("Переговоры начнутся в середине апреля.", "2025-04", "month"),
        ("Les ministres se sont rencontrés en mai.", "2025-05", "month"),
        ("Les essais ont eu lieu à la mi-avril.", "2025-04", "month"),
        ("The talks resumed in mid-April.", "2025-04", "month"),
        ("The talks resumed in mid-September 2023.", "2023-09", "month"),
        ("Учения прошли в мае 2023 года.", "2023-05", "month"),
    ],
)
def test_a_month_after_its_word(sentence: str, value: str, precision: str) -> None:
    (found,) = DateFinder(PUBLISHED).find(sentence)
    assert (found.value, found.precision) == (value, precision)


def test_no_month_of_the_next_year_read_as_this_one() -> None:
    assert DateFinder(PUBLISHED).find("Le contrat sera signé en mars prochain.") == []


@pytest.mark.parametrize(
    "sentence", ["Завтра планируем начать учения.", "The envoy arrives tomorrow.",
                 "Le ministre arrive demain."],
)  # fmt: skip
def test_tomorrow_is_the_day_after_and_said_so(sentence: str) -> None:
    (found,) = DateFinder(PUBLISHED).find(sentence)
    assert (found.value, found.weekday) == ("2025-07-03", True)
    assert "day after the publication date (2025-07-02)" in describe(found, PUBLISHED)
    assert DateFinder(PUBLISHED).find("Il arrive après-demain.") == []


def test_a_page_date_day_first_with_hyphens() -> None:
    (found,) = DateFinder(None).find("19-09-2022 21:05")
    assert (found.value, found.precision) == ("2022-09-19", "day")
    text = "Two ministers met in the capital\n19-09-2022 21:05\n\nThe ministers met on Monday.\n"
    assert find_published(text, None).value == "2022-09-19"
    assert DateFinder(None).find("31-02-2024") == []
