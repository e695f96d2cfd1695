"""German, Polish and Turkish dates (wave 10 had a German, a Polish and a Turkish page: "am 3.
April 2023" was read as a month, German and Turkish month names and the three languages'
"yesterday" and weekdays not at all). Expressions written for the test."""

from __future__ import annotations

import pytest

from kg.draft.dates import DateFinder, in_the_past


def _read(text: str, published: str = "2023-06-10") -> list[tuple[str | None, str]]:
    """What the drafter reads (a day or month with no year that would follow the
    publication date is last year's)."""
    found = DateFinder(published).find(text)
    return [(f.value, f.precision) for f in (in_the_past(f, published) for f in found)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Das Treffen fand am 3. April 2023 in Jerewan statt.", ("2023-04-03", "day")),
        ("Die Übung begann am 12. Dezember 2022.", ("2022-12-12", "day")),
        ("Das Abkommen wurde im März 2023 unterzeichnet.", ("2023-03", "month")),
        ("Die Soldaten kehrten im Juli zurück.", ("2022-07", "month")),
        ("Anlaşma 3 Nisan 2023 tarihinde imzalandı.", ("2023-04-03", "day")),
        ("Tatbikat 12 Kasım’da sona erdi.", ("2022-11-12", "day")),
        ("Heyet Ekim 2020'de Bakü'yü ziyaret etti.", ("2020-10", "month")),
        ("Umowę podpisano w marcu.", ("2023-03", "month")),
    ],
)
def test_a_month_name_in_another_language(text: str, want: tuple[str, str]) -> None:
    assert _read(text) == [want]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Der Minister sagte gestern, die Truppen blieben.", "2023-06-09"),
        ("Am Montag traf der Minister seinen Kollegen.", "2023-06-05"),
        ("Minister powiedział wczoraj, że wojska zostaną.", "2023-06-09"),
        ("W poniedziałek minister spotkał się z kolegą.", "2023-06-05"),
        ("Bakan dün yaptığı açıklamada askerlerin kalacağını söyledi.", "2023-06-09"),
        ("Bakan Pazartesi günü mevkidaşıyla görüştü.", "2023-06-05"),
    ],
)
def test_yesterday_and_weekdays(text: str, day: str) -> None:
    assert _read(text) == [(day, "day")]


def test_bounds_in_german_polish_and_french() -> None:
    for text in ("Die Mission dauert bis 3. April 2024.", "Misja trwa od 3 kwietnia 2024.",
                 "La mission a duré jusqu'en janvier 2024."):  # fmt: skip
        (found,) = DateFinder("2024-06-10").find(text)
        assert found.bound is not None, text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("В прошлом месяце делегация провела испытания.", ("2018-07", "month")),
        ("В конце прошлого месяца министра вызвали на допрос.", ("2018-07", "month")),
        ("La délégation s'est rendue à Erevan le mois dernier.", ("2018-07", "month")),
        ("Die Regierung beschloss im vergangenen Jahr neue Käufe.", ("2017", "year")),
        ("Rząd podjął decyzję w ubiegłym roku.", ("2017", "year")),
        ("Heyet geçen ay Ankara'yı ziyaret etti.", ("2018-07", "month")),
        ("На прошлой неделе министр встретился с коллегой.", ("2018-08", "month")),
        ("Le ministre a rencontré son homologue cette année.", ("2018", "year")),
    ],
)
def test_a_period_counted_from_the_publication_date(text: str, want: tuple[str, str]) -> None:
    (found,) = DateFinder("2018-08-24").find(text)
    assert (found.value, found.precision) == want
    assert found.relative


def test_last_week_across_two_months_gives_no_date() -> None:
    text = "На прошлой неделе министр встретился с коллегой."
    assert DateFinder("2018-09-05").find(text) == []  # 27 August to 2 September
    assert DateFinder("2018-09").find("На прошлой неделе министр встретился с коллегой.") == []


@pytest.mark.parametrize("published", ["2025", "2025-06-12", None])
def test_two_bare_days_take_the_month_after_them_not_the_publications(
    published: str | None,
) -> None:
    # "20-30" before a Turkish month: the English range rule read the two bare numbers as days
    # of the month it counted from (July, on a page dated only by its year: an invented date)
    found = DateFinder(published).find("Tatbikat 20-30 Haziran 2025 tarihleri arasında yapılacak.")
    assert [(f.value, f.end_value) for f in found] == [("2025-06-20", "2025-06-30")]
    # two numbers with no month at all are no date
    assert DateFinder(published).find("Skor 20-30 oldu.") == []
