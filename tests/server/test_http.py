"""HTTP behaviour of the running endpoint: formats, errors, caching, CORS, limits, health."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
import rdflib
import requests
from live_server import GRAPH, RunningServer

SELECT_STATES = (
    "PREFIX sk: <https://seckg.example.org/ontology#> SELECT ?s WHERE { ?s a sk:State } ORDER BY ?s"
)
CONSTRUCT = (
    "PREFIX sk: <https://seckg.example.org/ontology#> "
    "CONSTRUCT { ?s sk:memberOf ?a } WHERE { ?s sk:memberOf ?a }"
)
SRX = "{http://www.w3.org/2005/sparql-results#}"
SRX_TYPE = "application/sparql-results+xml"
FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
LEAKS = (b"Traceback", b'File "', b"/work/", b".py", b"site-packages")


def get(server: RunningServer, query: str | None = None, **kwargs: object) -> requests.Response:
    params = dict(kwargs.pop("params", {}) or {})  # type: ignore[arg-type]
    if query is not None:
        params["query"] = query
    return requests.get(server.sparql, params=params, timeout=10, **kwargs)  # type: ignore[arg-type]


def bindings(response: requests.Response) -> list[dict[str, str]]:
    data = response.json()
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


# ------------------------------------------------------------------------ query forms
def test_get_post_form_and_post_direct_agree(server: RunningServer) -> None:
    by_get = get(server, SELECT_STATES)
    by_form = requests.post(server.sparql, data={"query": SELECT_STATES}, timeout=10)
    by_direct = requests.post(
        server.sparql,
        data=SELECT_STATES.encode(),
        headers={"Content-Type": "application/sparql-query; charset=utf-8"},
        timeout=10,
    )
    for response in (by_get, by_form, by_direct):
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "application/sparql-results+json"
    assert bindings(by_get) == bindings(by_form) == bindings(by_direct)
    assert len(bindings(by_get)) == 5


def test_default_graph_is_the_union_of_all_graphs(server: RunningServer) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert bindings(get(server, count)) == [{"n": "64"}]
    one = get(server, count, params={"default-graph-uri": GRAPH + "article/1"})
    assert bindings(one) == [{"n": "9"}]
    unknown = get(server, count, params={"default-graph-uri": "http://nowhere.example/g"})
    assert bindings(unknown) == [{"n": "0"}]


def test_asserted_facts_only_by_excluding_the_inferred_graph(server: RunningServer) -> None:
    query = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a <http://www.w3.org/2002/07/owl#Thing> } "
        f"FILTER (?g != <{GRAPH}inferred>) }}"
    )
    assert bindings(get(server, query)) == [{"n": "0"}]


def test_from_clause_selects_a_local_graph(server: RunningServer) -> None:
    query = f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}article/2> WHERE {{ ?s ?p ?o }}"
    assert bindings(get(server, query)) == [{"n": "8"}]


def test_falsy_values_survive_every_format(server: RunningServer) -> None:
    query = (
        "PREFIX sk: <https://seckg.example.org/ontology#> "
        "PREFIX schema: <http://schema.org/> "
        "SELECT ?active ?score ?comment WHERE { "
        "<https://seckg.example.org/id/a1> sk:active ?active ; sk:score ?score ; "
        "schema:comment ?comment }"
    )
    as_json = bindings(get(server, query))
    assert as_json == [{"active": "false", "score": "0", "comment": ""}]
    root = ET.fromstring(get(server, query, params={"format": "xml"}).content)
    literals = root.findall(f".//{SRX}literal")
    assert sorted((lit.text or "") for lit in literals) == ["", "0", "false"]
    rows = list(csv.reader(io.StringIO(get(server, query, params={"format": "csv"}).text)))
    assert rows == [["active", "score", "comment"], ["false", "0", ""]]


@pytest.mark.parametrize(
    ("accept", "param", "media_type"),
    [
        (None, None, "application/sparql-results+json"),
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("text/csv", None, "text/csv"),
        ("text/tab-separated-values", None, "text/tab-separated-values"),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.8", None, SRX_TYPE),
        ("application/sparql-results+xml, application/rdf+xml", None, SRX_TYPE),
        ("text/html", "json", "application/sparql-results+json"),
        (None, "tsv", "text/tab-separated-values"),
        (None, "application/sparql-results+xml", "application/sparql-results+xml"),
    ],
)  # fmt: skip
def test_select_content_negotiation(
    server: RunningServer, accept: str | None, param: str | None, media_type: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    params = {"format": param} if param else {}
    response = get(server, SELECT_STATES, headers=headers, params=params)
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == media_type
    assert "Accept" in response.headers["Vary"]


@pytest.mark.parametrize(
    ("accept", "param", "media_type", "rdflib_format"),
    [
        (None, None, "text/turtle", "turtle"),
        ("text/turtle", None, "text/turtle", "turtle"),
        ("application/n-triples", None, "application/n-triples", "nt"),
        ("application/rdf+xml", None, "application/rdf+xml", "xml"),
        ("application/ld+json", None, "application/ld+json", "json-ld"),
        ("application/sparql-results+xml, application/rdf+xml", None, "application/rdf+xml", "xml"),
        (None, "ntriples", "application/n-triples", "nt"),
        (None, "jsonld", "application/ld+json", "json-ld"),
        (None, "rdfxml", "application/rdf+xml", "xml"),
        (None, "nquads", "application/n-quads", "nquads"),
        (None, "trig", "application/trig", "trig"),
    ],
)  # fmt: skip
def test_construct_content_negotiation(
    server: RunningServer,
    accept: str | None,
    param: str | None,
    media_type: str,
    rdflib_format: str,
) -> None:
    headers = {"Accept": accept} if accept else {}
    params = {"format": param} if param else {}
    response = get(server, CONSTRUCT, headers=headers, params=params)
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == media_type
    if rdflib_format in ("nquads", "trig"):
        graph = rdflib.Dataset().parse(data=response.content, format=rdflib_format)
    else:
        graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert len(graph) == 2


def test_unacceptable_format_is_406_with_the_supported_list(server: RunningServer) -> None:
    response = get(server, SELECT_STATES, headers={"Accept": "text/html"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text
    construct = get(server, CONSTRUCT, headers={"Accept": "text/csv"})
    assert construct.status_code == 406
    assert "text/turtle" in construct.text
    wrong_kind = get(server, SELECT_STATES, params={"format": "turtle"}, headers={"Accept": "x/y"})
    assert wrong_kind.status_code == 406


def test_sparqlwrapper_style_extra_parameters_are_ignored(server: RunningServer) -> None:
    params = {"format": "json", "output": "json", "results": "json", "timeout": "0"}
    response = get(server, SELECT_STATES, params=params)
    assert response.status_code == 200
    assert len(bindings(response)) == 5


# ------------------------------------------------------------------------------ errors
@pytest.mark.parametrize(
    ("method", "kwargs", "status"),
    [
        ("GET", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
        ("GET", {"params": {"query": "ASK {", "format": "json"}}, 400),
        ("GET", {"params": {"update": "CLEAR ALL"}}, 400),
        ("GET", {"params": {"query": "ASK {}", "default-graph-uri": "not an iri"}}, 400),
        ("GET", {"params": {"query": "ASK {}", "using-graph-uri": "http://g"}}, 400),
        ("POST", {"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400),
        ("POST", {"data": {"foo": "bar"}}, 400),
        ("POST", {"data": b"query=%FF%FE", "headers": {"Content-Type": FORM_TYPE}}, 400),
        ("POST", {"data": "ASK {}".encode("utf-16"), "headers": {"Content-Type": QUERY_TYPE}}, 400),
        ("POST", {"data": b"ASK {}", "headers": {"Content-Type": QUERY_TYPE + ";charset=l1"}}, 400),
        ("POST", {"data": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
        ("POST", {"data": b"ASK {}", "headers": {"Content-Type": ""}}, 415),
        ("PUT", {"params": {"query": "ASK {}"}}, 405),
        ("DELETE", {}, 405),
        ("POST", {"data": b"x" * 1_100_000, "headers": {"Content-Type": QUERY_TYPE}}, 413),
    ],
)  # fmt: skip
def test_bad_requests(server: RunningServer, method: str, kwargs: dict, status: int) -> None:
    response = requests.request(method, server.sparql, timeout=10, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("text/plain")
    assert not any(leak in response.content for leak in LEAKS)
    if status == 405:
        assert "POST" in response.headers["Allow"]


def test_syntax_error_reports_the_parser_position(server: RunningServer) -> None:
    response = get(server, "SELECT * WHERE { ?s ?p }")
    assert response.status_code == 400
    assert "error at 1:" in response.text


def test_unknown_path_is_a_plain_404(server: RunningServer) -> None:
    response = requests.get(server.base + "/nothing/here", timeout=10)
    assert response.status_code == 404
    assert not any(leak in response.content for leak in LEAKS)


# --------------------------------------------------------------------- limits, caching
def test_row_limit_is_announced(server: RunningServer) -> None:
    everything = get(server, "SELECT * WHERE { ?s ?p ?o }")
    assert everything.status_code == 200
    assert everything.headers["X-SPARQL-Truncated"] == "true"
    assert everything.headers["X-SPARQL-Row-Limit"] == "20"
    assert len(bindings(everything)) == 20
    small = get(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 20")
    assert "X-SPARQL-Truncated" not in small.headers
    assert len(bindings(small)) == 20
    triples = get(server, "CONSTRUCT WHERE { ?s ?p ?o }", params={"format": "ntriples"})
    assert triples.headers["X-SPARQL-Truncated"] == "true"
    assert len(triples.text.strip().splitlines()) == 20


def test_etag_and_conditional_get(server: RunningServer) -> None:
    first = get(server, SELECT_STATES)
    etag = first.headers["ETag"]
    assert get(server, SELECT_STATES).headers["ETag"] == etag
    revalidated = get(server, SELECT_STATES, headers={"If-None-Match": etag})
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated.headers["ETag"] == etag
    assert get(server, SELECT_STATES, params={"format": "xml"}).headers["ETag"] != etag
    assert get(server, SELECT_STATES + " LIMIT 2").headers["ETag"] != etag
    assert get(server, SELECT_STATES, headers={"If-None-Match": '"other"'}).status_code == 200


# ------------------------------------------------------------------------- CORS, health
def test_cors_preflight_and_simple_requests(server: RunningServer) -> None:
    preflight = requests.options(
        server.sparql,
        headers={
            "Origin": "https://app.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
        timeout=10,
    )
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()
    assert "authorization" not in preflight.headers["Access-Control-Allow-Headers"].lower()
    response = get(server, SELECT_STATES, headers={"Origin": "https://app.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-SPARQL-Truncated" in response.headers["Access-Control-Expose-Headers"]


def test_health(server: RunningServer) -> None:
    response = requests.get(server.base + "/health", timeout=10)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["triples"] == 64
    assert body["graphs"] == 5
    assert len(body["version"]) == 32


def test_service_description(server: RunningServer) -> None:
    response = requests.get(server.sparql, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    service = rdflib.URIRef(server.sparql)
    assert (service, rdflib.RDF.type, sd.Service) in graph
    assert (service, sd.endpoint, service) in graph
    assert (service, sd.feature, sd.UnionDefaultGraph) in graph
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) in graph
    names = {str(n) for n in graph.objects(None, sd.name)}
    assert GRAPH + "article/1" in names and len(names) == 5
    counts = sorted(int(c) for c in graph.objects(None, void.triples))
    assert counts[-1] == 64
    as_jsonld = requests.get(server.sparql, headers={"Accept": "application/ld+json"}, timeout=10)
    assert as_jsonld.headers["Content-Type"] == "application/ld+json"
    assert len(rdflib.Graph().parse(data=as_jsonld.content, format="json-ld")) == len(graph)
    as_xml = requests.get(server.sparql, params={"format": "rdfxml"}, timeout=10)
    assert len(rdflib.Graph().parse(data=as_xml.content, format="xml")) == len(graph)


def test_access_log_has_one_line_per_request(server: RunningServer) -> None:
    marker = "SELECT * WHERE { ?s ?p ?o } LIMIT 3"
    get(server, marker)
    lines = [line for line in server.log().splitlines() if "server.access" in line]
    assert any("GET /sparql 200" in line and "rows=3" in line and "ms" in line for line in lines)
    json.dumps(lines)  # plain text, one request per line
