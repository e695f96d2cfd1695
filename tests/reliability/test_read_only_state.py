"""Issue 20, finding 7: a read-only state directory serves reads and refuses updates clearly.

Before: the server could not start from a read-only state (``chmod`` of the state directory,
the journal opened read-write, snapshot locks opened read-write: replacement executors
crash-looped), so one read-only remount stopped reads too. The state here is written by a
first server on a tmpfs, which is then remounted read-only (the test mounts it: it needs the
privilege to mount, as root in this project's containers).
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from live_server import SAMPLE, TOKEN, RunningServer, post_update, start_server, stop_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _mount(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["mount", *args], capture_output=True)


@pytest.fixture
def read_only_state(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "state"
    mount.mkdir()
    done = _mount("-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a filesystem here: {done.stderr.decode().strip()}")
    try:
        first = start_server(tmp_path, [SAMPLE], extra_args=["--state-dir", str(mount)])
        post_update(first, "INSERT DATA { <urn:kept> <urn:p> 1 }")
        stop_server(first)
        # Its children die with it (PR_SET_PDEATHSIG), a moment after the master: until
        # then a file of the state may still be open for writing ("mount point is busy").
        deadline = time.monotonic() + 15
        while _mount("-o", "remount,ro", str(mount)).returncode != 0:
            assert time.monotonic() < deadline, "the state stayed busy after the server stopped"
            time.sleep(0.2)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def server(tmp_path: Path, read_only_state: Path) -> Iterator[RunningServer]:
    running = start_server(tmp_path, [SAMPLE], extra_args=["--state-dir", str(read_only_state)])
    yield running
    stop_server(running)


def test_a_read_only_state_serves_reads_and_refuses_updates(server: RunningServer) -> None:
    query = "ASK { <urn:kept> <urn:p> 1 }"  # the update made before the remount
    response = requests.get(server.sparql, params={"query": query}, timeout=10)
    assert response.status_code == 200 and response.json()["boolean"] is True
    assert requests.get(f"{server.base}/health", timeout=10).status_code == 200
    assert requests.get(f"{server.base}/doc/ontology", timeout=10).status_code < 500
    update = requests.post(
        server.sparql,
        data={"update": "INSERT DATA { <urn:new> <urn:p> 2 }"},
        headers=AUTH,
        timeout=20,
    )
    assert update.status_code == 503, update.text
    assert "read-only" in update.text
    assert "read-only" in server.log()
    again = requests.get(server.sparql, params={"query": query}, timeout=10)
    assert again.status_code == 200  # the executors were not crash-looping
