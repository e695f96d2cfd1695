"""Exercises named with their year ("Silver Falcon-2026", «…-2026», "ATATURK-2026"), with
their day ranges, the graph's series id when it has the series, one proposal per named
exercise of a sentence (drafter feedback, wave 3). Sentences written for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _exercises(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Drills in the summer\n\n" + body + "\n", published="2026-06-01")
    return [p.fields for p in draft.facts if p.kind == "exercise"]


def test_two_named_exercises_with_their_own_ranges(drafter: Drafter) -> None:
    body = (
        "Armenia will not join the “Silver Falcon-2026” military exercises on August 14-16, "
        "nor the «Blue Lynx-2026» drills on September 3-15."
    )
    found = {f["id"]: (f.get("startDate"), f.get("endDate")) for f in _exercises(drafter, body)}
    assert found == {
        "exercise/silver-falcon-2026": ("2026-08-14", "2026-08-16"),
        "exercise/blue-lynx-2026": ("2026-09-03", "2026-09-15"),
    }


def test_a_series_the_graph_has_gives_the_id(drafter: Drafter) -> None:
    body = "Turkey and Azerbaijan will hold the ATATURK-2027 exercise on June 20-30."
    (found,) = _exercises(drafter, body)
    assert found["id"] == "exercise/mustafa-kemal-ataturk-2027"
    assert (found["startDate"], found["endDate"]) == ("2027-06-20", "2027-06-30")


def test_a_russian_exercise_name(drafter: Drafter) -> None:
    body = "Армения и Россия проведут учения «Northern Lynx-2026» с 14 по 16 августа."
    (found,) = _exercises(drafter, body)
    assert found["id"] == "exercise/northern-lynx-2026"


def test_a_state_that_stays_away_is_no_participant(drafter: Drafter) -> None:
    body = "Armenia will not take part in the Silver Falcon-2026 exercise with Kazakhstan."
    (found,) = _exercises(drafter, body)
    assert found.get("participant") == "kazakhstan"


def test_a_russian_series_name_takes_the_graphs_english_series(drafter: Drafter) -> None:
    body = "Армения и Россия проведут учения «Сотрудничество-2026» с 14 по 16 августа."
    (found,) = _exercises(drafter, body)
    assert found["id"] == "exercise/csto-cooperation-2026"
    assert (found["startDate"], found["endDate"]) == ("2026-08-14", "2026-08-16")
    body = "Армения и Россия проведут учения «Нерушимое братство-2026» с 14 по 16 августа."
    (found,) = _exercises(drafter, body)
    assert found["id"] == "exercise/indestructible-brotherhood-2026"
