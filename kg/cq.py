"""Competency questions: files that pair a question in words with SPARQL and its answer.

A CQ file (``cq/*.yaml``) has ``question``, ``query``, ``expected`` (rows as mappings from
variable to the short text form that ``kg query`` prints) and, for questions that need OWL
RL, ``expected_asserted_only`` (the answer without the inferred graph). Rows compare as a
multiset unless ``ordered: true``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

from kg.errors import KgError
from kg.query import select, term_text

Row = tuple[str, ...]


@dataclass(frozen=True)
class CompetencyQuestion:
    path: Path
    question: str
    query: str
    expected: list[dict[str, Any]]
    expected_asserted_only: list[dict[str, Any]] | None
    ordered: bool

    @property
    def name(self) -> str:
        return self.path.stem


def load(path: Path) -> CompetencyQuestion:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KgError(f"{path}: invalid YAML: {exc}") from None
    missing = {"question", "query", "expected"} - set(data or {})
    if missing:
        raise KgError(f"{path}: missing key(s) {', '.join(sorted(missing))}")
    return CompetencyQuestion(
        path,
        data["question"],
        data["query"],
        data["expected"],
        data.get("expected_asserted_only"),
        bool(data.get("ordered", False)),
    )


def load_all(directory: Path) -> Iterator[CompetencyQuestion]:
    for path in sorted(directory.glob("*.yaml")):
        yield load(path)


def answer(store: ox.Store, cq: CompetencyQuestion) -> list[dict[str, str]]:
    """The query's rows as {variable: short text} mappings."""
    table = select(store, cq.query)
    return [
        {name: term_text(term) for name, term in zip(table.variables, row, strict=True)}
        for row in table.rows
    ]


def rows(records: list[dict[str, Any]], variables: list[str], ordered: bool) -> list[Row]:
    """Comparable rows: every cell as text ("" when unbound), sorted unless order matters."""
    out = [tuple("" if r.get(v) is None else str(r.get(v)) for v in variables) for r in records]
    return out if ordered else sorted(out)
