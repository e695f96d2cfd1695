"""Links on unseen text (issue 19): a capital that acts is its government, not the city; a
status needs a membership the graph has; a text without a headline says so. Sentences
written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def test_a_capital_that_speaks_is_its_state(drafter: Drafter) -> None:
    draft = drafter.text(
        "Moscow warns Yerevan\n\nMoscow has criticised the new contract, officials said.\n\n"
        "The delegation flew to Moscow on Monday.\n",
    )
    # the state (or, once the graph has one, its government) is mentioned for the capital that
    # acts; if anyone speaks it is the government the capital stands for, never the city
    speakers = {p.fields["speaker"] for p in draft.facts if p.kind == "statement"}
    assert speakers <= {"russian-government"}
    assert "moscow" in draft.mentions  # the city is still named
    assert {"russia", "russian-government"} & set(draft.mentions)


def test_no_status_without_a_membership(drafter: Drafter) -> None:
    draft = drafter.text(
        "An alliance changes\n\nArmenia froze its participation in the CSTO.\n\n"
        "Azerbaijan withdrew from the CSTO long ago.\n",
    )
    statuses = [p.fields for p in draft.facts if p.kind == "status"]
    assert [s["ofMembership"] for s in statuses] == ["membership/armenia-csto"]


def test_a_text_without_headline_says_so(drafter: Drafter) -> None:
    draft = drafter.text("Armenia froze its participation in the CSTO, officials said.\n")
    assert "headline" not in draft.block
    assert any(note.startswith("headline:") for note in draft.block_notes)


def test_a_date_alone_makes_no_proposal(drafter: Drafter) -> None:
    draft = drafter.text("A border clash\n\nArmenia and Azerbaijan clashed on 13 May 2024.\n")
    assert draft.facts == []
