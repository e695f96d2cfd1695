"""The front's lean cached path (``server.http.lean``) answers exactly as the Flask app does.

Two real servers on the same data: one as served by default (lean path on, one front so its
hit counter in ``/health`` is the one that answered), one with ``--no-cache``
(no lean path: every answer comes from the full Flask dispatch and a fresh
evaluation in an executor). For several query
forms, formats and conditional requests, the lean server's answers - the first from Flask,
the repeats from the lean memo (its hit counter proves it) - must equal the reference
server's header by header and byte by byte (``Date`` aside). An update must invalidate it.
"""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from live_server import SAMPLE, RunningServer, health, start_server, start_servers, stop_server
from live_server import post_update as update

from server.http.lean import LeanCache

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LABELS = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER isIRI(?s) } ORDER BY ?s ?l"
)
CONSTRUCT = (
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isIRI(?s) && !isBlank(?o)) } "
    "ORDER BY ?s ?p ?o LIMIT 7"
)
ASK = "ASK { ?s a ?c }"

# Both servers must see the same request URL (the default base IRI, part of the ETag).
BASE_HEADERS = {"User-Agent": "lean-test", "Host": "endpoint.test"}

# (method, query, extra URL parameters, request headers)
CASES = [
    ("GET", COUNT, {}, {"Accept": "application/sparql-results+json"}),
    ("GET", LABELS, {}, {"Accept": "application/sparql-results+xml"}),
    ("GET", LABELS, {}, {"Accept": "text/csv"}),
    ("GET", LABELS, {"format": "tsv"}, {}),
    ("GET", LABELS, {}, {"Accept": "*/*", "Origin": "https://example.org"}),
    ("GET", CONSTRUCT, {}, {"Accept": "text/turtle"}),
    ("GET", CONSTRUCT, {}, {"Accept": "application/n-triples"}),
    ("GET", ASK, {}, {"Accept": "application/sparql-results+json"}),
    ("HEAD", COUNT, {}, {"Accept": "application/sparql-results+json"}),
    ("GET", LABELS, {"default-graph-uri": "https://seckg.example.org/graph/reference"}, {}),
]


def fetch(
    server: RunningServer, method: str, query: str, params: dict[str, str], headers: dict[str, str]
) -> tuple[int, list[tuple[str, str]], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        target = "/sparql?" + urlencode({"query": query, **params})
        conn.request(method, target, headers={**BASE_HEADERS, **headers})
        response = conn.getresponse()
        body = response.read()
        kept = sorted((k.lower(), v) for k, v in response.getheaders() if k.lower() != "date")
        return response.status, kept, body
    finally:
        conn.close()


def lean_hits(server: RunningServer) -> int:
    return int(health(server)["lean_hits"])


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, ...]]:
    tmp = tmp_path_factory.mktemp("lean")
    servers = start_servers(
        tmp,
        [SAMPLE],
        ["--front-workers", "1"],
        ["--front-workers", "1", "--no-cache"],
    )
    yield servers
    for server in servers:
        stop_server(server)


def test_lean_answers_equal_flask_answers(servers: tuple[RunningServer, ...]) -> None:
    lean, reference = servers
    for method, query, params, headers in CASES:
        expected = fetch(reference, method, query, params, headers)
        assert expected[0] == 200 and any(k == "etag" for k, _ in expected[1])
        first = fetch(lean, method, query, params, headers)  # the Flask app answers
        assert first == expected, (method, query, params, headers)
        before = lean_hits(lean)
        for _ in range(2):
            assert fetch(lean, method, query, params, headers) == expected
        assert lean_hits(lean) == before + 2, "the repeats were not answered by the lean path"


def test_lean_conditional_request_equals_flask(servers: tuple[RunningServer, ...]) -> None:
    lean, reference = servers
    accept = {"Accept": "application/sparql-results+json"}
    etag = dict(fetch(reference, "GET", LABELS, {}, accept)[1])["etag"]
    conditional = {**accept, "If-None-Match": etag}
    expected = fetch(reference, "GET", LABELS, {}, conditional)
    assert expected[0] == 304
    assert fetch(lean, "GET", LABELS, {}, conditional) == expected
    before = lean_hits(lean)
    assert fetch(lean, "GET", LABELS, {}, conditional) == expected
    assert lean_hits(lean) == before + 1


def test_headers_that_shape_the_answer_are_part_of_the_key(
    servers: tuple[RunningServer, ...],
) -> None:
    lean, reference = servers
    for accept in ("application/sparql-results+json", "text/csv"):
        headers = {"Accept": accept}
        fetch(lean, "GET", COUNT, {}, headers)
        assert fetch(lean, "GET", COUNT, {}, headers) == fetch(reference, "GET", COUNT, {}, headers)
    # The base IRI defaults to the request URL, so Host is part of the key.
    query = "SELECT ?x WHERE { BIND(<relative> AS ?x) }"
    for host in ("one.example", "two.example"):
        headers = {"Host": host}
        fetch(lean, "GET", query, {}, headers)
        answer = fetch(lean, "GET", query, {}, headers)
        assert host.encode() in answer[2]
        assert answer == fetch(reference, "GET", query, {}, headers)


