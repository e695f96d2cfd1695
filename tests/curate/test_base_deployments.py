"""A military base the graph has, named in a sentence, is the cue of the deployment at that
base (the word "base" is inside the base's name, which the cue is not sought in): the curated
files that name the graph's base attest its deployment. Sentences written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter

BASE = "deployment/russia-102nd-military-base"


def test_a_named_base_tells_its_deployment(drafter: Drafter) -> None:
    body = "Armenia's defence minister visited Russia's 102nd military base on Tuesday."
    draft = drafter.text("Gyumri\n\n" + body + "\n", published="2021-12-01")
    assert BASE in draft.mentions
    assert BASE in {p.fields.get("id") for p in draft.facts}


def test_no_base_no_deployment(drafter: Drafter) -> None:
    body = "Armenia's defence minister visited a barracks in Yerevan on Tuesday."
    draft = drafter.text("Yerevan\n\n" + body + "\n", published="2021-12-01")
    assert BASE not in draft.mentions
