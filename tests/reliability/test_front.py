"""The buffering front (``server/http/front.py`` under granian): slow, partial, oversized, pipelined
and non-reading clients, against a real server on 127.0.0.1. Every socket is bounded in
count and time and closed by the test."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from benchscripts import bench_module
from leaks import crashes, healthy
from live_server import REPO, SAMPLE, TOKEN, RunningServer, free_port, start_server, stop_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
BIG = (
    "SELECT ?a ?b WHERE { VALUES ?a { "
    + " ".join(map(str, range(300)))
    + " } "
    + ("VALUES ?b { " + " ".join(map(str, range(300))) + " } }")
)


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    server = start_server(
        tmp_path_factory.mktemp("front"),
        [SAMPLE],
        timeout=5.0,
        row_limit=100_000,
        extra_args=["--header-timeout", "2", "--body-timeout", "3", "--max-body", "1048576"],
    )
    yield server
    stop_server(server)


front_probe = bench_module("front_probe")


def _exchange(server: RunningServer, data: bytes, *, half_close: bool, wait: float = 5) -> bytes:
    """Send ``data`` and return everything the server writes back before closing or going
    quiet for ``wait`` (bench/front_probe.py's exchange)."""
    return bytes(front_probe.exchange(server.port, data, half_close=half_close, wait=wait))


def _count(server: RunningServer, subject: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{subject}> ?p ?o }}"
    response = requests.get(server.sparql, params={"query": query}, timeout=10)
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_a_truncated_update_is_refused_and_changes_nothing(srv: RunningServer) -> None:
    body = b"update=INSERT+DATA+%7B+%3Curn%3At1%3E+%3Curn%3Ap%3E+1+%7D+%3B"  # 41 bytes sent
    head = (
        "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Authorization: Bearer {TOKEN}\r\nContent-Length: 81\r\n\r\n"
    ).encode()
    answer = _exchange(srv, head + body, half_close=True)
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
    assert b"Content-Length" in answer and b"nothing was run" in answer
    assert _count(srv, "urn:t1") == 0
    # the same 41 bytes as a complete request are applied: the refusal was about the length
    full = requests.post(srv.sparql, data=body, headers={**AUTH, "Content-Type": (
        "application/x-www-form-urlencoded")}, timeout=10)  # fmt: skip
    assert full.status_code == 200
    assert _count(srv, "urn:t1") == 1


def test_a_truncated_query_body_is_not_evaluated(srv: RunningServer) -> None:
    body = b"ASK { ?s ?p ?o "  # 15 of 40 declared bytes
    head = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 40\r\n\r\n"
    )
    answer = _exchange(srv, head + body, half_close=True)
    assert answer.startswith(b"HTTP/1.1 400") and b"nothing was run" in answer


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 6\r\n\r\nASK{}\n",
        b"GET /health HTTP/1.0\r\n\r\n",
    ],
    ids=["get", "get-close", "post", "http1.0"],
)
def test_a_complete_request_then_a_half_close_is_answered(
    srv: RunningServer, request_bytes: bytes
) -> None:
    """A client that sends a whole request and then shuts down its sending side is still
    answered in full (issue 20, finding 10: granian closed such connections with no answer,
    whatever the request; server/http/edge.py)."""
    answer = _exchange(srv, request_bytes, half_close=True)
    assert answer.startswith((b"HTTP/1.1 200", b"HTTP/1.0 200")), answer[:200]
    head, _, body = answer.partition(b"\r\n\r\n")
    length = int(head.lower().split(b"content-length: ", 1)[1].split(b"\r\n", 1)[0])
    assert len(body) == length, (len(body), length)


def test_a_slow_body_is_cut_off_with_408(srv: RunningServer) -> None:
    head = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 100\r\n\r\nASK"
    )
    started = time.monotonic()
    answer = _exchange(srv, head, half_close=False, wait=10)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:100]
    assert time.monotonic() - started < 9  # cut off by the server, not by our own timeout


def test_a_trickled_body_is_cut_off_at_the_body_deadline(srv: RunningServer) -> None:
    """One byte every 0.3 s keeps the connection busy but the body never ends: the body
    deadline (--body-timeout 3, and the minimum rate) counts from its start, not from the
    last byte, so 408 comes within it (a client sending all day is never waited for)."""
    head = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 100\r\n\r\n"
    )
    answer = b""
    with socket.create_connection(("127.0.0.1", srv.port), timeout=0.3) as sock:
        sock.sendall(head)
        started = time.monotonic()
        while not answer and time.monotonic() - started < 12:  # 40 bytes of the 100
            try:
                sock.sendall(b"#")
                answer = sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
        elapsed = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408"), answer[:100]
    assert elapsed < 3 + 2, elapsed


def test_ten_megabytes_chunked_get_413(srv: RunningServer) -> None:
    chunk = b"%x\r\n%s\r\n" % (65536, b"#" * 65536)
    head = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    answer = _exchange(srv, head + chunk * 160 + b"0\r\n\r\n", half_close=False)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:100]


MAX_BODY = 1_048_576  # the fixture's --max-body


def _query_body(size: int) -> bytes:
    """A valid query of exactly ``size`` bytes (the rest is a comment)."""
    body = b"ASK {} #" + b"x" * (size - 8)
    assert len(body) == size
    return body


