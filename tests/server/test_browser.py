"""A person in a browser: query page, Armenia's page with its pictures, a fact's article.

Headless Debian Chromium driven by Playwright (no browser download: ``executable_path``).
CI installs chromium and sets SECKG_REQUIRE_BROWSER=1, so there a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from live_server import RunningServer, start_server, stop_server

from kg import config
from kg.build import BuildResult

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

if CHROMIUM is None:
    if os.environ.get("SECKG_REQUIRE_BROWSER"):
        raise RuntimeError("chromium is required (apt-get install chromium)")
    pytest.skip("chromium not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def site(
    built: tuple[config.Paths, BuildResult], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    srv = start_server(
        tmp_path_factory.mktemp("browser"),
        [],
        token=None,
        command=("-m", "kg.cli", "serve", "--dist", str(built[0].dist)),
    )
    yield srv
    stop_server(srv)


def test_person_in_a_browser(site: RunningServer) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(15_000)
            page.goto(site.base + "/")
            page.click("button.example >> nth=1")  # exercises with the United States
            page.wait_for_selector("#results table.rows tbody tr")
            rows = page.locator("#results table.rows tbody tr")
            assert rows.count() == 2
            assert "eagle-partner-2023" in page.inner_text("#results")

            page.goto(site.base + "/id/armenia")  # 303 to the HTML document
            assert page.url.endswith("/doc/id/armenia")
            timeline = page.locator("svg.timeline")
            assert timeline.count() == 1
            statuses = page.locator("svg.timeline rect.band title").all_text_contents()
            assert any(s.startswith("frozen from 2024-02") for s in statuses), statuses
            assert any(s.startswith("active") for s in statuses), statuses
            partners = page.locator("svg.network a circle.partner")
            assert partners.count() >= 5
            assert "Russia" in (page.locator("svg.network").text_content() or "")

            page.click("#partners ~ section.facts a.source >> nth=0")
            page.wait_for_selector("h1.headline")
            assert "/doc/id/article/" in page.url
            assert page.locator("ul.article-facts li.fact").count() > 5
        finally:
            browser.close()
