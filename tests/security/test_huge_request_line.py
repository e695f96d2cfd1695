"""Issue 20, finding 10 (part): a 1 MB request line gets the documented 414, not a closed
connection (before: granian's 408 KiB read buffer closed it without an answer)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import SAMPLE, RunningServer, start_server, stop_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    running = start_server(tmp_path, [SAMPLE])
    yield running
    stop_server(running)


def test_a_one_megabyte_request_line_gets_414(server: RunningServer) -> None:
    target = "/sparql?query=" + "a" * 1_000_000
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 414"), answer[:100]
