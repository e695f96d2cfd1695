"""Issue 20, finding 4: a client that does not read its answers cannot pin front memory.

Before: the executor slot and the per-client limits were released before the answer was
written, and writing had no deadline, so ten unread 45.8 MB answers to one address took the
fronts from 122+93 MB to 745+179 MB in 5 s, still held after the client left. Now each
64 KiB of an answer must be taken within ``--send-timeout`` (else the connection is
dropped) and an address with ``--client-answer-mb`` of unwritten answers gets 429.
"""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
import requests
from live_server import SAMPLE, RunningServer, start_server, stop_server

from server.execution import executors
from server.execution.executors import Reply

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


def test_a_big_reply_is_received_in_one_copy() -> None:
    """An executor's reply reaches the front as one bytes object of the answer's size, with
    no second copy on the way: what a front holds for an answer in the making is the answer.

    Before: the reply was pickled whole, read into a buffer of its size and copied by
    ``pickle.loads``; and the front's socket has a timeout (non-blocking), so the read came
    in pieces that were joined - a 45 MB answer raised a front's RSS by 118 MB at its peak
    (issue 20's front bound, bench/RESULTS.md). Here, over a socket pair as between a front
    and an executor, Python's allocations at their peak are the body plus 1 MiB."""
    body = b"x" * (24 * 1024 * 1024)
    front, executor = socket.socketpair()
    with front, executor:
        front.settimeout(10)  # as ExecutorClient.run sets it
        sender = threading.Thread(
            target=executors.send_message, args=(executor, Reply(200, body=body, rows=7))
        )
        tracemalloc.start()
        try:
            sender.start()
            reply = executors.recv_message(front)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
            sender.join(timeout=10)
    assert reply == Reply(200, body=body, rows=7)
    assert peak <= len(body) + 1024 * 1024, f"{peak / len(body):.2f} times the body at the peak"


def _front_rss_kib(server: RunningServer) -> int:
    (pid,) = [p for p, (_, name) in server.processes().items() if name == "seckg-front"]
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


ROWS = 10_000
# 10,000 rows of a 3,000-character literal: a ~30 MB CSV answer.
WIDE = (
    "SELECT ?x WHERE { VALUES ?i { "
    + " ".join(map(str, range(ROWS)))
    + ' } BIND(CONCAT(STR(?i), "'
    + "x" * 3000
    + '") AS ?x) }'
)
MARGIN_MB = 12  # granian's queue for a connection that does not read (~3 MB), the request


def test_an_unread_answer_holds_about_its_size_in_the_front(tmp_path: Path) -> None:
    """A client that never reads a ~30 MB answer raises its front's memory (RSS, sampled
    every 50 ms while the answer is made and held) by at most the answer's size plus
    MARGIN_MB: what ``--client-answer-mb`` counts is what the front holds. Before: 2.6 times
    a 45 MB answer at its peak, 1.7 times while held (the reply's second copy, test above,
    stayed resident under mimalloc)."""
    server = start_server(
        tmp_path,
        [SAMPLE],
        row_limit=ROWS,
        extra_args=["--front-workers", "1", "--no-cache", "--send-timeout", "30"],
    )
    sock = socket.socket()
    sampled: list[int] = []
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            sampled.append(_front_rss_kib(server))

    sampler = threading.Thread(target=sample)
    try:
        requests.get(server.sparql, params={"query": "ASK {}"}, timeout=10)  # warm the front
        before = _front_rss_kib(server)
        sampler.start()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.connect(("127.0.0.1", server.port))
        form = urlencode({"query": WIDE}).encode()
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + b"Content-Length: %d\r\n\r\n" % len(form)
            + form
        )
        sock.settimeout(20)
        head = sock.recv(4096)  # the answer has started: it was made and is being held
        assert head.startswith(b"HTTP/1.1 200"), head[:200]
        length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
        assert length > 25_000_000
        time.sleep(3.0)  # held, unread
        done.set()
        sampler.join(timeout=5)
        grown_mb = (max(sampled) - before) / 1024
        assert grown_mb <= length / 1_048_576 + MARGIN_MB, (
            f"the front grew by {grown_mb:.0f} MB for an unread answer of "
            f"{length / 1_048_576:.0f} MB"
        )
    finally:
        done.set()
        sock.close()
        stop_server(server)
