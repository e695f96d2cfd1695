"""Page dates wave 12's first drafts missed, all in the page's address: the day written
first (".../politics/15/01/2025/..."), eight digits of the day before a serial number
("/ar/20211001301237"), and a day of the Iranian solar calendar ("/news/1401/07/26/...",
Persian agencies). Addresses written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.draft.published import find_published, solar_to_gregorian, url_date


@pytest.mark.parametrize(
    ("url", "want"),
    [
        ("https://news.example/politics/15/01/2025/65ab12cd34ef", "2025-01-15"),
        ("https://news.example/rubric/2/10/2023/", "2023-10-02"),
        ("https://news.example/ar/20211001301237", "2021-10-01"),
        ("https://news.example/fa/news/1401/07/26/2789943/title-words", "2022-10-18"),
        ("https://news.example/fa/news/1403/01/01/12345/title", "2024-03-20"),
        # not days: a serial too short, a month 13, a solar day 31 in the seventh month
        ("https://news.example/a/2022100345.html", None),
        ("https://news.example/politics/15/13/2025/65ab", "2025"),
        ("https://news.example/fa/news/1401/07/31/2789943/title", None),
    ],
)
def test_the_day_in_the_address(url: str, want: str | None) -> None:
    assert url_date(url) == want


@pytest.mark.parametrize(
    ("solar", "want"),
    [
        # the first day of the solar year (Nowruz), which moves between 20 and 21 March
        ((1375, 1, 1), dt.date(1996, 3, 20)),
        ((1399, 1, 1), dt.date(2020, 3, 20)),
        ((1400, 1, 1), dt.date(2021, 3, 21)),
        ((1403, 12, 30), dt.date(2025, 3, 20)),  # a leap year's last day
        ((1354, 1, 1), dt.date(1975, 3, 21)),
        ((1350, 6, 31), dt.date(1971, 9, 22)),
        ((1402, 12, 30), None),  # 1402 is no leap year
    ],
)
def test_solar_days(solar: tuple[int, int, int], want: dt.date | None) -> None:
    assert solar_to_gregorian(*solar) == want


def test_a_text_with_no_date_dated_by_its_address() -> None:
    text = "Drills at the border\n\nThe drills began on Friday, the ministry said.\n"
    got = find_published(text, None, "https://news.example/politics/01/10/2021/abc123")
    assert got.value == "2021-10-01"
