""" "й" is a letter, not "и" with an accent: folded to "и", the instrumental "Москвой"
stemmed to "москво" and missed Moscow (the stem of "Москва" is "москв"). Sentences written
for the test, never article text."""

from __future__ import annotations

from kg.draft.names import fold, match_key
from tests.curate.conftest import Drafter


def test_the_instrumental_case_keeps_its_stem() -> None:
    assert match_key("Москвой") == match_key("Москва")
    assert match_key("Украиной") == match_key("Украина")
    assert fold("Pérez") == "perez"  # accents still go


def test_a_capital_in_the_instrumental_is_mentioned(drafter: Drafter) -> None:
    draft = drafter.text("Новости дня\n\nОтношения между Москвой и Баку ухудшились.\n")
    assert "moscow" in draft.mentions or "russia" in draft.mentions


def test_a_capital_whose_view_is_reported_stands_for_its_state(drafter: Drafter) -> None:
    """ "Selon Washington", "according to Moscow": the capital's view is its government's
    (wave 6's feedback: read as the city only)."""
    for text, state in (
        ("Les faits du jour\n\nSelon Washington, les livraisons ont commencé.\n", "united-states"),
        ("News of the day\n\nAccording to Moscow, the deliveries began.\n", "russian-government"),
    ):
        assert state in drafter.text(text).mentions, text


def test_a_currency_names_no_state(drafter: Drafter) -> None:
    """ "долларов США", "US dollars": a price, not the United States (wave 6's feedback)."""
    for text in (
        "Новости дня\n\nКонтракт стоит 400 млн долларов США, сообщили в Ереване.\n",
        "News of the day\n\nThe contract is worth 400 million US dollars, Yerevan said.\n",
    ):
        assert "united-states" not in drafter.text(text).mentions, text
    draft = drafter.text("News of the day\n\nThe US and Armenia signed a deal.\n")
    assert "united-states" in draft.mentions


def test_no_person_from_a_number_a_nationality_or_a_region(drafter: Drafter) -> None:
    """ "Seven Russian", "South Caucasus" are no people; "Manager Haluk Bayraktar" is Haluk
    Bayraktar (wave 6's feedback). Invented sentences."""
    draft = drafter.text(
        "News of the day\n\n"
        "Officials said Seven Russian, the envoy, had not arrived.\n\n"
        "The talks covered South Caucasus, the region, at length.\n\n"
        "General Manager Tigran Vardazaryan, the director, said sales were up.\n"
    )
    people = {e.label for e in draft.new_entities if e.type == "Person"}
    assert not {"Seven Russian", "South Caucasus"} & people
    assert "Tigran Vardazaryan" in people and "General Manager Tigran Vardazaryan" not in people
