"""Two more ways an article names what the graph knows: a state's body with the state in the
possessive ("Azerbaijan's Defense Ministry", "Armenia's National Security Service"), and the
Russian short title "премьер" before a prime minister's name ("премьер Никол Пашинян").
Sentences written for the test, never article text."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def test_a_body_after_its_state_in_the_possessive(drafter: Drafter) -> None:
    draft = drafter.text(
        "News of the day\n\n"
        "Azerbaijan's Defense Ministry said the drills had begun on Monday.\n\n"
        "Armenia's National Security Service reported nothing new.\n"
    )
    assert "azerbaijani-defence-ministry" in draft.mentions
    assert "armenian-national-security-service" in draft.mentions


def test_the_short_russian_title_of_a_prime_minister(drafter: Drafter) -> None:
    draft = drafter.text(
        "Новости дня\n\nКандидатуру предложил премьер Никол Пашинян, сообщили в Ереване.\n"
    )
    tenures = [(p.fields["holder"], p.fields["post"]) for p in draft.facts if p.kind == "tenure"]
    assert ("nikol-pashinyan", "post/armenia-prime-minister") in tenures
    assert "post/armenia-prime-minister" in draft.mentions


def test_a_new_name_after_a_serving_title_does_not_hold_the_post(drafter: Drafter) -> None:
    draft = drafter.text(
        "Новости дня\n\nОб этом сообщила пресс-секретарь премьера Армении Анна Ованесян.\n"
    )
    tenures = [(p.fields["holder"], p.fields["post"]) for p in draft.facts if p.kind == "tenure"]
    assert not [t for t in tenures if t[1] == "post/armenia-prime-minister"]
