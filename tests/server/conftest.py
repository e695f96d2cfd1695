"""Shared fixtures for the endpoint tests (and the browser tests' one Chromium)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_page import OpenPage, launched, page_opener
from live_server import SAMPLE, RunningServer, start_server, stop_server


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """Shared read-only server over the sample data (updates enabled, small row limit)."""
    srv = start_server(tmp_path_factory.mktemp("server"), [SAMPLE], row_limit=20, timeout=5.0)
    yield srv
    stop_server(srv)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for every browser test of the session (browser_page.py)."""
    with launched() as browser:
        yield browser


@pytest.fixture
def open_page(chromium: Any) -> OpenPage:
    """``with open_page(1400) as page:`` - a fresh page at that width (browser_page.py)."""
    return page_opener(chromium)
