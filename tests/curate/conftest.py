"""The drafter's tests draft against a frozen graph, with one gazetteer for the whole session.

``tests/fixtures/draft/graph`` holds the names the drafter reads (reference entities and the
labelled facts of the article files, frozen from the live seeds at one commit), so that a
curator adding entities to ``seeds/`` never changes a drafter test's result. Loaded once, the
gazetteer's spaCy pipeline and name matcher are built once too (``kg.draft.names.
pipeline_for``): measured, each test that drafted against the live graph spent 3 s building
them (13 s before the matcher stopped refolding every name per surname), a draft against a
built one takes 0.03 s.
"""

from __future__ import annotations

import itertools
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from spacy.language import Language

from kg import config
from kg.draft.names import Gazetteer, load_gazetteer, make_nlp
from kg.draft.pipeline import Draft, draft_article
from tests.conftest import ROOT

DRAFT_GRAPH = ROOT / "tests" / "fixtures" / "draft" / "graph"


@dataclass
class Drafter:
    """``kg draft``'s pipeline over the frozen graph: a text or a file in, a ``Draft`` out."""

    paths: config.Paths
    gazetteer: Gazetteer
    workdir: Path
    _numbers: itertools.count = field(default_factory=itertools.count)

    def article(self, path: Path, published: str | None = None, url: str | None = None) -> Draft:
        """Draft the article at ``path``."""
        return draft_article(
            path, self.paths, published=published, gazetteer=self.gazetteer, url=url
        )

    def text(
        self, text: str, published: str | None = "2024-06-19", url: str | None = None
    ) -> Draft:
        """Draft ``text``, written to a file of its own (published on 2024-06-19 unless
        ``published`` says otherwise; ``None``: the text's own date or none)."""
        path = self.workdir / f"{next(self._numbers):04d}" / "article.txt"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        return self.article(path, published, url)

    def body(self, body: str) -> Draft:
        """Draft ``body`` under a headline that names nothing (the tests of one sentence)."""
        return self.text("A day in the capital\n\n" + body + "\n")


def draft_graph(target: Path) -> config.Paths:
    """The frozen graph as a seeds directory under ``target`` (with the live vocabulary)."""
    seeds = target / "seeds"
    shutil.copytree(DRAFT_GRAPH, seeds)
    shutil.copy(ROOT / "seeds" / "context.jsonld", seeds / "context.jsonld")
    return config.Paths(seeds=seeds, dist=target / "dist")


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The drafter's spaCy pipeline, for tests of sentences and of a matcher of their own."""
    return make_nlp()


@pytest.fixture(scope="session")
def drafter(tmp_path_factory: pytest.TempPathFactory) -> Drafter:
    paths = draft_graph(tmp_path_factory.mktemp("draft-graph"))
    return Drafter(paths, load_gazetteer(paths), tmp_path_factory.mktemp("drafted"))
