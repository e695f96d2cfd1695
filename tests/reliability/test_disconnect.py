"""A client that goes away leaves no work behind.

A sync worker does not notice a closed connection while the engine runs (native code, no
reads on the socket), so an abandoned query runs on - until the deadline, when the worker
answers 503 into the closed socket and exits (``server/execution/runner.py``), which is what
frees the CPU. These tests measure that from ``/proc``: the workers' CPU is busy while the abandoned
query runs and idle within the timeout plus a margin, and the server keeps answering.

The same property for a client that waits for its 503 is
``tests/server/test_safety.py::test_runaway_query_is_stopped_while_others_are_served``.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
import requests
from leaks import crashes, healthy, workers_up
from live_server import SAMPLE, RunningServer, start_server, stop_server
from procfs import cpu_rate, cpu_spent, scaled, wait_for

TIMEOUT_S = 2.0
MARGIN_S = 3.0
RUNAWAY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
    "?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }"
)
BIG = "SELECT ?a ?b WHERE {{ VALUES ?a {{ {0} }} VALUES ?b {{ {0} }} }}".format(
    " ".join(str(i) for i in range(300))
)  # 90,000 rows, ~16 MB of JSON


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    server = start_server(
        tmp_path_factory.mktemp("disconnect"),
        [SAMPLE],
        token=None,
        timeout=TIMEOUT_S,
        row_limit=1_000_000,
    )
    workers_up(server)
    yield server
    stop_server(server)


def _send_and_hang_up(server: RunningServer, query: str, read_bytes: int = 0) -> bytes:
    """POST the query on a raw socket, read ``read_bytes`` of the answer, then close."""
    body = urlencode({"query": query}).encode()
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    received = b""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(head + body)
        while len(received) < read_bytes:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        # SO_LINGER 0: close with a reset, the most abrupt way a client can vanish.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    return received


def _idle(server: RunningServer) -> float:
    return cpu_rate(server.worker_pids, window=1.0)


@pytest.mark.parametrize("when", ["at once", "mid-query"])
def test_an_abandoned_runaway_query_is_stopped(srv: RunningServer, when: str) -> None:
    workers = set(workers_up(srv))
    started = time.monotonic()
    body = urlencode({"query": RUNAWAY}).encode()
    with socket.create_connection(("127.0.0.1", srv.port), timeout=30) as sock:
        sock.sendall(
            (
                f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
            ).encode()
            + body
        )
        if when == "mid-query":
            # The query really runs: the workers spend CPU on it (before its deadline).
            assert cpu_spent(srv.worker_pids, seconds=0.15, timeout=TIMEOUT_S)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    # Cheap queries are answered meanwhile (by the other worker).
    assert requests.get(srv.sparql, params={"query": "ASK {}"}, timeout=5).status_code == 200
    # By the deadline plus a margin the busy executor has been replaced and the CPU is idle.
    # A client that resets its connection at once may be gone before the front has read the
    # request: then nothing runs at all, which is as good.
    if when == "mid-query":
        assert wait_for(
            lambda: len(srv.worker_pids()) == 2 and set(srv.worker_pids()) != workers,
            timeout=TIMEOUT_S + scaled(MARGIN_S) - (time.monotonic() - started),
        )
    else:
        assert wait_for(lambda: len(srv.worker_pids()) == 2, TIMEOUT_S + scaled(MARGIN_S))
    # an abandoned operation is stopped once it has run 1 s
    # (server.execution.executors.ABANDON_AFTER_S)
    assert wait_for(
        lambda: _idle(srv) < 0.2, TIMEOUT_S + scaled(MARGIN_S) - (time.monotonic() - started)
    )
    assert healthy(srv)
    assert crashes(srv) == []


def test_a_client_that_leaves_mid_response_costs_nothing_after(srv: RunningServer) -> None:
    workers = workers_up(srv)
    for _ in range(3):
        head = _send_and_hang_up(srv, BIG, read_bytes=4096)
        assert head.startswith(b"HTTP/1.1 200")
    time.sleep(0.5)
    assert _idle(srv) < 0.2
    # The answer was complete when written: no timeout, so no worker had to be recycled.
    assert workers_up(srv) == workers
    full = requests.post(srv.sparql, data={"query": BIG}, timeout=30)
    assert full.status_code == 200 and len(full.json()["results"]["bindings"]) == 90_000
    assert healthy(srv)
    assert crashes(srv) == []


def test_many_clients_hanging_up_at_once(srv: RunningServer) -> None:
    """Four heavy queries abandoned together: two are evaluated (one per worker), the others
    wait in the listen queue and are evaluated and stopped in turn (a request already queued
    is still read and run: the server cannot know its client left); within two deadlines
    plus a margin every worker is idle again and the server answers."""
    for _ in range(4):
        _send_and_hang_up(srv, RUNAWAY)
    assert wait_for(lambda: _idle(srv) < 0.2, timeout=2 * TIMEOUT_S + scaled(MARGIN_S), step=0)
    assert healthy(srv)
    assert requests.get(srv.sparql, params={"query": "ASK {}"}, timeout=5).status_code == 200
    assert crashes(srv) == []
