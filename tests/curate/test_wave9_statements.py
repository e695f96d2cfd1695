"""Statements wave 9's first drafts got wrong (drafter-feedback-wave9, "Statements and reported
speech"): a year the words are about read as the statement's date, a Russian month that opens
the sentence left undated, and the passive "This was stated by X" after the words giving no
statement. Sentences written for the test, on the frozen graph of tests/fixtures/draft
(published 2024-06-19)."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _statements(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    return [p.fields for p in drafter.body(body).facts if p.kind == "statement"]


def test_a_year_alone_never_dates_a_statement(drafter: Drafter) -> None:
    (said,) = _statements(drafter, "In 2020 Sergei Lavrov said the drills would go on.")
    assert "date" not in said and said["latestDate"] == "2024-06-19"
    (said,) = _statements(drafter, "В 2026 году, заявил Сергей Лавров, учения продолжатся.")
    assert "date" not in said


def test_a_russian_month_opening_the_sentence_dates_the_saying(drafter: Drafter) -> None:
    (said,) = _statements(drafter, "В мае Сергей Лавров заявил, что учения продолжатся.")
    assert said["date"] == "2024-05"
    (said,) = _statements(drafter, "А в сентябре Сергей Лавров заявил, что учения продолжатся.")
    assert said["date"] == "2023-09"  # after the article's month: the year before
    # a month inside the sentence still dates what is talked about
    (said,) = _statements(
        drafter, "Касаясь планируемого в мае визита, Сергей Лавров заявил, что он состоится."
    )
    assert "date" not in said


def test_this_was_stated_by(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter,
        "The drills will go on. This was stated by Russian Foreign Minister Sergei Lavrov.",
    )
    assert said["speaker"] == "sergei-lavrov" and said["locator"] == "s2-s3"
    assert said.get("topic") == "code:topic-joint-exercise"  # from the words before
    # the passive without "by" names nobody who speaks
    assert _statements(drafter, "It was declared that Sergei Lavrov was appointed.") == []


def test_an_outlet_quoting_a_speaker_relays_him(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter, "TASS quoted Sergei Lavrov as saying on Friday that the drills would go on."
    )
    assert (said["speaker"], said["reportedBy"], said["date"]) == (
        "sergei-lavrov",
        "tass",
        "2024-06-14",
    )
    (said,) = _statements(
        drafter, "Sergei Lavrov confirmed on Friday that the drills would go on (цитата по ТАСС)."
    )
    assert (said["speaker"], said["reportedBy"]) == ("sergei-lavrov", "tass")


def test_a_title_continuing_the_named_speaker(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter,
        "Sergei Lavrov said on Friday that the drills would go on. The Russian Foreign Minister "
        "noted that Armenia would take part.",
    )
    assert (said["speaker"], said["locator"]) == ("sergei-lavrov", "s2-s3")
    # a title the person named before does not hold (by the graph) is not his
    assert (
        _statements(
            drafter,
            "Nikol Pashinyan met Emmanuel Macron in Paris. The Prime Minister noted that Armenia "
            "would buy howitzers.",
        )
        == []
    )


def test_an_outlets_country_is_not_what_is_talked_about(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter,
        "Sergei Lavrov said on Friday, Germany's Kommersant reported, that the drills would go "
        "on in Armenia.",
    )
    assert said["about"] == "armenia" and said["reportedBy"] == "kommersant"


def test_a_statement_is_about_the_graphs_facts_its_sentence_names(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter, "Sergei Lavrov said on Friday that Armenia's membership in the CSTO was firm."
    )
    assert said["about"][0] == "membership/armenia-csto"
    (said,) = _statements(
        drafter,
        "Sergei Lavrov said on Friday that the 2020 war between Armenia and Azerbaijan was over.",
    )
    # the war's own parties are not listed again beside it
    assert said["about"] == "event/armenia-azerbaijan-war-2020"


def test_said_on_a_weekday_in_a_sentence_of_plans(drafter: Drafter) -> None:
    (said,) = _statements(drafter, "The drills will continue, Sergei Lavrov said on Friday.")
    assert said["date"] == "2024-06-14"
    (said,) = _statements(drafter, "Учения продолжатся, заявил в пятницу Сергей Лавров.")
    assert said["date"] == "2024-06-14"
    # the plan's own weekday is not the saying's
    (said,) = _statements(drafter, "Sergei Lavrov said the drills will start on Friday.")
    assert "date" not in said


def test_a_date_in_the_words_before_their_attribution_is_theirs(drafter: Drafter) -> None:
    (said,) = _statements(drafter, "Учения ОДКБ начались в Армении 12 июня, сообщил Сергей Лавров.")
    assert "date" not in said
    (said,) = _statements(drafter, "The drills ended on June 12, Sergei Lavrov said.")
    assert "date" not in said
    (said,) = _statements(drafter, "On June 12, Sergei Lavrov said the drills were over.")
    assert said["date"] == "2024-06-12"
    (said,) = _statements(
        drafter, "Учения продолжатся. Об этом в четверг, 13 июня, заявил Сергей Лавров."
    )
    assert said["date"] == "2024-06-13"


def test_a_dated_statement_further_on_is_another_occasion(drafter: Drafter) -> None:
    said = _statements(
        drafter,
        "Сергей Лавров заявил, что учения продолжатся. Учения начались в Армении. "
        "В мае Сергей Лавров заявил, что Армения примет участие.",
    )
    assert sorted((s.get("date", ""), s["locator"]) for s in said) == [
        ("", "s2"),
        ("2024-05", "s4"),
    ]
    # a run of his words is one statement
    (said,) = _statements(
        drafter,
        "Сергей Лавров заявил, что учения продолжатся. В мае, добавил Сергей Лавров, "
        "Армения примет участие.",
    )
    assert said["locator"] == "s2-s3"


def test_a_ministry_named_at_the_verb_speaks_undated(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter, "Armenia and Russia will hold drills, the Russian Defence Ministry said."
    )
    assert said["speaker"] == "russian-defence-ministry" and "latestDate" in said


def test_an_apposition_between_dashes(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter, "Sergei Lavrov -- a veteran of many talks -- said the pullout would take weeks."
    )
    assert said["speaker"] == "sergei-lavrov"


def test_the_outlet_named_after_the_words_relays_them(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter, "Сергей Лавров заявил, что учения продолжатся. Об этом сообщает ТАСС."
    )
    assert (said["speaker"], said["reportedBy"]) == ("sergei-lavrov", "tass")
