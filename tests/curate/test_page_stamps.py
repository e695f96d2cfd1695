"""Page dates at the head of a text as read: a site's banner with today's weekday and date
above the article's own stamp with its time, and a dateline without a year under a whole
date (wave 10: both left the publication date to the curator). Texts written for the test."""

from __future__ import annotations

from kg.draft.published import find_published


def test_the_stamp_with_its_time_before_a_weekday_banner() -> None:
    text = (
        "Currency rates\nUSD\n390.10\nTuesday, June 3, 2025\nweather in\nYerevan\n+21\n\n"
        "Envoys of two states hold talks\n\n12.02.2023, 14:20\nThe envoys met in Vienna.\n"
    )
    assert find_published(text, None).value == "2023-02-12"


def test_a_dateline_without_its_year_under_a_whole_date() -> None:
    text = (
        "5 марта 2021, 10:15,\nобновлено 5 марта 2021, 11:02\n\nУчения у границы\n\n"
        "МОСКВА, 5 марта. /ТАСС/. Учения начались в пятницу, сообщили в министерстве.\n"
    )
    assert find_published(text, None).value == "2021-03-05"


def test_a_whole_date_of_another_day_leaves_the_dateline_open() -> None:
    text = (
        "5 марта 2021, 10:15\n\nУчения у границы\n\n"
        "МОСКВА, 7 марта. /ТАСС/. Учения начались в пятницу, сообщили в министерстве.\n"
    )
    assert find_published(text, None).value is None
