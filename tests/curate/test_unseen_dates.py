"""Dates the drafter missed on unseen text (issue 19): weekdays and relative days counted from
the publication date, the page's date and inline datelines. Sentences written for the test."""

from __future__ import annotations

import pytest

from kg.draft.dates import DateFinder
from kg.draft.published import find_published
from tests.curate.conftest import Drafter


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


def test_the_dateline_does_not_date_the_event_and_weekdays_do(drafter: Drafter) -> None:
    draft = drafter.text(
        "PARIS, 19 June 2024 - Armenian Defence Minister Suren Papikyan visited France, "
        "officials said.\n\nFrench officials will visit Armenia on Friday.\n\n"
        "Suren Papikyan met Sergey Shoigu in Moscow on Monday.\n",
        published=None,
    )
    assert draft.block["datePublished"] == "2024-06-19"
    # the visit has no date of its own, so it is not proposed (test_wave5_precision.py),
    # and the dateline's day dates nothing
    assert not [p for p in draft.facts if p.kind == "visit"]
    assert all(p.fields.get("date") != "2024-06-19" for p in draft.facts)
    meeting = next(p.fields for p in draft.facts if p.kind == "meeting")
    assert meeting["date"] == "2024-06-17"  # the Monday before Wednesday 19 June
    assert all(p.fields.get("date") != "2024-06-21" for p in draft.facts)  # "will … Friday"


def test_a_year_in_what_was_said_is_not_when_it_was_said(drafter: Drafter) -> None:
    draft = drafter.text(
        "Ministers speak on the alliance\n\n"
        "Nikol Pashinyan said that the CSTO failed Armenia in 2021 and 2022.\n\n"
        "\u201cWe asked for help in 2021,\u201d Suren Papikyan said.\n\n"
        "Sergey Shoigu said on Tuesday that the base would stay.\n",
        published="2023-01-11",
    )
    said = {p.fields["speaker"]: p.fields for p in draft.facts if p.kind == "statement"}
    # the years inside what was said date nothing: those statements have no date of their
    # own (no later than the article)
    for speaker in ("nikol-pashinyan", "suren-papikyan"):
        assert "date" not in said[speaker] and said[speaker]["latestDate"] == "2023-01-11"
    assert said["sergey-shoygu"]["date"] == "2023-01-10"


def test_until_ends_a_period_and_bare_or_future_years_date_nothing(drafter: Drafter) -> None:
    draft = drafter.text(
        "Drills and a mandate\n\n"
        "The joint exercise of Armenia and the United States began on 15 July and lasts "
        "until 24 July.\n\n"
        "Armenia and Azerbaijan fought a war in 2020.\n\n"
        "Russian troops hold a mandate in Armenia until 2044.\n",
        published="2024-07-16",
    )
    exercise = next(p.fields for p in draft.facts if p.kind == "exercise")
    # "lasts until" after the article's day: a schedule, not an end (docs/modelling.md)
    assert (exercise["startDate"], exercise["scheduledEndDate"]) == ("2024-07-15", "2024-07-24")
    assert "endDate" not in exercise
    assert not [p for p in draft.facts if p.kind == "event"]
    assert all("2044" not in str(p.fields.get("date", "")) for p in draft.facts)
