"""Arms paid for and not received, told from the buyer's side, are the graph's undelivered
deal (wave 12: two Russian pages said Armenia "did not receive" the arms it paid Russia for;
the curated files mention ``deal/russia-armenia-undelivered-arms``, the drafts did not).
Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter

UNDELIVERED = "deal/russia-armenia-undelivered-arms"


@pytest.mark.parametrize(
    "body",
    [
        "Armenia says it has not received the weapons it paid Russia for.",
        "Армения так и не получила от России оплаченное оружие, заявил министр.",
        "Ermenistan, Rusya'dan parasını ödediği silahları teslim almadı.",
        "Armenien hat die bei Russland bezahlten Waffen nicht erhalten, sagte der Minister.",
    ],
)
def test_arms_not_received_are_the_undelivered_deal(drafter: Drafter, body: str) -> None:
    assert UNDELIVERED in drafter.body(body).mentions


def test_support_not_received_is_no_deal(drafter: Drafter) -> None:
    body = "Армения так и не получила поддержки от России, заявил министр."
    assert UNDELIVERED not in drafter.body(body).mentions
