"""A wire lede gives the words to a body ("The Kremlin said on Tuesday that …") and the next
sentences quote the person who spoke for it: one statement, by that person, dated by the lede
(wave 16's 373: the body's statement was deleted as wrong, its speaker invented, and the
spokesman's got no date). Not when the person quoted is not the body's. Sentences written for
the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _said(drafter: Drafter, body: str) -> list[tuple[object, object]]:
    return [
        (p.fields["speaker"], p.fields.get("date"))
        for p in drafter.body(body).facts
        if p.kind == "statement"
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the spokesman's sentence names the body
        ('The Kremlin said on Tuesday that the troops had left the region. "The mission is '
         'over," Kremlin spokesman Dmitry Peskov told reporters.', "dmitry-peskov"),
        # the graph has him hold the body's post
        ('The Kremlin said on Tuesday that the troops had left the region. "The mission is '
         'over," Dmitry Peskov told reporters.', "dmitry-peskov"),
        # Russian: "в X заявили" (X said), then the director's words
        ("Во вторник в ФСБ России заявили, что граница закрыта. «Граница закрыта надолго», — "
         "сказал директор ФСБ Александр Бортников.", "alexander-bortnikov"),
    ],
)  # fmt: skip
def test_one_statement_by_the_spokesperson(drafter: Drafter, body: str, speaker: str) -> None:
    assert _said(drafter, body) == [(speaker, "2024-06-18")]


@pytest.mark.parametrize(
    "body",
    [
        # he does not speak for the body
        'The Kremlin said on Tuesday that the troops had left the region. "We will stay," '
        "Nikol Pashinyan said.",
        'The Russian Foreign Ministry said on Tuesday that the talks were over. "The mission '
        'is over," Dmitry Peskov told reporters.',
    ],
)
def test_two_speakers_stay_two(drafter: Drafter, body: str) -> None:
    assert len(_said(drafter, body)) == 2
