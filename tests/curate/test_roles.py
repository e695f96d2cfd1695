"""Roles the wave of articles 129-152 needed: a party leader (not a chair: a party may have
both) and a consul (not only a consul general, who is a narrower consul), built from a real
seed file through the real pipeline; and a role outside ``code:Role`` refused at its line."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import config
from kg.build import build
from kg.query import open_store
from tests.conftest import article_head, corpus_with, refusals

NAME = "995_0123456789abcdef"
CODE = "https://seckg.example.org/code/"
ID = "https://seckg.example.org/id/"

REFERENCE = """\
  - {id: test-party, type: Organization, label: A test party}
  - {id: test-party-leader-person, type: Person, label: Test Leader}
  - {id: test-consul-person, type: Person, label: Test Consul}
  - {id: post/test-party-leader, type: Post, label: Leader of a test party,
     role: ROLE, postIn: test-party}
  - {id: post/armenia-consul-syria-test, type: Post, label: Armenia's consul to Syria (test),
     role: code:role-consul, postIn: armenia}
"""

ARTICLE = article_head(
    NAME,
    "A test article naming a party leader and a consul",
    "2025-08-31",
    "test-party, test-party-leader-person, test-consul-person, armenia",
) + (
    """\
  - id: tenure/test-party-leader
    type: Tenure
    holder: test-party-leader-person
    post: post/test-party-leader
    summary: Named as the party's leader.
  - id: tenure/test-consul-syria
    type: Tenure
    holder: test-consul-person
    post: post/armenia-consul-syria-test
    summary: Named as Armenia's consul to Syria.
"""
)


def _paths(target: Path, role: str) -> config.Paths:
    paths = corpus_with(target, {NAME: ARTICLE})
    reference = paths.seeds / "reference.yaml"
    reference.write_text(
        reference.read_text(encoding="utf-8") + REFERENCE.replace("ROLE", role),
        encoding="utf-8",
    )
    return paths


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    paths = _paths(tmp_path_factory.mktemp("roles"), "code:role-party-leader")
    build(paths)
    return open_store(paths.dist)


def _rows(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    prologue = (
        "PREFIX sk: <https://seckg.example.org/ontology#> "
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    )
    return sorted(tuple(term.value for term in row) for row in store.query(prologue + query))


def test_a_party_leader_builds_and_is_not_a_chair(store: ox.Store) -> None:
    rows = _rows(
        store,
        "SELECT ?holder ?role ?label WHERE { ?t sk:holder ?holder ; sk:post ?post . "
        "?post sk:role ?role . ?role skos:prefLabel ?label . "
        f"FILTER (?role = <{CODE}role-party-leader>) }}",
    )
    assert rows == [(f"{ID}test-party-leader-person", f"{CODE}role-party-leader", "party leader")]
    # a party leader is not filed under chair, at any depth
    chair = f"ASK {{ <{CODE}role-party-leader> skos:broader* <{CODE}role-chair> }}"
    assert not bool(store.query("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" + chair))


def test_consuls_include_consuls_general(store: ox.Store) -> None:
    """The consul to Syria is a consul; a consul general is a narrower consul, so a question
    about consuls finds both kinds of post in the scheme."""
    rows = _rows(
        store,
        "SELECT ?holder WHERE { ?t sk:holder ?holder ; sk:post/sk:role ?role . "
        f"?role skos:broader* <{CODE}role-consul> }}",
    )
    assert rows == [(f"{ID}test-consul-person",)]
    narrower = _rows(store, f"SELECT ?r WHERE {{ ?r skos:broader <{CODE}role-consul> }}")
    assert narrower == [(f"{CODE}role-consul-general",)]


def test_an_unknown_role_is_refused(tmp_path: Path) -> None:
    found = refusals(_paths(tmp_path, "code:role-party-chief"))
    assert any(
        "exactly one role from the code:Role list" in line and "reference.yaml" in line
        for line in found
    ), found
