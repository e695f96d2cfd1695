"""Issue 20, finding 10 (part): a request cannot write a line of its own into the log.

Before, the access log wrote the decoded path as is: ``GET /x%0a… ERROR server: forged``
wrote a second line that looked like a server error.
"""

from __future__ import annotations

import http.client
import time
from collections.abc import Callable, Iterator

import pytest
from live_server import SAMPLE, RunningServer, start_server, stop_server

from server.http.logline import loggable


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


FORGED = "2026-01-01 00:00:00,000 [1] ERROR server: forged"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """One server for the paths: each test reads only the log its own request wrote."""
    running = start_server(tmp_path_factory.mktemp("log"), [SAMPLE])
    yield running
    stop_server(running)


def _get(server: RunningServer, target: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", target)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


@pytest.mark.parametrize("path", ["/x%0a", "/doc/id/x%0d%0a", "/sparql%0a"])
def test_a_newline_in_a_path_does_not_forge_a_log_line(server: RunningServer, path: str) -> None:
    target = path + FORGED.replace(" ", "%20").replace(",", "%2C").replace(":", "%3A")
    start = len(server.log())

    def written() -> str:
        return server.log()[start:]

    assert _get(server, target) < 500
    assert wait_for(lambda: "forged" in written(), 5)
    for line in written().splitlines():
        assert not line.startswith(FORGED[:10]) or "forged" not in line, line
    assert "\\x0a" in written()


def test_loggable_escapes_every_control_character() -> None:
    for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029]:
        assert chr(code) not in loggable(f"a{chr(code)}b")
    assert loggable("/a\\x0a") == "/a\\\\x0a"  # an escape in the request is not one of ours
    assert loggable("/doc/id/armenia") == "/doc/id/armenia"
