""" "Накануне" as an adverb is the day before the report ("Накануне X заявил", "сообщили
накануне"); before a noun it is the eve of an event ("накануне визита") and no day (wave 9:
left unresolved). Sentences written for the test."""

from __future__ import annotations

from kg.draft.dates import DateFinder
from tests.curate.conftest import Drafter


def test_the_day_before_the_report() -> None:
    finder = DateFinder("2026-10-05")
    for text in ("Накануне Руритания заявила о выходе", "об этом сообщили накануне в МИД",
                 "Накануне вечером стало известно"):  # fmt: skip
        assert [f.value for f in finder.find(text)] == ["2026-10-04"], text
    for text in ("накануне визита в столицу", "накануне переговоров"):
        assert finder.find(text) == [], text


def test_an_act_of_the_day_before_is_dated(drafter: Drafter) -> None:
    draft = drafter.text(
        "Parliament\n\nНакануне Совет ОДКБ решил направить в Армению миссию.\n",
        published="2026-10-05",
    )
    events = [p.fields for p in draft.facts if p.fields.get("type") == "PoliticalEvent"]
    assert [e["date"] for e in events] == ["2026-10-04"]
