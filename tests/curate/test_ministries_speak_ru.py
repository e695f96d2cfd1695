"""A ministry named in Russian before its state in the genitive ("МИД России", "Минобороны
Азербайджана", "министерство обороны Армении") is a mention of the sentence and so may be
the speech verb's subject, as "the Russian Foreign Ministry said" is (issue 19, drafter30).
Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _statements(drafter: Drafter, body: str) -> list[dict[str, object]]:
    return [p.fields for p in drafter.body(body).facts if p.kind == "statement"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("МИД России заявил, что армия будет модернизирована.", "russian-foreign-ministry"),
        ("В МИД России заявили, что армия будет модернизирована.", "russian-foreign-ministry"),
        (
            "Пресс-служба министерства обороны Армении сообщила, что учения завершены.",
            "armenian-defence-ministry",
        ),
    ],
)
def test_the_ministry_speaks(drafter: Drafter, body: str, speaker: str) -> None:
    statements = _statements(drafter, body)
    assert [s["speaker"] for s in statements] == [speaker]
    assert "about" not in statements[0]  # its own state is no subject of its words


def test_a_person_at_the_verb_still_speaks(drafter: Drafter) -> None:
    body = "Глава МИД России Сергей Лавров заявил, что армия будет модернизирована."
    assert [s["speaker"] for s in _statements(drafter, body)] == ["sergei-lavrov"]


def test_a_ministry_in_the_words_said_does_not_speak(drafter: Drafter) -> None:
    body = "Сурен Папикян заявил, что МИД России поддержал модернизацию армии."
    assert [s["speaker"] for s in _statements(drafter, body)] == ["suren-papikyan"]


def test_an_officer_of_the_ministry_is_no_ministry(drafter: Drafter) -> None:
    # the spokesperson speaks, a name the graph does not know: no statement of the ministry
    body = "Об этом сказала советник МИД Армении Анна Петросян."
    assert "armenian-foreign-ministry" not in [s["speaker"] for s in _statements(drafter, body)]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Армянский МИД заявил, что решение будет принято позже.", "armenian-foreign-ministry"),
        (
            "Патруль подвергся обстрелу, сообщили в российском Минобороны.",
            "russian-defence-ministry",
        ),
    ],
)
def test_the_ministry_after_its_states_adjective_speaks(
    drafter: Drafter, body: str, speaker: str
) -> None:
    assert [s["speaker"] for s in _statements(drafter, body)] == [speaker]
