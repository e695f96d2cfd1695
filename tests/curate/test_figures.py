"""Staff of an organization or mission, and figures an article does not give as exact.

"The EU mission has about a hundred staff" is an ``OrganizationSize`` with ``personnelCount``
(not only ``memberCount``), and "about"/"up to"/"more than" is the article's
``figureQualifier``, on its attestation: the figure stays on the fact (one per article graph),
and the graph never reads "about a hundred" as exactly 100. Built from real seed files through
the real pipeline; each refusal is checked against the build's own checks.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import config
from kg.build import build
from kg.query import open_store
from tests.conftest import article_head, corpus_with, refusals

NAME = "994_0123456789abcdef"
OTHER = "993_0123456789abcdef"
SK = "https://seckg.example.org/ontology#"
CODE = "https://seckg.example.org/code/"
ID = "https://seckg.example.org/id/"

REFERENCE = """\
  - {id: test-mission, type: Organization, label: A test monitoring mission}
"""

SIZE = """\
  - id: size/test-mission-staff
    type: OrganizationSize
    ofOrganization: test-mission
    personnelCount: 100
    figureQualifier: code:figure-approximate
    locator: s3
    summary: About a hundred people work for the mission.
"""

MONITORS = """\
  - id: deployment/test-mission-monitors
    type: Deployment
    contributor: test-mission
    area: armenia
    personnelCount: 40
    figureQualifier: code:figure-at-most
    mode: code:mode-plan
    locator: s4
    summary: Up to 40 monitors are to be sent.
"""


def _article(name: str, facts: str) -> str:
    head = article_head(name, "A test article on a mission's staff", "2023-11-20", "test-mission")
    return head + facts


def _paths(target: Path, articles: dict[str, str]) -> config.Paths:
    paths = corpus_with(target, articles)
    reference = paths.seeds / "reference.yaml"
    reference.write_text(reference.read_text(encoding="utf-8") + REFERENCE, encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    paths = _paths(tmp_path_factory.mktemp("figures"), {NAME: _article(NAME, SIZE + MONITORS)})
    build(paths)
    return open_store(paths.dist)


def _rows(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    return sorted(
        tuple(term.value if term is not None else "" for term in row)
        for row in store.query(f"PREFIX sk: <{SK}>\n" + query)
    )


def test_staff_and_its_qualifier_are_the_articles(store: ox.Store) -> None:
    rows = _rows(
        store,
        "SELECT ?fact ?count ?qualifier WHERE { ?fact sk:personnelCount ?count . "
        "?a sk:attests ?fact ; sk:figureQualifier ?qualifier }",
    )
    assert rows == [
        (f"{ID}deployment/test-mission-monitors", "40", f"{CODE}figure-at-most"),
        (f"{ID}size/test-mission-staff", "100", f"{CODE}figure-approximate"),
    ]
    # the qualifier is the article's statement, never the fact's
    assert _rows(store, "SELECT ?f WHERE { ?f a sk:Fact ; sk:figureQualifier ?q }") == []
    # an organization size of staff only: no member count is made up
    assert (
        _rows(store, f"SELECT ?n WHERE {{ <{ID}size/test-mission-staff> sk:memberCount ?n }}") == []
    )


def _refused(tmp_path: Path, articles: dict[str, str]) -> list[str]:
    return refusals(_paths(tmp_path, articles))


def test_an_unknown_qualifier_is_refused(tmp_path: Path) -> None:
    bad = SIZE.replace("code:figure-approximate", "code:figure-roughly")
    found = _refused(tmp_path, {NAME: _article(NAME, bad)})
    assert any("code:FigureQualifier list" in line for line in found), found


def test_a_qualifier_needs_the_articles_own_figure(tmp_path: Path) -> None:
    """Another article's exact figure is not this article's approximate one: a qualifier in a
    file that gives no figure of the fact is refused, even when the fact has one elsewhere."""
    qualifier_only = MONITORS.replace("    personnelCount: 40\n", "")
    exact = MONITORS.replace("    figureQualifier: code:figure-at-most\n", "")
    found = _refused(
        tmp_path, {NAME: _article(NAME, qualifier_only), OTHER: _article(OTHER, exact)}
    )
    assert any("this article gives none" in line for line in found), found


def test_a_size_needs_members_or_staff(tmp_path: Path) -> None:
    empty = SIZE.replace("    personnelCount: 100\n", "").replace(
        "    figureQualifier: code:figure-approximate\n", ""
    )
    found = _refused(tmp_path, {NAME: _article(NAME, empty)})
    assert any("its members (memberCount) or its staff (personnelCount)" in f for f in found), found
