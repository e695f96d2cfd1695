"""The query examples in docs/modelling.md run against the built graph and answer."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kg import config

DOC = config.ROOT / "docs" / "modelling.md"
EXAMPLES = re.findall(r"```sparql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_page_has_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("query", EXAMPLES, ids=[f"example-{i}" for i in range(len(EXAMPLES))])
def test_example_answers(store: ox.Store, query: str) -> None:
    rows = list(store.query(query))
    assert rows, query
