"""Statements in Italian and Greek, and the Polish verbs of appeal and writing: wave 13's pages
in these languages gave no statement from "…, ha scritto X" or "– zaapelował X" (no Italian or
Greek speech verb was known). Sentences written for the test, on the frozen graph of
tests/fixtures/draft (published 2024-06-19, a Wednesday)."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _statements(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    return [p.fields for p in drafter.body(body).facts if p.kind == "statement"]


def test_speech_verbs_in_italian_greek_and_polish(drafter: Drafter) -> None:
    for body in (
        "Sergei Lavrov ha dichiarato che le esercitazioni continueranno.",
        "«Le esercitazioni continueranno», ha scritto Sergei Lavrov.",
        "Ο Sergei Lavrov δήλωσε ότι οι ασκήσεις θα συνεχιστούν.",
        "«Οι ασκήσεις θα συνεχιστούν», τόνισε ο Sergei Lavrov.",
        "– Ćwiczenia będą kontynuowane – zaapelował Sergei Lavrov w Moskwie.",
        "Ćwiczenia będą kontynuowane, napisał Sergei Lavrov.",
    ):
        (said,) = _statements(drafter, body)
        assert said["speaker"] == "sergei-lavrov", body


def test_the_day_of_speaking_in_italian(drafter: Drafter) -> None:
    (said,) = _statements(
        drafter, "Sergei Lavrov ha detto martedì che le esercitazioni continueranno."
    )
    assert (said["speaker"], said["date"]) == ("sergei-lavrov", "2024-06-18")
    # a day in the reported clause is not the saying's
    (said,) = _statements(drafter, "Sergei Lavrov ha detto che le esercitazioni finiranno martedì.")
    assert "date" not in said


def test_a_name_in_the_italian_or_greek_reported_clause_does_not_speak(drafter: Drafter) -> None:
    for body in (
        "Il ministero ha detto che Sergei Lavrov arriverà a Erevan.",
        "Το υπουργείο δήλωσε ότι ο Sergei Lavrov θα φτάσει στο Ερεβάν.",
    ):
        assert all(s["speaker"] != "sergei-lavrov" for s in _statements(drafter, body)), body