def _framed(body: bytes, chunked: bool) -> bytes:
    """``body`` as a whole POST request, with a Content-Length or in 64 KiB chunks."""
    head = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    if not chunked:
        return head + b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body
    pieces = [body[i : i + 65536] for i in range(0, len(body), 65536)]
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces)
    return head + b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks + b"0\r\n\r\n"


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_the_body_limit_is_exact(srv: RunningServer, chunked: bool) -> None:
    """A body of exactly ``--max-body`` bytes is accepted, one byte more is 413 (one under
    too), whether its length is declared or streamed."""
    for size, status in [(MAX_BODY - 1, b"200"), (MAX_BODY, b"200"), (MAX_BODY + 1, b"413")]:
        answer = _exchange(srv, _framed(_query_body(size), chunked), half_close=False)
        assert answer.startswith(b"HTTP/1.1 " + status), (size, answer[:200])
        if status == b"200":
            assert b'"boolean":true' in answer.replace(b" ", b""), answer[-200:]


def test_a_utf16_form_body_is_400(srv: RunningServer) -> None:
    response = requests.post(
        srv.sparql,
        data="query=ASK {}".encode("utf-16"),
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-16"},
        timeout=10,
    )
    assert response.status_code == 400 and "UTF-8" in response.text


def test_pipelined_requests_are_all_answered(srv: RunningServer) -> None:
    one = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n"
    last = b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    answer = _exchange(srv, one * 3 + last, half_close=False)
    assert answer.count(b"HTTP/1.1 200") == 4


def test_slow_and_non_reading_clients_do_not_starve_anyone(srv: RunningServer) -> None:
    """16 slowloris sockets (a header byte at a time), 16 slow bodies and 8 clients that
    never read a ~1 MB answer, all at once: cheap queries are still all answered, and the
    slow sockets are closed by the server's header and body deadlines. The attackers use
    other loopback addresses than the cheap client, as distinct clients would."""

    def attacker(n: int) -> socket.socket:
        address = f"127.0.0.{2 + n % 8}"
        return socket.create_connection(("127.0.0.1", srv.port), source_address=(address, 0))

    slow_heads = [attacker(i) for i in range(16)]
    slow_bodies = [attacker(i) for i in range(16)]
    sleepers = [attacker(i) for i in range(8)]
    try:
        for sock in slow_heads:
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n")
        for sock in slow_bodies:
            sock.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query"
                b"\r\nContent-Length: 1000\r\n\r\nA"
            )
        for sock in sleepers:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            body = f"query={requests.utils.quote(BIG)}".encode()
            sock.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
        statuses = []
        for i in range(20):
            response = requests.get(srv.sparql, params={"query": f"ASK {{ ?s ?p {i} }}"}, timeout=5)
            statuses.append(response.status_code)
            for sock in slow_heads:
                try:
                    sock.send(b"X")
                except OSError:
                    pass
        assert statuses == [200] * 20
        # The header deadline (2 s) and body deadline (3 s) close the slow sockets.
        time.sleep(3.5)
        # (Since the edge, an unfinished GET head was sent to granian again when it closed
        # the connection at the deadline, and held 3x the header timeout: fixed in
        # server/http/edge.py, bounded in test_silent_connections.py.)
        closed = [_closed_by_server(sock) for sock in slow_heads + slow_bodies]
        assert all(closed), f"slow sockets still open after the deadlines: {closed.count(False)}"
    finally:
        for sock in slow_heads + slow_bodies + sleepers:
            sock.close()
    assert healthy(srv)
    assert crashes(srv) == []


def _closed_by_server(sock: socket.socket) -> bool:
    sock.settimeout(2)
    try:
        while sock.recv(65536):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        pass
    return True


def test_many_connections_at_once(srv: RunningServer) -> None:
    """300 idle connections held open (no Python thread each), and queries still answered."""
    held = []
    try:
        for _ in range(300):
            held.append(socket.create_connection(("127.0.0.1", srv.port)))
        results: list[int] = []

        def ask() -> None:
            results.append(requests.get(srv.sparql, params={"query": "ASK {}"}, timeout=10)
                           .status_code)  # fmt: skip

        threads = [threading.Thread(target=ask) for _ in range(4)]  # the per-client limit
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=15)
        assert results == [200] * 4
    finally:
        for sock in held:
            sock.close()


def test_the_state_directory_is_beside_the_data_by_default(tmp_path: Path) -> None:
    """Without --state-dir the journal goes beside the first data file, not into /tmp."""
    data = tmp_path / "data"
    data.mkdir()
    copy = data / "sample.trig"
    copy.write_bytes(SAMPLE.read_bytes())
    port = free_port()
    env = {**os.environ, "SPARQL_UPDATE_TOKEN": TOKEN}
    argv = [sys.executable, "-m", "server", "--port", str(port), str(copy)]
    log = (tmp_path / "default-state.log").open("wb")
    process = subprocess.Popen(argv, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=env,
                               start_new_session=True)  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if requests.get(base + "/health", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        update = "INSERT DATA { <urn:x> <urn:p> 1 }"
        assert requests.post(base + "/sparql", data={"update": update}, headers=AUTH,
                             timeout=10).status_code == 200  # fmt: skip
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
        log.close()
    (journal,) = (data / ".seckg-state").glob("*/updates.journal")
    assert b"urn:x" in journal.read_bytes()
