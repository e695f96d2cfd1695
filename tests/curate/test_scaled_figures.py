"""Amounts and counts with a scale word in the corpus's languages ("$155,5 млн", "10 млн
евро", "44 mln EUR", "10 Millionen Euro", "около 10 тысяч военнослужащих", "2 bin asker"):
wave 15's curated amounts in Russian, Polish and German texts had no drafted figure, the
scale words and the decimal comma being English-only. Sentences written for the test."""

from __future__ import annotations

import pytest

from kg.draft.numbers import amounts, counts


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("Руритания закажет 40 гаубиц на сумму $155,5 млн.", 155_500_000, "USD"),
        ("Контракт стоимостью около $244 млн подписан в мае.", 244_000_000, "USD"),
        ("Союз выделит Руритании 10 млн евро на оборудование.", 10_000_000, "EUR"),
        ("Ruritania kupi sprzęt za 44 mln EUR.", 44_000_000, "EUR"),
        ("Der Rat billigte Hilfe in Höhe von 10 Millionen Euro.", 10_000_000, "EUR"),
        ("Ruritanya 20 milyon dolar ödeyecek.", 20_000_000, "USD"),
        ("Ռուրիտանիան կվճարի 300 միլիոն դոլար։", 300_000_000, "USD"),
        ("Il contratto vale 1,2 miliardi di euro.", 1_200_000_000, "EUR"),
        ("Ruritania signed a $244 million contract.", 244_000_000, "USD"),
    ],
)
def test_a_scaled_amount(text: str, value: int, currency: str) -> None:
    assert [(a.value, a.currency) for a in amounts(text)] == [(value, currency)]


def test_a_comma_without_a_scale_is_no_decimal() -> None:
    assert [a.value for a in amounts("a deal worth $2,500 in all")] == [2500]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("В регионе находятся около 10 тысяч военнослужащих Руритании.", 10_000),
        ("Ruritanya bölgeye 2 bin asker gönderdi.", 2_000),
        ("Ruritaniya bölgəyə 3 min hərbçi göndərib.", 3_000),
        ("Ruritania sent 10 thousand troops.", 10_000),
    ],
)
def test_a_count_in_thousands(text: str, value: int) -> None:
    assert [c.value for c in counts(text)] == [value]


def test_a_year_is_still_no_count() -> None:
    assert counts("Ruritania's 2023 troops rotation") == []
