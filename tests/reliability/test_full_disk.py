"""Issue 20, finding 10 (part): a full state filesystem is logged and told to the client.

Before: at a full disk an update got 503 "the process running this operation stopped
unexpectedly and was replaced" (the executor read the OSError as "the front gave up") and
nothing was logged. The state directory here is on a 4 MiB tmpfs (mounted by the test; it
needs the privilege to mount, as root in this project's containers).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from live_server import SAMPLE, TOKEN, RunningServer, start_server, stop_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@contextlib.contextmanager
def _tmpfs(mount: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``mount`` for the test (skipped where mounting is not
    allowed), unmounted after it."""
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def small_state(tmp_path: Path) -> Iterator[Path]:
    with _tmpfs(tmp_path / "small", "4m") as mount:
        yield mount


@pytest.fixture
def server(tmp_path: Path, small_state: Path) -> Iterator[RunningServer]:
    running = start_server(tmp_path, [SAMPLE], extra_args=["--state-dir", str(small_state)])
    yield running
    stop_server(running)


def test_a_full_disk_is_logged_and_answered_clearly(server: RunningServer) -> None:
    triples = " ".join(f"<urn:s{i}> <urn:p> {i} ." for i in range(3000))
    last = None
    for n in range(60):
        text = f"INSERT DATA {{ GRAPH <urn:g{n}> {{ {triples} }} }}"
        last = requests.post(server.sparql, data={"update": text}, headers=AUTH, timeout=30)
        if last.status_code != 200:
            break
    assert last is not None and last.status_code == 503, last and last.text
    assert "disk is full" in last.text, last.text
    assert "state filesystem is full" in server.log()
    # reads go on
    response = requests.get(server.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    assert response.status_code == 200


@pytest.fixture
def tiny_state(tmp_path: Path) -> Iterator[Path]:
    with _tmpfs(tmp_path / "tiny", "120k") as mount:
        yield mount


def test_a_too_small_state_filesystem_is_a_clear_start_error(tiny_state: Path) -> None:
    """Before: a traceback ending in RocksDB's 'No space left on device', and the partial
    ``store/work`` copy left behind, taking the space."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "server",
            "--port",
            "1",
            "--state-dir",
            str(tiny_state / "st"),
            str(SAMPLE),
        ],  # fmt: skip
        capture_output=True,
        timeout=60,
        env={**os.environ, "SECKG_MALLOC": "system"},
    )
    err = done.stderr.decode()
    assert done.returncode == 2, err[-2000:]
    assert "too small for the data's snapshot" in err and "Traceback" not in err, err[-2000:]
    store = tiny_state / "st" / "store"
    assert not (store / "work").exists()
    assert not list(store.glob(".*.partial-*"))
