"""Faults in the process tree: SIGKILL of a worker loses no acknowledged update; the update
journal lives only as long as the server (no persistent store).

An update is acknowledged (200) only after its effect is appended to the journal and
fsynced (``server/journal.py``); a worker forked to replace a dead one starts from the data
the master loaded and replays the whole journal before its first request. So killing any
worker, at any time, loses nothing that was acknowledged. Killing the *master* ends the
server, and the journal with it: updates are not persisted across restarts (SECURITY.md).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from leaks import healthy, workers_up
from live_server import SAMPLE, TOKEN, RunningServer, start_server, stop_server
from procfs import cpu_seconds, wait_for

AUTH = {"Authorization": f"Bearer {TOKEN}"}
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"


def _insert(server: RunningServer, i: int) -> None:
    text = f"INSERT DATA {{ GRAPH <urn:kill> {{ <urn:s{i}> <urn:p> {i} }} }}"
    response = requests.post(server.sparql, data={"update": text}, headers=AUTH, timeout=30)
    assert response.status_code == 200, response.text  # acknowledged


def _seen(server: RunningServer) -> set[int]:
    query = "SELECT ?i WHERE { GRAPH <urn:kill> { ?s <urn:p> ?i } }"
    response = requests.get(server.sparql, params={"query": query}, timeout=30)
    assert response.status_code == 200
    return {int(b["i"]["value"]) for b in response.json()["results"]["bindings"]}


def _kill_a_worker(server: RunningServer) -> None:
    before = workers_up(server)
    os.kill(before[0], signal.SIGKILL)
    assert wait_for(
        lambda: len(server.worker_pids()) == 2 and before[0] not in server.worker_pids(), 10
    )


@pytest.fixture
def srv(tmp_path: Path) -> Iterator[RunningServer]:
    server = start_server(tmp_path, [SAMPLE], timeout=10.0)
    workers_up(server)
    yield server
    stop_server(server)


def test_sigkill_of_workers_loses_no_acknowledged_update(srv: RunningServer) -> None:
    acknowledged: set[int] = set()
    for round_ in range(4):
        for i in range(round_ * 5, round_ * 5 + 5):
            _insert(srv, i)
            acknowledged.add(i)
        _kill_a_worker(srv)
        # Every request (sync workers take turns) sees every acknowledged update.
        assert all(_seen(srv) == acknowledged for _ in range(10))
    versions = {requests.get(srv.base + "/health", timeout=10).json()["version"] for _ in range(10)}
    assert len(versions) == 1  # both workers replayed the same journal to the same state
    assert "was sent SIGKILL" in srv.log()


def test_sigkill_of_a_busy_worker(srv: RunningServer) -> None:
    """The worker running a heavy query is killed: that client loses its connection (there
    is no one left to answer it), everyone else is served and nothing acknowledged is lost."""
    for i in range(3):
        _insert(srv, i)
    outcome: list[object] = []

    def heavy() -> None:
        try:
            outcome.append(requests.post(srv.sparql, data={"query": HEAVY}, timeout=30))
        except requests.RequestException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=heavy)
    thread.start()
    busy = None

    def find_busy() -> bool:
        nonlocal busy
        pids = srv.worker_pids()
        start = {pid: cpu_seconds([pid]) for pid in pids}
        time.sleep(0.3)
        rates = {pid: cpu_seconds([pid]) - start[pid] for pid in pids}
        busy = max(rates, key=lambda pid: rates[pid])
        return rates[busy] > 0.1

    assert wait_for(find_busy, timeout=5)
    os.kill(busy, signal.SIGKILL)  # type: ignore[arg-type]
    thread.join(timeout=30)
    assert isinstance(outcome[0], requests.ConnectionError)
    assert wait_for(lambda: len(srv.worker_pids()) == 2, 10)
    assert all(_seen(srv) == {0, 1, 2} for _ in range(10))
    assert healthy(srv)


def test_the_journal_is_per_run_and_removed_at_shutdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No persistent store: the journal sits in a fresh temporary directory, is deleted at
    shutdown, and a restarted server has the loaded files' data only."""
    state = tmp_path / "state"
    state.mkdir()
    monkeypatch.setenv("TMPDIR", str(state))  # where the server's mkdtemp() goes
    server = start_server(tmp_path, [SAMPLE])
    try:
        initial = requests.get(server.base + "/health", timeout=10).json()["version"]
        _insert(server, 1)
        (journal,) = state.glob("seckg-sparql-*/updates.journal")
        assert b"urn:s1" in journal.read_bytes()
    finally:
        stop_server(server)
    assert list(state.iterdir()) == []
    restarted = start_server(tmp_path, [SAMPLE])
    try:
        assert requests.get(restarted.base + "/health", timeout=10).json()["version"] == initial
        assert _seen(restarted) == set()
    finally:
        stop_server(restarted)
