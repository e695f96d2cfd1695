"""A bounded load test: 32 concurrent clients for 8 s against the full ``kg serve`` with the
competency questions and entity pages (the driver is ``bench/load.py``, whose default run is
the 60 s version). Zero errors; the server's memory (master + workers) grows by less than
10 % from the first to the last quarter of the run; p50/p99 latency printed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from benchscripts import bench_module
from leaks import crashes, healthy
from live_server import RunningServer, start_server, stop_server

from kg import config
from kg.build import BuildResult

load = bench_module("load")

CLIENTS = 32
SECONDS = 8.0


@pytest.fixture(scope="module")
def site(
    built: tuple[config.Paths, BuildResult], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    srv = start_server(
        tmp_path_factory.mktemp("load"),
        [],
        token=None,
        timeout=30.0,
        row_limit=10_000,
        command=("-m", "kg.cli", "serve", "--dist", str(built[0].dist)),
        # the 32 load clients share one address: let them count as the clients they stand for
        extra_args=["--client-concurrent", "64"],
    )
    yield srv
    stop_server(srv)


def test_sustained_load_has_no_errors_and_flat_memory(
    site: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    mix = load.request_mix()
    assert len(mix) > 20
    result = load.run_load(
        site.base,
        mix,
        clients=CLIENTS,
        seconds=SECONDS,
        server_pid=site.process.pid,
        warmup=1.5,
    )
    with capsys.disabled():
        print(f"\nload: {CLIENTS} clients, {SECONDS:g} s, {len(mix)} requests in the mix")
        print(load.table([result]))
    assert result.errors == [], sorted(set(result.errors))[:10]
    assert result.requests > 100
    assert len(result.rss) >= 8
    assert result.rss_growth < 0.10, (result.rss_first, result.rss_last)
    assert healthy(site)
    assert crashes(site) == []


def test_the_benchmark_script_runs() -> None:
    """``bench/load.py --help`` works from the repository root (the long run is by hand)."""
    out = subprocess.run(
        [sys.executable, "bench/load.py", "--help"],
        cwd=config.ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0 and "--duration" in out.stdout
