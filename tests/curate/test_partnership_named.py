"""A partnership of two parties the graph has is mentioned by its id where a sentence names
both with a word of its type, or (the pair's only partnership) any word of partnership
(``kg.draft.graph_facts.partnership_named``). Sentences written for the test, never
article text."""

from __future__ import annotations

from kg.draft.graph_facts import Known, Told, partnership_named

DEFENCE = "code:partnership-defence-cooperation"
ALLIANCE = "code:partnership-strategic-alliance"
CONTACTS = "code:partnership-diplomatic-contacts"


def _partnership(ref: str, parties: set[str], kind: str, start: str = "2015") -> Known:
    return Known(ref, "Partnership", set(parties), {start}, {start},
                 fields={"partner": sorted(parties), "partnershipType": kind})  # fmt: skip


TABLE = {
    "p/qarvel-lumen-defence": _partnership("p/qarvel-lumen-defence", {"qarvel", "lumen"}, DEFENCE),
    "p/qarvel-lumen-alliance": _partnership(
        "p/qarvel-lumen-alliance", {"qarvel", "lumen"}, ALLIANCE
    ),  # fmt: skip
    "p/qarvel-ostra-defence": _partnership("p/qarvel-ostra-defence", {"qarvel", "ostra"}, DEFENCE),
    "p/qarvel-pact-contacts": _partnership("p/qarvel-pact-contacts", {"qarvel", "pact"}, CONTACTS),
}
TYPES = {"qarvel": "State", "lumen": "State", "ostra": "State", "pact": "Alliance"} | {
    ref: "Partnership" for ref in TABLE
}


def _told(text: str, near: list[str], published: str = "2024-05-02") -> list[str]:
    return partnership_named(Told(text, near, [], [], published, TABLE, TYPES))


def test_the_type_word_picks_the_pairs_partnership() -> None:
    assert _told(" and  deepen their defence cooperation.", ["qarvel", "lumen"]) == [
        "p/qarvel-lumen-defence"
    ]
    assert _told(" has long been a key ally of .", ["qarvel", "lumen"]) == [
        "p/qarvel-lumen-alliance"
    ]
    assert _told("Военное сотрудничество  и  растёт.", ["qarvel", "lumen"]) == [
        "p/qarvel-lumen-defence"
    ]


def test_the_pairs_only_partnership_by_any_word_of_partnership() -> None:
    assert _told("The strategic partnership of  and  grows.", ["qarvel", "ostra"]) == [
        "p/qarvel-ostra-defence"
    ]
    # two partnerships of the pair and no word of either type: none
    assert _told("The partnership of  and  grows.", ["qarvel", "lumen"]) == []
    # diplomatic contacts are any meeting: not by a word of partnership alone
    assert _told(" spoke of its cooperation with .", ["qarvel", "pact"]) == []


def test_not_one_party_alone_nor_two_pairs_nor_before_its_start() -> None:
    assert _told(" deepens its defence cooperation.", ["qarvel"]) == []
    three = "The defence cooperation of ,  and  grows."
    assert _told(three, ["qarvel", "lumen", "ostra"]) == []
    assert _told(" and  deepen their defence cooperation.", ["qarvel", "lumen"], "2010") == []
    assert _told(" and  met in the capital.", ["qarvel", "lumen"]) == []


def test_a_party_named_only_by_an_adjective_is_none() -> None:
    """In "Lumen's ministry and the Qarvelian company signed a defence cooperation deal",
    the company's state, named by an adjective only, is no party of a partnership."""
    text = "'s ministry and the  company signed a defence cooperation agreement."
    told = Told(text, ["qarvel", "lumen"], [], [], "2024-05-02", TABLE, TYPES, by_name=["lumen"])
    assert partnership_named(told) == []
    told = Told(text, ["qarvel", "lumen"], [], [], "2024-05-02", TABLE, TYPES,
                by_name=["lumen", "qarvel"])  # fmt: skip
    assert partnership_named(told) == ["p/qarvel-lumen-defence"]
