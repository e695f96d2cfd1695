"""A month beside "last year" / "прошлого года" / "ötən ilin" / "անցյալ տարվա" is a month of
the year before the article's (wave 14's curators: "в мае прошлого года" was drafted as May
of the article's own year, a wrong date); "last month", "this year" in Azerbaijani and
Armenian; the Azerbaijani "<month> ayında" and the Armenian dative "<month>ին" (in the
month); the Armenian period "<day>-ից <day>-ը" (from … to, marked by the cases alone).
Sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.draft.dates import DateFinder


def _read(text: str, published: str) -> list[tuple[Any, ...]]:
    return [(f.value, f.end_value, f.precision) for f in DateFinder(published).find(text)]


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("The treaty was ratified in May last year.", "2022-12-27", ("2021-05", None, "month")),
        ("Договор ратифицирован в мае прошлого года.", "2022-12-27", ("2021-05", None, "month")),
        ("Saziş ötən ilin noyabrında imzalanıb.", "2023-04-29", ("2022-11", None, "month")),
        ("Saziş keçən ilin may ayında imzalanıb.", "2023-04-29", ("2022-05", None, "month")),
        (
            "Համաձայնագիրը ստորագրվել է անցյալ տարվա մայիսին։",
            "2023-09-19",
            ("2022-05", None, "month"),
        ),
        ("Sammit noyabr ayında keçirilib.", "2023-12-01", ("2023-11", None, "month")),
        ("Նախարարը սեպտեմբերին այցելել է Մոսկվա։", "2023-10-10", ("2023-09", None, "month")),
        ("Nazir ötən ay istefa verib.", "2023-04-29", ("2023-03", None, "month")),
        ("Նախարարը նախորդ ամիս հրաժարական է տվել։", "2023-10-10", ("2023-09", None, "month")),
        ("Bu il iclas keçirilməyib.", "2023-04-29", ("2023", None, "year")),
        (
            "Զորավարժությունը տեղի է ունեցել սեպտեմբերի 26-ից հոկտեմբերի 8-ը։",
            "2023-10-10",
            ("2023-09-26", "2023-10-08", "day"),
        ),
        ("Учения прошли 9 мая этого года.", "2023-10-10", ("2023-05-09", None, "day")),
    ],
)
def test_periods_and_months(text: str, published: str, want: tuple[Any, ...]) -> None:
    assert _read(text, published) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "Bu ilk görüşdür.",  # "ilk" (first) is not "il" (year)
        "Bu, may ayının 5-də oldu.",  # a day of May: not read as the month alone
        "Սեպտեմբերի 19-ին նա հրաժարական տվեց։",  # a day, not the month (checked below)
    ],
)
def test_no_month_read_where_none_is_meant(text: str) -> None:
    assert all(precision != "month" for _, _, precision in _read(text, "2023-10-10"))
