"""Page dates and headlines wave 11's first drafts got wrong: the day in the page's address
written as eight digits ("/20240517/", "/20191030104349538-title") or with a one-digit month
("/2021/3/"); a stamp with its time in brackets ("23.05.2022 [20:20]") passed over for a
dateline without a year; a site's banner of the day the page was read ("Сегодня: …") and a
breadcrumb trail ("Главная > …") drafted as the headline; a page date written in
Azerbaijani. Texts and addresses written for the test."""

from __future__ import annotations

import pytest

from kg.draft.published import find_published, url_date
from kg.draft.text import title


@pytest.mark.parametrize(
    ("url", "want"),
    [
        ("https://news.example/amp/20240517/drills-at-the-border-1234.html", "2024-05-17"),
        ("https://news.example/news/20191030104349538-Drills-at-the-border", "2019-10-30"),
        ("https://news.example/az/2021/3/drills-at-the-border", "2021-03"),
        ("https://news.example/2024/5/9/drills", "2024-05-09"),
        # an article number that begins like a date is none
        ("https://news.example/a/2022100345.html", None),
        ("https://news.example/press/2024/296854/26/12/51", "2024"),
    ],
)
def test_the_day_in_the_address(url: str, want: str | None) -> None:
    assert url_date(url) == want


def test_a_dateline_completed_by_an_eight_digit_address() -> None:
    text = "Учения у границы\n\nЕРЕВАН, 17 мая — Агентство. Учения начались, сообщили в штабе.\n"
    got = find_published(text, None, "https://news.example/amp/20240517/ucheniya-123.html")
    assert got.value == "2024-05-17"


def test_a_stamp_with_its_time_in_brackets() -> None:
    text = (
        "Drills at the border begin\n\n    12.04.2023 [09:15]\n\n    Baku, April 12, Agency\n\n"
        "The drills began on Wednesday, the ministry said.\n"
    )
    assert find_published(text, None).value == "2023-04-12"


def test_an_azerbaijani_page_date() -> None:
    text = (
        "Sərhəddə təlimlər başlayıb\n- 12 aprel, 2023\n- 09:15\n"
        "Sərhəddə təlimlər başlayıb, nazirlik bildirib.\n"
    )
    assert find_published(text, None).value == "2023-04-12"


@pytest.mark.parametrize(
    "text",
    [
        "Ереван:   3 °C\nСегодня:   Четверг, 12 Апреля, 2023 года\n\n"
        "Учения у границы начались в среду\n\nУчения начались, сообщили в штабе.\n",
        "Главная > Армения > Учения у границы начались в среду\n\n"
        "Учения у границы начались в среду\n\nУчения начались, сообщили в штабе.\n",
        "Home > Region > Politics > Drills at the border began on Wednesday\n\n"
        "Drills at the border began on Wednesday\n\nThe drills began, the ministry said.\n",
    ],
)
def test_no_banner_or_breadcrumb_as_the_headline(text: str) -> None:
    assert title(text) in (
        "Учения у границы начались в среду",
        "Drills at the border began on Wednesday",
    )
