"""The CLI findings of issue 10, each tried as a user would, on a real build."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pyoxigraph as ox
import pytest

from kg import config
from kg.build import BuildResult
from tests.curate.test_seed_errors import kg

ENV = {**os.environ, "PYTHONPATH": str(config.ROOT)}
SELECT = "SELECT ?s WHERE { ?s a sk:MilitaryExercise }"
CONSTRUCT = "CONSTRUCT { ?s a sk:MilitaryExercise } WHERE { ?s a sk:MilitaryExercise }"


@pytest.fixture(scope="module")
def dist(built: tuple[config.Paths, BuildResult]) -> str:
    return str(built[0].dist)


@pytest.mark.parametrize("part", ["asserted", "inferred", "ontology", "dataset"])
@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld", "turtle", "ntriples", "rdfxml"])
def test_export_every_part_in_every_format(dist: str, part: str, fmt: str) -> None:
    result = kg("export", "--dist", dist, "--format", fmt, "--graph", part)
    if part == "dataset" and fmt in ("turtle", "ntriples", "rdfxml"):
        assert result.returncode == 2 and "cannot hold named graphs" in result.stderr
        return
    assert result.returncode == 0, result.stderr
    rdf = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}.get(fmt)
    if rdf is not None:  # the part's own graphs, by name
        quads = list(ox.parse(result.stdout.encode(), format=rdf))
        graphs = {q.graph_name.value for q in quads}
        assert quads and all(g.startswith(str(config.GRAPH)) for g in graphs)
        if part == "inferred":
            assert graphs == {str(config.INFERRED_GRAPH)}
        if part == "asserted":
            assert str(config.INFERRED_GRAPH) not in graphs
            assert str(config.REFERENCE_GRAPH) in graphs


@pytest.mark.parametrize(
    "command",
    [
        "stats --json",  # small: may finish before `head` closes the pipe (then rc 0)
        "export --format ntriples --graph asserted",  # larger than a pipe buffer: EPIPE
        "query 'SELECT * WHERE { ?s ?p ?o }'",
    ],
)
def test_broken_pipe_is_quiet(dist: str, command: str) -> None:
    shell = f"{sys.executable} -m kg.cli {command} --dist {dist} | head -c 100"
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {shell}"],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert len(done.stdout) == 100
    assert done.stderr == "", done.stderr
    assert done.returncode in ((0, 141) if "stats" in command else (141,))


@pytest.mark.parametrize(
    ("query", "fmt", "message"),
    [
        (SELECT, "turtle", "--format turtle is for graphs (CONSTRUCT/DESCRIBE), but this is a "
         "SELECT query"),
        (SELECT, "ntriples", "but this is a SELECT query"),
        ("ASK { ?s ?p ?o }", "turtle", "but this is a ASK query"),
        (CONSTRUCT, "json", "--format json is for SELECT/ASK results, but this query returns "
         "a graph"),
        (CONSTRUCT, "table", "use --format turtle or ntriples"),
    ],
)  # fmt: skip
def test_format_of_the_wrong_kind_is_an_error(
    dist: str, query: str, fmt: str, message: str
) -> None:
    result = kg("query", "--dist", dist, "--format", fmt, query)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("query", "fmt"),
    [
        (SELECT, "json"),
        (SELECT, "xml"),
        (SELECT, "tsv"),
        (SELECT, "csv"),
        (SELECT, None),
        ("ASK { ?s ?p ?o }", "json"),
        ("ASK { ?s ?p ?o }", "xml"),
        ("ASK { ?s ?p ?o }", None),
        (CONSTRUCT, "turtle"),
        (CONSTRUCT, "ntriples"),
        (CONSTRUCT, None),
    ],
)
def test_every_output_ends_in_a_newline(dist: str, query: str, fmt: str | None) -> None:
    args = ["query", "--dist", dist, query] + (["--format", fmt] if fmt else [])
    result = kg(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("\n") and not result.stdout.endswith("\n\n")
    if fmt == "json":
        json.loads(result.stdout)
    if query == CONSTRUCT:
        assert "eagle-partner-2023" in result.stdout


def test_common_prefixes_are_declared_by_default(dist: str) -> None:
    result = kg(
        "query", "--dist", dist, "--format", "csv",
        "SELECT ?l WHERE { exercise:eagle-partner-2023 rdfs:label ?l }",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("Eagle Partner")


def test_unknown_prefix_is_named(dist: str) -> None:
    result = kg("query", "--dist", dist, "--no-prefixes", "SELECT ?l WHERE {\n ?s rdfs:label ?l }")
    assert result.returncode == 2
    assert result.stderr.startswith("error: unknown prefix rdfs: at line 2, column 5")
    assert "\\u{" not in result.stderr and len(result.stderr) < 400
    other = kg("query", "--dist", dist, "SELECT ?l WHERE { ?s foo:bar ?l }")
    assert "unknown prefix foo:" in other.stderr and "rdfs" in other.stderr
