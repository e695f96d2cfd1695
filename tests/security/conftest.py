"""Fixtures for the security tests: real servers on 127.0.0.1 and an SSRF canary.

pytest's default "prepend" import mode puts each test directory on ``sys.path``; the
live-server helpers live in ``tests/server``, so that directory is added here too.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "server"))
sys.path.insert(0, str(HERE))

from canary import Canary  # noqa: E402
from live_server import SAMPLE, RunningServer, start_server, stop_server  # noqa: E402

from kg import config  # noqa: E402
from kg.build import BuildResult  # noqa: E402


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    listener = Canary()
    yield listener
    listener.close()


@pytest.fixture(scope="module")
def sample_server(
    tmp_path_factory: pytest.TempPathFactory, canary: Canary
) -> Iterator[RunningServer]:
    """``python -m server`` over the sample data: updates on, 3 s timeout, and one
    allow-listed SERVICE on the canary (the positive control that the canary sees traffic)."""
    srv = start_server(
        tmp_path_factory.mktemp("security"),
        [SAMPLE],
        timeout=3.0,
        row_limit=100,
        extra_args=["--service-allow", canary.url("/allowed")],
    )
    yield srv
    stop_server(srv)


@pytest.fixture(scope="session")
def built_site(
    built: tuple[config.Paths, BuildResult], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    """The full ``kg serve`` over the real build (SPARQL + Linked Data pages), read-only."""
    srv = start_server(
        tmp_path_factory.mktemp("built-site"),
        [],
        token=None,
        timeout=5.0,
        command=("-m", "kg.cli", "serve", "--dist", str(built[0].dist)),
    )
    yield srv
    stop_server(srv)
