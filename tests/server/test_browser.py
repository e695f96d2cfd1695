"""A person in a browser: the query page, search, Armenia's page with its pictures, every
page at desktop (1400 px) and phone (400 px) width.

Headless Debian Chromium driven by Playwright, one page per ``with open_page(width)``
(``browser_page.py``: one browser a session; CI makes a missing browser a failure).

Screenshots for docs/: ``SECKG_SCREENSHOTS=docs/screenshots python -m pytest -q
tests/server/test_browser.py`` writes the query page, Armenia's page and search results at
both widths (see docs/linked-data.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from browser_page import SHOTS, OpenPage, require_chromium, serving, shot
from live_server import RunningServer

from kg import config
from kg.build import BuildResult

require_chromium()


@pytest.fixture(scope="module")
def site(
    built: tuple[config.Paths, BuildResult], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    with serving(tmp_path_factory.mktemp("browser"), built[0].dist) as srv:
        yield srv


WIDTHS = (1400, 400)
PAGES = [
    "/",
    "/?query=" + quote("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 40"),
    "/search?q=armenia",
    "/entities",
    "/articles",
    "/doc/ontology",
    "/dumps/",
    "/doc/id/armenia",
    "/doc/id/csto",
    "/doc/id/nikol-pashinyan",
    "/doc/id/india",
    "/doc/id/article/000_eb38a5d2a19b8556",
    "/doc/graph/article/000_eb38a5d2a19b8556",
    "/doc/id/tenure/pashinyan-armenia-prime-minister",
    "/doc/id/no-such-thing",
    "/no/such/page",
]

# Every <text> of every visible SVG must lie inside the picture, and a bar's text inside its bar.
CLIPPED_TEXT = """() => {
  const bad = [];
  for (const svg of document.querySelectorAll('svg')) {
    if (!svg.getBoundingClientRect().width) continue;  // the other width's picture
    const vb = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.x < vb.x - .5 || b.y < vb.y - .5 || b.x + b.width > vb.x + vb.width + .5
          || b.y + b.height > vb.y + vb.height + .5) bad.push(t.textContent);
      const bar = t.parentNode.querySelector('rect.band');
      if (t.classList.contains('band-label') && bar) {
        const r = bar.getBBox();
        if (b.x < r.x || b.x + b.width > r.x + r.width) bad.push('in bar: ' + t.textContent);
      }
    }
  }
  return bad;
}"""
# Rendered size of the smallest text in visible SVGs, in CSS px (scaling included).
SMALLEST_TEXT = """() => {
  let least = 1e9;
  for (const t of document.querySelectorAll('svg text')) {
    const r = t.getBoundingClientRect();
    if (r.height) least = Math.min(least, r.height);
  }
  return least;
}"""


def test_every_page_fits_at_desktop_and_phone_width(
    site: RunningServer, open_page: OpenPage
) -> None:
    problems = []
    for width in WIDTHS:
        with open_page(width) as page:
            for path in PAGES:
                page.goto(site.base + path)
                page.wait_for_load_state("networkidle")
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    problems.append(f"{path} at {width} px scrolls sideways by {overflow} px")
                if page.locator("header form.search input").count() != 1:
                    problems.append(f"{path}: no search box")
                clipped = page.evaluate(CLIPPED_TEXT)
                if clipped:
                    problems.append(f"{path} at {width} px: text outside its box: {clipped}")
                smallest = page.evaluate(SMALLEST_TEXT)
                if smallest < 9:
                    problems.append(f"{path} at {width} px: picture text {smallest:.1f} px")
    assert not problems, "\n".join(problems)


def test_query_page_construct_download_share_and_errors(
    site: RunningServer, tmp_path: Path, open_page: OpenPage
) -> None:
    import rdflib

    construct = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a sk:State ; rdfs:label ?l } LIMIT 8"
    with open_page(1400, accept_downloads=True) as page:
        page.goto(site.base + "/")
        page.fill("#query", construct)
        page.click("#run")
        page.wait_for_selector("#results pre.turtle")
        # the page declared the prefixes it knows (sk:, rdfs:) before sending the query
        assert page.input_value("#query").startswith("PREFIX ")
        turtle = page.inner_text("#results pre.turtle")
        answer = rdflib.Graph().parse(data=turtle, format="turtle")
        assert len(answer) == 8
        offered = page.locator("#downloads a.download").evaluate_all(
            "links => links.map(a => a.dataset.format)"
        )
        assert offered == ["turtle", "ntriples", "rdfxml", "jsonld", "nquads", "trig"]
        with page.expect_download() as info:
            page.click("#downloads a[data-format=ntriples]")
        saved = tmp_path / "result.nt"
        info.value.save_as(saved)
        assert len(rdflib.Graph().parse(saved, format="nt")) == 8
        shared = page.url  # the address bar now holds a shareable #query= link
        assert "#query=" in shared
        subjects = len(set(answer.subjects()))  # each IRI links to its page
        assert page.locator("#results pre.turtle a[href^='/doc/id/']").count() == subjects
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.click("#copy-link")
        # (a selector, not wait_for_function: its string predicate is an eval, which the
        # page's Content-Security-Policy refuses)
        page.wait_for_selector("#status:has-text('copied')")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == shared

        # a shared link runs on its own; SELECT cells show labels linking to pages
        page.goto(site.base + "/?query=" + quote("SELECT ?x WHERE { ?x a sk:State } LIMIT 3"))
        page.wait_for_selector("#results table.rows tbody tr")
        assert page.locator("#results tbody tr").count() == 3
        page.wait_for_selector("#results a.iri .pn")  # label arrived, prefixed name kept
        href = page.locator("#results a.iri").first.get_attribute("href")
        assert href is not None and href.startswith("/doc/id/")
        csv = page.locator("#downloads a[data-format=csv]").get_attribute("href")
        assert csv is not None and "format=csv" in csv

        # Ctrl+Enter runs; an ASK answers in a table; a syntax error is marked in place
        page.goto(site.base + "/")
        page.fill("#query", "ASK { ?s ?p ?o }")
        page.press("#query", "Control+Enter")
        page.wait_for_selector("#results td.boolean")
        assert page.inner_text("#results td.boolean") == "true"
        page.fill("#query", "SELECT * WHERE {\n  ?s ?p ?o\n  FILTER(?s = ) }")
        page.press("#query", "Control+Enter")
        page.wait_for_selector("#error:not([hidden])")
        message = page.inner_text("#error")
        assert "Line 3, column" in message and "expected" in message
        assert "[_]" not in message  # the engine's grammar dump is put in words
        assert page.locator("#highlight mark.err").count() == 1

        # a wide result scrolls inside its box, not the page
        page.goto(site.base + "/")
        page.click("button.example >> nth=0")
        page.wait_for_selector("#results table.rows tbody tr")
        assert page.evaluate("document.documentElement.scrollWidth") <= 1400
        page.wait_for_selector("#results a.iri .pn")  # the labels arrived: the shot shows them
        shot(page, "query-1400.png")
        page.set_viewport_size({"width": 400, "height": 900})
        page.goto(site.base + "/?query=" + quote(construct))
        page.wait_for_selector("#results pre.turtle")
        shot(page, "query-400.png", full=True)


def test_search_finds_people_by_any_spelling(site: RunningServer, open_page: OpenPage) -> None:
    for width in WIDTHS:
        with open_page(width) as page:
            page.goto(site.base + "/doc/id/armenia")
            for text, found in (
                ("Papikian", "Suren Papikyan"),
                ("Papikyan", "Suren Papikyan"),
                ("pashin", "Nikol Pashinyan"),
            ):
                page.fill("header form.search input", text)
                page.press("header form.search input", "Enter")
                page.wait_for_selector("ol.hits li.hit")
                first = page.locator("ol.hits li.hit").first
                assert found in first.inner_text(), (text, first.inner_text())
                assert "Person" in first.inner_text()
            shot(page, f"search-{width}.png", full=True)
            page.click("ol.hits li.hit a >> nth=0")
            page.wait_for_selector("h1")
            assert page.inner_text("h1") == "Nikol Pashinyan"


def test_person_in_a_browser(site: RunningServer, open_page: OpenPage) -> None:
    with open_page(1400, 1000) as page:
        page.goto(site.base + "/")
        page.click("button.example >> nth=1")  # exercises with the United States
        page.wait_for_selector("#results table.rows tbody tr")
        rows = page.locator("#results table.rows tbody tr")
        assert rows.count() == 2
        # the rows come first with ids, the labels replace them when their lookup answers
        page.wait_for_selector("#results a.iri:has-text('Eagle Partner 2023')")

        page.goto(site.base + "/id/armenia")  # 303 to the HTML document
        assert page.url.endswith("/doc/id/armenia")
        timeline = page.locator(".wide-only svg.timeline")
        assert timeline.count() == 1 and timeline.is_visible()
        # statuses are what articles report them as of: points, not "active from" bars
        statuses = timeline.locator("circle.mark.attested title").all_text_contents()
        # (a status an article relays as someone's claim is drawn as one: "claimed frozen")
        assert any(re.search(r"(claimed )?frozen: attested 2024-02", s) for s in statuses), statuses
        assert any("active: attested" in s for s in statuses), statuses
        assert timeline.locator("rect.band").count() >= 1  # periods with known starts
        network = page.locator(".wide-only svg.network")
        partners = network.locator("a circle.partner")
        assert partners.count() >= 5
        # one edge per partner: parallel ties are bundled, with their count shown
        assert network.locator("line.tie").count() == partners.count()
        assert "Russia" in (network.text_content() or "")
        if SHOTS:  # tall enough to show the timeline and the partners
            page.set_viewport_size({"width": 1400, "height": 2300})
            shot(page, "armenia-1400.png")

        # a long page folds each fact's properties and sources; inferred values can be hidden
        folded = page.locator("section.facts details.more:not([open])")
        assert folded.count() > 25
        folded.first.locator("summary").click()
        assert page.locator("section.facts details.more[open]").count() == 1
        page.evaluate("document.querySelectorAll('details.more').forEach(d => d.open = true)")
        inferred = page.locator(".value.inferred").first
        assert inferred.is_visible()
        page.check("#hide-inferred")
        assert not inferred.is_visible()

        page.click("section.facts a.source >> nth=0")
        page.wait_for_selector("h1.headline")
        assert "/doc/id/article/" in page.url
        assert page.locator("ul.article-facts li.fact").count() > 5

        with open_page(400, 1000) as phone:
            phone.goto(site.base + "/doc/id/armenia")
            assert phone.locator(".narrow-only svg.timeline").is_visible()
            assert not phone.locator(".wide-only svg.timeline").is_visible()
            if SHOTS:
                phone.set_viewport_size({"width": 400, "height": 2600})
                shot(phone, "armenia-400.png")
