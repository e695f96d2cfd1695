"""No outbound requests: nothing a client sends, and no data file served, makes the server
open a connection. Every check points the would-be fetch at a loopback canary that counts TCP
connections, and requires zero of them.

Already covered in ``tests/server/test_safety.py`` (not repeated here): plain/SILENT/prefixed
``SERVICE`` and ``SERVICE ?var`` over POST (``test_service_makes_no_connection``), ``FROM``
plus the ``default-graph-uri``/``named-graph-uri`` parameters on an empty pattern
(``test_from_and_dataset_parameters_never_fetch``) and a plain ``LOAD`` with the token
(``test_load_is_refused_even_with_the_token``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from canary import Canary
from live_server import REPO, TOKEN, RunningServer

QUERY_TYPE = "application/sparql-query"


def _version(server: RunningServer) -> str:
    return str(requests.get(server.base + "/health", timeout=10).json()["version"])


def _update(server: RunningServer, text: str, **params: str) -> requests.Response:
    return requests.post(
        server.sparql,
        data={"update": text, **params},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )


def test_canary_sees_an_allow_listed_service(sample_server: RunningServer, canary: Canary) -> None:
    """Positive control: when SERVICE *is* allowed, the canary counts the connection, so a
    zero elsewhere means "no connection", not "a canary that cannot see"."""
    before = canary.count_after(0)
    response = requests.post(
        sample_server.sparql,
        data={"query": f"SELECT * WHERE {{ SERVICE SILENT <{canary.url('/allowed')}> {{ }} }}"},
        timeout=30,
    )
    assert response.status_code == 200
    assert canary.count_after() > before


# --------------------------------------------------------------------- SERVICE, refused
SERVICE_QUERIES = [
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <{url}> { ?s ?p ?o } } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <{url}> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <{url}> { ?s ?p ?o } } }",
    "ASK { GRAPH ?g { SERVICE <{url}> { } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "BASE <{url}> SELECT * WHERE { SERVICE <relative> { } }",
    "PREFIX c: <{url}> SELECT * WHERE { SERVICE c: { } }",
    r"SELECT * WHERE { \u0053ERVICE <{url}> { } }",
    "select * where { service silent <{url}> { } }",
    "SELECT * WHERE { BIND(<{url}> AS ?u) SERVICE ?u { } }",
]


@pytest.mark.parametrize("how", ["GET", "form", "direct"])
@pytest.mark.parametrize("template", SERVICE_QUERIES)
def test_service_in_any_position_or_transport_makes_no_connection(
    sample_server: RunningServer, canary: Canary, template: str, how: str
) -> None:
    text = template.replace("{url}", canary.url("/blocked"))
    before = canary.count_after(0)
    if how == "GET":
        response = requests.get(sample_server.sparql, params={"query": text}, timeout=30)
    elif how == "form":
        response = requests.post(sample_server.sparql, data={"query": text}, timeout=30)
    else:
        response = requests.post(
            sample_server.sparql,
            data=text.encode(),
            headers={"Content-Type": QUERY_TYPE},
            timeout=30,
        )
    assert response.status_code == 400, response.text
    assert "SERVICE" in response.text
    assert canary.count_after() == before


def test_service_inside_an_update_makes_no_connection(
    sample_server: RunningServer, canary: Canary
) -> None:
    before, version = canary.count_after(0), _version(sample_server)
    url = canary.url("/blocked")
    for text in (
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"DELETE {{ ?s ?p ?o }} WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"INSERT DATA {{ <urn:a> <urn:b> 1 }} ; "
        f"INSERT {{ ?s ?p 2 }} WHERE {{ SERVICE <{url}> {{ }} }}",
    ):
        response = _update(sample_server, text)
        assert response.status_code == 400, response.text
        assert "SERVICE" in response.text
    assert canary.count_after() == before
    assert _version(sample_server) == version  # the first half of the last one was not applied


# ------------------------------------------------------------------------ LOAD, refused
@pytest.mark.parametrize(
    "template",
    [
        "LOAD SILENT <{url}>",
        "LOAD <{url}> INTO GRAPH <urn:g>",
        "load <{url}>",
        r"\u004cOAD <{url}>",
        "INSERT DATA { <urn:a> <urn:b> 1 } ; LOAD <{url}>",
        "PREFIX c: <{url}> LOAD c:data",
    ],
)
def test_load_in_any_spelling_makes_no_connection_and_changes_nothing(
    sample_server: RunningServer, canary: Canary, template: str
) -> None:
    before, version = canary.count_after(0), _version(sample_server)
    response = _update(sample_server, template.replace("{url}", canary.url("/data.ttl")))
    assert response.status_code == 400
    assert "LOAD" in response.text
    assert canary.count_after() == before
    assert _version(sample_server) == version


# ------------------------------------------------- graph names are names, never fetched
def test_from_and_from_named_are_local_graph_names(
    sample_server: RunningServer, canary: Canary
) -> None:
    """Oxigraph treats FROM/FROM NAMED IRIs as names of graphs in the store: an http IRI on
    the canary is simply an empty graph, answered 200 without a connection."""
    url = canary.url("/graph.ttl")
    before = canary.count_after(0)
    queries = [
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}> FROM NAMED <{url}> WHERE {{ GRAPH <{url}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"DESCRIBE <{url}>",
        f"ASK {{ GRAPH <{url}> {{ ?s ?p ?o }} }}",
    ]
    for text in queries:
        response = requests.get(
            sample_server.sparql,
            params={"query": text},
            headers={"Accept": "application/sparql-results+json, application/n-triples"},
            timeout=30,
        )
        assert response.status_code == 200, (text, response.text)
        if response.headers["Content-Type"].startswith("application/sparql-results+json"):
            data = response.json()  # nothing found: an empty graph, not fetched data
            assert data.get("boolean") in (None, False)
            assert not data.get("results", {}).get("bindings")
        else:
            assert response.content.strip() == b""
    assert canary.count_after() == before


def test_update_graph_iris_are_local_names(sample_server: RunningServer, canary: Canary) -> None:
    """USING/USING NAMED/WITH, the using-graph-uri parameters and the graph management
    operations name graphs in the store; none of them dereferences its IRI."""
    url = canary.url("/g")
    before = canary.count_after(0)
    updates = [
        (f"INSERT {{ <urn:x> <urn:y> 1 }} USING <{url}> WHERE {{ ?s ?p ?o }}", {}),
        (f"INSERT {{ <urn:x> <urn:y> 2 }} USING NAMED <{url}> WHERE {{ }}", {}),
        (f"WITH <{url}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}", {}),
        ("INSERT { <urn:x> <urn:y> 3 } WHERE { ?s ?p ?o }", {"using-graph-uri": url}),
        ("INSERT { <urn:x> <urn:y> 4 } WHERE { }", {"using-named-graph-uri": url}),
        (f"CREATE SILENT GRAPH <{url}>", {}),
        (f"ADD SILENT <{url}> TO <urn:copy>", {}),
        (f"COPY SILENT <{url}> TO <urn:copy>", {}),
        (f"MOVE SILENT <{url}> TO <urn:copy>", {}),
        (f"CLEAR SILENT GRAPH <{url}>", {}),
        (f"DROP SILENT GRAPH <{url}>", {}),
    ]
    for text, params in updates:
        response = _update(sample_server, text, **params)
        assert response.status_code == 200, (text, response.text)
    assert canary.count_after() == before


# ------------------------------------------------------- Linked Data paths are not SPARQL
@pytest.mark.parametrize("prefix", ["/id/", "/doc/id/", "/code/", "/graph/", "/doc/graph/"])
@pytest.mark.parametrize("suffix", ["", ".ttl"])
def test_entity_paths_cannot_inject_a_service_clause(
    sample_server: RunningServer, canary: Canary, prefix: str, suffix: str
) -> None:
    """The page queries paste the path into SPARQL as ``<iri>``; a path that would close the
    IRI and add a SERVICE pattern is not an IRI, so it is a 404 and nothing is queried."""
    before = canary.count_after(0)
    injected = f"x> ?p ?o }} UNION {{ SERVICE <{canary.url('/lod')}> {{ ?s ?p ?o }} }} }} LIMIT 1 #"
    response = requests.get(
        sample_server.base + prefix + quote(injected) + suffix,
        headers={"Accept": "text/turtle"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 404
    assert canary.count_after() == before


# --------------------------------------------------- a served file with a remote context
def _serve_and_expect_refusal(
    tmp_path: Path, document: object, command: list[str]
) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "remote-context.jsonld"
    path.write_text(json.dumps(document), encoding="utf-8")
    return subprocess.run(
        [sys.executable, *command, "--port", "0", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )


def _documents(url: str) -> list[object]:
    node = {"@id": "http://example.org/a", "name": "x"}
    return [
        {"@context": url, **node},
        {"@context": [url, {"name": "http://schema.org/name"}], **node},
        {"@context": {"@version": 1.1, "@import": url, "name": "http://schema.org/name"}, **node},
        {"@context": {"name": {"@id": "http://schema.org/name", "@context": url}}, **node},
        {"@graph": [{"@context": url, **node}]},
    ]


@pytest.mark.parametrize("command", [["-m", "server"], ["-m", "kg.cli", "serve"]])
def test_served_jsonld_with_a_remote_context_is_a_startup_error(
    tmp_path: Path, canary: Canary, command: list[str]
) -> None:
    before = canary.count_after(0)
    for document in _documents(canary.url("/context.jsonld")):
        result = _serve_and_expect_refusal(tmp_path, document, command)
        assert result.returncode not in (0, 3), result.stderr  # 3 would be "internal error"
        assert "remote JSON-LD context" in result.stderr
        assert "Traceback" not in result.stderr
    assert canary.count_after() == before


def test_service_prefix_redeclared_in_a_later_update_operation_is_resolved(
    sample_server: RunningServer, canary: Canary
) -> None:
    """With the first prologue only, ``c:allowed`` would resolve to the allow-listed canary
    URL; the later operation redeclares ``c:``, and the guard resolves it that way."""
    before, version = canary.count_after(0), _version(sample_server)
    text = (
        f"PREFIX c: <{canary.url('/')}> INSERT DATA {{ <urn:a> <urn:b> 1 }} ; "
        f"PREFIX c: <{canary.url('/blocked-')}> "
        "INSERT { ?s ?p 2 } WHERE { SERVICE c:allowed { } }"
    )
    response = _update(sample_server, text)
    assert response.status_code == 400, response.text
    assert f"SERVICE <{canary.url('/blocked-allowed')}> is not on" in response.text
    assert canary.count_after() == before
    assert _version(sample_server) == version
