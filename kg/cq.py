"""Competency questions: files that pair a question in words with SPARQL and the rows its answer
must hold.

Why rows that must be present (and rows that must not) rather than the exact answer: the
corpus grows. A new article adds rows to most answers, dates an event more precisely, or gives
a later status; an exact answer would then need editing for every article added. So a CQ file
(``cq/*.yaml``) says what the live corpus must keep answering:

- ``question``, ``query``;
- ``present``: rows that must be in the answer, each naming only the variables that must
  match (``''`` = unbound); other variables, and other rows, are free;
- ``absent`` (optional): rows that must never be in the answer (wrong answers guarded
  against), matched the same way;
- ``without_inference`` (optional): ``present``/``absent`` for the answer without the
  inferred graph (for questions only OWL RL answers, its ``absent`` holds what inference adds).

Exact answers are pinned where the corpus cannot grow: on the frozen copy of the first five
articles in ``tests/fixtures/corpus`` (``tests/fixtures/corpus/answers/<name>.yaml``), checked
by ``tests/test_cq.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

from kg.errors import KgError
from kg.query import select, term_text

Row = tuple[str, ...]
Record = dict[str, str]
_KEYS = {"question", "query", "present", "absent", "without_inference"}


@dataclass(frozen=True)
class Expectation:
    """Rows an answer must hold and rows it must not."""

    present: list[Record] = field(default_factory=list)
    absent: list[Record] = field(default_factory=list)


@dataclass(frozen=True)
class CompetencyQuestion:
    path: Path
    question: str
    query: str
    expect: Expectation
    without_inference: Expectation | None

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class Verdict:
    """How an answer meets an expectation: the expected rows it lacks, the forbidden rows it has."""

    got: list[Record]
    missing: list[Record]
    forbidden: list[Record]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.forbidden


def _records(value: Any, where: str) -> list[Record]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(r, dict) and r for r in value):
        raise KgError(f"{where} must be a list of rows ({{variable: value}} mappings)")
    return [{str(k): "" if v is None else str(v) for k, v in r.items()} for r in value]


def _expectation(data: dict[str, Any], where: str) -> Expectation:
    return Expectation(
        _records(data.get("present"), f"{where}: 'present'"),
        _records(data.get("absent"), f"{where}: 'absent'"),
    )


def load(path: Path) -> CompetencyQuestion:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KgError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise KgError(f"{path}: expected a mapping with question, query and present")
    missing = {"question", "query", "present"} - set(data)
    if missing:
        raise KgError(f"{path}: missing key(s) {', '.join(sorted(missing))}")
    unknown = set(data) - _KEYS
    if unknown:
        raise KgError(
            f"{path}: unknown key(s) {', '.join(sorted(unknown))} (allowed: "
            f"{', '.join(sorted(_KEYS))}; exact answers live in tests/fixtures/corpus/answers)"
        )
    expect = _expectation(data, str(path))
    if not expect.present:
        raise KgError(f"{path}: 'present' must list at least one row the answer must hold")
    plain = data.get("without_inference")
    return CompetencyQuestion(
        path,
        data["question"],
        data["query"],
        expect,
        _expectation(plain, f"{path}: without_inference") if plain is not None else None,
    )


def load_all(directory: Path) -> Iterator[CompetencyQuestion]:
    for path in sorted(directory.glob("*.yaml")):
        yield load(path)


def answer(store: ox.Store, query: CompetencyQuestion | str) -> list[Record]:
    """The query's rows as {variable: short text} mappings (``''`` for unbound)."""
    table = select(store, query.query if isinstance(query, CompetencyQuestion) else query)
    return [
        {name: term_text(term) for name, term in zip(table.variables, row, strict=True)}
        for row in table.rows
    ]


def matches(row: Record, pattern: Record) -> bool:
    """Whether an answer row has every value the pattern names."""
    return all(row.get(k, "") == v for k, v in pattern.items())


def judge(got: list[Record], expect: Expectation) -> Verdict:
    return Verdict(
        got,
        [p for p in expect.present if not any(matches(r, p) for r in got)],
        [p for p in expect.absent if any(matches(r, p) for r in got)],
    )


def rows(records: list[dict[str, Any]], variables: list[str], ordered: bool) -> list[Row]:
    """Comparable rows: every cell as text ("" when unbound), sorted unless order matters."""
    out = [tuple("" if r.get(v) is None else str(r.get(v)) for v in variables) for r in records]
    return out if ordered else sorted(out)


def show(row: Record) -> str:
    """One row as ``var=value`` pairs (``var=(unbound)`` for ``''``)."""
    return "  ".join(f"{k}={v if v != '' else '(unbound)'}" for k, v in sorted(row.items()))


def report(verdict: Verdict, expect: Expectation) -> Iterator[str]:
    """Expected against got, for a question whose answer differs."""
    yield "  expected to be present:"
    for row in expect.present:
        yield f"    [{'MISSING' if row in verdict.missing else 'ok'}] {show(row)}"
    if expect.absent:
        yield "  expected to be absent:"
        for row in expect.absent:
            yield f"    [{'FOUND' if row in verdict.forbidden else 'ok'}] {show(row)}"
    yield f"  got ({len(verdict.got)} row{'s' if len(verdict.got) != 1 else ''}):"
    for row in verdict.got:
        yield f"    {show(row)}"
