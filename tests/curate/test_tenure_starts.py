"""A tenure's start from the one date a sentence marks as a start ("since", "с", the
Azerbaijani "-dən"), when the sentence speaks of holding an office: "has held the post since
January 2023" -> ``startDate: 2023-01``, at the precision printed (wave 14: tenure start
dates were missed 35 of 35). No start where the sentence has no word of office (the date is
another clause's) or two such dates. Sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from tests.curate.conftest import Drafter


def _tenures(drafter: Drafter, body: str, published: str = "2024-06-19") -> list[dict[str, Any]]:
    draft = drafter.text("News of the day\n\n" + body + "\n", published=published)
    return [p.fields for p in draft.facts if p.kind == "tenure"]


@pytest.mark.parametrize(
    ("body", "start"),
    [
        (
            "Armenian Defence Minister Suren Papikyan has held the post since August 2021.",
            "2021-08",
        ),
        (
            "Министр обороны Армении Сурен Папикян занимает должность с августа 2021 года.",
            "2021-08",
        ),
        ("Armenian Defence Minister Suren Papikyan has been in office since 2021.", "2021"),
    ],
)
def test_a_start_the_sentence_marks(drafter: Drafter, body: str, start: str) -> None:
    tenures = _tenures(drafter, body)
    assert [f.get("startDate") for f in tenures] == [start], tenures
    assert tenures[0].get("asOf") != start


@pytest.mark.parametrize(
    "body",
    [
        # a start of something else: no word of holding an office
        "Armenian Defence Minister Suren Papikyan said the border has been closed since 2021.",
        # two starts: which is the tenure's is not known
        "Armenian Defence Minister Suren Papikyan, in office since 2021, said the border has "
        "been closed since 2020.",
    ],
)
def test_no_start_where_the_date_is_not_the_tenures(drafter: Drafter, body: str) -> None:
    assert all("startDate" not in f for f in _tenures(drafter, body))


@pytest.mark.parametrize(
    "second",
    [
        "Suren Papikyan has held the office of minister since August 2021.",
        "He has held the office of minister since August 2021.",
        "Сурен Папикян занимает пост главы ведомства с августа 2021 года.",
    ],
)
def test_a_start_in_the_next_sentence(drafter: Drafter, second: str) -> None:
    """The title in one sentence, the start of the office in the next (by name or "he")."""
    body = "Armenian Defence Minister Suren Papikyan visited Paris.\n\n" + second
    tenures = _tenures(drafter, body)
    assert [f.get("startDate") for f in tenures] == ["2021-08"], tenures


def test_no_start_from_an_earlier_office(drafter: Drafter) -> None:
    body = (
        "Armenian Defence Minister Suren Papikyan visited Paris.\n\n"
        "Previously Suren Papikyan had held the office of governor since 2019."
    )
    assert all("startDate" not in f for f in _tenures(drafter, body))
