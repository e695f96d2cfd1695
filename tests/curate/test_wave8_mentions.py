"""Wave 8's mention and title classes (drafter-feedback-wave8): graph facts named by their
day or by their month and participants, summits of another year, peacekeepers of another
theatre, photo credits, the publisher's own name, capitals one deals with, French titles and
exercise names with a spaced hyphen. Sentences written for the test, never article text."""

from __future__ import annotations

from kg.draft.morphology import without_patronymic
from kg.draft.names import Described, Entity, Gazetteer, named_facts
from kg.draft.text import title
from tests.curate.conftest import Drafter

CEASEFIRE = "agreement/armenia-azerbaijan-ceasefire-2020"


def test_an_agreement_named_by_its_day_is_the_graphs(drafter: Drafter) -> None:
    body = "Armenia still cites the trilateral statement of 9 November 2020 in its notes."
    assert CEASEFIRE in drafter.body(body).mentions
    french = "L'Arménie invoque la déclaration trilatérale du 9 novembre 2020 dans ses notes."
    assert CEASEFIRE in drafter.body(french).mentions
    other_day = "Armenia still cites the trilateral statement of 9 October 2021 in its notes."
    assert CEASEFIRE not in drafter.body(other_day).mentions


def _meetings() -> Gazetteer:
    entities = {
        ref: Entity(ref, kind, label, (label,))
        for ref, kind, label in [
            ("meeting/a-b-2024-10", "Meeting", "A–B meeting"),
            ("meeting/a-c-2024-10", "Meeting", "A–C meeting"),
            ("person-a", "Person", "Person A"),
            ("person-b", "Person", "Person B"),
            ("person-c", "Person", "Person C"),
        ]
    }
    described = {
        "met-on meeting/a-b-2024-10": Described(
            "met-on", {"who person-a", "who person-b"}, {"2024-10-03"}, {"2024-10-03"}
        ),  # fmt: skip
        "met-in meeting/a-b-2024-10": Described(
            "met-in", {"who person-a", "who person-b"}, {"2024-10-03"}, {"2024-10-03"}
        ),  # fmt: skip
        "met-in meeting/a-c-2024-10": Described(
            "met-in", {"who person-a", "who person-c"}, {"2024-10-20"}, {"2024-10-20"}
        ),  # fmt: skip
    }
    return Gazetteer(entities, described=described)


def test_a_meeting_by_its_month_and_two_participants() -> None:
    gazetteer = _meetings()

    def found(near: list[str], dates: list[str]) -> list[str]:
        text = "The two met in the capital, officials said."
        return [e.id for e in named_facts([], gazetteer, text=text, dates=dates, near=near)]

    assert found(["person-a", "person-b"], ["2024-10"]) == ["meeting/a-b-2024-10"]
    assert found(["person-a"], ["2024-10-03"]) == ["meeting/a-b-2024-10"]  # its day
    assert found(["person-a"], ["2024-10"]) == []  # one participant: two meetings that month
    assert found(["person-a", "person-b"], ["2023-10"]) == []  # another year
    assert found(["person-a", "person-b"], ["2024"]) == []  # a year alone is not enough


def test_a_summit_of_another_year_is_not_the_graphs(drafter: Drafter) -> None:
    summit = "meeting/csto-summit-yerevan-2022"

    def mentioned(sentence: str, published: str) -> bool:
        return summit in drafter.text("Summit news\n\n" + sentence, published=published).mentions

    body = "The CSTO summit in Yerevan ended without a joint declaration, diplomats said."
    assert mentioned(body, "2022-11-24")
    assert mentioned(body, "2024-03-01")  # told later: the one before the article
    assert not mentioned(body, "2019-11-24")  # an article before it: another summit
    other = "The CSTO summit in Yerevan in 2019 ended without a joint declaration."
    assert not mentioned(other, "2024-03-01")  # the sentence's year is another


def test_peacekeepers_need_their_theatre_named(drafter: Drafter) -> None:
    deployment = "deployment/russian-peacekeepers-lachin-corridor"
    bare = "Russian peacekeepers left earlier than planned, officials said."
    assert deployment not in drafter.body(bare).mentions
    placed = "Russian peacekeepers left Nagorno-Karabakh earlier than planned, officials said."
    assert deployment in drafter.body(placed).mentions


def test_a_photo_credit_is_not_a_mention(drafter: Drafter) -> None:
    body = "Armenia and Russia discussed the border on Monday.\n\nФОТО : ТАСС"
    assert "tass" not in drafter.body(body).mentions
    said = "TASS reported that Armenia and Russia discussed the border on Monday."
    assert "tass" in drafter.body(said).mentions


def test_the_publisher_is_not_its_own_mention(drafter: Drafter) -> None:
    body = "Border talks\n\nTASS reports that Armenia and Russia discussed the border.\n"
    draft = drafter.text(body, url="https://tass.com/politics/1")
    assert draft.block["publisher"] == "tass"
    assert "tass" not in draft.mentions
    assert "tass" in drafter.text(body, url="https://oc-media.org/x").mentions


