"""An agreement's parties are who signs, not where: a body named after a word of place ("after
talks in the Kremlin", "в Кремле") is the venue (wave 10: such a body was drafted as a party
beside the two leaders, and the curators' parties were the leaders' states). Sentences
written for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _parties(drafter: Drafter, body: str, published: str = "2024-06-19") -> list[Any]:
    draft = drafter.text("Talks\n\n" + body + "\n", published=published)
    return [p.fields["party"] for p in draft.facts if p.kind == "agreement"]


def test_a_body_after_in_is_the_venue(drafter: Drafter) -> None:
    body = (
        "Vladimir Putin and Nikol Pashinyan signed a memorandum on 12 June after talks in "
        "the Kremlin."
    )
    (parties,) = _parties(drafter, body)
    assert "kremlin" not in parties
    assert len(parties) == 2


def test_a_body_that_signs_is_a_party(drafter: Drafter) -> None:
    body = "The Kremlin and the Government of Armenia signed a memorandum on 12 June."
    (parties,) = _parties(drafter, body)
    assert "kremlin" in parties
