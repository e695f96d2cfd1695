"""A capital that speaks or decides stands for its government in every language, and a
French spelling of a known person's name is that person (drafter feedback, wave 3).
Sentences written for the test."""

from __future__ import annotations

import pytest

from kg.draft.names import fold
from tests.curate.conftest import Drafter


def _draft(drafter: Drafter, body: str) -> tuple[list[str], list[dict[str, object]]]:
    draft = drafter.text("Words between two capitals\n\n" + body + "\n")
    return draft.mentions, [p.fields for p in draft.facts]


@pytest.mark.parametrize(
    "body",
    [
        "Moscou, de son côté, a prévenu que la route serait longue.",
        "Armenia agradeció la decisión de Moscú sobre los puestos fronterizos.",
        "Armenia welcomed Moscow's decision on the border posts.",
    ],
)
def test_a_capital_that_speaks_is_its_government(drafter: Drafter, body: str) -> None:
    mentions, _ = _draft(drafter, body)
    assert "russia" in mentions or "russian-government" in mentions


def test_a_capital_as_place_stays_a_place(drafter: Drafter) -> None:
    mentions, _ = _draft(drafter, "Le ministre est arrivé à Moscou lundi soir.")
    assert "moscow" in mentions
    assert "russia" not in mentions and "russian-government" not in mentions


def test_french_transliteration_folds() -> None:
    assert fold("Pachinian") == fold("Pashinyan")
    assert fold("Azerbaïdjan") == fold("Azerbaijan")
