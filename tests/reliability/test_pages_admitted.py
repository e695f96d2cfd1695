"""Issue 20, finding 11: Linked Data routes are under the same per-client limits as queries.

Before, pages had no admission and no per-client limit: one address could render pages on
every front thread, for as long as it liked. Now a page is one of its client's operations
(``--client-concurrent``) and its CPU time is charged to the client's ``--client-seconds``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from live_server import SAMPLE, RunningServer, start_server, stop_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    running = start_server(tmp_path, [SAMPLE], extra_args=["--client-seconds", "0.2", "--no-cache"])
    yield running
    stop_server(running)


def test_pages_are_charged_to_their_client(server: RunningServer) -> None:
    statuses = []
    for i in range(400):
        # the ontology page and a search: real rendering work, not a static file
        path = "/doc/ontology" if i % 2 else f"/search?q=armenia{i}"
        response = requests.get(server.base + path, timeout=10)
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    assert 429 in statuses, statuses[-5:]
    assert "Retry-After" in response.headers
    assert requests.get(server.base + "/assets/site.css", timeout=10).status_code in (200, 404)
    assert requests.get(server.base + "/health", timeout=10).status_code == 200
