"""A body that tells of its own signing ("the ministry said it had signed …") is the act's
claimant, not the speaker of a statement (wave 15: a ministry's report of its agreement with
a company was drafted as the ministry's statement, a speaker its curator deleted). What it
says of others' acts is still its statement. Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _speakers(drafter: Drafter, body: str) -> list[object]:
    return [p.fields["speaker"] for p in drafter.body(body).facts if p.kind == "statement"]


@pytest.mark.parametrize(
    "body",
    [
        "Ранее министерство обороны Армении сообщило, что подписало соглашение с Россией.",
        "The Armenian Defence Ministry said it had signed an agreement with Russia.",
        "The Armenian Defence Ministry announced that it has signed a contract with Russia.",
    ],
)
def test_a_body_reporting_its_own_signing_is_no_speaker(drafter: Drafter, body: str) -> None:
    assert "armenian-defence-ministry" not in _speakers(drafter, body)


@pytest.mark.parametrize(
    "body",
    [
        "Министерство обороны Армении сообщило, что учения завершены.",
        "The Armenian Defence Ministry said that Russia and Iran signed an agreement.",
    ],
)
def test_what_the_body_says_of_others_is_its_statement(drafter: Drafter, body: str) -> None:
    assert _speakers(drafter, body) == ["armenian-defence-ministry"]


def test_a_person_telling_of_a_signing_still_speaks(drafter: Drafter) -> None:
    body = "Сурен Папикян сообщил, что подписал соглашение с Россией."
    assert _speakers(drafter, body) == ["suren-papikyan"]


@pytest.mark.parametrize(
    "body",
    [
        "The talks will go on, said the spokesperson of the Armenian Defence Ministry, John Roe.",
        "Переговоры продолжатся, сказал пресс-секретарь министерства обороны Армении Иван Петров.",
    ],
)
def test_a_body_s_spokesperson_is_not_the_body(drafter: Drafter, body: str) -> None:
    assert "armenian-defence-ministry" not in _speakers(drafter, body)
