"""Talks named after the day someone spoke of them ("said on Saturday after talks with X",
"заявил в субботу по итогам переговоров с X"): the day is the saying's, the talks were no
later (wave 10: such talks were dated by the saying's day). Sentences written for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _meetings(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Talks\n\n" + body + "\n", published="2024-06-15")
    return [p.fields for p in draft.facts if p.kind == "meeting"]


def test_said_on_a_day_after_talks(drafter: Drafter) -> None:
    body = "Ilham Aliyev said on Saturday after talks with Vladimir Putin that trade grew."
    (meeting,) = _meetings(drafter, body)
    assert "date" not in meeting
    assert meeting["latestDate"] == "2024-06-15"


def test_talks_on_a_day(drafter: Drafter) -> None:
    body = "Ilham Aliyev met Vladimir Putin on Saturday in Sochi."
    (meeting,) = _meetings(drafter, body)
    assert meeting["date"] == "2024-06-15"
