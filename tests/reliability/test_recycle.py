"""Executors that have copied too much of the shared store are replaced (``--executor-private``).

Reading Oxigraph's in-memory store writes to the pages it reads, so a forked executor slowly
copies the store (measured at 1M triples, issue 12). With a threshold below what any executor
holds (1 MiB), each executor is replaced after an operation once per check interval: every
query must still be answered, and the executors' PIDs change with a log line saying why.
By default (off) nothing is replaced.
"""

from __future__ import annotations

import time
from pathlib import Path

import requests
from live_server import SAMPLE, start_server, stop_server

from server.execution.executors import private_memory

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def run_queries(base: str, seconds: float) -> list[int]:
    statuses = []
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline:
        i += 1  # a distinct text each time: no cache, every query runs in an executor
        response = requests.get(f"{base}/sparql", params={"query": f"{QUERY} # {i}"}, timeout=10)
        statuses.append(response.status_code)
    return statuses


def test_private_memory_reads_this_process() -> None:
    before = private_memory()
    block = bytearray(b"x" * (32 * 1024 * 1024))  # written: private dirty pages
    assert private_memory() >= before + 30 * 1024 * 1024
    del block


def test_executor_past_its_private_memory_is_replaced(tmp_path: Path) -> None:
    server = start_server(tmp_path, [SAMPLE], extra_args=["--executor-private", "1"])
    try:
        first = set(server.worker_pids("heavy")) | set(server.worker_pids("cheap"))
        statuses = run_queries(server.base, 3.0)
        assert statuses and all(s == 200 for s in statuses), set(statuses)
        later = set(server.worker_pids("heavy")) | set(server.worker_pids("cheap"))
        assert first - later, "no executor was replaced"
        assert "replaced: it had copied too much of the shared store" in server.log()
        assert "was sent" not in server.log()  # no crash
    finally:
        stop_server(server)


def test_default_keeps_executors(tmp_path: Path) -> None:
    server = start_server(tmp_path, [SAMPLE])
    try:
        first = set(server.worker_pids("heavy"))
        statuses = run_queries(server.base, 2.0)
        assert all(s == 200 for s in statuses)
        assert set(server.worker_pids("heavy")) == first
        assert "replaced: it had copied" not in server.log()
    finally:
        stop_server(server)
