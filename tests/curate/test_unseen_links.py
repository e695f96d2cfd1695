"""Links on unseen text (issue 19): a capital that acts is its government, not the city; a
status needs a membership the graph has; a text without a headline says so. Sentences
written for the test."""

from __future__ import annotations

from pathlib import Path

from kg import config
from kg.draft.pipeline import draft_article


def _draft(tmp_path: Path, text: str):  # noqa: ANN202
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return draft_article(path, config.Paths(), published="2024-06-19")


def test_a_capital_that_speaks_is_its_state(tmp_path: Path) -> None:
    draft = _draft(
        tmp_path,
        "Moscow warns Yerevan\n\nMoscow has criticised the new contract, officials said.\n\n"
        "The delegation flew to Moscow on Monday.\n",
    )
    # the state (or, once the graph has one, its government) is mentioned for the capital that
    # acts; no statement: only a person speaks
    assert not [p for p in draft.facts if p.kind == "statement"]
    assert "moscow" in draft.mentions  # the city is still named
    assert {"russia", "russian-government"} & set(draft.mentions)


def test_no_status_without_a_membership(tmp_path: Path) -> None:
    draft = _draft(
        tmp_path,
        "An alliance changes\n\nArmenia froze its participation in the CSTO.\n\n"
        "Azerbaijan withdrew from the CSTO long ago.\n",
    )
    statuses = [p.fields for p in draft.facts if p.kind == "status"]
    assert [s["ofMembership"] for s in statuses] == ["membership/armenia-csto"]


def test_a_text_without_headline_says_so(tmp_path: Path) -> None:
    draft = _draft(tmp_path, "Armenia froze its participation in the CSTO, officials said.\n")
    assert "headline" not in draft.block
    assert any(note.startswith("headline:") for note in draft.block_notes)


def test_a_date_alone_makes_no_proposal(tmp_path: Path) -> None:
    draft = _draft(tmp_path, "A border clash\n\nArmenia and Azerbaijan clashed on 13 May 2024.\n")
    assert draft.facts == []
