"""A meeting the sentence announces after "ahead of"/"перед" is another one: its people are
not the participants of the meeting reported (wave 9: "met X ahead of his meeting with Y"
made Y a participant). Sentences written for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _meetings(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Talks\n\n" + body + "\n", published="2026-10-05")
    return [p.fields for p in draft.facts if p.fields.get("type") == "Meeting"]


def test_the_later_meeting_is_not_this_one(drafter: Drafter) -> None:
    (met,) = _meetings(
        drafter,
        "Nikol Pashinyan met Sergei Lavrov in Moscow on 3 October ahead of his meeting "
        "with Vladimir Putin.",
    )
    assert met["participant"] == ["nikol-pashinyan", "sergei-lavrov"]
    (three,) = _meetings(
        drafter, "Nikol Pashinyan met Sergei Lavrov and Vladimir Putin in Moscow on 3 October."
    )
    assert three["participant"] == ["nikol-pashinyan", "sergei-lavrov", "vladimir-putin"]


def test_exercises_that_will_be_held_are_a_plan(drafter: Drafter) -> None:
    draft = drafter.text(
        "Drills\n\nУчения ОДКБ «Взаимодействие-2026» пройдут в Армении 12 октября.\n",
        published="2026-10-05",
    )
    (drill,) = [p.fields for p in draft.facts if p.fields.get("type") == "MilitaryExercise"]
    assert drill["mode"] == "code:mode-plan"
