"""An article with publication bounds and no date is shown as not dated, never as a date:
/articles gives it an "undated" year facet (with its count) and says its bounds in the date
column; its page says "not dated; published between … and …" (docs/modelling.md, "Undated
articles"). Real files, the real build, the pages the server renders."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import requests
from live_server import RunningServer, start_server, stop_server

from kg import config
from kg.build import build
from tests.conftest import corpus_with
from tests.curate.test_undated_articles import BOTH, LOW_ONLY, undated_articles


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    paths: config.Paths = corpus_with(tmp_path_factory.mktemp("undated-site"), undated_articles())
    build(paths)
    srv = start_server(
        tmp_path_factory.mktemp("site"),
        [],
        token=None,
        command=("-m", "kg.cli", "serve", "--dist", str(paths.dist)),
    )
    yield srv
    stop_server(srv)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_articles_have_an_undated_year_facet(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/articles", timeout=30).text
    facet = re.search(r'<div class="facet" id="facet-year">(.*?)</div>', page, re.S)
    assert facet is not None
    assert re.search(r'href="/articles\?year=undated">undated <span class="n">2</span>', facet[1])
    # the frozen corpus's five dated articles keep their years; none shows a bound as a year
    assert "2023 <span" in facet[1] and ">2022 <" not in facet[1]
    cells = re.findall(r'<td class="date">(.*?)</td>', page)
    assert len(cells) == 7
    text = _text(page)
    assert "not dated; published between 2023-01 and 2023-03" in text
    assert "not dated; published no earlier than 2023-02" in text


def test_the_undated_filter_keeps_only_undated_articles(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/articles?year=undated", timeout=30).text
    assert len(re.findall(r'<td class="date">', page)) == 2
    assert f"/doc/id/article/{BOTH}" in page and f"/doc/id/article/{LOW_ONLY}" in page


def test_the_article_page_says_not_dated(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/doc/id/article/{BOTH}", timeout=30).text
    text = _text(page)
    assert "Published not dated; published between 2023-01 and 2023-03" in text, text
    assert "unknown" not in text.split("Date note")[0]
    page = requests.get(f"{site.base}/doc/id/article/{LOW_ONLY}", timeout=30).text
    assert "not dated; published no earlier than 2023-02" in _text(page)
