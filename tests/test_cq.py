"""Competency questions (cq/*.yaml): the live corpus keeps every row a question says must be
present (and none it says must not), with and without inference; on the frozen fixture corpus
the answers are pinned exactly (tests/fixtures/corpus/answers)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from kg import config, cq
from kg.build import BuildResult
from kg.errors import KgError
from kg.query import open_store
from tests.conftest import CORPUS

QUESTIONS = list(cq.load_all(config.ROOT / "cq"))
ANSWERS = sorted((CORPUS / "answers").glob("*.yaml"))


@pytest.fixture(scope="module")
def live(live_built: tuple[config.Paths, BuildResult]) -> ox.Store:
    return open_store(live_built[0].dist)


@pytest.fixture(scope="module")
def live_asserted(live_built: tuple[config.Paths, BuildResult]) -> ox.Store:
    return open_store(live_built[0].dist, asserted_only=True)


def _explain(question: cq.CompetencyQuestion, verdict: cq.Verdict, expect: cq.Expectation) -> str:
    return "\n".join([f"{question.path.name}: {question.question}", *cq.report(verdict, expect)])


def test_there_are_at_least_twelve_questions() -> None:
    assert len(QUESTIONS) >= 12
    assert sum(q.without_inference is not None for q in QUESTIONS) >= 1


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.name)
def test_live_corpus_answers(live: ox.Store, question: cq.CompetencyQuestion) -> None:
    verdict = cq.judge(cq.answer(live, question), question.expect)
    assert verdict.ok, _explain(question, verdict, question.expect)


@pytest.mark.parametrize(
    "question", [q for q in QUESTIONS if q.without_inference is not None], ids=lambda q: q.name
)
def test_inference_is_what_answers(
    live_asserted: ox.Store, question: cq.CompetencyQuestion
) -> None:
    expect = question.without_inference
    assert expect is not None and expect.absent, "say which rows only inference gives"
    verdict = cq.judge(cq.answer(live_asserted, question), expect)
    assert verdict.ok, _explain(question, verdict, expect)


@pytest.fixture(scope="module")
def fixture_asserted(built: tuple[config.Paths, BuildResult]) -> ox.Store:
    return open_store(built[0].dist, asserted_only=True)


@pytest.mark.parametrize("path", ANSWERS, ids=lambda p: p.stem)
def test_exact_answer_on_the_fixture_corpus(
    store: ox.Store, fixture_asserted: ox.Store, path: Path
) -> None:
    pinned = yaml.safe_load(path.read_text(encoding="utf-8"))
    question = cq.load(config.ROOT / "cq" / path.name)
    ordered = bool(pinned.get("ordered"))
    for graph, key in ((store, "expected"), (fixture_asserted, "expected_asserted_only")):
        if key not in pinned:
            continue
        got = cq.answer(graph, question)
        expected = pinned[key] or []
        variables = sorted({*(k for r in got for k in r), *(k for r in expected for k in r)})
        assert cq.rows(got, variables, ordered) == cq.rows(expected, variables, ordered), (
            f"{path.name} ({key}): got {got}"
        )
    # the live checks must hold on the fixture corpus too: they are its answer, loosened
    assert cq.judge(cq.answer(store, question), question.expect).ok


def test_questions_are_self_describing() -> None:
    for question in QUESTIONS:
        assert "?" in question.question
        assert question.expect.present


def test_old_exact_answers_are_refused_in_cq(tmp_path: Path) -> None:
    """An exact answer pinned in cq/ would break as the corpus grows: the key is refused."""
    path = tmp_path / "99-x.yaml"
    path.write_text("question: x?\nquery: SELECT * {}\npresent: [{a: b}]\nexpected: []\n")
    with pytest.raises(KgError, match="unknown key.*expected.*tests/fixtures/corpus/answers"):
        cq.load(path)


def test_present_and_absent_rows_match_by_the_variables_they_name() -> None:
    got = [{"deal": "deal/x", "supplier": "france", "date": "2024"}]
    expect = cq.Expectation(
        present=[{"deal": "deal/x", "supplier": "france"}, {"deal": "deal/y"}],
        absent=[{"supplier": "france", "date": ""}, {"supplier": "france", "date": "2024"}],
    )
    verdict = cq.judge(got, expect)
    assert verdict.missing == [{"deal": "deal/y"}]
    assert verdict.forbidden == [{"supplier": "france", "date": "2024"}]
