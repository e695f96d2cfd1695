"""A membership the graph has is mentioned by its id when one sentence names the member,
the organisation and a membership word, as the curated files list it
(``kg/draft/pipeline.py`` ``_memberships_named``). Sentences written for the test, never
article text."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _mentions(drafter: Drafter, body: str) -> list[str]:
    return drafter.text("A day in the capital\n\n" + body + "\n").mentions


def test_a_membership_named_is_mentioned(drafter: Drafter) -> None:
    body = "Yerevan is weighing the future of Armenia's membership in the CSTO."
    assert "membership/armenia-csto" in _mentions(drafter, body)
    russian = "В Ереване обсуждают будущее членства Армении в ОДКБ."
    assert "membership/armenia-csto" in _mentions(drafter, russian)


def test_no_membership_without_the_noun_by_the_state(drafter: Drafter) -> None:
    for body in (
        "Armenia skipped the CSTO summit in Minsk.",
        "Armenia said Russia and other members of the CSTO did not help.",
    ):
        assert not [m for m in _mentions(drafter, body) if m.startswith("membership/")]
