"""The kg command as a user runs it: help, clear errors without tracebacks, real outputs."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from kg_cli import run_kg

from kg import config
from kg.build import BuildResult

COMMANDS = ["build", "validate", "query", "export", "stats", "serve", "cq"]


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_kg(*args, cwd=cwd)


@pytest.mark.parametrize("command", COMMANDS)
def test_help(command: str) -> None:
    result = kg(command, "--help")
    assert result.returncode == 0
    assert "usage: kg " + command in result.stdout


def test_validate_ok(live_validated: subprocess.CompletedProcess[str]) -> None:
    result = live_validated
    assert result.returncode == 0, result.stderr
    assert "conform" in result.stdout


def test_query_formats(built: tuple[config.Paths, BuildResult]) -> None:
    dist = str(built[0].dist)
    q = (
        "PREFIX sk: <https://seckg.example.org/ontology#> "
        "SELECT ?s WHERE { ?s a sk:MilitaryExercise }"
    )
    table = kg("query", "--dist", dist, q)
    assert table.returncode == 0 and "exercise/eagle-partner-2023" in table.stdout
    as_json = json.loads(kg("query", "--dist", dist, "--format", "json", q).stdout)
    assert as_json["results"]["bindings"][0]["s"]["value"].endswith(
        "/id/exercise/eagle-partner-2023"
    )
    csv_out = kg("query", "--dist", dist, "--format", "csv", q).stdout.splitlines()
    assert csv_out == ["s", "exercise/eagle-partner-2023"]


def test_query_from_file_and_asserted_only(
    built: tuple[config.Paths, BuildResult], tmp_path: Path
) -> None:
    query = tmp_path / "q.rq"
    query.write_text("PREFIX sk: <https://seckg.example.org/ontology#> ASK { ?x a sk:Official }")
    dist = str(built[0].dist)
    assert kg("query", "--dist", dist, "-f", str(query)).stdout.strip() == "true"
    assert (
        kg("query", "--dist", dist, "--asserted-only", "-f", str(query)).stdout.strip() == "false"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "SELEC nothing"], "SPARQL syntax error"),
        (["query", "-f", "/nonexistent/q.rq"], "cannot read query"),
        (["export", "--format", "turtle"], "cannot hold named graphs"),
        (["stats", "--dist", "/nonexistent/dist"], "run 'kg build' first"),
        (["build", "--seeds", "/nonexistent/seeds"], "error:"),
    ],
)
def test_bad_input_gives_clear_error(
    built: tuple[config.Paths, BuildResult], args: list[str], message: str
) -> None:
    if "--dist" not in args and args[0] != "build":
        args = [*args, "--dist", str(built[0].dist)]
    result = kg(*args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_export_formats(built: tuple[config.Paths, BuildResult], tmp_path: Path) -> None:
    dist = str(built[0].dist)
    for fmt, graph in [
        ("trig", "dataset"),
        ("nquads", "dataset"),
        ("jsonld", "dataset"),
        ("turtle", "asserted"),
        ("ntriples", "inferred"),
        ("rdfxml", "ontology"),
    ]:
        out = tmp_path / f"out.{fmt}"
        result = kg("export", "--dist", dist, "--format", fmt, "--graph", graph, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 1000


def test_stats(built: tuple[config.Paths, BuildResult]) -> None:
    result = kg("stats", "--dist", str(built[0].dist))
    assert result.returncode == 0
    assert "004_87a1fec3678fcb6f" in result.stdout


def test_cq_command(built: tuple[config.Paths, BuildResult]) -> None:
    result = kg("cq", "--dist", str(built[0].dist))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("[ok]") >= 12
    one = kg("cq", "02", "--dist", str(built[0].dist))
    assert "eagle-partner-2023" in one.stdout
