"""A military rank before a new name (wave 10's feedback: "Captain X", "Oberst X" gave no
candidate person): the name after the rank is a person; the rank is no post."""

from __future__ import annotations

from kg.draft.pipeline import Draft
from tests.curate.conftest import Drafter


def _people(draft: Draft) -> set[str]:
    return {e.id for e in draft.new_entities if e.type == "Person"}


def test_a_captain_is_a_new_person(drafter: Drafter) -> None:
    draft = drafter.body("Captain Daniel Hughes said the drills went well.")
    assert "daniel-hughes" in _people(draft)
    assert not [e for e in draft.new_entities if e.type == "Post"]


def test_a_german_colonel_is_a_new_person(drafter: Drafter) -> None:
    draft = drafter.body("Die Übung leitete Oberst Markus Weber am Montag.")
    assert "markus-weber" in _people(draft)


def test_a_lieutenant_colonel_keeps_the_rank_out_of_the_name(drafter: Drafter) -> None:
    draft = drafter.body("Lieutenant Colonel Daniel Hughes said the drills went well.")
    assert _people(draft) == {"daniel-hughes"}
    assert not [p for p in draft.facts if p.fields["type"] == "Tenure"]
