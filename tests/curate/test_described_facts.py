"""A fact the graph has but an article describes instead of naming ("the 2020 war",
"Russian peacekeepers", "the CSTO summit in Yerevan") is mentioned by its id when the
description picks out one fact (``kg.draft.names.named_facts``, ``DESCRIPTIONS``).
Sentences written for the test, never article text."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _mentions(drafter: Drafter, body: str) -> list[str]:
    return drafter.body(body).mentions


def test_a_war_described_by_its_year_is_mentioned(drafter: Drafter) -> None:
    body = "Armenia has rebuilt its army since the 2020 war with Azerbaijan."
    assert "event/armenia-azerbaijan-war-2020" in _mentions(drafter, body)
    russian = "После войны 2020 года Армения перевооружает армию, заявили в Ереване."
    assert "event/armenia-azerbaijan-war-2020" in _mentions(drafter, russian)


def test_a_war_of_another_year_is_not_that_war(drafter: Drafter) -> None:
    body = "Armenia has rebuilt its army since the 1994 war with Azerbaijan."
    assert "event/armenia-azerbaijan-war-2020" not in _mentions(drafter, body)


def test_peacekeepers_of_a_state_are_its_one_peacekeeping_deployment(drafter: Drafter) -> None:
    # (their theatre named in the article: wave 8, another theatre's deployment otherwise)
    body = "Russian peacekeepers left Nagorno-Karabakh earlier than planned, officials said."
    assert "deployment/russian-peacekeepers-lachin-corridor" in _mentions(drafter, body)
    russian = "Российские миротворцы покинули Нагорный Карабах раньше срока, сообщили в Ереване."
    assert "deployment/russian-peacekeepers-lachin-corridor" in _mentions(drafter, russian)
    other = "French peacekeepers left Nagorno-Karabakh earlier than planned, officials said."
    assert "deployment/russian-peacekeepers-lachin-corridor" not in _mentions(drafter, other)


def test_a_ceasefire_and_a_summit_described(drafter: Drafter) -> None:
    body = "The ceasefire of November 2020 ended the fighting, Armenian officials recalled."
    assert "agreement/armenia-azerbaijan-ceasefire-2020" in _mentions(drafter, body)
    # (in its year: the sentence's, else the article's; wave 8)
    body = "The CSTO summit in Yerevan in 2022 ended without a joint declaration, diplomats said."
    assert "meeting/csto-summit-yerevan-2022" in _mentions(drafter, body)
    body = "The CSTO summit in Almaty ended without a joint declaration, diplomats said."
    assert "meeting/csto-summit-yerevan-2022" not in _mentions(drafter, body)


def test_forces_at_a_base_are_the_deployment_there(drafter: Drafter) -> None:
    body = "Russian troops at the 102nd military base held drills on Monday."
    assert "deployment/russia-102nd-military-base" in _mentions(drafter, body)
    body = "Armenian troops visited the 102nd military base on Monday."
    assert "deployment/russia-102nd-military-base" not in _mentions(drafter, body)
