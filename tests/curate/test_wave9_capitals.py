"""Capitals and adjectives that stand for states, and a dateline's city (wave 9's
feedback): the state is mentioned, not the city; the country of a news agency is none.
Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("sentence", "states", "city"),
    [
        ("Переговоры между Баку и Анкарой шли весь день.", {"azerbaijan", "turkey"}, "baku"),
        ("Talks between Yerevan and Moscow went on all day.", {"armenia", "russia"}, "moscow"),
        ("Paris en possède déjà trois, livrés au profit de Kiev.", {"france", "ukraine"},
         "paris"),
        ("The Moscow-led bloc met again on Monday.", {"russia"}, "moscow"),
    ],
)  # fmt: skip
def test_a_capital_in_a_relation_of_states_is_its_state(
    drafter: Drafter, sentence: str, states: set[str], city: str
) -> None:
    draft = drafter.body(sentence)
    assert states <= set(draft.mentions)
    assert city not in draft.mentions


def test_a_city_as_a_place_stays(drafter: Drafter) -> None:
    draft = drafter.body("Protesters marched through central Yerevan on Monday.")
    assert "yerevan" in draft.mentions


@pytest.mark.parametrize("dateline", ["YEREVAN, March 3.", "Yerevan /Zeta/."])
def test_a_datelines_city_is_not_mentioned(drafter: Drafter, dateline: str) -> None:
    draft = drafter.body(f"{dateline} Qarvel met Zorland on Monday.")
    assert "yerevan" not in draft.mentions
    later = drafter.body(f"{dateline} Qarvel met Zorland in Yerevan on Monday.")
    assert "yerevan" in later.mentions  # named again where something happened


def test_a_news_agencys_country_is_no_actor(drafter: Drafter) -> None:
    draft = drafter.body("Переговоры прошли успешно, сообщает российское агентство.")
    assert "russia" not in draft.mentions
    draft = drafter.body("Russian state media said the talks went well.")
    assert "russia" not in draft.mentions
