"""A statement's outlets: the one the article relays ("according to TASS", "сообщает
Интерфакс", "selon Kommersant") is its ``reportedBy``; the one the speaker spoke to ("told
Kommersant", "в интервью Интерфаксу") is its ``medium``, not a relay. Sentences written for
the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _statements(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Statements\n\n" + body + "\n", published="2026-10-05")
    return [p.fields for p in draft.facts if p.fields.get("type") == "Statement"]


def test_a_relayed_outlet_is_the_statements_reportedby(drafter: Drafter) -> None:
    (english,) = _statements(
        drafter, "Nikol Pashinyan said on Monday that the talks would go on, according to TASS."
    )
    (russian,) = _statements(
        drafter, "Никол Пашинян заявил в понедельник, что переговоры продолжатся, сообщает ТАСС."
    )
    assert english["reportedBy"] == russian["reportedBy"] == "tass"


def test_an_outlet_spoken_to_is_the_medium(drafter: Drafter) -> None:
    (told,) = _statements(
        drafter, "Nikol Pashinyan told Kommersant on Monday that the talks would go on."
    )
    assert told["medium"] == "kommersant"
    assert "reportedBy" not in told
    (relayed,) = _statements(
        drafter,
        "Nikol Pashinyan told Kommersant on Monday that the talks would go on, TASS reported.",
    )
    assert (relayed["medium"], relayed["reportedBy"]) == ("kommersant", "tass")


def test_a_fact_of_the_graph_the_sentence_names_is_what_it_is_about(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter, "Sergei Lavrov said on Monday that Eagle Partner 2023 was a provocation."
    )
    assert "exercise/eagle-partner-2023" in said["about"]
