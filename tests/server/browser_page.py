"""The one way the browser tests open a page: headless Debian Chromium driven by Playwright
(no browser download: ``executable_path``), one browser per test session, one page per
``with open_page(width) as page:`` (the ``open_page`` fixture of ``conftest.py``).

CI installs chromium and sets SECKG_REQUIRE_BROWSER=1, so there a missing browser fails;
locally the browser test modules skip (``require_chromium()`` at their top). Screenshots for
docs/ are written when ``SECKG_SCREENSHOTS`` names a folder (docs/linked-data.md).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from live_server import RunningServer, start_server, stop_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000
SHOTS = os.environ.get("SECKG_SCREENSHOTS")

# open_page(width, height=900, **context options) -> a context manager giving a page
OpenPage = Callable[..., AbstractContextManager[Any]]


def require_chromium() -> None:
    """Skip the calling test module without a browser; fail instead under CI."""
    if CHROMIUM is None:
        if os.environ.get("SECKG_REQUIRE_BROWSER"):
            raise RuntimeError("chromium is required (apt-get install chromium)")
        pytest.skip("chromium not installed (apt-get install chromium)", allow_module_level=True)


@contextmanager
def launched() -> Iterator[Any]:
    """Playwright and one headless Chromium, closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def page_opener(browser: Any) -> OpenPage:
    """``open_page(width, height=900, **options)``: a fresh page (its own context, so no
    storage or permission leaks between tests) with the tests' timeout, closed on exit."""

    @contextmanager
    def open_page(width: int, height: int = 900, **options: Any) -> Iterator[Any]:
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        try:
            yield page
        finally:
            context.close()

    return open_page


@contextmanager
def serving(tmp: Path, dist: Path) -> Iterator[RunningServer]:
    """``kg serve`` of a built dist/ on loopback for the pages, stopped on exit."""
    srv = start_server(tmp, [], token=None, command=("-m", "kg.cli", "serve", "--dist", str(dist)))
    try:
        yield srv
    finally:
        stop_server(srv)


def shot(page: Any, name: str, full: bool = False) -> None:
    """A screenshot for docs/screenshots when SECKG_SCREENSHOTS asks for them."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / name), full_page=full)


def watch_dialogs(page: Any) -> list[str]:
    """Every dialog (alert, confirm …) the page opens, dismissed and recorded."""
    seen: list[str] = []

    def dismiss(dialog: Any) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return seen
