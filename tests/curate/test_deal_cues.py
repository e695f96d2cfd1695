"""An arms deal is proposed only where a sentence says a transfer of arms between two states
it names, and an agreement only where it names what is signed as one (wave 6's held-out
drafts: 3 of 3 deal proposals and 1 of 1 agreement were wrong: a war sentence, supply words
without a supplier and a recipient). Sentences written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _kinds(drafter: Drafter, body: str) -> list[str]:
    draft = drafter.text("Arms\n\n" + body + "\n", published="2026-06-01")
    return [p.kind for p in draft.facts if p.kind in ("deal", "agreement")]


def test_a_transfer_of_arms_between_named_states(drafter: Drafter) -> None:
    assert _kinds(drafter, "Armenia bought 12 howitzers from France in May.") == ["deal"]


def test_a_war_sentence_is_no_deal(drafter: Drafter) -> None:
    body = "Azerbaijan used drones supplied by Turkey during the war with Armenia."
    assert _kinds(drafter, body) == []


def test_no_deal_without_arms_or_without_a_recipient(drafter: Drafter) -> None:
    assert _kinds(drafter, "Armenia will buy more grain from France this year.") == []
    assert _kinds(drafter, "France will supply howitzers, the minister said.") == []


def test_a_signing_needs_a_pact(drafter: Drafter) -> None:
    assert _kinds(drafter, "Armenia and France signed a defence agreement in Paris on 3 May.") == [
        "agreement"
    ]
    assert _kinds(drafter, "Armenia and France signed the guest book in Paris on 3 May.") == []


def test_the_state_after_from_supplies(drafter: Drafter) -> None:
    draft = drafter.text(
        "Arms\n\nArmenia took a loan from France for the purchase of "
        "air defence systems on 3 May.\n",
        published="2026-06-01",
    )
    deals = [p.fields for p in draft.facts if p.kind == "deal"]
    assert [(f["supplier"], f["recipient"]) for f in deals] == [("france", "armenia")]


def test_a_company_that_signs_makes_no_pact_of_states(drafter: Drafter) -> None:
    body = "Thales signed an agreement with Armenia and France in Paris on 3 May."
    assert _kinds(drafter, body) == []


def test_one_pact_signed_twice_in_the_text_is_one_agreement(drafter: Drafter) -> None:
    body = (
        "Armenia and France signed a defence agreement in Paris on 3 May. The agreement "
        "was signed by Armenia and France on 3 May after long talks."
    )
    assert _kinds(drafter, body) == ["agreement"]


def test_a_later_sale_to_another_state_gives_no_quantity(drafter: Drafter) -> None:
    body = (
        "Azerbaijan bought Turkish combat drones on 3 May. In 2019 the maker won a contract "
        "to sell six such drones to Ukraine."
    )
    draft = drafter.text("Drones\n\n" + body + "\n", published="2026-06-01")
    deals = [p.fields for p in draft.facts if p.kind == "deal"]
    assert len(deals) == 1 and "quantityOrdered" not in deals[0]
    body = "Azerbaijan bought Turkish combat drones on 3 May. It ordered six such drones."
    draft = drafter.text("Drones\n\n" + body + "\n", published="2026-06-01")
    assert [p.fields.get("quantityOrdered") for p in draft.facts if p.kind == "deal"] == [6]


def test_a_later_inventory_is_no_quantity(drafter: Drafter) -> None:
    body = "Azerbaijan bought Turkish combat drones on 3 May. Turkey is using 75 such drones."
    draft = drafter.text("Drones\n\n" + body + "\n", published="2026-06-01")
    deals = [p.fields for p in draft.facts if p.kind == "deal"]
    assert len(deals) == 1 and "quantityOrdered" not in deals[0]
