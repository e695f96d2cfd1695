"""Issue 20, finding 10 (part): the server's own files among the dumps are neither listed nor
served. Before, ``/dumps/`` listed ``.in-use`` (the pinned build's lock file) and
``/dumps/.in-use`` served it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from live_server import SAMPLE, RunningServer, start_server, stop_server

from kg.export import publish


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    dist = tmp_path / "project" / "dist"
    dist.parent.mkdir()
    files = {"dataset.trig": SAMPLE.read_bytes(), "void.ttl": b"<urn:a> <urn:b> <urn:c> .\n"}
    publish(files, dist)
    running = start_server(
        tmp_path, [], token=None, command=("-m", "kg.cli", "serve", "--dist", str(dist))
    )
    yield running
    stop_server(running)


def test_the_pin_lock_is_neither_listed_nor_served(server: RunningServer) -> None:
    listing = requests.get(f"{server.base}/dumps/", timeout=10)
    assert listing.status_code == 200
    assert "dataset.trig" in listing.text
    assert ".in-use" not in listing.text
    assert requests.get(f"{server.base}/dumps/.in-use", timeout=10).status_code == 404
    assert requests.get(f"{server.base}/dumps/void.ttl", timeout=10).status_code == 200
