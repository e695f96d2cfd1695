"""Issue 20, finding 3: connections that send nothing, or stop mid-head, or idle after a
request, are closed after ``--header-timeout``; cheap queries are answered meanwhile.

Before: a connection that sent nothing was never closed (granian's HTTP/1-or-h2 sniffing had
no timeout), nor an h2 connection after its preface; 400 such sockets were held for 25 s.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from live_server import SAMPLE, RunningServer, start_server, stop_server

TIMEOUT = 1.0
SILENT = 60  # bounded: well under any descriptor limit


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    running = start_server(tmp_path, [SAMPLE], extra_args=["--header-timeout", str(TIMEOUT)])
    yield running
    stop_server(running)


def _closed(sock: socket.socket, wait: float) -> bool:
    """Whether the server closes ``sock`` (EOF or reset) within ``wait`` seconds."""
    sock.settimeout(wait)
    try:
        while True:
            if not sock.recv(4096):
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except TimeoutError:
        return False


def test_silent_partial_h2_and_idle_connections_are_closed(server: RunningServer) -> None:
    openings = {
        "silent": b"",
        "partial head": b"GET /health HTTP/1.1\r\nHost: x\r\n",
        "h2 preface": b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        "idle keep-alive": b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n",
    }
    sockets: list[tuple[str, socket.socket]] = []
    try:
        for _ in range(SILENT):
            sockets.append(("silent", socket.create_connection(("127.0.0.1", server.port))))
        for name, data in openings.items():
            sock = socket.create_connection(("127.0.0.1", server.port))
            if data:
                sock.sendall(data)
            sockets.append((name, sock))
        started = time.monotonic()
        response = requests.get(server.sparql, params={"query": "ASK {}"}, timeout=5)
        assert response.status_code == 200  # answered while they are held
        for name, sock in sockets:
            left = max(0.1, started + TIMEOUT + 4.0 - time.monotonic())
            assert _closed(sock, left), f"a {name} connection was still open"
    finally:
        for _, sock in sockets:
            sock.close()


HELD = 1100  # past select()'s 1024 descriptors in a front, with room under `ulimit -n`


def test_a_thousand_silent_connections_leave_queries_answered(tmp_path: Path) -> None:
    """Issue 20's done-when load: 1,000+ connections that send nothing, all from one address,
    and queries are still answered by the executors. Before: a front holding them had
    descriptors past 1024, where select() fails, and every query that went to an executor got
    a 500 ("filedescriptor out of range in select()"; found by bench/attack.py)."""
    server = start_server(tmp_path, [SAMPLE], extra_args=["--no-cache"])
    held: list[socket.socket] = []
    try:
        for _ in range(HELD):
            held.append(
                socket.create_connection(
                    ("127.0.0.1", server.port), timeout=5, source_address=("127.0.9.1", 0)
                )
            )
        time.sleep(1.0)  # accepted and relayed by the fronts
        statuses = [
            requests.get(server.sparql, params={"query": f"ASK {{ ?s ?p {i} }}"}, timeout=10)
            .status_code
            for i in range(6)
        ]  # fmt: skip
        assert statuses == [200] * 6, (statuses, server.log()[-1500:])
    finally:
        for sock in held:
            sock.close()
        stop_server(server)
