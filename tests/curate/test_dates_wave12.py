"""Dates in the languages wave 12 brought (Italian, Greek, Arabic, Persian, Urdu, Hebrew,
Kyrgyz, Kazakh: no month name, digit, weekday or "yesterday" of theirs was read, so none of
the exercises, meetings and summits of those pages was dated), and the exercises those pages
name with a word no exact list holds (Turkish "tatbikatı", Arabic "المناورات", Urdu
"مشقوں"). Sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.draft.dates import DateFinder, in_the_past
from tests.curate.conftest import Drafter


def _read(text: str, published: str = "2023-09-30") -> list[tuple[Any, ...]]:
    found = DateFinder(published).find(text)
    return [(f.value, f.end_value, f.precision, f.bound)
            for f in (in_the_past(f, published) for f in found)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("La visita si è svolta il 12 settembre 2023.", ("2023-09-12", None, "day", None)),
        ("Nel settembre 2023 le truppe hanno svolto manovre.", ("2023-09", None, "month", None)),
        ("Η συνάντηση έγινε στις 4 Μαρτίου 2023.", ("2023-03-04", None, "day", None)),
        ("Ο υπουργός έφτασε στις 3 Σεπτεμβρίου.", ("2023-09-03", None, "day", None)),
        ("وصل الوزير في 27 سبتمبر إلى باكو.", ("2023-09-27", None, "day", None)),
        ("وقع الاتفاق في 3 أيلول 2023.", ("2023-09-03", None, "day", None)),
        ("وزیر در ۱۵ سپتامبر ۲۰۲۳ به باکو رفت.", ("2023-09-15", None, "day", None)),
        ("وزیر در ۱۵ می ۲۰۲۳ به باکو رفت.", ("2023-05-15", None, "day", None)),
        ("وزیر اعظم 14 ستمبر کو باکو پہنچے۔", ("2023-09-14", None, "day", None)),
        ("השר הגיע ב-11 בספטמבר 2023 לבאקו.", ("2023-09-11", None, "day", None)),
        ("Министр Бишкекке 25-сентябрда келди.", ("2023-09-25", None, "day", None)),
        ("Саммит 25-27-сентябрь күндөрү өтөт.", ("2023-09-25", "2023-09-27", "day", None)),
        ("Министр 15 қыркүйекте келді.", ("2023-09-15", None, "day", None)),
        # a range opened by its own word, and the ends a postposition marks
        ("Le manovre dal 11 al 22 settembre.", ("2023-09-11", "2023-09-22", "day", None)),
        ("Οι ασκήσεις από 11 έως 22 Σεπτεμβρίου.", ("2023-09-11", "2023-09-22", "day", None)),
        ("مشقیں 22 ستمبر تک جاری رہیں گی", ("2023-09-22", None, "day", "until")),
    ],
)
def test_a_date_in_wave_12s_languages(text: str, want: tuple[Any, ...]) -> None:
    assert _read(text)[0] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Il ministro è arrivato ieri a Baku.", "2023-09-29"),
        ("Ο υπουργός έφτασε χθες στο Μπακού.", "2023-09-29"),
        ("وصل الوزير أمس إلى باكو.", "2023-09-29"),
        ("وزیر دیروز به باکو رفت.", "2023-09-29"),
        ("השר הגיע אתמול לבאקו.", "2023-09-29"),
        ("Министр кечээ Бишкекке келди.", "2023-09-29"),
        # 30 September 2023 was a Saturday: the weekday before it
        ("Il ministro è arrivato venerdì a Baku.", "2023-09-29"),
        ("بدأت المناورات صباح الخميس.", "2023-09-28"),
        ("رزمایش روز جمعه آغاز شد.", "2023-09-29"),
    ],
)
def test_yesterday_and_weekdays(text: str, want: str) -> None:
    assert _read(text)[0][0] == want


def test_arabic_monday_only_after_day_and_no_arabic_today() -> None:
    assert _read("التقى الاثنين من الوزراء") == []  # "the two": no Monday
    assert _read("في اليوم التالي") == []  # "the next day": no today
    assert _read("التقى الوزيران يوم الاثنين")[0][0] == "2023-09-25"


def _exercises(drafter: Drafter, body: str, published: str) -> list[dict[str, Any]]:
    draft = drafter.text("Drills at the border\n\n" + body + "\n", published=published)
    return [p.fields for p in draft.facts if p.kind == "exercise"]


def test_a_turkish_exercise_with_its_start(drafter: Drafter) -> None:
    body = "Türkiye ve Azerbaycan’ın ortak tatbikatı 29 Temmuz’da Bakü’de başladı."
    (found,) = _exercises(drafter, body, "2020-08-03")
    assert found["startDate"] == "2020-07-29"
    assert "endDate" not in found


def test_an_urdu_exercise_from_its_first_to_its_last_day(drafter: Drafter) -> None:
    body = "11 ستمبر سے مشترکہ فوجی مشقوں کا آغاز ہوا ہے اور یہ 22 ستمبر تک جاری رہیں گی۔"
    (found,) = _exercises(drafter, body, "2021-09-13")
    # "will go on until the 22nd" in an article of the 13th: the end as scheduled
    assert (found["startDate"], found["scheduledEndDate"]) == ("2021-09-11", "2021-09-22")


def test_an_exercise_of_a_month_is_dated_by_the_month(drafter: Drafter) -> None:
    body = "Nel settembre 2023 l’esercitazione Eagle Partner 2023 in Armenia coinvolse 85 militari."
    (found,) = _exercises(drafter, body, "2025-01-30")
    assert found.get("date") == "2023-09"
    assert "startDate" not in found


def test_the_end_of_a_part_that_starts_today_is_not_the_whole_ones(drafter: Drafter) -> None:
    body = (
        "Türkiye ve Azerbaycan’ın ortak tatbikatı 29 Temmuz’da Bakü’de başladı. "
        "Kara kuvvetlerinin bugün başlayacak tatbikatı ise 5 Ağustos’a kadar devam edecek."
    )
    (found,) = _exercises(drafter, body, "2020-08")
    assert found["startDate"] == "2020-07-29"
    assert "endDate" not in found
