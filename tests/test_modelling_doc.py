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


def test_under_way_start_is_said_one_way() -> None:
    """An exercise known only to be under way on the article's day gets no start, not even a
    year: docs/modelling.md ("Time") and docs/curating.md ("Under way, start not given") said
    it two ways (curating.md let a year from the exercise's name be kept with a dateNote), and
    148, the example both cite, kept `startDate: 2025` on its three exercises."""
    from kg.seeds import read_blocks

    curating = (config.ROOT / "docs" / "curating.md").read_text(encoding="utf-8")
    rule = curating.split("**Under way, start not given.**", 1)[1].split("\n- **", 1)[0]
    said = DOC.read_text(encoding="utf-8")
    assert "no start is written, not even a year" in said
    assert "not even the year" in rule and "if kept" not in rule
    (path,) = sorted((config.ROOT / "seeds" / "articles").glob("148_*.yaml"))
    exercises = [b for b in read_blocks(path)[1] if b.get("type") == "MilitaryExercise"]
    assert len(exercises) == 3
    for block in exercises:
        assert not {"startDate", "latestDate", "date"} & set(block), block["id"]
