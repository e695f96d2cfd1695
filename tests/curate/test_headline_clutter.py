"""The article block's headline is not page clutter (wave 5's feedback: "Skip to content",
"Please ensure Javascript", an image placeholder, a byline, a caption's credit, a clock
time as headline), while the sentence numbering keeps counting from the first line.
Lines written for the test."""

from __future__ import annotations

import pytest

from kg.draft.text import headline, title
from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    "clutter",
    [
        "1. Skip to content\n  2. Skip to main menu",
        "Please ensure Javascript is enabled for purposes of website accessibility",
        "<image>the two ministers at the signing</image>",
        "Перейти к основному контенту",
        "Хроника событий недели, 03 мар 2024, 18:40",
        "en fr ru",
    ],
)
def test_clutter_before_the_headline_is_skipped(clutter: str) -> None:
    text = f"{clutter}\n\nQarvel and Zorland sign a border pact\n\nThe two states signed it.\n"
    assert title(text) == "Qarvel and Zorland sign a border pact"


def test_a_byline_or_a_credit_alone_is_no_headline() -> None:
    for first in ("By Ada Qarvelian", "(Photo Credit: Ada Qarvelian/MOD)"):
        text = f"{first}\n\nThe two states signed a border pact on Monday.\n"
        assert title(text) is None


def test_the_numbering_still_starts_at_the_first_line(drafter: Drafter) -> None:
    text = "1. Skip to content\n\nQarvel and Zorland sign a border pact\n\nThey signed it.\n"
    draft = drafter.text(text)
    assert draft.block["headline"] == "Qarvel and Zorland sign a border pact"
    assert headline(text) == ("1. Skip to content", 0)  # s1, as the curated locators count


@pytest.mark.parametrize(
    "dateline",
    ["QARVA, Zorland, July 13", "QARVA, 5 октября /ЗЕТА/", "Qarva, March 3 (Zeta) -"],
)
def test_a_dateline_alone_is_no_headline(dateline: str) -> None:
    """Wave 9: a dateline on a line of its own was proposed as the headline."""
    text = f"{dateline}\n\nThe two states signed a border pact on Monday.\n"
    assert title(text) is None
    text = f"{dateline}\n\nQarvel and Zorland sign a border pact\n\nThey signed it.\n"
    assert title(text) == "Qarvel and Zorland sign a border pact"


def test_a_headline_with_a_date_is_still_one() -> None:
    text = "Qarvel Meets Zorland In Qarva, June 4\n\nThey met.\n"
    assert title(text) == "Qarvel Meets Zorland In Qarva, June 4"
