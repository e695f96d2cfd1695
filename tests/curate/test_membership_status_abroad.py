"""A membership frozen, said in the corpus's other languages, is proposed as the graph's
status period of that membership, with the block of the membership itself (the curated files
that attest a status attest its membership: 12 of 12). Sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.draft.facts import status_word
from kg.draft.pipeline import Draft
from tests.curate.conftest import Drafter

FROZEN = "status/armenia-csto-frozen-2024"
MEMBERSHIP = "membership/armenia-csto"


def _block(draft: Draft, ref: str) -> dict[str, Any] | None:
    return next((p.fields for p in draft.facts if p.fields.get("id") == ref), None)


@pytest.mark.parametrize(
    "body",
    [
        "Armenia froze its participation in the CSTO in February, officials said.",
        "В феврале Армения заморозила свое участие в ОДКБ, сообщили в Ереване.",
        "En février, l'Arménie a gelé sa participation à l'OTSC, selon Erevan.",
        "Ermenistan, KGAÖ'deki üyeliğini şubat ayında dondurdu.",
        "Armenien hat seine Mitgliedschaft in der OVKS eingefroren, hieß es in Jerewan.",
    ],
)
def test_a_frozen_membership_in_other_languages(drafter: Drafter, body: str) -> None:
    draft = drafter.body(body)
    status = _block(draft, FROZEN)
    assert status is not None and status["ofMembership"] == MEMBERSHIP
    membership = _block(draft, MEMBERSHIP)
    assert membership == {**membership, "member": "armenia", "organization": "csto"}
    assert MEMBERSHIP in draft.mentions


def test_a_frozen_deposit_is_no_status(drafter: Drafter) -> None:
    draft = drafter.body("Armenia froze the assets of a bank in Yerevan, officials said.")
    assert _block(draft, FROZEN) is None and _block(draft, MEMBERSHIP) is None


def test_status_words() -> None:
    assert status_word("заморозила") == "frozen"
    assert status_word("приостановила") == "frozen"
    assert status_word("dondurdu") == "frozen"
    assert status_word("gelé") == "frozen"
    assert status_word("gelato") is None and status_word("general") is None
    assert status_word("заморский") is None


@pytest.mark.parametrize(
    "body",
    [
        "Azerbaijani forces entered the territory of CSTO member Armenia on May 12.",
        "Ermenistan'ın KGAÖ üyeliği tartışılıyor.",
        "Armeniens Mitgliedschaft in der OVKS ruht seit Februar.",
    ],
)
def test_a_membership_named_gets_its_block(drafter: Drafter, body: str) -> None:
    draft = drafter.body(body)
    assert MEMBERSHIP in draft.mentions
    assert _block(draft, MEMBERSHIP) is not None


def test_members_in_the_plural_are_no_membership(drafter: Drafter) -> None:
    draft = drafter.body("Russia and other CSTO members met in Minsk on Monday.")
    assert MEMBERSHIP not in draft.mentions
