"""Shared fixtures: real builds, once per test session, of the frozen fixture corpus (for tests
that pin exact answers) and of the project's live seeds (for checks every article must pass).

The corpus grows while the tests must not need editing for it: ``tests/fixtures/corpus`` is a
frozen copy of the first five articles and their reference entities, built with the project's
own context, ontology and shapes. Tests that pin counts, rows or pages use ``built``/``store``
(that corpus); tests of properties every article must have use ``live_built``.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg import config
from kg.build import BuildResult, build, check, load
from kg.errors import SeedError
from kg.query import open_store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def corpus_seeds(target: Path) -> config.Paths:
    """The frozen fixture corpus as a seeds directory under ``target`` (with the live context:
    the vocabulary is the project's, the articles are frozen)."""
    seeds = target / "seeds"
    shutil.copytree(CORPUS / "articles", seeds / "articles")
    shutil.copy(CORPUS / "reference.yaml", seeds / "reference.yaml")
    shutil.copy(ROOT / "seeds" / "context.jsonld", seeds / "context.jsonld")
    return config.Paths(seeds=seeds, dist=target / "dist")


def corpus_with(target: Path, articles: dict[str, str]) -> config.Paths:
    """The frozen fixture corpus under ``target`` with a test's own article files (file stem
    ``NNN_<16 hex>`` -> YAML text) beside its five."""
    paths = corpus_seeds(target)
    for name, text in articles.items():
        (paths.articles / f"{name}.yaml").write_text(text, encoding="utf-8")
    return paths


def built_with(target: Path, articles: dict[str, str]) -> ox.Store:
    """``corpus_with`` through the whole build (which stops on any SHACL violation), opened as
    the server opens it."""
    paths = corpus_with(target, articles)
    build(paths)
    return open_store(paths.dist)


def refusals(paths: config.Paths) -> list[str]:
    """What the build's checks say against ``paths`` before it would build: each SHACL
    violation, or the error that stopped the reading (as good, if it names the file)."""
    try:
        return [str(v) for v in check(load(paths))]
    except SeedError as exc:
        return [str(exc)]


def served_query(store: ox.Store) -> Callable[[str], Any]:
    """Queries on ``store`` as the endpoint runs them: on its merged default graph (what
    ``open_store`` gives). Not Oxigraph's union-graph mode, which repeats a fact once per
    article graph that cites it: one as-of day of a state's memberships took 17 s there (and
    the two days of test_sources_disagree_on_end 241 s) against 0.01 s on the merge."""
    return lambda text: store.query(text)


def article_head(name: str, headline: str, published: str, mentions: str) -> str:
    """The ``article:`` block of a test's article file ``name``, up to its ``facts:`` key."""
    return f"""\
article:
  id: article/{name}
  type: NewsArticle
  headline: {headline}
  datePublished: {published}
  seedFile: {name}.txt
  mentions: [{mentions}]
facts:
"""


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[config.Paths, BuildResult]:
    """The frozen fixture corpus built into a temporary dist/ (the real pipeline, real files)."""
    paths = corpus_seeds(tmp_path_factory.mktemp("build"))
    return paths, build(paths)


@pytest.fixture(scope="session")
def live_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[config.Paths, BuildResult]:
    """The project's live seeds (every curated article) built into a temporary dist/."""
    paths = config.Paths(dist=tmp_path_factory.mktemp("live") / "dist")
    return paths, build(paths)


@pytest.fixture(scope="session")
def frozen_seeds(tmp_path_factory: pytest.TempPathFactory) -> config.Paths:
    """The frozen fixture corpus's seeds, for tests that only read them: ``kg validate FILE
    --seeds`` checks a file against them in a second (against the live seeds: ~10 s of a
    loaded machine, most of it reading and checking every other article)."""
    return corpus_seeds(tmp_path_factory.mktemp("frozen"))


@pytest.fixture(scope="session")
def live_validated() -> subprocess.CompletedProcess[str]:
    """``kg validate`` of the project's live seeds, as a user runs it, once for the session
    (about 10 s of a loaded machine; the CLI test and the corpus-metadata test both read it)."""
    from tests.kg_cli import run_kg

    return run_kg("validate")


@pytest.fixture(scope="session")
def store(built: tuple[config.Paths, BuildResult]) -> ox.Store:
    return open_store(built[0].dist)


@pytest.fixture
def seed_copy(tmp_path: Path) -> config.Paths:
    """A writable copy of the fixture corpus's seeds, for tests that break them."""
    return corpus_seeds(tmp_path)
