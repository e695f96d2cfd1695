"""A dated formal act of a known actor is a PoliticalEvent ("The Armenian parliament
ratified … on 3 October"); the day a spokesman said it, a plan, or an act without its day
proposes none. Sentences written for the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.draft.names import load_gazetteer
from tests.curate.conftest import Drafter, draft_graph


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


def test_a_decision_or_refusal_dated_by_its_month(drafter: Drafter) -> None:
    (decided,) = _events(drafter, "In February, Nikol Pashinyan dismissed Artak Davtyan.")
    assert decided["participant"] == "nikol-pashinyan"
    assert (decided["about"], decided["date"]) == ("artak-davtyan", "2026-02")
    (refused,) = _events(drafter, "Во вторник Совет ОДКБ решил направить в Армению миссию.")
    assert (refused["participant"], refused["date"]) == ("csto", "2026-09-29")
    # a year alone is too coarse to date one act
    assert _events(drafter, "In 2025, Nikol Pashinyan dismissed Artak Davtyan.") == []


def test_a_passive_act_is_about_the_name_before_it(drafter: Drafter) -> None:
    assert _events(drafter, "Artak Davtyan was dismissed in February.") == []  # no doer
    (by,) = _events(drafter, "Artak Davtyan was dismissed by Nikol Pashinyan on 3 October.")
    assert (by["participant"], by["about"]) == ("nikol-pashinyan", "artak-davtyan")
    relative = "Nikol Pashinyan named six officers who were dismissed in February."
    assert _events(drafter, relative) == []


def test_an_act_the_graph_has_keeps_its_id(tmp_path: Path) -> None:
    paths = draft_graph(tmp_path / "graph")
    (paths.seeds / "articles" / "known_event.yaml").write_text(
        "entities:\n"
        "  - {id: event/parliament-ratifies-convention-2026-10, type: PoliticalEvent, "
        "label: Parliament ratifies the convention, participant: armenian-national-assembly, "
        "date: 2026-10-03}\n",
        encoding="utf-8",
    )
    (tmp_path / "out").mkdir()
    drafter = Drafter(paths, load_gazetteer(paths), tmp_path / "out")
    (same,) = _events(drafter, "The Armenian parliament ratified the convention on 3 October.")
    assert same["id"] == "event/parliament-ratifies-convention-2026-10"
    (other,) = _events(drafter, "The Armenian parliament ratified the convention on 4 October.")
    assert other["id"] != "event/parliament-ratifies-convention-2026-10"


def test_a_state_owning_the_doer_is_not_the_participant(drafter: Drafter) -> None:
    assert _events(drafter, "Armenia's parliament passed the law on 26 March.") == []
    (state,) = _events(drafter, "Armenia ratified the convention on 3 October.")
    assert state["participant"] == "armenia"
