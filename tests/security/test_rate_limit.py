"""Optional per-client rate limiting: off by default; when on, 429 with Retry-After once a
client has spent its burst, /health exempt, and obeying Retry-After works."""

from __future__ import annotations

import http.client
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from live_server import REPO, SAMPLE, RunningServer, start_server, stop_server

from server.http.ratelimit import RateLimiter, retry_after

QUERY = {"query": "ASK { ?s ?p ?o }"}


# ------------------------------------------------------------------------ the bucket
class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_the_burst_then_the_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(rate=2.0, burst=3, clock=clock)
    assert [limiter.check("a") for _ in range(3)] == [None, None, None]
    wait = limiter.check("a")
    assert wait == pytest.approx(0.5)  # one token comes back every 1/rate seconds
    assert limiter.check("b") is None  # clients are independent
    clock.now += 0.5
    assert limiter.check("a") is None
    assert limiter.check("a") is not None
    clock.now += 60
    assert [limiter.check("a") for _ in range(4)][:3] == [None, None, None]  # refilled to burst


def test_bucket_memory_is_bounded() -> None:
    limiter = RateLimiter(rate=1.0, burst=1, max_clients=100, clock=Clock())
    for i in range(10_000):
        limiter.check(f"10.0.{i // 256}.{i % 256}")
    assert len(limiter._buckets) == 100


def test_retry_after_is_whole_seconds_rounded_up() -> None:
    assert [retry_after(s) for s in (0.01, 0.5, 1.0, 1.2, 7.9)] == ["1", "1", "1", "2", "8"]


@pytest.mark.parametrize(
    "args", [["--rate-limit", "0"], ["--rate-limit", "1", "--rate-burst", "0"]]
)
def test_bad_settings_are_refused_at_startup(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "server", "--port", "0", *args, str(SAMPLE)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2 and "rate" in result.stderr


# ------------------------------------------------------------------------ on a server
@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    srv = start_server(
        tmp_path_factory.mktemp("limited"),
        [SAMPLE],
        token=None,
        workers=1,
        # the limit is per front process; one front makes the count exact
        extra_args=["--rate-limit", "2", "--rate-burst", "4", "--front-workers", "1"],
    )
    yield srv
    stop_server(srv)


def test_burst_then_429_with_retry_after(limited: RunningServer) -> None:
    statuses = [requests.get(limited.sparql, params=QUERY, timeout=10) for _ in range(8)]
    codes = [r.status_code for r in statuses]
    assert codes[:4] == [200] * 4
    assert 429 in codes[4:]
    refused = next(r for r in statuses if r.status_code == 429)
    assert refused.headers["Retry-After"].isdigit() and int(refused.headers["Retry-After"]) >= 1
    assert refused.headers["Content-Type"].startswith("text/plain")
    assert "too many requests" in refused.text
    # Linked Data pages count too; /health never does.
    assert requests.get(limited.base + "/id/x", timeout=10).status_code == 429
    assert all(
        requests.get(limited.base + "/health", timeout=10).status_code == 200 for _ in range(20)
    )
    # A client that waits as told gets through.
    time.sleep(int(refused.headers["Retry-After"]))
    assert requests.get(limited.sparql, params=QUERY, timeout=10).status_code == 200


def test_rate_limiting_is_off_by_default(tmp_path: Path) -> None:
    srv = start_server(tmp_path, [SAMPLE], token=None, workers=1)
    try:
        codes = {requests.get(srv.sparql, params=QUERY, timeout=10).status_code for _ in range(60)}
        assert codes == {200}
    finally:
        stop_server(srv)


def _status_from(server: RunningServer, source: str, headers: dict[str, str]) -> list[int]:
    """Two requests on one connection from ``source`` (the first and a later one)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10,
                                      source_address=(source, 0))  # fmt: skip
    try:
        statuses = []
        for _ in range(2):
            conn.request("GET", "/sparql?query=ASK%7B%7D", headers=headers)
            response = conn.getresponse()
            response.read()
            statuses.append(response.status)
        return statuses
    finally:
        conn.close()


def test_the_client_address_cannot_be_claimed_through_the_edge_header(tmp_path: Path) -> None:
    """The fronts relay connections to granian and pass the client's address in a header line
    with a per-server secret (server/http/edge.py); a client that sends that header itself,
    in a first or a later request, is still counted as itself. Control: another address has
    its own budget, so the relay does pass real addresses."""
    srv = start_server(tmp_path, [SAMPLE], token=None, workers=1,
                       extra_args=["--rate-limit", "0.05", "--rate-burst", "2",
                                   "--front-workers", "1"])  # fmt: skip
    try:
        assert _status_from(srv, "127.0.10.1", {}) == [200, 200]  # the burst: one token in 20 s
        forged = {"X-Seckg-Edge": "0123456789abcdef0123456789abcdef 1 10.9.8.7 4242"}
        assert _status_from(srv, "127.0.10.1", forged) == [429, 429]
        assert _status_from(srv, "127.0.10.2", {}) == [200, 200]
    finally:
        stop_server(srv)
