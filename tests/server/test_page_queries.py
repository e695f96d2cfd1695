"""An entity page asks the store the same handful of queries however many facts it shows.

Why: the pages once ran about six queries per fact (Armenia's page, 215 facts: 1,358 queries,
and more with every article). Each page here is rendered by the real app over the frozen
fixture corpus's build, with the store's ``query`` calls counted, for a big and a small page
of one kind. A page that asked even one query per fact would differ from the small one by at
least the difference in their facts; the pages read in one query per reader
(server/lod/batch.py) differ only by the few readers a page with nothing to show skips.
Counting, not timing: the numbers do not depend on the machine.
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from kg import config
from kg.build import BuildResult
from server import ServerConfig, create_app
from server.data.dataset import Dataset
from server.data.loader import load_files
from tests.reliability.benchscripts import bench_module

# (big page, small page) of one kind, from the frozen five articles
PAIRS = {
    "state": ("/doc/id/armenia", "/doc/id/india"),
    "article": ("/doc/id/article/002_b6a23184027507e9", "/doc/id/article/003_2df4d016d329b367"),
}


# the benchmark's own counting wrapper (bench/entity_page.py), so the two count alike
CountingStore = bench_module("entity_page").CountingStore


@pytest.fixture(scope="module")
def app(built: tuple[config.Paths, BuildResult]) -> tuple[FlaskClient, CountingStore]:
    dist = built[0].dist
    settings = ServerConfig(files=(dist / "dataset.nq",), response_cache=False, dist_dir=dist)
    loaded = load_files(list(settings.files))
    counting = CountingStore(loaded.store)
    return create_app(settings, dataset=Dataset(counting, loaded.version)).test_client(), counting


def _render(app: tuple[FlaskClient, CountingStore], path: str) -> tuple[int, int]:
    """(queries the page ran, facts it lists)."""
    client, counting = app
    before = counting.queries
    response = client.get(path)
    assert response.status_code == 200, path
    return counting.queries - before, response.get_data(as_text=True).count('<li class="fact')


@pytest.mark.parametrize("kind", sorted(PAIRS))
def test_a_page_runs_no_query_per_fact(app: tuple[FlaskClient, CountingStore], kind: str) -> None:
    big, small = PAIRS[kind]
    big_queries, big_facts = _render(app, big)
    small_queries, small_facts = _render(app, small)
    more_facts = big_facts - small_facts
    assert more_facts >= 10, f"{big} must list many more facts than {small} to tell"
    assert big_queries - small_queries < more_facts // 2, (
        f"{big}: {big_queries} queries for {big_facts} facts, "
        f"{small}: {small_queries} for {small_facts}"
    )
