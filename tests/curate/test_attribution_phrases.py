"""Statements named by an attribution phrase (issue 19, drafter30): "according to X", "по
словам X", "selon X" and their kin name the speaker of the words around them, as surely as a
name at a speech verb, when only title words stand between the phrase and a known person (or
government body) and the phrase ends at the name. Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _speakers(drafter: Drafter, body: str) -> list[str]:
    draft = drafter.body(body)
    return [p.fields["speaker"] for p in draft.facts if p.kind == "statement"]


@pytest.mark.parametrize(
    "body",
    [
        "According to Suren Papikyan, the army will be modernised.",
        "The army will be modernised, according to Suren Papikyan.",
        "According to the Armenian Defence Minister Suren Papikyan, the army will grow.",
        "По словам министра обороны Армении Сурена Папикяна, армия будет модернизирована.",
        "Selon le ministre arménien de la Défense Suren Papikyan, l'armée sera modernisée.",
    ],
)
def test_the_person_the_phrase_names_speaks(drafter: Drafter, body: str) -> None:
    assert _speakers(drafter, body) == ["suren-papikyan"]


def test_a_ministry_the_phrase_names_speaks(drafter: Drafter) -> None:
    body = "According to the Armenian Defence Ministry, the army will be modernised."
    assert _speakers(drafter, body) == ["armenian-defence-ministry"]


@pytest.mark.parametrize(
    "body",
    [
        "According to Suren Papikyan's office, the army will be modernised.",
        "According to the agreement signed by Suren Papikyan, the army will be modernised.",
        '"According to Suren Papikyan, nothing happened," the officer joked.',
        "According to Suren Papikyan and Nikol Pashinyan, the army will be modernised.",
    ],
)
def test_no_speaker_unless_the_phrase_ends_at_the_name(drafter: Drafter, body: str) -> None:
    assert _speakers(drafter, body) == []


def test_the_imperfective_russian_past_is_a_speech_verb(drafter: Drafter) -> None:
    body = "О модернизации армии заявлял министр обороны Армении Сурен Папикян."
    assert _speakers(drafter, body) == ["suren-papikyan"]


def test_an_outlets_imperfective_verb_gives_no_speaker(drafter: Drafter) -> None:
    body = "Как сообщало агентство, Сурену Папикяну предъявлены новые обвинения."
    assert _speakers(drafter, body) == []
