"""Azerbaijani, Georgian, Belarusian and Turkmen dates (wave 11 had pages in all four: no month
name, "yesterday" or weekday of theirs was known, so "fevralın 25-də", "8 აგვისტოს", "у
аўторак" dated nothing). Expressions written for the test."""

from __future__ import annotations

import pytest

from kg.draft.dates import DateFinder, in_the_past


def _read(text: str, published: str = "2023-06-10") -> list[tuple[str | None, str]]:
    found = DateFinder(published).find(text)
    return [(f.value, f.precision) for f in (in_the_past(f, published) for f in found)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Azerbaijani: day before the month, the month's genitive before the day, the year
        # with its ordinal suffix
        ("Nazir 12 aprel 2023-cü il tarixində Bakıya gəlib.", ("2023-04-12", "day")),
        ("Komandir martın 3-də istefa verib.", ("2023-03-03", "day")),
        ("Sənəd 2022-ci il dekabrın 14-də imzalanıb.", ("2022-12-14", "day")),
        ("Təlimlər 2022-ci ilin oktyabr ayında keçirilib.", ("2022-10", "month")),
        ("Təlimlər sentyabrda keçirilib.", ("2022-09", "month")),
        # Georgian: the dative of the month, the year's genitive first
        ("მინისტრი 2023 წლის 5 მაისს ერევანში ჩავიდა.", ("2023-05-05", "day")),
        ("შეხვედრა 17 ნოემბერს გაიმართა.", ("2022-11-17", "day")),
        ("წვრთნები იანვარში დასრულდა.", ("2023-01", "month")),
        # Belarusian
        ("Міністр прыбыў у Мінск 12 красавіка 2023 года.", ("2023-04-12", "day")),
        ("Вучэнні прайшлі ў лістападзе.", ("2022-11", "month")),
        ("Дакумент падпісалі 3 траўня.", ("2023-05-03", "day")),
        # Turkmen: an ordinal day and the year's genitive
        ("Resminama 2023-nji ýylyň 14-nji noýabrynda gol çekildi.", ("2023-11-14", "day")),
        ("Ministr 3-nji maýda Aşgabada geldi.", ("2023-05-03", "day")),
    ],
)
def test_a_month_name_in_the_regions_languages(text: str, want: tuple[str, str]) -> None:
    assert _read(text) == [want]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Nazir dünən jurnalistlərə açıqlama verib.", "2023-06-09"),
        ("Nazir bu gün jurnalistlərə açıqlama verib.", "2023-06-10"),
        ("მინისტრმა გუშინ განაცხადა, რომ ჯარები დარჩებიან.", "2023-06-09"),
        ("მინისტრმა სამშაბათს განაცხადა, რომ ჯარები დარჩებიან.", "2023-06-06"),
        ("Міністр учора заявіў, што войскі застануцца.", "2023-06-09"),
        ("Міністр заявіў у аўторак, што войскі застануцца.", "2023-06-06"),
        ("Ministr düýn žurnalistlere beýanat berdi.", "2023-06-09"),
    ],
)
def test_yesterday_and_weekdays(text: str, day: str) -> None:
    assert _read(text) == [(day, "day")]


@pytest.mark.parametrize(
    "text",
    [
        "Bu, onun mövqeyidir və o, bunu dəfələrlə bildirib.",  # "may" inside no word
        "They may 10 times over ask for more.",  # an English modal before a number
        "ის მარტო დარჩა.",  # "alone", not March
        "Пасля гэтага ён застаўся адзін.",
    ],
)
def test_no_date_where_none_is_printed(text: str) -> None:
    assert _read(text) == []
