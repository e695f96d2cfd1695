"""Shared fixtures for the endpoint tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from live_server import SAMPLE, RunningServer, start_server, stop_server


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """Shared read-only server over the sample data (updates enabled, small row limit)."""
    srv = start_server(tmp_path_factory.mktemp("server"), [SAMPLE], row_limit=20, timeout=5.0)
    yield srv
    stop_server(srv)