def test_a_capital_one_deals_with_is_its_government(drafter: Drafter) -> None:
    body = "Armenia held talks with Baku on Monday, the ministry said."
    assert "azerbaijani-government" in drafter.body(body).mentions
    body = "Pro-Moscow media in Armenia praised the talks on Monday."
    assert "russian-government" in drafter.body(body).mentions
    body = "The delegation flew from Baku to the talks on Monday."
    assert "azerbaijani-government" not in drafter.body(body).mentions


def _tenures(drafter: Drafter, body: str) -> list[tuple[str, str]]:
    return [(p.fields["holder"], p.fields["post"]) for p in drafter.body(body).facts
            if p.kind == "tenure"]  # fmt: skip


def test_french_titles_with_the_states_adjective(drafter: Drafter) -> None:
    # ("le ministre français des Armées, X" as a name of the post was tried: on the redraft
    # it gave one more post mention and one wrong tenure in the held-out rows; dropped)
    pashinyan = ("nikol-pashinyan", "post/armenia-prime-minister")
    body = "Le Premier ministre arménien Nikol Pashinyan a reçu une délégation à Erevan."
    assert pashinyan in _tenures(drafter, body)
    body = "L'Arménie et son Premier ministre, Nikol Pashinyan, ont reçu une délégation."
    assert pashinyan in _tenures(drafter, body)


def test_an_exercise_name_with_a_spaced_hyphen(drafter: Drafter) -> None:
    body = "The CSTO exercise Cobalt -2024 began in Belarus on Monday."
    assert "exercise/cobalt-2024" in drafter.body(body).mentions
    russian = "Учения «Взаимодействие -2024» начались в Белоруссии в понедельник."
    assert any(m.endswith("-2024") and m.startswith("exercise/")
               for m in drafter.body(russian).mentions)  # fmt: skip


def test_the_outlets_channel_is_no_headline() -> None:
    text = "Газета.Ru в Telegram\n\nQarvel and Zorland sign a border pact\n\nThe two signed.\n"
    assert title(text) == "Qarvel and Zorland sign a border pact"


def test_a_district_by_its_short_name(drafter: Drafter) -> None:
    body = "Shelling was reported near Gazakh on Monday, the ministry said."
    assert "gazakh-district" in drafter.body(body).mentions


def test_a_patronymic_is_not_in_a_persons_id() -> None:
    assert without_patronymic("Арам Ашотович Варданян") == "Арам Варданян"
    assert without_patronymic("Aram Ashotovich Vardanyan") == "Aram Vardanyan"
    assert without_patronymic("Марии Владимировны Захаровой") == "Марии Захаровой"
    assert without_patronymic("Ара Айвазян") == "Ара Айвазян"


def test_groupe_introduces_a_company(drafter: Drafter) -> None:
    body = "Les radars sont produits par le groupe Qarvex, a indiqué le ministère."
    assert any(c.label == "Qarvex" and c.type == "Company" for c in drafter.body(body).new_entities)


def test_a_rank_between_the_title_and_the_name(drafter: Drafter) -> None:
    chief = ("eduard-asryan", "post/armenia-chief-of-general-staff")
    body = (
        "The Chief of the General Staff of the Armed Forces of Armenia, Lieutenant General "
        "Eduard Asryan, met the delegation on Monday."
    )
    assert chief in _tenures(drafter, body)
    body = (
        "The Chief of the General Staff of the Armed Forces of Armenia, Eduard Asryan, "
        "met the delegation on Monday."
    )
    assert chief in _tenures(drafter, body)


def test_an_undated_meeting_of_the_articles_month() -> None:
    entities = {"meeting/a-b": Entity("meeting/a-b", "Meeting", "A–B meeting", ("A–B meeting",))}
    described = {"met-lately meeting/a-b": Described("met-lately", {"who a", "who b"},
                                                     {"2024-10-08"})}  # fmt: skip
    gazetteer = Gazetteer(entities, described=described)

    def found(dates: list[str], published: str, near: tuple[str, ...] = ("a", "b")) -> bool:
        text = "The two leaders met and agreed on the checkpoint."
        return "meeting/a-b" in [e.id for e in named_facts(
            [], gazetteer, text=text, dates=dates, near=near, published=published)]  # fmt: skip

    assert found([], "2024-10-08")
    assert not found([], "2024-12-02")  # another month's article
    assert not found(["2024-05-08"], "2024-10-08")  # the sentence dates another meeting
    assert not found([], "2024-10-08", near=("a",))  # one participant


def test_a_russian_series_name_takes_its_english_series(drafter: Drafter) -> None:
    """«Взаимодействие-2020» is the CSTO's Interaction series: the table's key must be the
    slug the drafter makes of the name ("vzaimodeystvie"), or the English name is never used."""
    russian = "Учения «Взаимодействие-2020» начались в Армении в понедельник."
    mentions = drafter.body(russian).mentions
    assert any(m.startswith("exercise/") and m.endswith("interaction-2020") for m in mentions)
    assert not any("vzaimode" in m for m in mentions)
