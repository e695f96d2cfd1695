"""Dates wave 16's curators found undrafted (drafter-notes of cur61-cur64): a Solar Hijri
day under a Persian headline, Norwegian days and periods, a range whose year only the second
day prints in a text that has no date, a Turkish end told after its day ("sona erecek",
"tarihine kadar sürecek"), and "the same day" after a dated sentence. Sentences written for
the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.draft.dates import DateFinder, in_the_past
from kg.draft.published import find_published
from tests.curate.conftest import Drafter


def _read(text: str, published: str | None = "2024-04-27") -> list[tuple[Any, ...]]:
    found = DateFinder(published).find(text)
    # as the pipeline reads a sentence: an end ("until") keeps its year, a past day may not
    # follow the article
    return [(f.value, f.end_value, f.precision, f.bound)
            for f in (f if f.bound == "until" else in_the_past(f, published)
                      for f in found)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # 8 Ordibehesht 1403 was Saturday 27 April 2024; Arabic or Persian "ye", either digits
        ("شنبه 8 ارديبهشت 1403 - 20:20:03", ("2024-04-27", None, "day", None)),
        ("شنبه ۸ اردیبهشت ۱۴۰۳", ("2024-04-27", None, "day", None)),
        # 1 Farvardin 1403 was 20 March 2024 (the year 1402 was a leap year)
        ("نشست در ۱ فروردین ۱۴۰۳ برگزار شد", ("2024-03-20", None, "day", None)),
        # Norwegian: the day with its full stop, a month written in lower case
        ("Avtalen trådte i kraft 1. mars 2024.", ("2024-03-01", None, "day", None)),
        ("Møtet fant sted 12. desember 2023.", ("2023-12-12", None, "day", None)),
        ("Øvelsen begynte 3. september 2023.", ("2023-09-03", None, "day", None)),
        ("Regjeringen besluttet det i fjor.", ("2023", None, "year", None)),
        # a Belarusian agency's dateline with its three-letter month
        ("МІНСК, 25 лют – Sputnik.", ("2024-02-25", None, "day", None)),
        # the day, then the Turkish end after it: an end, not a day of its own
        ("Tatbikat 20 Eylül'de sona erecek.", ("2023-09-20", None, "day", "until")),
        ("Tatbikat 20 Eylül tarihine kadar sürecek.", ("2023-09-20", None, "day", "until")),
    ],
)
def test_a_date_wave_16_missed(text: str, want: tuple[Any, ...]) -> None:
    published = "2023-09-13" if "Eylül" in text else "2024-04-27"
    assert _read(text, published)[0] == want


def test_a_solar_day_whose_weekday_disagrees_is_not_read() -> None:
    # 8 Ordibehesht 1403 was a Saturday, not a Monday
    assert _read("دوشنبه 8 اردیبهشت 1403", None) == []


def test_a_belarusian_short_month_needs_its_dateline() -> None:
    assert _read("Ён спаў у сне і бачыў кас.", "2024-02-25") == []


def test_english_months_stay_english() -> None:
    # the lower-case Norwegian names do not take the English capitalised ones twice
    assert _read("The talks began on April 3 and ended in August.", "2024-09-01") == [
        ("2024-04-03", None, "day", None),
        ("2024-08", None, "month", None),
    ]


def test_a_german_range_of_days() -> None:
    assert _read("Die Übungen fanden vom 10. bis 12. Mai 2024 statt.")[0] == (
        "2024-05-10",
        "2024-05-12",
        "day",
        None,
    )


def test_a_range_whose_year_is_on_the_second_day_in_an_undated_text() -> None:
    assert _read("С 27 февраля по 1 марта 2024 года в Москве прошла сессия.", None)[0] == (
        "2024-02-27",
        "2024-03-01",
        "day",
        None,
    )
    # ... over a new year: the first day in the year before
    assert _read("Du 30 décembre au 4 janvier 2025, les manœuvres ont eu lieu.", None)[0] == (
        "2024-12-30",
        "2025-01-04",
        "day",
        None,
    )


def test_a_solar_dateline_dates_the_article() -> None:
    text = "پیام خبری\nعنوان خبر درباره قفقاز\nشنبه 8 ارديبهشت 1403 - 20:20:03\nمتن خبر.\n"
    assert find_published(text, None).value == "2024-04-27"


def test_the_same_day_is_the_day_of_the_sentence_before(drafter: Drafter) -> None:
    body = (
        "Вечером 15 сентября в Ереван прибыла группа военных. "
        "В тот же день Сурен Папикян встретился с Сергеем Лавровым."
    )
    draft = drafter.text("Визит группы\n\n" + body + "\n", published="2022-09-16")
    dates = [p.fields.get("date") for p in draft.facts if p.kind == "meeting"]
    assert dates == ["2022-09-15"]


def test_the_same_day_without_a_day_before_dates_nothing(drafter: Drafter) -> None:
    body = (
        "Группа военных прибыла в Ереван. "
        "В тот же день Сурен Папикян встретился с Сергеем Лавровым."
    )
    draft = drafter.text("Визит группы\n\n" + body + "\n", published="2022-09-16")
    assert [p.fields.get("date") for p in draft.facts if p.kind == "meeting"] in ([], [None])


def test_a_named_exercise_ends_as_scheduled_not_a_second_exercise(drafter: Drafter) -> None:
    body = (
        "11 Eylül'de Ermenistan'da ABD ile başlatılan 'Eagle Partner 2023' tatbikatı, "
        "20 Eylül'de sona erecek."
    )
    draft = drafter.text("Tatbikat\n\n" + body + "\n", published="2023-09-13")
    found = [p.fields for p in draft.facts if p.kind == "exercise"]
    assert len(found) == 1
    assert found[0].get("scheduledEndDate") == "2023-09-20"
    assert "2022-09-20" not in str(found)


def test_an_undated_text_is_bounded_by_its_latest_past_date(drafter: Drafter) -> None:
    body = (
        "Der Vertrag wurde am 3. April 2023 in Baku von beiden Regierungen feierlich "
        "unterzeichnet.\n\n"
        "Die gemeinsamen Übungen der beiden Armeen fanden am 12. Mai 2024 an der "
        "Grenze statt.\n\n"
        "Die Truppen der beiden Staaten werden nach dem Vertrag bis 2044 in der Region "
        "bleiben.\n"
    )
    draft = drafter.text("Ein Vertrag\n\n" + body, published=None)
    assert "datePublished" not in draft.block
    # the latest day; a year bounded by "bis" (until) is no past event
    assert draft.block["publishedNoEarlierThan"] == "2024-05-12"
    assert "s3" in draft.block["dateNote"]


def test_a_dated_text_gets_no_lower_bound(drafter: Drafter) -> None:
    draft = drafter.text("Ein Vertrag\n\nDer Vertrag wurde am 3. April 2023 unterzeichnet.\n")
    assert "publishedNoEarlierThan" not in draft.block


def test_a_future_end_in_an_article_of_that_month_dates_nothing() -> None:
    # "will end on 10 August" in a page dated August alone: past or to come, untold
    assert _read("Tatbikat 10 Ağustos’ta sona erecek.", "2020-08") == [(None, None, "day", "until")]
    assert _read("Tatbikat 10 Ağustos’ta sona erecek.", "2020-08-03")[0][0] == "2020-08-10"
    assert _read("Tatbikat 10 Ağustos’ta sona erdi.", "2020-08")[0][0] == "2020-08-10"


def test_an_end_in_a_year_of_the_future_bounds_no_undated_text(drafter: Drafter) -> None:
    body = (
        "Barış gücünün görev süresi 2025 yılında sona ereceği için askerler bölgeden "
        "çekilmeye başladı ve konvoylar halinde ayrıldı.\n"
    )
    draft = drafter.text("Çekilme\n\n" + body, published=None)
    assert "publishedNoEarlierThan" not in draft.block


def _agreements(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Memorandum\n\n" + body + "\n", published="2024-04-27")
    return [p.fields for p in draft.facts if p.kind == "agreement"]


def test_a_day_before_a_signing_participle_is_the_main_verbs(drafter: Drafter) -> None:
    body = (
        "Mərkəz 2021-ci il yanvarın 30-da Türkiyə ilə Rusiya arasında imzalanan "
        "memoranduma əsasən yaradılıb."
    )
    (found,) = _agreements(drafter, body)
    assert "date" not in found
    assert found["latestDate"] == "2021-01-30"


def test_a_signing_told_by_its_own_verb_keeps_its_day(drafter: Drafter) -> None:
    body = "Türkiyə və Rusiya 2021-ci il yanvarın 30-da memorandum imzalayıb."
    (found,) = _agreements(drafter, body)
    assert found["date"] == "2021-01-30"
