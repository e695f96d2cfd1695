"""Facts the graph has, told by a participant few other facts have (wave 11's feedback: the
Russian border guards at Zvartnots, the Kansas National Guard partnership, missed in 36 of
40 curated mentions). Sentences written for the test; the frozen graph gives the
Zvartnots deployment its contributor, host and area and the Kansas partnership its
partners."""

from __future__ import annotations

from typing import Any

from kg.draft.graph_facts import Known, Told, specific_facts
from kg.draft.pipeline import Draft
from tests.curate.conftest import Drafter

ZVARTNOTS = "deployment/russian-border-guards-zvartnots-airport"
KANSAS = "partnership/armenia-kansas-national-guard-training-partnership"


def _block(draft: Draft, ref: str) -> dict[str, Any] | None:
    return next((p.fields for p in draft.facts if p.fields.get("id") == ref), None)


def test_guards_at_a_named_airport_are_the_graphs_deployment(drafter: Drafter) -> None:
    draft = drafter.body(
        "The Russian border guards will leave Zvartnots by August, Armenian officials said."
    )
    assert ZVARTNOTS in draft.mentions
    block = _block(draft, ZVARTNOTS)
    assert block is not None
    assert block["area"] == "zvartnots-airport" and block["contributor"] == "russia"
    assert "date" not in block and "startDate" not in block  # the text gives none


def test_the_airport_without_troops_is_no_deployment(drafter: Drafter) -> None:
    draft = drafter.body("Flights from Zvartnots to Moscow resumed, Armenian officials said.")
    assert ZVARTNOTS not in draft.mentions
    assert _block(draft, ZVARTNOTS) is None


def test_a_state_of_the_fact_not_named_is_another_deployment(drafter: Drafter) -> None:
    draft = drafter.body("French troops at Zvartnots trained with local crews this week.")
    assert ZVARTNOTS not in draft.mentions


def test_guards_at_the_airport_in_armenian(drafter: Drafter) -> None:
    draft = drafter.body("Ռուսաստանի սահմանապահները օգոստոսին կլքեն Զվարթնոց օդանավակայանը։")
    assert ZVARTNOTS in draft.mentions
    assert _block(draft, ZVARTNOTS) is not None


def test_a_partnership_by_its_unit(drafter: Drafter) -> None:
    draft = drafter.body(
        "Armenia and the Kansas National Guard will widen their cooperation, the ministry said."
    )
    assert KANSAS in draft.mentions


def _deal(ref: str, year: str) -> Known:
    return Known(ref, "ArmsDeal", {"armenia", "acme-works"}, {year}, {year})


TYPES = {"armenia": "State", "acme-works": "Company", "deal/a": "ArmsDeal", "deal/b": "ArmsDeal"}


def test_an_event_like_fact_needs_the_year_the_sentence_gives() -> None:
    table = {"deal/a": _deal("deal/a", "2019")}
    text = "Acme Works signed a contract with Armenia."
    assert specific_facts(Told(text, ["acme-works"], ["armenia"], ["2019"], "2024-01-01",
                          table, TYPES)) == ["deal/a"]  # fmt: skip
    assert specific_facts(Told(text, ["acme-works"], ["armenia"], ["2023"], "2024-01-01",
                          table, TYPES)) == []  # fmt: skip
    # none given: not after the article
    assert (
        specific_facts(Told(text, ["acme-works"], ["armenia"], [], "2018-05-01", table, TYPES))
        == []
    )


def test_two_facts_that_fit_are_left_to_the_curator() -> None:
    table = {"deal/a": _deal("deal/a", "2019"), "deal/b": _deal("deal/b", "2020")}
    text = "Acme Works signed a contract with Armenia."
    assert (
        specific_facts(Told(text, ["acme-works"], ["armenia"], [], "2024-01-01", table, TYPES))
        == []
    )


def test_a_participant_of_many_facts_picks_out_none() -> None:
    table = {"deal/a": _deal("deal/a", "2019")}
    text = "Acme Works signed a contract with Armenia."
    uses = {"acme-works": {f"deal/{n}" for n in range(11)}}
    assert specific_facts(Told(text, ["acme-works"], ["armenia"], [], "2024-01-01", table, TYPES,
                          uses)) == []  # fmt: skip
    uses = {"acme-works": {"deal/a", "deal/b"}}
    assert specific_facts(Told(text, ["acme-works"], ["armenia"], [], "2024-01-01", table, TYPES,
                          uses)) == ["deal/a"]  # fmt: skip
