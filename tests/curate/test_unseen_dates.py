"""Dates the drafter missed on unseen text (issue 19): weekdays and relative days counted from
the publication date, the page's date and inline datelines. Sentences written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import config
from kg.draft.dates import DateFinder
from kg.draft.pipeline import draft_article
from kg.draft.published import find_published


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("The spokesman confirmed the plan Wednesday.", "2024-04-17", "2024-04-17"),
        ("The talks were held on Tuesday.", "2024-04-17", "2024-04-16"),
        ("The minister spoke on Thursday.", "2024-04-17", "2024-04-11"),
        ("The ministry said today that it agreed.", "2023-01-11", "2023-01-11"),
        ("The ministry said yesterday that it agreed.", "2023-01-11", "2023-01-10"),
        ("Officials met last Wednesday.", "2024-04-17", "2024-04-10"),
    ],
)
def test_weekdays_count_back_from_publication(sentence: str, published: str, value: str) -> None:
    (found,) = DateFinder(published).find(sentence)
    assert (found.value, found.precision, found.weekday) == (value, "day", True)


def test_a_weekday_needs_a_publication_day() -> None:
    (found,) = DateFinder("2024-04").find("The talks were held on Tuesday.")
    assert found.value is None
    (dated,) = DateFinder("2024-04-17").find("They met on Thursday, 20 June 2024.")
    assert (dated.value, dated.weekday) == ("2024-06-20", False)


@pytest.mark.parametrize(
    ("text", "value", "todo"),
    [
        (" date 2024-04-17 MOSCOW, April 17. /TASS/. Two ministers met.\n", "2024-04-17", None),
        ("PARIS, 19 June 2024 - Two ministers met in the capital.\n", "2024-06-19", None),
        ("Headline of a story here\n\nYEREVAN, July 31. /TASS/. Two ministers met.\n", None,
         "no year"),
        ("Headline of a story here\n\n20 June 2024\n\nTwo ministers met in the capital.\n",
         "2024-06-20", None),
    ],
)  # fmt: skip
def test_publication_date_from_the_head_of_the_text(
    text: str, value: str | None, todo: str | None
) -> None:
    found = find_published(text, None)
    assert found.value == value
    assert (todo is None) == (found.todo is None)
    if todo:
        assert todo in str(found.todo)


def test_the_dateline_does_not_date_the_event_and_weekdays_do(tmp_path: Path) -> None:
    text = tmp_path / "article.txt"
    text.write_text(
        "PARIS, 19 June 2024 - Armenian Defence Minister Suren Papikyan visited France, "
        "officials said.\n\nFrench officials will visit Armenia on Friday.\n\n"
        "Suren Papikyan met Sergey Shoigu in Moscow on Monday.\n",
        encoding="utf-8",
    )
    draft = draft_article(text, config.Paths())
    assert draft.block["datePublished"] == "2024-06-19"
    visit = next(p.fields for p in draft.facts if p.kind == "visit")
    assert "date" not in visit and visit["latestDate"] == "2024-06-19"
    meeting = next(p.fields for p in draft.facts if p.kind == "meeting")
    assert meeting["date"] == "2024-06-17"  # the Monday before Wednesday 19 June
    assert all(p.fields.get("date") != "2024-06-21" for p in draft.facts)  # "will … Friday"
