"""A statement the graph already has keeps the graph's id (the draft log: 38 of 137 matched
statements were edited for the id of a statement another article file had, the same
speaker's words of the same day). The graph here is the frozen one plus one statement written
for the test; the sentences are written for the test too, never article text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.draft.names import load_gazetteer
from tests.curate.conftest import Drafter, draft_graph

KNOWN = "statement/zakharova-qarvel-arms-2024-06-18"


@pytest.fixture(scope="module")
def said(tmp_path_factory: pytest.TempPathFactory) -> Drafter:
    paths = draft_graph(tmp_path_factory.mktemp("said-graph"))
    extra = Path(paths.seeds) / "articles" / "said_before.yaml"
    extra.write_text(
        "entities:\n"
        f"  - {{id: {KNOWN}, type: Statement, label: Zakharova on French arms,"
        " speaker: maria-zakharova, date: 2024-06-18, about: [france, armenia]}\n",
        encoding="utf-8",
    )
    return Drafter(paths, load_gazetteer(paths), tmp_path_factory.mktemp("said-drafted"))


def _statements(drafter: Drafter, body: str) -> list[dict[str, object]]:
    draft = drafter.body(body)
    return [f.fields for f in draft.facts if f.kind == "statement"]


def test_the_same_speaker_on_the_same_matter_that_day_is_the_graphs_statement(
    said: Drafter,
) -> None:
    body = (
        "Russian Foreign Ministry spokeswoman Maria Zakharova said on Tuesday that France "
        "was arming Armenia."
    )
    draft = said.body(body)
    statements = [f.fields for f in draft.facts if f.kind == "statement"]
    assert [s["id"] for s in statements] == [KNOWN]
    assert KNOWN not in draft.mentions  # attested, not mentioned (as the curated files do)


def test_another_matter_or_another_week_is_a_new_statement(said: Drafter) -> None:
    other_matter = "Maria Zakharova said on Tuesday that Iran was a partner of Moscow."
    other_week = (
        "Russian Foreign Ministry spokeswoman Maria Zakharova said on June 10 that France "
        "was arming Armenia."
    )
    # the day before, with only states in common: a neighbouring statement, not the same one
    day_before = (
        "Russian Foreign Ministry spokeswoman Maria Zakharova said on Monday that France "
        "was arming Armenia."
    )
    for body in (other_matter, other_week, day_before):
        statements = _statements(said, body)
        assert statements
        assert all(s["id"] != KNOWN for s in statements)
