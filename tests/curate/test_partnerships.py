"""One partnership is one fact: the partners and the kind make two reports the same, and each
article's trend stays its own (docs/modelling.md, "Partnerships"). Real seed files through the
real build, on the frozen fixture corpus (articles 000-004 report the Armenia-Russia alliance)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.build import ValidationFailed, build
from server.lod import entity
from tests.conftest import article_head, built_with, corpus_with

SK = "https://seckg.example.org/ontology#"
CODE = "https://seckg.example.org/code/"
ALLIANCE = "https://seckg.example.org/id/partnership/armenia-russia-strategic-alliance"
NAME = "995_0123456789abcdef"


def _article(fact_id: str) -> str:
    head = article_head(NAME, "A test article about the Armenia-Russia alliance", "2025-03",
                        "armenia, russia")  # fmt: skip
    return f"""{head}\
  - id: {fact_id}
    type: Partnership
    label: Armenia–Russia strategic alliance
    partner: [russia, armenia]
    partnershipType: code:partnership-strategic-alliance
    trend: code:trend-strengthening
    summary: The article says the alliance is getting closer again.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    text = _article("partnership/armenia-russia-strategic-alliance")
    return built_with(tmp_path_factory.mktemp("partnerships"), {NAME: text})


def test_every_article_attests_one_alliance_with_its_own_trend(built: ox.Store) -> None:
    same = {
        r["p"].value
        for r in built.query(
            f"PREFIX sk: <{SK}> SELECT DISTINCT ?p WHERE {{ ?p a sk:Partnership ; "
            "sk:partner <https://seckg.example.org/id/armenia> , "
            "<https://seckg.example.org/id/russia> ; "
            f"sk:partnershipType <{CODE}partnership-strategic-alliance> }}"
        )
    }
    assert same == {ALLIANCE}
    trends = sorted(
        (r["a"].value.rsplit("/", 1)[-1][:3], r["t"].value.removeprefix(CODE), r["d"].value)
        for r in built.query(
            f"PREFIX sk: <{SK}> PREFIX prov: <http://www.w3.org/ns/prov#> "
            f"SELECT ?a ?t ?d WHERE {{ ?x sk:attests <{ALLIANCE}> ; prov:wasDerivedFrom ?a ; "
            "sk:trend ?t ; sk:asOf ?d }"
        )
    )
    assert trends == [
        ("000", "trend-weakening", "2023-11"),
        ("001", "trend-weakening", "2024"),
        ("002", "trend-weakening", "2023-09"),
        ("003", "trend-weakening", "2023-10-25"),
        ("004", "trend-stable", "2019"),
        ("995", "trend-strengthening", "2025-03"),
    ]
    on_fact = f"PREFIX sk: <{SK}> ASK {{ <{ALLIANCE}> sk:trend ?t }}"
    assert not bool(built.query(on_fact)), "the partnership itself carries no trend"


def test_the_entity_page_lists_each_articles_trend(built: ox.Store) -> None:
    view = entity.fact_view(
        lambda q: built.query(q, use_default_graph_as_union=True), ALLIANCE, "partnership"
    )
    trends = sorted((a.article[-20:-17], a.trend[1] if a.trend else "") for a in view.attestations)
    assert trends == [
        ("000", "weakening"),
        ("001", "weakening"),
        ("002", "weakening"),
        ("003", "weakening"),
        ("004", "stable"),
        ("995", "strengthening"),
    ]


def test_a_second_id_for_the_same_partners_and_kind_is_refused(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    text = _article("partnership/armenia-russia-2025-03")
    paths = corpus_with(tmp_path_factory.mktemp("second-id"), {NAME: text})
    with pytest.raises(ValidationFailed) as caught:
        build(paths)
    messages = [str(v) for v in caught.value.violations]
    # at the new file's line, naming the id to use
    assert any(
        NAME in m and "the same partnership as" in m and "armenia-russia-strategic-alliance" in m
        for m in messages
    ), messages
