"""A figure an article gives as approximate stays approximate on the entity page: "about 1960"
beside another article's exact 2,000, and the article's line says how it gives its figures
(docs/modelling.md, "Sizes and staff"). Real files, the real build, the entity view and the
page the server renders."""

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
NAME = "989_0123456789abcdef"
FACT = "deployment/russian-peacekeepers-lachin-corridor"

ARTICLE = article_head(NAME, "Test article 989", "2024-01-10", "russia, lachin-corridor") + (
    f"""\
  - id: {FACT}
    type: PeacekeepingDeployment
    contributor: russia
    area: lachin-corridor
    personnelCount: 1960
    figureQualifier: code:figure-approximate
    summary: The article gives about 1,960 peacekeepers.
"""
)


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> config.Paths:
    paths = corpus_with(tmp_path_factory.mktemp("qualified"), {NAME: ARTICLE})
    build(paths)
    return paths


@pytest.fixture(scope="module")
def store(paths: config.Paths) -> ox.Store:
    return open_store(paths.dist)


def test_the_approximate_figure_is_never_shown_exact(store: ox.Store) -> None:
    view = entity.fact_view(
        lambda q: store.query(q, use_default_graph_as_union=True), f"{ID}{FACT}", "Deployment"
    )
    sides = [
        [(s.says, ",".join(a[-20:-17] for a, _ in s.articles)) for s in d.sides]
        for d in evidence.disagreements(view)
        if d.what == "Sources disagree on the personnelCount"
    ]
    # article 002 of the frozen corpus gives 2,000, as exact
    assert sides == [[("about 1960", "989"), ("2000", "002")]]


def test_the_page_says_about(paths: config.Paths, tmp_path_factory: pytest.TempPathFactory) -> None:
    srv = start_server(
        tmp_path_factory.mktemp("site"),
        [],
        token=None,
        command=("-m", "kg.cli", "serve", "--dist", str(paths.dist)),
    )
    try:
        page = requests.get(f"{srv.base}/doc/id/{FACT}", timeout=30).text
    finally:
        stop_server(srv)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert re.search(r"about 1960 per Test article 989", text), text
    assert not re.search(r"(?<!about )1960 per Test article 989", text), text
    assert "figures given as approximate" in text, text
