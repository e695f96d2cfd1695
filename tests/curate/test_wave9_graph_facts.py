"""Graph facts a text reports by their words (wave 9's feedback): a deal by its system's
designation and its recipient. Sentences written for the test; the frozen graph has one
CAESAR deal for Armenia and two ATAGS deals for Armenia."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def test_a_designation_and_its_recipient_name_the_graphs_deal(drafter: Drafter) -> None:
    draft = drafter.body("Armenia will take more CAESAR howitzers next year, the report said.")
    assert "deal/france-armenia-caesar-2024" in draft.mentions


def test_a_designation_without_its_recipient_names_no_deal(drafter: Drafter) -> None:
    draft = drafter.body("Zorland will take more CAESAR howitzers next year, the report said.")
    assert "deal/france-armenia-caesar-2024" not in draft.mentions


def test_two_deals_of_one_designation_and_recipient_are_left_to_the_curator(
    drafter: Drafter,
) -> None:
    draft = drafter.body("Armenia fielded its ATAGS guns near the border, the report said.")
    assert not any(m.startswith("deal/india-armenia-atags") for m in draft.mentions)


def test_a_ceasefire_before_the_graphs_one_is_another(drafter: Drafter) -> None:
    body = "A day in the capital\n\nArmenia and Azerbaijan broke the ceasefire in 2020 again.\n"
    before = drafter.text(body, published="2020-07-15")
    assert "agreement/armenia-azerbaijan-ceasefire-2020" not in before.mentions
    after = drafter.text(body, published="2021-03-02")
    assert "agreement/armenia-azerbaijan-ceasefire-2020" in after.mentions
