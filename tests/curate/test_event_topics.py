"""A meeting, a visit or a political event gets the topics its sentence names by a word
(the CSTO, peacekeepers, NATO), as a statement does; a meeting is not placed in its report's
dateline city. Sentences written for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _facts(drafter: Drafter, body: str, kind: str) -> list[dict[str, Any]]:
    draft = drafter.text("Talks\n\n" + body + "\n", published="2026-10-05")
    return [p.fields for p in draft.facts if p.fields.get("type") == kind]


def test_a_meeting_has_the_topics_its_sentence_names(drafter: Drafter) -> None:
    (met,) = _facts(
        drafter,
        "Nikol Pashinyan met Vladimir Putin in Moscow on 3 October to discuss the CSTO.",
        "Meeting",
    )
    assert met["topic"] == "code:topic-csto"


def test_a_political_event_has_the_topics_its_sentence_names(drafter: Drafter) -> None:
    (event,) = _facts(
        drafter,
        "The Armenian parliament ratified the NATO partnership plan on 3 October.",
        "PoliticalEvent",
    )
    assert event["topic"] == "code:topic-nato"


def test_a_dateline_city_is_not_where_a_meeting_was(drafter: Drafter) -> None:
    (met,) = _facts(
        drafter, "YEREVAN — Nikol Pashinyan met Vladimir Putin on 3 October.", "Meeting"
    )
    assert "location" not in met
    (there,) = _facts(
        drafter, "Nikol Pashinyan met Vladimir Putin in Yerevan on 3 October.", "Meeting"
    )
    assert there["location"] == "yerevan"
