"""``create_app`` without gunicorn (embedding, Flask test client) and the update journal."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient
from live_server import SAMPLE
from pyoxigraph import Store

from server import ServerConfig, create_app
from server.data.dataset import Dataset
from server.data.journal import Journal
from server.data.loader import load_files

TOKEN = "in-process-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def client(**options: object) -> FlaskClient:
    config = ServerConfig(files=(SAMPLE,), update_token=TOKEN, **options)  # type: ignore[arg-type]
    return create_app(config).test_client()


@pytest.mark.parametrize("cache", [True, False])
def test_answers_are_the_same_with_and_without_the_response_cache(cache: bool) -> None:
    app = client(response_cache=cache)
    query = {"query": "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 5"}
    first, second = app.get("/sparql", query_string=query), app.get("/sparql", query_string=query)
    assert first.status_code == second.status_code == 200
    assert first.data == second.data
    assert first.headers["ETag"] == second.headers["ETag"]


def test_update_changes_version_and_etag_in_process() -> None:
    app = client()
    query = {"query": "ASK { <urn:x:s> ?p ?o }"}
    before = app.get("/sparql", query_string=query)
    assert before.json == {"head": {}, "boolean": False}
    response = app.post(
        "/sparql", data={"update": "INSERT DATA { <urn:x:s> <urn:x:p> 1 }"}, headers=AUTH
    )
    assert response.status_code == 200
    after = app.get(
        "/sparql", query_string=query, headers={"If-None-Match": before.headers["ETag"]}
    )
    assert after.status_code == 200
    assert after.json == {"head": {}, "boolean": True}


def test_service_description_without_updates_omits_update_language() -> None:
    app = create_app(ServerConfig(files=(SAMPLE,))).test_client()
    body = app.get("/sparql", headers={"Accept": "application/n-triples"}).data.decode()
    assert "SPARQL11Query" in body
    assert "SPARQL11Update" not in body


def test_journal_keeps_two_workers_identical(tmp_path: Path) -> None:
    """Two processes' datasets, one journal: effects (blank nodes, UUIDs) replay exactly."""
    journal_path = tmp_path / "updates.journal"
    base = load_files([SAMPLE])
    a = Dataset(base.store, base.version, Journal(journal_path))
    forked = Store()  # a forked worker has the master's store, blank-node labels included
    forked.extend(base.store)
    b = Dataset(forked, base.version, Journal(journal_path))
    a.update(
        "INSERT { GRAPH <urn:g> { _:n <urn:id> ?id ; <urn:at> ?now } } "
        "WHERE { BIND(STRUUID() AS ?id) BIND(NOW() AS ?now) }",
        None,
    )
    a.update(
        "DELETE WHERE { GRAPH ?g { ?s <https://seckg.example.org/ontology#isoCode> ?c } }", None
    )
    assert a.version != base.version
    b.sync()
    assert b.version == a.version
    assert set(a.store) == set(b.store)
    b.update("INSERT DATA { <urn:s> <urn:p> _:x }", None)
    a.sync()
    assert set(a.store) == set(b.store) and a.version == b.version


def test_update_without_effect_keeps_the_version(tmp_path: Path) -> None:
    base = load_files([SAMPLE])
    dataset = Dataset(base.store, base.version, Journal(tmp_path / "j"))
    dataset.update("DELETE DATA { <urn:absent> <urn:p> <urn:o> }", None)
    assert dataset.version == base.version
    assert (tmp_path / "j").read_bytes() == b""


def test_unexpected_errors_are_a_generic_500_without_details() -> None:
    app = create_app(ServerConfig(files=(SAMPLE,)))

    @app.route("/boom")
    def boom() -> str:
        raise KeyError("/secret/path/module.py line 42")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert response.data == b"500 Internal Server Error\n"
    assert response.headers["Content-Type"].startswith("text/plain")
