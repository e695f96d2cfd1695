"""``kg.draft.dates.word_date``: the date a sentence gives the event a word reports, in the
corpus' languages, relative days counted from the publication date and said so, and never a
date of another clause or a quotation's year. Sentences written for the test."""

from __future__ import annotations

from kg.draft.dates import DateFinder, describe, word_date

PUBLISHED = "2026-03-12"  # a Thursday


def _date(sentence: str, word: str, published: str | None = PUBLISHED) -> str | None:
    found = word_date(DateFinder(published).find(sentence, 40), sentence, 40, word)
    return found.value if found else None


def test_a_day_in_each_language() -> None:
    assert _date("Ruritania and Freedonia signed the accord on 20 November 2025.",
                 "signed") == "2025-11-20"  # fmt: skip
    assert _date("La Ruritanie et la Freedonie ont signé l'accord le 20 novembre 2025.",
                 "signé") == "2025-11-20"  # fmt: skip
    assert _date("29 января послы одобрили решение.", "одобрили") == "2026-01-29"


def test_a_weekday_is_counted_back_and_said_so() -> None:
    sentence = "Ruritania ratified the treaty on Tuesday."
    found = word_date(DateFinder(PUBLISHED).find(sentence, 0), sentence, 0, "ratified")
    assert found is not None and found.value == "2026-03-10" and found.weekday
    assert "counted back from the publication date (2026-03-12)" in describe(found, PUBLISHED)
    assert _date("Ruritania ratified the treaty yesterday.", "ratified") == "2026-03-11"


def test_no_day_without_one() -> None:
    assert _date("Ruritania ratified the treaty this week.", "ratified") is None
    assert _date("Ruritania ratified the treaty on Tuesday.", "ratified", "2026-03") is None


def test_never_another_clause_nor_a_quotation() -> None:
    said = "The ministry said on 10 March that Ruritania had ratified the treaty."
    assert _date(said, "ratified") is None
    assert _date(said, "said") == "2026-03-10"
    quoted = 'Ruritania withdrew, the minister said: "as we warned in 2021".'
    assert _date(quoted, "withdrew") is None
    assert _date("Ruritania ratified the treaty", "signed") is None  # no such word


def test_periods_across_months_and_between() -> None:
    def period(text: str) -> list[tuple[str | None, str | None]]:
        return [(f.value, f.end_value) for f in DateFinder(PUBLISHED).find(text)]

    assert period("Les exercices ont eu lieu du 30 septembre au 4 octobre 2025.") == [
        ("2025-09-30", "2025-10-04")
    ]
    assert period("Учения прошли с 30 сентября по 4 октября 2025 года.") == [
        ("2025-09-30", "2025-10-04")
    ]
    assert period("The drills were held between 9 and 12 May 2025.") == [
        ("2025-05-09", "2025-05-12")
    ]
    assert period("They met on 5 and 9 May 2025.") == [("2025-05-09", None)]
