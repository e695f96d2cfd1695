"""The CSTO's Secretary General in the live seeds: one act under one id, and an acting holder
on the post itself (audit11, audit12 "Noticed and left alone").

Read from the curated files as written (``kg.seeds.read_blocks``): these are curation
decisions about particular articles, which the shapes cannot tell apart from two real facts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg import config
from kg.seeds import read_blocks

ARTICLES = config.ROOT / "seeds" / "articles"


def _blocks(number: str) -> list[dict[str, Any]]:
    (path,) = sorted(ARTICLES.glob(f"{number}_*.yaml"))
    return read_blocks(Path(path))[1]


def _about(blocks: list[dict[str, Any]], post: str) -> list[dict[str, Any]]:
    def abouts(block: dict[str, Any]) -> list[str]:
        about = block.get("about", [])
        return [about] if isinstance(about, str) else list(about)

    return [b for b in blocks if b.get("type") == "PoliticalEvent" and post in abouts(b)]


def test_the_2025_decision_on_the_secretary_general_is_one_act() -> None:
    """077 (25 November 2025) has the Bishkek session of 27 November to consider the
    candidate for Secretary General (a plan); 144 reports that the session approved
    Masadykov's appointment. One decision of one session: one id, 077's attestation a plan,
    144's a report, under one label (two ids split the act in two on the post's page)."""
    planned = _about(_blocks("077"), "post/csto-secretary-general")
    done = _about(_blocks("144"), "post/csto-secretary-general")
    assert [b["id"] for b in planned] == [b["id"] for b in done]
    assert len(planned) == 1
    assert planned[0].get("mode") == "code:mode-plan"
    assert done[0].get("mode", "code:mode-reported") == "code:mode-reported"
    assert planned[0]["label"] == done[0]["label"]


def test_an_acting_holder_is_a_tenure_of_the_post_itself() -> None:
    """docs/modelling.md ("Acting holders"): "acting Secretary General" is a tenure of the
    post with ``acting: true``, not a post of its own, so the as-of questions about the post
    find it. 051 and 132 gave Semerikov a separate ``post/csto-acting-secretary-general``;
    no post in the reference is an "acting" one, and every tenure whose id says acting says
    ``acting: true``."""
    import yaml

    reference = yaml.safe_load((config.ROOT / "seeds" / "reference.yaml").read_text("utf-8"))
    posts = [e for e in reference["entities"] if e.get("type") == "Post"]
    assert posts
    for post in posts:
        names = [post["id"], str(post.get("label", "")), *map(str, post.get("labels", {}).values())]
        assert not any("acting" in n.lower() or "исполняющ" in n.lower() for n in names), (
            f"{post['id']}: an acting holder is a tenure with acting: true, not a post"
        )
    acting = [
        (path.name[:3], b)
        for path in sorted(ARTICLES.glob("*.yaml"))
        for b in read_blocks(path)[1]
        if b.get("type") == "Tenure" and "acting" in str(b.get("id"))
    ]
    assert len(acting) >= 6
    for number, block in acting:
        assert block.get("acting") is True, f"{number}: {block['id']} says acting in its id only"
    semerikov = [
        b for n, b in acting if b["id"] == "tenure/semerikov-csto-acting-secretary-general"
    ]
    assert [b["post"] for b in semerikov] == ["post/csto-secretary-general"] * 2
