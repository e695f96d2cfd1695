"""What the drafter leaves out and adds after measuring the draft log (issue 19): no
Deployment from a count alone and no unnamed exercise without a day (mostly deleted by the
curators), a tenure's post among the mentions with the article's date as its as-of date,
headline names mentioned. Sentences written for the test."""

from __future__ import annotations

from pathlib import Path

from kg import config
from kg.draft.pipeline import Draft, draft_article


def _draft(tmp_path: Path, text: str) -> Draft:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return draft_article(path, config.Paths(), published="2024-06-19")


def test_no_deployment_from_a_count_and_no_vague_exercise(tmp_path: Path) -> None:
    draft = _draft(
        tmp_path,
        "Soldiers and drills in the region\n\n"
        "About 85 American soldiers are in Armenia, officials noted.\n\n"
        "Armenia held an exercise in 2023, the report added.\n",
    )
    kinds = {p.kind for p in draft.facts}
    assert "deployment" not in kinds and "exercise" not in kinds


def test_a_tenure_mentions_its_post_and_is_as_of_the_article(tmp_path: Path) -> None:
    draft = _draft(
        tmp_path,
        "Talks in the capital end\n\n"
        "Armenian Defence Minister Suren Papikyan visited the base on Tuesday.\n",
    )
    tenure = next(p.fields for p in draft.facts if p.kind == "tenure")
    assert tenure["post"] == "post/armenia-defence-minister"
    assert tenure["asOf"] == "2024-06-19"
    assert {"post/armenia-defence-minister", "suren-papikyan"} <= set(draft.mentions)


def test_the_headline_names_are_mentioned(tmp_path: Path) -> None:
    draft = _draft(tmp_path, "Papikyan meets officials in Paris\n\nThe talks lasted two hours.\n")
    assert {"suren-papikyan", "paris"} <= set(draft.mentions)
    assert not draft.facts  # the headline itself proposes nothing
