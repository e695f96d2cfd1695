"""A deal's ``date`` is its signing's: a delivery, purchase or announcement the sentence dates
only bounds it (``latestDate``). Of the curated deals of 005-367 with a date, 7 of 10 are
signed; 76 others give a bound (wave 15: "in 2018 … delivered missiles to …" was drafted as
the deal's date, an invented date). Sentences written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _deals(drafter: Drafter, body: str) -> list[dict[str, object]]:
    draft = drafter.text("Arms\n\n" + body + "\n", published="2026-06-01")
    return [p.fields for p in draft.facts if p.kind == "deal"]


def test_a_dated_delivery_bounds_the_deal(drafter: Drafter) -> None:
    (deal,) = _deals(drafter, "In 2018 France delivered 12 howitzers to Armenia.")
    assert "date" not in deal
    assert deal["latestDate"] == "2018"


def test_a_dated_purchase_bounds_the_deal(drafter: Drafter) -> None:
    (deal,) = _deals(drafter, "Armenia bought 12 howitzers from France in May 2025.")
    assert "date" not in deal
    assert deal["latestDate"] == "2025-05"


def test_a_dated_signing_dates_the_deal(drafter: Drafter) -> None:
    (deal,) = _deals(
        drafter, "Armenia signed a contract to buy 12 howitzers from France in May 2025."
    )
    assert deal["date"] == "2025-05"
    assert "latestDate" not in deal
