"""Issue 20, finding 4: a client that does not read its answers cannot pin front memory.

Before: the executor slot and the per-client limits were released before the answer was
written, and writing had no deadline, so ten unread 45.8 MB answers to one address took the
fronts from 122+93 MB to 745+179 MB in 5 s, still held after the client left. Now each
64 KiB of an answer must be taken within ``--send-timeout`` (else the connection is
dropped) and an address with ``--client-answer-mb`` of unwritten answers gets 429.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
import requests
from live_server import SAMPLE, RunningServer, start_server, stop_server

# ~20,000 rows of nine IRIs: ~12 MB of JSON, far more than the kernel buffers of a socket
# whose reader never reads.
BIG = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CHEAP = "ASK { ?s ?p ?o }"
SEND_TIMEOUT = 1.0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    running = start_server(
        tmp_path,
        [SAMPLE],
        row_limit=20_000,
        extra_args=[
            "--front-workers",
            "1",
            "--no-cache",
            "--send-timeout",
            str(SEND_TIMEOUT),
            "--client-answer-mb",
            "1",
        ],
    )
    yield running
    stop_server(running)


def _non_reader(server: RunningServer) -> socket.socket:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", server.port))
    target = "/sparql?" + urlencode({"query": BIG})
    sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n".encode())
    return sock


def _cheap(server: RunningServer) -> int:
    return requests.get(server.sparql, params={"query": CHEAP}, timeout=10).status_code


def test_unread_answers_are_capped_per_address_and_dropped_in_time(
    server: RunningServer,
) -> None:
    sock = _non_reader(server)
    try:
        deadline = time.monotonic() + 10
        status = _cheap(server)
        while status == 200 and time.monotonic() < deadline:
            time.sleep(0.1)  # until the big answer is made and held
            status = _cheap(server)
        assert status == 429, "an address with unread answers was served more answers"
        # The unread answer is dropped after the send timeout; the address is served again.
        deadline = time.monotonic() + SEND_TIMEOUT + 6
        while status == 429 and time.monotonic() < deadline:
            time.sleep(0.2)
            status = _cheap(server)
        assert status == 200, "the unread answer was never dropped"
        assert "dropped an answer" in server.log()
    finally:
        sock.close()
