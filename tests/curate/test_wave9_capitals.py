"""Capitals that stand for states in a relation of states (wave 9's feedback): the state
is mentioned and fills the roles (the city stays mentioned: the curators keep a city they
see named, measured on the redraft); the country of a news agency is none. Sentences
written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("sentence", "states"),
    [
        ("Переговоры между Баку и Анкарой шли весь день.", {"azerbaijan", "turkey"}),
        ("Talks between Yerevan and Moscow went on all day.", {"armenia", "russia"}),
        ("Paris en possède déjà trois, livrés au profit de Kiev.", {"france", "ukraine"}),
        ("The Moscow-led bloc met again on Monday.", {"russia"}),
    ],
)  # fmt: skip
def test_a_capital_in_a_relation_of_states_is_its_state(
    drafter: Drafter, sentence: str, states: set[str]
) -> None:
    draft = drafter.body(sentence)
    assert states <= set(draft.mentions)
    assert not {"russian-government", "armenian-government"} & set(draft.mentions)


def test_a_city_as_a_place_stays(drafter: Drafter) -> None:
    draft = drafter.body("Protesters marched through central Yerevan on Monday.")
    assert "yerevan" in draft.mentions


def test_a_news_agencys_country_is_no_actor(drafter: Drafter) -> None:
    draft = drafter.body("Переговоры прошли успешно, сообщает российское агентство.")
    assert "russia" not in draft.mentions
    draft = drafter.body("Russian state media said the talks went well.")
    assert "russia" not in draft.mentions
