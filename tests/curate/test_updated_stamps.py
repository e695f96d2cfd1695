"""A page's "last update" stamp is the day of an edit, not of the article: it is tried after
every other date the head prints (wave 15: a "Last update:" line a year after the byline's
date was drafted as the publication date, an invented date). Texts written for the test."""

from __future__ import annotations

import pytest

from kg.draft.published import find_published


@pytest.mark.parametrize(
    ("head", "want"),
    [
        (
            "Last update: May 2, 2025 10:05\n\nSite logo\n\nTwo ministers meet\n\n"
            "By Jane Roe March 3, 2024\n\nThe ministers met in Vienna.\n",
            "2024-03-03",
        ),
        (
            "Updated: 11.06.2024 09:00\n\nTwo ministers meet\n\nJane Roe 10.02.2023 14:20\n\n"
            "The ministers met in Vienna.\n",
            "2023-02-10",
        ),
        (
            "Обновлено: 2 мая 2025\n\nВстреча министров\n\nИван Петров, 3 марта 2024\n\n"
            "Министры встретились в Вене.\n",
            "2024-03-03",
        ),
        (
            "Aktualisiert am 2. Mai 2025\n\nMinister treffen sich\n\n"
            "Von Hans Meier, 3. März 2024\n\n"
            "Die Minister trafen sich in Wien.\n",
            "2024-03-03",
        ),
        (
            "Son güncelleme: 2 Mayıs 2025\n\nBakanlar görüştü\n\nAli Veli, 3 Mart 2024\n\n"
            "Bakanlar Viyana'da görüştü.\n",
            "2024-03-03",
        ),
    ],
)
def test_the_update_stamp_comes_after_the_article_s_own_date(head: str, want: str) -> None:
    assert find_published(head, None).value == want


def test_an_update_stamp_alone_still_dates_the_page() -> None:
    """When nothing else dates the page the stamp is still read (a page updated the same
    day it was published prints only that)."""
    head = "Two ministers meet\n\nLast updated: 19 Mar. 2024 10:40\n\nThe ministers met.\n"
    assert find_published(head, None).value == "2024-03-19"


def test_a_sidebar_picture_s_stamp_is_not_the_article_s_date() -> None:
    """A caption stamped with the picture's width and a day, without the credit line the
    article's own picture has above it, belongs to another item of the page."""
    head = (
        "Reporters at work - Sputnik Example, 1920, 17.03.2023\nExclusives\n\n"
        "Why the guns were not bought\n\n© Photo : Ministry of Defence\n"
        "Guns - Sputnik Example, 1920, 12.09.2024\nSubscribe\n"
        "The guns were tested last year.\n"
    )
    assert find_published(head, None).value == "2024-09-12"


def test_the_article_s_own_picture_stamp_dates_it() -> None:
    head = (
        "Talks in Minsk\n\n© Sputnik / Photographer\n"
        "A spokesman - Sputnik Example, 1920, 10.01.2023\nSubscribe\nThe talks began.\n"
    )
    assert find_published(head, None).value == "2023-01-10"
