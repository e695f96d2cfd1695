"""Agreements signed in the languages whose signing words the exact list lacked (wave 12:
a Turkish "imzalandı" of a peace treaty on "8 Ağustos 2025" gave no proposal): a word that
begins like a signing's, a pact word, two states, the signing's day; a signing to come
("imzalayacak") is none. Sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from tests.curate.conftest import Drafter


def _agreements(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Leaders meet in the capital\n\n" + body + "\n", published="2025-08-09")
    return [p.fields for p in draft.facts if p.kind == "agreement"]


@pytest.mark.parametrize(
    "body",
    [
        "Azerbaycan ve Ermenistan arasındaki barış anlaşması 8 Ağustos 2025’te imzalandı.",
        "Armenien und Aserbaidschan unterzeichneten am 8. August 2025 ein Abkommen.",
        "Azərbaycan və Ermənistan 8 avqust 2025-ci ildə sazişi imzalayıb.",
        "L’Armenia e l’Azerbaigian hanno firmato un accordo l’8 agosto 2025.",
    ],
)
def test_a_signed_agreement_and_its_day(drafter: Drafter, body: str) -> None:
    (found,) = _agreements(drafter, body)
    assert set(found["party"]) == {"armenia", "azerbaijan"}
    assert found["date"] == "2025-08-08"
    assert found["status"] == "code:deal-signed"


def test_a_signing_to_come_is_none(drafter: Drafter) -> None:
    body = "Azerbaycan ve Ermenistan anlaşmayı 20 Ağustos 2025’te imzalayacak."
    assert _agreements(drafter, body) == []
