"""Data served from on-disk snapshots (``server.data.snapshots``), as large data is.

The sample data is small, so the other tests read it into memory (``--in-memory-mb``); here
``--in-memory-mb 0`` makes every process read the RocksDB snapshot itself: queries, updates
through the one read-write store (which once hung an executor: RocksDB and fork), every
process seeing an update, a restart opening the stored snapshot without loading, and pruning
that never deletes a snapshot a process still reads.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from live_server import REPO, SAMPLE, RunningServer, post_update, start_server, stop_server

from server.data.snapshots import Snapshots

DISK = ["--in-memory-mb", "0", "--front-workers", "2"]
MARKS = "SELECT ?n WHERE { GRAPH <urn:snap:g> { <urn:snap:s> <urn:snap:p> ?n } } ORDER BY ?n"


def _marks(server: RunningServer) -> list[int]:
    response = requests.get(
        server.sparql,
        params={"query": MARKS},
        headers={"Accept": "application/sparql-results+json", "Connection": "close"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return [int(b["n"]["value"]) for b in response.json()["results"]["bindings"]]


def _insert(server: RunningServer, n: int) -> None:
    post_update(server, f"INSERT DATA {{ GRAPH <urn:snap:g> {{ <urn:snap:s> <urn:snap:p> {n} }} }}")


def test_updates_on_disk_reach_every_process_and_survive_a_restart(tmp_path: Path) -> None:
    args = [*DISK, "--state-dir", str(tmp_path / "state")]
    server = start_server(tmp_path, [SAMPLE], extra_args=args)
    try:
        assert "stored snapshot of version" in server.log()
        assert _marks(server) == []
        _insert(server, 1)
        _insert(server, 2)
        # new connections land on both fronts; queries run in executors and inline
        for _ in range(20):
            assert _marks(server) == [1, 2]
        version = requests.get(server.base + "/health", timeout=10).json()["version"]
        store = tmp_path / "state" / "store"
        assert (store / version / "CURRENT").is_file()
        page = requests.get(server.base + "/doc/id/armenia", timeout=10)
        assert page.status_code in (200, 404)  # served from the snapshot, not a crash
    finally:
        stop_server(server)
    restarted = start_server(tmp_path, [SAMPLE], extra_args=args)
    try:
        assert "serving the stored snapshot of version" in restarted.log()
        assert "stored snapshot of version" not in restarted.log().replace(
            "serving the stored snapshot", ""
        )
        assert _marks(restarted) == [1, 2]
        assert requests.get(restarted.base + "/health", timeout=10).json()["version"] == version
        _insert(restarted, 3)
        assert _marks(restarted) == [1, 2, 3]
    finally:
        stop_server(restarted)


def test_a_lost_snapshot_is_rebuilt_from_the_files_and_the_journal(tmp_path: Path) -> None:
    args = [*DISK, "--state-dir", str(tmp_path / "state")]
    server = start_server(tmp_path, [SAMPLE], extra_args=args)
    try:
        _insert(server, 7)
    finally:
        stop_server(server)
    store = tmp_path / "state" / "store"
    shutil.rmtree(store)  # as if the store directory had been deleted by hand
    restarted = start_server(tmp_path, [SAMPLE], extra_args=args)
    try:
        assert "replayed 1 acknowledged update(s)" in restarted.log()
        assert _marks(restarted) == [7]
    finally:
        stop_server(restarted)


def test_pruning_keeps_snapshots_that_a_process_reads(tmp_path: Path) -> None:
    snapshots = Snapshots(tmp_path / "store")
    source = ox.Store()
    source.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("1")))
    snapshots.create("v1", source)
    source.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("2")))
    snapshots.create("v2", source)
    # another process reading v1 (a subprocess: a fork of a process that used RocksDB is not
    # a safe place to open it again; see server.data.snapshots)
    code = (
        "import sys, pyoxigraph as ox; from server.data.snapshots import Snapshots; "
        f"Snapshots(__import__('pathlib').Path({str(tmp_path / 'store')!r})).open('v1'); "
        "print('open', flush=True); sys.stdin.read()"
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline() == b"open\n"
        snapshots.prune(keep={"v2"})
        assert snapshots.exists("v1"), "a snapshot in use was deleted"
    finally:
        reader.kill()
        reader.wait()
    snapshots.prune(keep={"v2"})
    assert not snapshots.exists("v1") and snapshots.exists("v2")
    assert len(ox.Store.read_only(str(snapshots.path("v2")))) == 2


@pytest.mark.parametrize("limit", ["0", "64"])
def test_disk_and_memory_reading_give_the_same_answers(tmp_path: Path, limit: str) -> None:
    server = start_server(
        tmp_path, [SAMPLE], extra_args=["--in-memory-mb", limit, "--front-workers", "1"]
    )
    try:
        response = requests.get(
            server.sparql,
            params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
            headers={"Accept": "text/csv"},
            timeout=10,
        )
        assert response.status_code == 200
        total = sum(1 for _ in ox.parse(path=str(SAMPLE)))
        assert response.text.split()[-1] == str(total)
    finally:
        stop_server(server)
