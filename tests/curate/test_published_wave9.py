"""Publication dates wave 9 left unread: a dateline whose date comes before its place
("5 октября, Москва /<Name> - <AGENCY>/.") with the year only at the end of the page's
address, a time before the date ("16:39, 28 ноября 2019, Bishkek -"), and a slashed date
whose order only a 24-hour time or the page's month tells ("16:27 02/03/2024"). Texts
written for the test."""

from __future__ import annotations

from kg.draft.published import find_published

AGENCY = (
    "Ruritania opens a consulate\n\n5 октября, Москва /Иван Петров - АГЕНТСТВО/. Руритания "
    "открыла консульство в столице.\n"
)


def test_a_date_then_place_dateline_takes_the_year_the_address_ends_with() -> None:
    url = "https://agency.example.org/politics/view/ruritania-opens-a-consulate-12345-2022/"
    published = find_published(AGENCY, None, url)
    assert published.value == "2022-10-05"
    assert "address" in published.note
    # no year anywhere: no date, a TODO
    unknown = find_published(AGENCY, None, "https://agency.example.org/view/consulate-12345/")
    assert unknown.value is None and unknown.todo


def test_a_time_before_a_dateline_with_a_foreign_month() -> None:
    text = "16:39, 28 ноября 2019, Bishkek - Ruritania opened a consulate in the capital.\n"
    assert find_published(text, None).value == "2019-11-28"


def test_a_slashed_date_beside_a_24_hour_time_is_day_first() -> None:
    text = "Ruritania opens a consulate\n16:27 02/03/2024\n\nRuritania opened a consulate.\n"
    assert find_published(text, None).value == "2024-03-02"
    # a 12-hour time says nothing: the year alone, as before
    text12 = "Ruritania opens a consulate\n02/03/2024 4:27 PM\n\nRuritania opened a consulate.\n"
    assert find_published(text12, None).value == "2024"


def test_a_slashed_date_read_by_the_page_month() -> None:
    text = " date 2024-02 Ruritania opens a consulate\n02/03/2024\n\nRuritania opened one.\n"
    assert find_published(text, None).value == "2024-02-03"
