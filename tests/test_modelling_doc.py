"""The query examples in docs/modelling.md run against the built graph and answer.

The live seeds, not the frozen five-article fixture corpus: the page's examples (two articles
giving one deployment different figures) are about the corpus as curated."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kg import config
from kg.build import BuildResult
from kg.query import open_store

DOC = config.ROOT / "docs" / "modelling.md"
EXAMPLES = re.findall(r"```sparql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_page_has_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.fixture(scope="module")
def live_store(live_built: tuple[config.Paths, BuildResult]) -> ox.Store:
    return open_store(live_built[0].dist)


@pytest.mark.parametrize("query", EXAMPLES, ids=[f"example-{i}" for i in range(len(EXAMPLES))])
def test_example_answers(live_store: ox.Store, query: str) -> None:
    rows = list(live_store.query(query))
    assert rows, query
