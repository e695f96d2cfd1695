"""A deal the graph has, named by its designation in another script or by its model number
alone (wave 10: "Су-30СМ" and "JF-17 Thunder" matched no deal of the graph)."""

from __future__ import annotations

from kg.draft.names import Entity, Gazetteer, designated_deals


def _gazetteer(*deals: tuple[str, str, str]) -> Gazetteer:
    entities = {
        "armenia": Entity("armenia", "State", "Armenia", ("Armenia",)),
        "azerbaijan": Entity("azerbaijan", "State", "Azerbaijan", ("Azerbaijan",)),
    }
    index: dict[tuple[str, str], set[str]] = {}
    for ref, recipient, key in deals:
        entities[ref] = Entity(ref, "ArmsDeal", ref, (ref,))
        index.setdefault((recipient, key), set()).add(ref)
    return Gazetteer(entities, deals=index)


def test_a_cyrillic_designation_with_a_hyphen() -> None:
    gazetteer = _gazetteer(("deal/su-30sm", "armenia", "su-30sm"))
    found = designated_deals("Армения получила истребители Су-30СМ.", {"armenia"}, gazetteer)
    assert found == ["deal/su-30sm"]


def test_the_model_number_of_a_longer_designation() -> None:
    gazetteer = _gazetteer(("deal/jf-17", "azerbaijan", "jf-17 c block-iii"))
    found = designated_deals("Azerbaijan is buying JF-17 Thunder jets.", {"azerbaijan"}, gazetteer)
    assert found == ["deal/jf-17"]


def test_a_model_of_two_deals_is_left_to_the_curator() -> None:
    gazetteer = _gazetteer(
        ("deal/jf-17-a", "azerbaijan", "jf-17 c block-iii"),
        ("deal/jf-17-b", "azerbaijan", "jf-17 thunder block 3"),
    )
    assert designated_deals("Azerbaijan wants JF-17 jets.", {"azerbaijan"}, gazetteer) == []


def test_another_recipient_gets_no_deal() -> None:
    gazetteer = _gazetteer(("deal/su-30sm", "armenia", "su-30sm"))
    assert designated_deals("Азербайджан хочет Су-30СМ.", {"azerbaijan"}, gazetteer) == []
