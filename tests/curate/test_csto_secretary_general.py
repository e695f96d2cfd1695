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
    no post in the reference is an "acting" one, and every tenure whose id says acting is
    ``acting: true`` in some file that writes it."""
    import yaml

    reference = yaml.safe_load((config.ROOT / "seeds" / "reference.yaml").read_text("utf-8"))
    posts = [e for e in reference["entities"] if e.get("type") == "Post"]
    assert posts
    for post in posts:
        names = [post["id"], str(post.get("label", "")), *map(str, post.get("labels", {}).values())]
        assert not any("acting" in n.lower() or "исполняющ" in n.lower() for n in names), (
            f"{post['id']}: an acting holder is a tenure with acting: true, not a post"
        )
    acting: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(ARTICLES.glob("*.yaml")):
        for block in read_blocks(path)[1]:
            if block.get("type") == "Tenure" and "acting" in str(block.get("id")):
                acting.setdefault(str(block["id"]), []).append(block)
    assert len(acting) >= 4
    for fact, blocks in acting.items():  # a fact's acting is said by at least one file
        assert any(b.get("acting") is True for b in blocks), f"{fact} says acting in its id only"
    semerikov = acting["tenure/semerikov-csto-acting-secretary-general"]
    assert {b["post"] for b in semerikov} == {"post/csto-secretary-general"}


def test_semerikovs_holding_is_one_tenure() -> None:
    """051 and 132 call Semerikov acting Secretary General (November 2018, November 2019);
    136 calls him Secretary General at the summit of 8 November 2018, in the same weeks. One
    man in one post over one period is one tenure: 136 writes it on the same id with what it
    says (no ``acting``: its text does not say so), and the merged fact is the acting one."""
    ids = {
        number: [
            b["id"]
            for b in _blocks(number)
            if b.get("type") == "Tenure"
            and b.get("holder") == "valery-semerikov"
            and b.get("post") == "post/csto-secretary-general"
        ]
        for number in ("051", "132", "136")
    }
    assert ids == {n: ["tenure/semerikov-csto-acting-secretary-general"] for n in ids}
    (said,) = [b for b in _blocks("136") if b["id"] in ids["136"]]
    assert "acting" not in said
