"""Headline clutter of wave 10's first drafts: a caption with a link or a video's still, a
row of social networks, and a page title's " | <outlet> | …" tail."""

from __future__ import annotations

import pytest

from kg.draft.text import title

BODY = "\n\nThe drills began on Monday. More troops came.\n"


@pytest.mark.parametrize(
    "first",
    [
        "Screenshot from video: soldiers at the range",
        "Soldiers at the range, https://t.me/some_channel",
        "Telegram youtube tiktok vk",
    ],
)
def test_clutter_above_the_headline_is_skipped(first: str) -> None:
    assert title(first + "\nArmy drills begin near the border" + BODY) == (
        "Army drills begin near the border"
    )


def test_the_page_titles_tail_is_cut() -> None:
    text = "Учения начались у границы | Новости Армении | Новости" + BODY
    assert title(text) == "Учения начались у границы"


def test_a_short_headline_keeps_its_bar() -> None:
    """Less than three words before the bar: the bar is part of the headline."""
    assert title("Drills | Army and navy begin" + BODY) == "Drills | Army and navy begin"
