"""Where articles give a figure differently, the entity page says which article gives which,
side by side (docs/modelling.md, "Sources that disagree"): 2,000 peacekeepers in article 002 of
the frozen corpus and 1,960 in a test article; a deal's numbers ordered and delivered in two
test articles, the delivered ones with their as-of dates. Real files, the real build, the
entity view and the page the server renders."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import requests
from live_server import start_server, stop_server

from kg import config
from kg.build import build
from kg.query import open_store
from server.lod import entity, evidence
from tests.conftest import article_head, corpus_with

ID = config.ID
EARLY, LATE = "990_0123456789abcdef", "991_0123456789abcdef"


def _article(name: str, published: str, blocks: str) -> str:
    mentions = "armenia, russia, zen-technologies, lachin-corridor"
    return article_head(name, f"Test article {name[:3]}", published, mentions) + blocks


DEAL = """\
  - id: deal/zen-technologies-anti-drone
    type: ArmsDeal
    supplier: zen-technologies
    recipient: armenia
    systemType: code:weapon-anti-drone
    quantityOrdered: {ordered}
    quantityDelivered: {delivered}
    summary: The article gives the anti-drone deal's numbers.
"""
PEACEKEEPERS = """\
  - id: deployment/russian-peacekeepers-lachin-corridor
    type: PeacekeepingDeployment
    contributor: russia
    area: lachin-corridor
    personnelCount: 1960
    summary: The article gives 1,960 peacekeepers.
"""


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> config.Paths:
    early = _article(EARLY, "2024-01-10", PEACEKEEPERS + DEAL.format(ordered=10, delivered=2))
    late = _article(LATE, "2024-06-20", DEAL.format(ordered=12, delivered=10))
    paths = corpus_with(tmp_path_factory.mktemp("figures"), {EARLY: early, LATE: late})
    build(paths)
    return paths


@pytest.fixture(scope="module")
def store(paths: config.Paths) -> ox.Store:
    return open_store(paths.dist)


def _sides(store: ox.Store, fact: str, kind: str) -> list[tuple[str, list[tuple[str, str]]]]:
    view = entity.fact_view(lambda q: store.query(q, use_default_graph_as_union=True), fact, kind)
    return [
        (d.what, [(s.says, ",".join(a[-20:-17] for a, _ in s.articles)) for s in d.sides])
        for d in evidence.disagreements(view)
        if d.what.startswith(("Sources disagree on the", "Sources give the"))
    ]


def test_which_article_gives_which_personnel_count(store: ox.Store) -> None:
    found = _sides(store, f"{ID}deployment/russian-peacekeepers-lachin-corridor", "Deployment")
    assert found == [
        ("Sources disagree on the personnelCount", [("1960", "990"), ("2000", "002")]),
    ]


def test_which_article_gives_which_quantities(store: ox.Store) -> None:
    found = _sides(store, f"{ID}deal/zen-technologies-anti-drone", "ArmsDeal")
    assert found == [
        ("Sources disagree on the quantityOrdered", [("10", "990"), ("12", "991")]),
        (
            "Sources give the quantityDelivered differently, each as of its date",
            [("2 as of 2024-01-10", "990"), ("10 as of 2024-06-20", "991")],
        ),
    ]


def test_the_page_draws_them_side_by_side(
    paths: config.Paths, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The page the server renders: the disagreements block names each value's article."""
    srv = start_server(
        tmp_path_factory.mktemp("site"),
        [],
        token=None,
        command=("-m", "kg.cli", "serve", "--dist", str(paths.dist)),
    )
    try:
        page = requests.get(
            f"{srv.base}/doc/id/deployment/russian-peacekeepers-lachin-corridor", timeout=30
        ).text
    finally:
        stop_server(srv)
    blocks = re.findall(r'<div class="disagree".*?</div></div></div>', page, re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", b) for b in blocks)
    assert re.search(r"1960\s+per\s+Test article 990", text), text
    assert re.search(r"2000\s+per\s+\S", text), text
