"""A state's participation in an organisation is its membership there: a sentence naming
the state by a participation word and the organisation mentions the graph's membership, and
a statement made in it is about the membership (``kg/draft/pipeline.py``
``_memberships_named``), as the curated files code "Armenia has frozen its participation in
the CSTO". Sentences written for the test, never article text."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter

MEMBERSHIP = "membership/armenia-csto"


def _statements(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    return [p.fields for p in drafter.body(body).facts if p.kind == "statement"]


def test_participation_is_the_membership_in_each_language(drafter: Drafter) -> None:
    for body in (
        "Yerevan keeps Armenia's participation in the CSTO on hold.",
        "В Ереване обсуждают участие Армении в ОДКБ.",
        "Erevan réexamine la participation de l'Arménie à l'OTSC.",
    ):
        assert MEMBERSHIP in drafter.body(body).mentions, body


def test_a_statement_on_participation_is_about_the_membership(drafter: Drafter) -> None:
    body = (
        "Nikol Pashinyan said on 3 May 2024 that Armenia's participation in the CSTO "
        "would stay on hold."
    )
    (said,) = _statements(drafter, body)
    about = said["about"] if isinstance(said["about"], list) else [said["about"]]
    assert MEMBERSHIP in about


def test_no_membership_from_a_participant_or_another_states_participation(
    drafter: Drafter,
) -> None:
    for body in (
        "The participants of the CSTO drills gathered in Armenia in the autumn.",
        "Kazakhstan's participation in the drills pleased the CSTO, Armenia said.",
    ):
        assert MEMBERSHIP not in drafter.body(body).mentions, body
