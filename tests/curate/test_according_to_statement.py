""" "According to X's statement" names the speaker of the words around it, as "according to X"
does (wave 16's 389: "Согласно заявлению главы МИДа X, …" gave no statement), in the
languages that say so; not a statement someone signed ("согласно заявлению, подписанному
X"). Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _speakers(drafter: Drafter, body: str) -> list[object]:
    return [p.fields["speaker"] for p in drafter.body(body).facts if p.kind == "statement"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Согласно заявлению главы МИД Армении Арарата Мирзояна, переговоры продолжатся.",
         "ararat-mirzoyan"),
        ("По заявлению главы МИД Армении Арарата Мирзояна, переговоры продолжатся.",
         "ararat-mirzoyan"),
        ("According to a statement by the Armenian Foreign Ministry, the talks will go on.",
         "armenian-foreign-ministry"),
        ("Selon la déclaration du ministre Ararat Mirzoyan, les pourparlers continueront.",
         "ararat-mirzoyan"),
        ("Según las palabras del ministro Ararat Mirzoyan, las conversaciones seguirán.",
         "ararat-mirzoyan"),
        ("Паводле слоў Пашыняна, Арменія не будзе ўдзельнічаць у саміце.", "nikol-pashinyan"),
    ],
)  # fmt: skip
def test_the_statements_author_speaks(drafter: Drafter, body: str, speaker: str) -> None:
    assert _speakers(drafter, body) == [speaker]


def test_a_signed_statement_is_no_saying(drafter: Drafter) -> None:
    body = "Согласно заявлению, подписанному Араратом Мирзояном, переговоры продолжатся."
    assert _speakers(drafter, body) == []
