"""A statement's stance is each article's framing of it, on that article's attestation
(docs/modelling.md, "Reported facts, statements, claims and assessments"): one statement that
one article reports as an accusation and another as conciliatory keeps both, and the partner
picture reads the stance from the attestations. Real seed files through the real build, on the
frozen fixture corpus (002 reports the Armenian government's accusation of Azerbaijan)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.build import ValidationFailed, build
from server.lod.relations import STRAINED, relations
from tests.conftest import article_head, built_with, corpus_with

SK = "https://seckg.example.org/ontology#"
ID = "https://seckg.example.org/id/"
CODE = "https://seckg.example.org/code/"
STATEMENT = f"{ID}statement/armenia-azerbaijan-blockade-2023"
NAME = "996_0123456789abcdef"


def _article(stances: str) -> str:
    head = article_head(
        NAME, "A test article framing the Armenian government's words as conciliatory",
        "2023-10", "armenian-government, azerbaijan",
    )  # fmt: skip
    return f"""{head}\
  - id: statement/armenia-azerbaijan-blockade-2023
    type: Statement
    speaker: armenian-government
    about: azerbaijan
    latestDate: 2023-09
    stance: {stances}
    summary: The article presents the government's words as an appeal for talks.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    text = _article("code:stance-conciliatory")
    return built_with(tmp_path_factory.mktemp("stance"), {NAME: text})


def test_each_article_keeps_its_own_stance_of_one_statement(store: ox.Store) -> None:
    rows = {
        (r["article"].value.rsplit("/", 1)[-1], r["stance"].value.rsplit("/", 1)[-1])
        for r in store.query(
            f"PREFIX sk: <{SK}> PREFIX prov: <http://www.w3.org/ns/prov#> "
            f"SELECT ?article ?stance WHERE {{ ?a sk:attests <{STATEMENT}> ; sk:stance ?stance ;"
            " prov:wasDerivedFrom ?article }",
            use_default_graph_as_union=True,
        )
    }
    assert rows == {
        ("002_b6a23184027507e9", "stance-critical"),
        (NAME, "stance-conciliatory"),
    }
    on_fact = store.query(
        f"PREFIX sk: <{SK}> ASK {{ <{STATEMENT}> sk:stance ?s }}", use_default_graph_as_union=True
    )
    assert not bool(on_fact)


def test_the_partner_picture_reads_the_stance_on_the_attestations(store: ox.Store) -> None:
    def query(text: str) -> list[ox.QuerySolution]:
        return list(store.query(text, use_default_graph_as_union=True))

    ties = [r for r in relations(query, f"{ID}armenia") if r.kind == "statement"]
    azerbaijan = [r for r in ties if r.other == f"{ID}azerbaijan"]
    assert azerbaijan and azerbaijan[0].tone == STRAINED, ties


def test_one_article_gives_one_stance(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = _article("[code:stance-conciliatory, code:stance-critical]")
    paths = corpus_with(tmp_path_factory.mktemp("two-stances"), {NAME: text})
    with pytest.raises(ValidationFailed) as failed:
        build(paths)
    messages = [str(v) for v in failed.value.violations]
    assert any("an article gives one stance of a statement" in m for m in messages), messages
    assert any(f"{NAME}.yaml" in m for m in messages), messages
