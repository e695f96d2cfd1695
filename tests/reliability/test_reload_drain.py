"""A reload (SIGHUP) under keep-alive load drops no request, and the old fronts stop by
themselves (issue 20, finding 9: 14 RemoteDisconnected in 86,770 requests over 3 reloads, and
"refused to gracefully stop" on shutdown). Bounded: 8 clients, 3 reloads, about 20 s."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from live_server import SAMPLE, RunningServer, start_server, stop_server
from procfs import scaled

CLIENTS = 8
RELOADS = 3


@pytest.fixture
def srv(tmp_path: Path) -> Iterator[RunningServer]:
    server = start_server(tmp_path, [SAMPLE], extra_args=["--client-concurrent", "64"])
    yield server
    stop_server(server)


def _reloaded(server: RunningServer) -> int:
    return server.log().count("reloaded: now serving version")


def test_reloads_under_keep_alive_load_drop_no_request(srv: RunningServer) -> None:
    stop = threading.Event()
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    def client(n: int) -> None:
        session = requests.Session()  # one keep-alive connection, reused back to back
        query = {"query": f"ASK {{ ?s ?p {n} }}"}
        while not stop.is_set():
            try:
                response = session.get(srv.sparql, params=query, timeout=10)
                outcome = str(response.status_code)
            except requests.RequestException as exc:
                outcome = type(exc).__name__ + ": " + str(exc)[:80]
            with lock:
                outcomes[outcome] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.0)
        for done in range(1, RELOADS + 1):
            os.kill(srv.process.pid, signal.SIGHUP)
            deadline = time.monotonic() + 30
            while _reloaded(srv) < done and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(4.0)  # the old fronts drain and stop meanwhile
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=15)
    assert _reloaded(srv) == RELOADS, srv.log()[-2000:]
    failures = {k: v for k, v in outcomes.items() if k != "200"}
    # Enough traffic that every reload met live keep-alive connections: 1000 answers on an idle
    # machine, that share of it on a loaded one (912 at load 13-18 on two cores, none dropped).
    floor = 1000 / scaled(1.0)
    assert outcomes["200"] > floor and failures == {}, (outcomes["200"], floor, failures)
    assert "refused to gracefully stop" not in srv.log()


def test_shutdown_under_load_stops_in_time(srv: RunningServer) -> None:
    """SIGTERM while clients keep sending: the server exits without killing a front."""
    stop = threading.Event()

    def client() -> None:
        session = requests.Session()
        while not stop.is_set():
            try:
                session.get(srv.sparql, params={"query": "ASK {}"}, timeout=5)
            except requests.RequestException:
                time.sleep(0.05)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.5)
        started = time.monotonic()
        srv.process.send_signal(signal.SIGTERM)
        srv.process.wait(timeout=30)
        elapsed = time.monotonic() - started
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=15)
    assert "refused to gracefully stop" not in srv.log()
    assert elapsed < 15, elapsed
