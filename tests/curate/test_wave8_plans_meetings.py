"""Plans and meetings wave 8's first drafts missed (drafter-feedback-wave8): a visit to come
in Russian ("посетит"), a plan said in Russian or French ("планируется", "devraient") or
"is expected to", a phone call between two named people, a guest received ("a reçu").
Sentences written for the test, on the frozen graph of tests/fixtures/draft (published
2024-06-19, a Wednesday)."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _facts(drafter: Drafter, body: str, kind: str) -> list[dict[str, Any]]:
    return [p.fields for p in drafter.body(body).facts if p.kind == kind]


def test_a_visit_to_come_is_a_plan(drafter: Drafter) -> None:
    (visit,) = _facts(drafter, "Сурен Папикян посетит Москву 25 июня.", "visit")
    assert (visit["visitor"], visit["destination"], visit["date"], visit["mode"]) == (
        "suren-papikyan", "russia", "2024-06-25", "code:mode-plan")  # fmt: skip
    (visit,) = _facts(drafter, "Suren Papikyan is expected to visit Moscow on 25 June.", "visit")
    assert (visit["date"], visit["mode"]) == ("2024-06-25", "code:mode-plan")


def test_a_phone_call_and_a_guest_received_are_meetings(drafter: Drafter) -> None:
    for body in ("Suren Papikyan and Sergei Lavrov held a phone call on Tuesday.",
                 "Suren Papikyan a reçu Sergueï Lavrov mardi."):  # fmt: skip
        (meeting,) = _facts(drafter, body, "meeting")
        assert (meeting["participant"], meeting["date"]) == (
            ["suren-papikyan", "sergei-lavrov"], "2024-06-18")  # fmt: skip


def test_the_speaker_is_not_the_visitor_of_the_reported_clause(drafter: Drafter) -> None:
    body = "Сергей Лавров заявил, что миссия ОДКБ прибудет в Армению 20 июня."
    assert _facts(drafter, body, "visit") == []
    (visit,) = _facts(
        drafter, "Sergei Lavrov said that Suren Papikyan will visit Moscow on 25 June.", "visit"
    )
    assert visit["visitor"] == "suren-papikyan"
