"""Statements wave 8's first drafts missed (drafter-feedback-wave8): the speaker after the
verb past the statement's date ("сообщил в пятницу, 12 июля, министр обороны X"), the speaker
before an apposition between commas ("X, a close ally of the president, said"), and speech
verbs not read before ("appealed to", "надеется"). Sentences written for the test, on the
frozen graph of tests/fixtures/draft."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _statements(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    return [p.fields for p in drafter.body(body).facts if p.kind == "statement"]


def test_the_speaker_after_the_verb_and_its_date(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter, "Об учениях сообщил в среду, 12 июня, министр обороны Армении Сурен Папикян."
    )
    assert (said["speaker"], said["date"]) == ("suren-papikyan", "2024-06-12")
    (said,) = _statements(drafter, "Учения будут продолжены, заявил 12 июня Сергей Лавров.")
    assert (said["speaker"], said["date"]) == ("sergei-lavrov", "2024-06-12")


def test_the_speaker_before_an_apposition(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter, "The drills went on, Sergei Lavrov, a close ally of the president, said."
    )
    assert said["speaker"] == "sergei-lavrov"
    # a long clause between commas is no apposition: not sure who speaks, nothing undated
    assert (
        _statements(
            drafter,
            "The drills went on, Sergei Lavrov, who had long argued in public and in private "
            "that the drills should go on for many more weeks in the north, said.",
        )
        == []
    )


def test_more_speech_verbs(drafter: Drafter) -> None:
    (said,) = _statements(drafter, "Sergei Lavrov appealed to Armenia to stay.")
    assert (said["speaker"], said["about"]) == ("sergei-lavrov", "armenia")
    (said,) = _statements(drafter, "Сергей Лавров надеется, что учения пройдут успешно.")
    assert said["speaker"] == "sergei-lavrov"


def test_no_statement_dated_by_a_russian_month_without_its_year(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter, "Касаясь планируемого в мае визита, Сергей Лавров заявил, что он состоится."
    )
    assert "date" not in said and said["latestDate"] == "2024-06-19"
    (said,) = _statements(drafter, "In May 2024, Sergei Lavrov said the drills were over.")
    assert said["date"] == "2024-05"
