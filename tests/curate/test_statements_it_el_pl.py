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


def test_topics_named_in_the_other_languages() -> None:
    from kg.draft.stance import topics

    for text, code in (
        ("Die Übungen gehen weiter.", "code:topic-joint-exercise"),
        ("Ćwiczenia będą kontynuowane.", "code:topic-joint-exercise"),
        ("Le esercitazioni continueranno.", "code:topic-joint-exercise"),
        ("Οι ασκήσεις θα συνεχιστούν.", "code:topic-joint-exercise"),
        ("Tatbikatlar devam edecek.", "code:topic-joint-exercise"),
        ("Der Konflikt um Bergkarabach ist vorbei.", "code:topic-nagorno-karabakh"),
        ("Dağlık Karabağ sorunu çözüldü.", "code:topic-nagorno-karabakh"),
        ("La fornitura di obici è iniziata.", "code:topic-arms-procurement"),
        ("Die Rüstungsexporte steigen.", "code:topic-arms-procurement"),
        ("Türkiye silah satışını onayladı.", "code:topic-arms-procurement"),
        ("Η συνεργασία με το ΝΑΤΟ συνεχίζεται.", "code:topic-nato"),
        ("Die OVKS hat getagt.", "code:topic-csto"),
    ):
        assert code in topics(text, []), text
    # words that only begin like them: a ceasefire, the army, defending, peaceful
    for text in (
        "Der Waffenstillstand hält.",
        "Armia jest gotowa.",
        "Musimy bronić pokoju.",
        "Wzywamy do pokojowego rozwiązania.",
    ):
        assert topics(text, []) == [], text


def test_a_drafted_italian_statement_gets_its_topic(drafter: Drafter) -> None:
    (said,) = _statements(drafter, "«Le esercitazioni continueranno», ha scritto Sergei Lavrov.")
    assert said.get("topic") == "code:topic-joint-exercise"
