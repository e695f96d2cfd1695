"""Issue 20, finding 6: updates do not grow the state directory without bound.

Before: each one-triple update left its snapshot directory behind (~265 KB) until the next
start: 60 directories after 58 updates (34 after the 33 updates here). Now versions no process
reads are pruned after each update (a version still open somewhere is held by a shared lock
and stays until a later update finds it free).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from live_server import SAMPLE, RunningServer, post_update, start_server, stop_server

UPDATES = 30


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    running = start_server(tmp_path, [SAMPLE], extra_args=["--state-dir", str(tmp_path / "st")])
    running.extra["state"] = tmp_path / "st"
    yield running
    stop_server(running)


def _snapshot_dirs(state: Path) -> list[Path]:
    store = state / "store"
    return [p for p in store.iterdir() if p.is_dir() and p.name != "work"]


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def test_old_snapshots_are_pruned_while_serving(server: RunningServer) -> None:
    state = Path(str(server.extra["state"]))
    for i in range(3):
        post_update(server, f"INSERT DATA {{ <urn:warm{i}> <urn:p> {i} }}")
    before = _size(state)
    for i in range(UPDATES):
        post_update(server, f"INSERT DATA {{ <urn:s{i}> <urn:p> {i} }}")
        if i % 10 == 0:  # reads in between: every process moves to the new version
            requests.get(server.sparql, params={"query": "ASK {}"}, timeout=10)
    dirs = _snapshot_dirs(state)
    # Each reading process holds at most its current and previous version until its next
    # request: a bound set by the process tree, not by the number of updates.
    readers = len(server.processes())
    assert len(dirs) <= 2 * readers + 1 < UPDATES, (len(dirs), readers)
    grown = _size(state) - before
    assert grown < 2 * readers * 300_000, grown
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:p> ?o }"
    response = requests.get(server.sparql, params={"query": query}, timeout=10)
    assert response.json()["results"]["bindings"][0]["n"]["value"] == str(UPDATES + 3)
