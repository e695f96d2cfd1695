"""The strength of a deployment the graph has, told with it in one sentence ("Russia's 2,000
peacekeeping troops in Nagorno-Karabakh"): the graph's block with the article's count as
``personnelCount`` (the curated files attest the Russian peacekeepers in Karabakh and the
CSTO's in Kazakhstan with the article's count; the drafter gave none). Sentences written
for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter

PEACEKEEPERS = "deployment/russian-peacekeepers-lachin-corridor"


def _blocks(drafter: Drafter, body: str) -> dict[str, dict[str, Any]]:
    draft = drafter.text("Karabakh\n\n" + body + "\n", published="2022-12-20")
    return {str(p.fields.get("id")): p.fields for p in draft.facts}


def test_the_count_of_a_described_deployment(drafter: Drafter) -> None:
    body = "Russia's 2,000 peacekeeping troops in Nagorno-Karabakh did not reopen the road."
    blocks = _blocks(drafter, body)
    assert PEACEKEEPERS in blocks
    assert blocks[PEACEKEEPERS]["personnelCount"] == 2000
    assert blocks[PEACEKEEPERS]["contributor"] == "russia"


def test_a_qualified_count(drafter: Drafter) -> None:
    body = "About 2,000 Russian peacekeepers have been in Nagorno-Karabakh since the truce."
    blocks = _blocks(drafter, body)
    assert blocks[PEACEKEEPERS]["personnelCount"] == 2000
    assert blocks[PEACEKEEPERS]["figureQualifier"] == "code:figure-approximate"


def test_casualties_are_no_strength(drafter: Drafter) -> None:
    body = "Two Russian peacekeepers were killed in Nagorno-Karabakh on Tuesday."
    blocks = _blocks(drafter, body)
    assert all("personnelCount" not in f for f in blocks.values())


def test_two_counts_are_left_to_the_curator(drafter: Drafter) -> None:
    body = (
        "Russia's peacekeepers in Nagorno-Karabakh grew from 1,500 troops to 2,000 troops "
        "this year."
    )
    blocks = _blocks(drafter, body)
    assert "personnelCount" not in blocks.get(PEACEKEEPERS, {})


def test_a_count_of_many_states_is_not_one_contingents(drafter: Drafter) -> None:
    body = (
        "Russian peacekeepers in Nagorno-Karabakh were joined by 3,000 soldiers from Belarus, "
        "Kazakhstan and Tajikistan."
    )
    blocks = _blocks(drafter, body)
    assert "personnelCount" not in blocks.get(PEACEKEEPERS, {})
