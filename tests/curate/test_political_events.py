"""A dated formal act of a known actor is a PoliticalEvent ("The Armenian parliament
ratified … on 3 October"); the day a spokesman said it, a plan, or an act without its day
proposes none. Sentences written for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _events(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Parliament\n\n" + body + "\n", published="2026-10-05")
    return [p.fields for p in draft.facts if p.fields.get("type") == "PoliticalEvent"]


def test_a_dated_act_of_a_known_actor(drafter: Drafter) -> None:
    (found,) = _events(drafter, "The Armenian parliament ratified the convention on 3 October.")
    assert (found["participant"], found["date"]) == ("armenian-national-assembly", "2026-10-03")


def test_no_event_from_the_day_it_was_said_or_a_plan(drafter: Drafter) -> None:
    said = "Nikol Pashinyan said on 4 October that the Armenian parliament had ratified it."
    planned = "The Armenian parliament will be asked on 9 October; it ratified nothing yet."
    undated = "The Armenian parliament ratified the convention."
    assert _events(drafter, said) == []
    assert _events(drafter, planned) == []
    assert _events(drafter, undated) == []
