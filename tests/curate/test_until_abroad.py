"""An exercise's end printed as "until <day>" in Armenian, Russian, Spanish and Polish
("մինչև օգոստոսի 20-ը", "до 20 августа", "hasta el 20 de agosto", "do 20 sierpnia"): the
day is the (scheduled) end of the period that starts today, not a start of its own (wave 13's
306 had its end so and drafted none). Sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.draft.dates import DateFinder
from tests.curate.conftest import Drafter


def _exercises(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Drills\n\n" + body + "\n", published="2026-08-12")
    return [p.fields for p in draft.facts if p.fields.get("type") == "MilitaryExercise"]


@pytest.mark.parametrize(
    "body",
    [
        "Այսօր մեկնարկած զորավարժությունը կշարունակվի մինչև օգոստոսի 20-ը։",
        "Сегодня в Армении начались совместные учения, которые продлятся до 20 августа.",
        "Hoy comenzaron en Armenia los ejercicios conjuntos, que durarán hasta el 20 de agosto.",
        "Dziś w Armenii rozpoczęły się wspólne ćwiczenia, które potrwają do 20 sierpnia.",
    ],
)
def test_an_exercise_from_today_until_a_day(drafter: Drafter, body: str) -> None:
    (exercise,) = _exercises(drafter, body)
    # the end after the article's day is the schedule's (``scheduledEndDate``)
    assert (exercise["startDate"], exercise["scheduledEndDate"]) == ("2026-08-12", "2026-08-20")


def test_the_bound_word_before_an_article() -> None:
    text = "Las maniobras siguen hasta el 20 de agosto."
    (found,) = DateFinder("2026-08-12").find(text)
    assert (found.value, found.bound) == ("2026-08-20", "until")
    (plain,) = DateFinder("2026-08-12").find("Las maniobras empezaron el 20 de agosto.")
    assert plain.bound is None
