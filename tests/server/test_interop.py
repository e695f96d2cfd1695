"""Real SPARQL clients against the running endpoint: SPARQLWrapper, rdflib, curl."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import rdflib
import requests
from live_server import RunningServer
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, N3, POST, TURTLE, XML, SPARQLWrapper

PREFIXES = (
    "PREFIX sk: <https://seckg.example.org/ontology#> "
    "PREFIX id: <https://seckg.example.org/id/> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
MEMBERS = PREFIXES + "SELECT ?state WHERE { ?state sk:memberOf id:csto } ORDER BY ?state"
EXPECTED_MEMBERS = ["https://seckg.example.org/id/armenia", "https://seckg.example.org/id/russia"]
LABEL_HY = PREFIXES + 'SELECT ?l WHERE { id:armenia rdfs:label ?l FILTER(lang(?l) = "hy") }'
CONSTRUCT = PREFIXES + "CONSTRUCT { ?s sk:memberOf ?o } WHERE { ?s sk:memberOf ?o }"


def wrapper(server: RunningServer, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.sparql)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_select_json(server: RunningServer) -> None:
    result = wrapper(server, MEMBERS, JSON).queryAndConvert()
    assert [b["state"]["value"] for b in result["results"]["bindings"]] == EXPECTED_MEMBERS


def test_sparqlwrapper_select_json_unicode_over_post(server: RunningServer) -> None:
    client = wrapper(server, LABEL_HY, JSON)
    client.setMethod(POST)
    result = client.queryAndConvert()
    assert result["results"]["bindings"][0]["l"] == {
        "type": "literal",
        "value": "Հայաստան",
        "xml:lang": "hy",
    }


def test_sparqlwrapper_select_xml(server: RunningServer) -> None:
    document = wrapper(server, MEMBERS, XML).queryAndConvert()
    uris = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    assert uris == EXPECTED_MEMBERS


def test_sparqlwrapper_ask(server: RunningServer) -> None:
    query = PREFIXES + "ASK { id:armenia sk:memberOf id:csto }"
    assert wrapper(server, query, JSON).queryAndConvert()["boolean"] is True


@pytest.mark.parametrize("fmt", [XML, TURTLE, N3, JSON])
def test_sparqlwrapper_construct(server: RunningServer, fmt: str) -> None:
    result = wrapper(server, CONSTRUCT, fmt).query()
    converted = result.convert()
    if isinstance(converted, rdflib.Graph):
        graph = converted
    elif fmt == JSON:
        graph = rdflib.Graph().parse(data=json.dumps(converted), format="json-ld")
    else:
        graph = rdflib.Graph().parse(data=converted, format="turtle")
    assert len(graph) == 2


def test_rdflib_sparqlstore(server: RunningServer) -> None:
    graph = rdflib.Graph(store=SPARQLStore(server.sparql))
    rows = list(graph.query(MEMBERS))
    assert [str(row[0]) for row in rows] == EXPECTED_MEMBERS
    assert graph.query(PREFIXES + "ASK { id:armenia sk:memberOf id:csto }").askAnswer is True
    constructed = graph.query(CONSTRUCT).graph
    assert constructed is not None and len(constructed) == 2
    labels = list(graph.query(LABEL_HY))
    assert str(labels[0][0]) == "Հայաստան" and labels[0][0].language == "hy"


def test_rdflib_sparqlstore_keeps_falsy_values(server: RunningServer) -> None:
    graph = rdflib.Graph(store=SPARQLStore(server.sparql))
    query = PREFIXES + "SELECT ?v WHERE { id:a1 sk:active|sk:score ?v } ORDER BY ?v"
    assert sorted(str(row[0]) for row in graph.query(query)) == ["0", "false"]


CURL = shutil.which("curl")

# SPARQLWrapper itself uses deprecated rdflib API and warns about its own Accept choices.
pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Sending Accept header:RuntimeWarning"),
]


@pytest.mark.skipif(CURL is None, reason="curl not installed")
def test_curl_get_csv_and_status_line(server: RunningServer) -> None:
    result = subprocess.run(
        [CURL or "curl", "-s", "-i", "-G", server.sparql, "-H", "Accept: text/csv",
         "--data-urlencode", f"query={MEMBERS}"],
        capture_output=True, timeout=30, check=True,
    )  # fmt: skip
    head, _, body = result.stdout.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert b"content-type: text/csv" in head.lower()  # header names are case-insensitive
    assert body.decode().splitlines() == ["state", *EXPECTED_MEMBERS]


@pytest.mark.skipif(CURL is None, reason="curl not installed")
def test_curl_post_direct_turtle(server: RunningServer) -> None:
    result = subprocess.run(
        [CURL or "curl", "-s", "-f", "-X", "POST", server.sparql,
         "-H", "Content-Type: application/sparql-query", "-H", "Accept: text/turtle",
         "--data-binary", CONSTRUCT],
        capture_output=True, timeout=30, check=True,
    )  # fmt: skip
    graph = rdflib.Graph().parse(data=result.stdout, format="turtle")
    assert len(graph) == 2


def test_jena_style_post_with_h2c_upgrade_header(server: RunningServer) -> None:
    """Jena posts long queries as application/sparql-query;charset=utf-8 and asks for h2c."""
    long_query = MEMBERS + " # " + "x" * 2500
    response = requests.post(
        server.sparql,
        data=long_query.encode(),
        headers={
            "Content-Type": "application/sparql-query;charset=utf-8",
            "Accept": "application/sparql-results+json",
            "Connection": "Upgrade, HTTP2-Settings",
            "Upgrade": "h2c",
            "HTTP2-Settings": "AAMAAABkAARAAAAAAAIAAAAA",
        },
        timeout=10,
    )
    assert response.status_code == 200
    values = [b["state"]["value"] for b in response.json()["results"]["bindings"]]
    assert values == EXPECTED_MEMBERS


def test_comunica_and_roqet_style_requests(server: RunningServer) -> None:
    """Comunica: POST form past 600 chars, CONSTRUCT with Accept text/turtle only.
    roqet: always GET with Accept: application/sparql-results+xml."""
    construct = requests.post(
        server.sparql,
        data={"query": CONSTRUCT + " # " + "y" * 700},
        headers={"Accept": "text/turtle"},
        timeout=10,
    )
    assert construct.headers["Content-Type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=construct.content, format="turtle")) == 2
    select = requests.get(
        server.sparql,
        params={"query": MEMBERS},
        headers={"Accept": "application/sparql-results+xml"},
        timeout=10,
    )
    assert select.headers["Content-Type"] == "application/sparql-results+xml"
    assert b"<uri>https://seckg.example.org/id/armenia</uri>" in select.content
