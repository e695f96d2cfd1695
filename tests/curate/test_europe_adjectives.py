"""A state named by its adjective, and its bodies so named, in German, Italian, French,
Spanish and Polish (wave 12: a German page's Armenian government and parliament and an
Italian page's Armenian defence ministry were missed). Sentences written for the test."""

from __future__ import annotations

import pytest

from kg.draft.europe import adjective_forms, body_names
from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("body", "refs"),
    [
        ("Die armenische Regierung hat am Montag neue Waffen bestellt.",
         {"armenian-government"}),
        ("Das armenische Parlament stimmte dem Gesetz zu.", {"armenian-national-assembly"}),
        ("Lo ha riferito il ministero della Difesa armeno in una nota.",
         {"armenian-defence-ministry"}),
        ("El Gobierno armenio anunció nuevas compras de armas.", {"armenian-government"}),
        ("Armeński rząd zapowiedział nowe zakupy broni.", {"armenian-government"}),
        ("Die aserbaidschanischen Soldaten verließen das Dorf.", {"azerbaijan"}),
    ],
)  # fmt: skip
def test_states_and_bodies_by_their_adjective(drafter: Drafter, body: str, refs: set[str]) -> None:
    assert refs <= set(drafter.body(body).mentions)


def test_forms() -> None:
    assert "armenischen" in adjective_forms("de", "armenisch")
    assert {"armeno", "armena", "armeni", "armene"} <= set(adjective_forms("it", "armeno"))
    assert {"turco", "turca", "turchi", "turche"} <= set(adjective_forms("it", "turco"))
    assert "arméniennes" in adjective_forms("fr", "arménien")
    assert {"armeńskiego", "armeńscy"} <= set(adjective_forms("pl", "armeński"))
    assert "ministero della Difesa armeno" in body_names("Ministry of Defence", "Armenia")
    # (no French bodies: measured, one became an invented speaker)
    assert not [n for n in body_names("Ministry of Defence", "Armenia") if "ministère" in n]
