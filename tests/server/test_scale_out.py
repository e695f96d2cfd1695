"""Scale-out onto an existing engine: ``kg push`` into a Graph Store Protocol endpoint and
``kg serve --store`` in front of it, against a real ``oxigraph serve`` started here."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from kg_cli import run_kg
from live_server import RunningServer, free_port, start_server, stop_server

from kg import config, cq
from kg.build import BuildResult

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def _start_oxigraph(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    """An in-memory ``oxigraph serve`` on a free loopback port, answering; and its base URL."""
    port = free_port()
    with open(tmp / f"oxigraph-{port}.log", "wb") as out:
        process = subprocess.Popen(
            [OXIGRAPH, "serve", "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            requests.get(base + "/query?query=ASK%7B%7D", timeout=1)
            return process, base
        except requests.RequestException:
            time.sleep(0.1)
    _stop(process)
    raise RuntimeError("oxigraph serve did not start")


def _stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    process, base = _start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield base
    _stop(process)


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return run_kg(*args)


def _count(url: str, query: str) -> int:
    res = requests.post(
        url,
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    res.raise_for_status()
    return int(res.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def pushed(oxigraph: str, built: tuple[config.Paths, BuildResult]) -> str:
    result = _kg("push", "--dist", str(built[0].dist), f"{oxigraph}/store")
    assert result.returncode == 0, result.stderr
    return oxigraph


def test_push_loads_every_graph_and_the_merged_default(pushed: str, store: ox.Store) -> None:
    local_graphs = {g.value for g in store.named_graphs()}
    remote = requests.post(
        f"{pushed}/query",
        data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert {b["g"]["value"] for b in remote.json()["results"]["bindings"]} == local_graphs
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    local = int(next(iter(store.query(count)))["n"].value)
    assert _count(f"{pushed}/query", count) == local


def test_push_is_idempotent(pushed: str, built: tuple[config.Paths, BuildResult]) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = _count(f"{pushed}/query", count)
    assert _kg("push", "--dist", str(built[0].dist), f"{pushed}/store").returncode == 0
    assert _count(f"{pushed}/query", count) == before


def test_push_to_unreachable_store_is_a_clear_error(
    built: tuple[config.Paths, BuildResult],
) -> None:
    result = _kg("push", "--dist", str(built[0].dist), f"http://127.0.0.1:{free_port()}/store")
    assert result.returncode != 0
    assert "cannot reach the store" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def front(pushed: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    srv = start_server(
        tmp_path_factory.mktemp("front"),
        [],
        token=None,
        command=("-m", "kg.cli", "serve", "--store", f"{pushed}/query"),
    )
    yield srv
    stop_server(srv)


@pytest.mark.parametrize("question", list(cq.load_all(config.ROOT / "cq")), ids=lambda q: q.name)
def test_competency_questions_same_through_remote_store(
    front: RunningServer, store: ox.Store, question: cq.CompetencyQuestion
) -> None:
    res = requests.post(
        front.sparql,
        data={"query": question.query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert res.status_code == 200, res.text
    remote = ox.parse_query_results(res.content, format=ox.QueryResultsFormat.JSON)
    names = [v.value for v in remote.variables]
    got = sorted(tuple(str(row[n]) if row[n] is not None else "" for n in names) for row in remote)
    local = store.query(question.query)
    want = sorted(tuple(str(row[n]) if row[n] is not None else "" for n in names) for row in local)
    assert got == want


def test_pages_and_linked_data_through_remote_store(front: RunningServer) -> None:
    page = requests.get(f"{front.base}/doc/id/armenia", timeout=30)
    assert page.status_code == 200 and 'class="timeline"' in page.text
    doc = requests.get(f"{front.base}/id/armenia", headers={"Accept": "text/turtle"}, timeout=30)
    assert doc.status_code == 200 and "Armenia" in doc.text
    graph = requests.get(f"{front.base}/doc/graph/inferred.nt", timeout=30)
    assert graph.status_code == 200 and graph.text.count("\n") > 100


def test_unreachable_remote_store_is_502_not_500(tmp_path: Path) -> None:
    process, base = _start_oxigraph(tmp_path)
    srv = start_server(
        tmp_path, [], token=None, command=("-m", "kg.cli", "serve", "--store", f"{base}/query")
    )
    try:
        _stop(process)  # the remote engine goes away while we serve
        res = requests.post(srv.sparql, data={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        page = requests.get(f"{srv.base}/doc/id/armenia", timeout=30)
        health = requests.get(f"{srv.base}/health", timeout=30)
    finally:
        stop_server(srv)
    assert res.status_code == 502 and "remote endpoint unreachable" in res.text
    assert page.status_code == 502
    assert health.status_code == 502
