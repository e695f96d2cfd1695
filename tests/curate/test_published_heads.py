"""Publication dates printed at a text's head in the forms wave 5 left unread: a weekday and
a US numeric date ("Monday, 10/17/2022"), a line of its own below a site banner's date, a
wire dateline without a place ("23 octobre (Reuters) -") under the page's month, and the
page's month alone. Texts written for the test."""

from __future__ import annotations

from kg.draft.dates import DateFinder
from kg.draft.published import find_published
from tests.curate.conftest import Drafter


def test_a_us_numeric_date_read_by_its_weekday() -> None:
    assert [f.value for f in DateFinder(None).find("Monday, 10/17/2022")] == ["2022-10-17"]
    assert [f.value for f in DateFinder(None).find("on 23/05/2024")] == ["2024-05-23"]
    # 5 June 2024 was a Wednesday, 6 May a Monday: a Tuesday fits neither, no day is read
    assert [f.precision for f in DateFinder(None).find("Tuesday, 05/06/2024")] == ["year"]


def test_the_line_that_only_prints_a_date_wins_over_a_banner() -> None:
    text = (
        "News site\nHOME PAGE 23/05/2024 12:38\n\nRuritania holds a ceremony in the capital\n\n"
        "15.05.2024 18:57\n\nRuritania held a ceremony on Wednesday for its departing troops.\n"
    )
    assert find_published(text, None).value == "2024-05-15"


def test_a_wire_dateline_takes_the_year_of_the_page_month() -> None:
    text = (
        " date 2026-10 La Ruritanie organise des exercices\n\n23 octobre (Reuters) - La "
        "Ruritanie a déclaré lundi avoir entamé des exercices.\n"
    )
    assert find_published(text, None).value == "2026-10-23"


def test_the_page_month_alone() -> None:
    text = " date 2026-11 La Ruritanie a déclaré vendredi que les armes manquaient.\n"
    assert find_published(text, None).value == "2026-11"


def test_a_dateline_with_a_bracketed_state_and_agency_dates_no_deal(drafter: Drafter) -> None:
    text = (
        "Guns for Armenia\n\nNew Delhi [India], November 24 (ANI): India has started the "
        "supply of howitzers to Armenia, under a contract signed earlier.\n"
    )
    draft = drafter.text(text, published="2026-11-24")
    deals = [p.fields for p in draft.facts if p.kind == "deal"]
    assert deals and all("date" not in f for f in deals)


def test_a_published_line_without_a_space_after_the_comma() -> None:
    text = "Ruritania holds a ceremony\nPublished July 22,2024\n\nRuritania held a ceremony.\n"
    assert find_published(text, None).value == "2024-07-22"


def test_a_whole_date_in_the_address() -> None:
    url = "https://news.example.org/news--2025-03-08--ruritania-holds-a-ceremony"
    assert find_published("Ruritania held a ceremony.\n", None, url).value == "2025-03-08"


def test_a_text_without_a_date_is_told_to_take_bounds_not_a_best_guess() -> None:
    """An undated text gets no datePublished; the curator is pointed at the bounds
    (publishedNoEarlierThan / publishedNoLaterThan), not at a 'best-supported' partial date
    (the bound presented as a date that 020, 133, 137 and seven more carried)."""
    text = "Ruritania holds a ceremony\n\nRuritania held a ceremony for its departing troops.\n"
    found = find_published(text, None)
    assert found.value is None and found.todo is not None
    assert "publishedNoEarlierThan" in found.todo
    assert "best-supported" not in found.todo