def test_update_invalidates_lean_answers(servers: tuple[RunningServer, ...]) -> None:
    lean, reference = servers
    headers = {"Accept": "application/sparql-results+json"}
    fetch(lean, "GET", COUNT, {}, headers)
    old = fetch(lean, "GET", COUNT, {}, headers)  # kept by the lean path
    text = "INSERT DATA { GRAPH <https://seckg.example.org/graph/lean> { <urn:l:a> <urn:l:p> 1 } }"
    update(lean, text)
    update(reference, text)
    before = lean_hits(lean)
    new = fetch(lean, "GET", COUNT, {}, headers)
    assert lean_hits(lean) == before, "a kept answer outlived the update"
    assert new != old and new[2] != old[2]
    assert new == fetch(reference, "GET", COUNT, {}, headers)
    assert fetch(lean, "GET", COUNT, {}, headers) == new
    assert lean_hits(lean) == before + 1


def _asks(tag: str) -> tuple[str, str]:
    """Two different queries about one update of ``tag``: both false before it, true after."""
    return f"ASK {{ <urn:{tag}:s> ?p ?o }}", f'ASK {{ ?s ?p "{tag}" }}'


def _insert(tag: str) -> str:
    triple = f'<urn:{tag}:s> <urn:{tag}:p> "{tag}"'
    return f"INSERT DATA {{ GRAPH <https://seckg.example.org/graph/{tag}> {{ {triple} }} }}"


def _boolean(answer: tuple[int, list[tuple[str, str]], bytes]) -> bool:
    assert answer[0] == 200, answer
    return bool(json.loads(answer[2])["boolean"])


def test_update_invalidates_every_kept_answer(servers: tuple[RunningServer, ...]) -> None:
    """Not just the first answer asked for again: every query kept before an update is
    answered anew after it (the memo is emptied when the version changes)."""
    lean, _ = servers
    headers = {"Accept": "application/sparql-results+json"}
    queries = _asks("lean-two")
    for query in queries:
        for _ in range(2):  # the second is answered from the memo
            assert _boolean(fetch(lean, "GET", query, {}, headers)) is False
    before = lean_hits(lean)
    for query in queries:
        assert _boolean(fetch(lean, "GET", query, {}, headers)) is False
    assert lean_hits(lean) == before + 2  # both were kept
    update(lean, _insert("lean-two"))
    for query in (*queries, *reversed(queries)):
        assert _boolean(fetch(lean, "GET", query, {}, headers)) is True, query


def test_update_through_one_front_invalidates_the_other(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Two fronts: an update applied through either must reach the lean memo of both (each
    request on a new connection, so both fronts answer some; every answer after the update
    must be the new one)."""
    server = start_server(
        tmp_path_factory.mktemp("lean2"), [SAMPLE], extra_args=["--front-workers", "2"]
    )
    try:
        headers = {"Accept": "application/sparql-results+json"}
        old = {repr(fetch(server, "GET", COUNT, {}, headers)) for _ in range(20)}
        assert len(old) == 1
        # two more queries kept by both fronts: every one must be answered anew after the
        # update, not only the first each front is asked (issue 23)
        queries = _asks("lean-fronts")
        for query in queries:
            assert not any(_boolean(fetch(server, "GET", query, {}, headers)) for _ in range(20))
        update(server, _insert("lean-fronts"))
        new = {repr(fetch(server, "GET", COUNT, {}, headers)) for _ in range(20)}
        assert len(new) == 1 and new != old
        for query in queries:
            assert all(_boolean(fetch(server, "GET", query, {}, headers)) for _ in range(20))
    finally:
        stop_server(server)


class _Data:
    """What the memo reads of a dataset: its version, and no journal (one process)."""

    version = "v1"
    journal = None


def test_only_small_answers_with_an_etag_are_kept() -> None:
    """In process: the memo keeps an answer only up to a quarter of its byte bound, so that
    one big answer never pushes out the small ones (the response cache's rule too), and
    only a 200/304 with an ETag (what the response cache would give again)."""
    memo = LeanCache(_Data(), max_entries=10, max_bytes=400)  # type: ignore[arg-type]
    etag = [(b"etag", b'"x"')]
    small, big = ("GET", b"/sparql", b"query=small", ()), ("GET", b"/sparql", b"query=big", ())
    memo.put(small, "v1", 200, etag, b"s" * 100, 1)
    memo.put(big, "v1", 200, etag, b"b" * 101, 1)
    assert memo.get(big)[0] is None
    kept = memo.get(small)[0]
    assert kept is not None and kept.body == b"s" * 100
    memo.put(big, "v1", 500, etag, b"e", 0)  # an error, however small, is never kept
    assert memo.get(big)[0] is None
    memo.put(big, "v1", 200, [(b"content-type", b"text/plain")], b"n", 0)  # nor without ETag
    assert memo.get(big)[0] is None
