"""Capitals and organisations as the European press writes them (German, Polish, Italian,
Greek): wave 12's German and Italian pages named the CSTO, the EU's Council and Paris in
forms the graph did not have ("OVKS", "Consiglio dell'UE", "Parigi"), and the Polish forms of
Moscow and Yerevan had been overwritten by the Romance ones in the exonyms table. Sentences
written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("body", "ref"),
    [
        ("I ministri si sono incontrati a Parigi martedì scorso.", "paris"),
        ("Delegacja wróciła do Moskwy w środę wieczorem.", "moscow"),
        ("Rozmowy odbyły się w Erywaniu w zeszłym tygodniu.", "yerevan"),
        ("Die Delegation reiste am Montag nach Moskau.", "moscow"),
        ("Armenien bleibt formal Mitglied der OVKS.", "csto"),
        ("Il Consiglio dell'UE ha prorogato il mandato della missione.", "eu-council"),
        ("Polska popiera Unię Europejską w tej sprawie.", "european-union"),
        ("Die Europäische Union rief zur Zurückhaltung auf.", "european-union"),
    ],
)
def test_names_in_the_european_press(drafter: Drafter, body: str, ref: str) -> None:
    assert ref in drafter.body(body).mentions


def test_an_italian_one_is_not_the_un(drafter: Drafter) -> None:
    # (no "UNO": the Italian "one")
    draft = drafter.body("Uno dei ministri è arrivato a Parigi martedì.")
    assert not {m for m in draft.mentions if m not in ("paris", "france")}
