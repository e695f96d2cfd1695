"""Competency questions (cq/*.yaml) answered by the built graph, with and without inference."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import config, cq
from kg.build import BuildResult
from kg.query import open_store

QUESTIONS = list(cq.load_all(config.ROOT / "cq"))


def _check(store: ox.Store, question: cq.CompetencyQuestion, expected: list[dict]) -> None:
    got = cq.answer(store, question)
    variables = sorted({*(k for r in got for k in r), *(k for r in expected for k in r)})
    assert cq.rows(got, variables, question.ordered) == cq.rows(
        expected, variables, question.ordered
    ), f"{question.path.name}: {question.question}\n got: {got}"


def test_there_are_at_least_twelve_questions() -> None:
    assert len(QUESTIONS) >= 12
    assert sum(q.expected_asserted_only is not None for q in QUESTIONS) >= 1


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.name)
def test_question_has_expected_answer(store: ox.Store, question: cq.CompetencyQuestion) -> None:
    assert question.expected, "a competency question must expect a non-empty answer"
    _check(store, question, question.expected)


@pytest.fixture(scope="module")
def asserted_store(built: tuple[config.Paths, BuildResult]) -> ox.Store:
    return open_store(built[0].dist, asserted_only=True)


@pytest.mark.parametrize(
    "question",
    [q for q in QUESTIONS if q.expected_asserted_only is not None],
    ids=lambda q: q.name,
)
def test_inference_is_what_answers(
    asserted_store: ox.Store, question: cq.CompetencyQuestion
) -> None:
    assert question.expected_asserted_only is not None
    _check(asserted_store, question, question.expected_asserted_only)
    assert question.expected != question.expected_asserted_only


def test_cq_files_are_self_describing() -> None:
    for question in QUESTIONS:
        assert question.question.strip().endswith("?") or "?" in question.question
        assert Path(question.path).suffix == ".yaml"
