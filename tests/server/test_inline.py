"""Known-fast queries answered by the front (``server.http.inline``) answer exactly as Flask does.

Two real servers on the same data, both with ``--no-cache`` (no response cache, no lean
memo: every answer is a fresh evaluation) and one front each: one with the inline path (the
default), one with ``--inline-ms 0`` (every answer from the Flask dispatch and an executor).
A text's first answer comes from an executor, which tells the front how long it took; its
repeats are evaluated by the front itself (``inline_hits`` in ``/health`` proves it) and must
equal the reference header by header and byte by byte (``Date`` aside). A slow text must never
be answered inline, and an update must make the front forget what it knew.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from live_server import SAMPLE, RunningServer, health, start_servers, stop_server
from live_server import post_update as update
from test_lean import CASES, COUNT, fetch

from server.execution.admission import text_key
from server.http.inline import InlineQueries

# ~260,000 solutions over the sample data: ~40 ms of CPU, far over the 10 ms the test server allows
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
JSON = {"Accept": "application/sparql-results+json"}


def inline_hits(server: RunningServer) -> int:
    return int(health(server)["inline_hits"])


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, ...]]:
    tmp = tmp_path_factory.mktemp("inline")
    common = ["--front-workers", "1", "--no-cache"]
    # 10 ms (the default is 50): SLOW stays far above it
    servers = start_servers(
        tmp, [SAMPLE], [*common, "--inline-ms", "10"], [*common, "--inline-ms", "0"]
    )
    yield servers
    for server in servers:
        stop_server(server)


def test_inline_answers_equal_flask_answers(servers: tuple[RunningServer, ...]) -> None:
    inline, reference = servers
    assert "inline_hits" not in health(reference)
    for method, query, params, headers in CASES:
        expected = fetch(reference, method, query, params, headers)
        assert expected[0] == 200
        first = fetch(inline, method, query, params, headers)  # an executor answers, and times it
        assert first == expected, (method, query, params, headers)
        before = inline_hits(inline)
        for _ in range(2):
            assert fetch(inline, method, query, params, headers) == expected
        assert inline_hits(inline) == before + 2, "the repeats were not answered inline"


def test_a_slow_text_is_never_answered_inline(servers: tuple[RunningServer, ...]) -> None:
    inline, reference = servers
    expected = fetch(reference, "GET", SLOW, {}, JSON)
    assert expected[0] == 200
    before = inline_hits(inline)
    for _ in range(3):
        assert fetch(inline, "GET", SLOW, {}, JSON) == expected
    assert inline_hits(inline) == before


def test_errors_and_conditional_requests_go_to_the_app(servers: tuple[RunningServer, ...]) -> None:
    inline, reference = servers
    fetch(inline, "GET", COUNT, {}, JSON)  # known fast from here on
    etag = dict(fetch(reference, "GET", COUNT, {}, JSON)[1])["etag"]
    before = inline_hits(inline)
    requests = [
        ("GET", COUNT, {}, {"Accept": "image/png"}),  # 406
        ("GET", COUNT, {"default-graph-uri": "not an IRI"}, JSON),  # 400
        ("GET", COUNT, {"update": "CLEAR ALL"}, JSON),  # 400: update over GET
        ("GET", COUNT, {}, {**JSON, "If-None-Match": etag}),  # 304
    ]
    for method, query, params, headers in requests:
        expected = fetch(reference, method, query, params, headers)
        assert expected[0] in (304, 400, 406)
        assert fetch(inline, method, query, params, headers) == expected
    assert inline_hits(inline) == before


def test_an_update_makes_the_front_forget(servers: tuple[RunningServer, ...]) -> None:
    inline, reference = servers
    fetch(inline, "GET", COUNT, {}, JSON)
    old = fetch(inline, "GET", COUNT, {}, JSON)
    text = "INSERT DATA { GRAPH <https://seckg.example.org/graph/inline> { <urn:i:a> <urn:p> 1 } }"
    update(inline, text)
    update(reference, text)
    before = inline_hits(inline)
    new = fetch(inline, "GET", COUNT, {}, JSON)
    assert inline_hits(inline) == before, "an answer was computed inline on forgotten knowledge"
    assert new != old and new == fetch(reference, "GET", COUNT, {}, JSON)
    assert fetch(inline, "GET", COUNT, {}, JSON) == new  # learnt again on the new version
    assert inline_hits(inline) == before + 1


def test_what_the_front_remembers_of_a_request_includes_its_url(
    servers: tuple[RunningServer, ...],
) -> None:
    """A relative IRI resolves against the request URL: the same query through two host
    names has two answers and two ETags, inline as in the app."""
    inline, reference = servers
    relative = "SELECT ?u WHERE { BIND(<here> AS ?u) }"
    for host in ("one.example", "two.example", "one.example", "two.example"):
        headers = {**JSON, "Host": host}
        expected = fetch(reference, "GET", relative, {}, headers)
        assert expected[0] == 200 and f"http://{host}/here".encode() in expected[2]
        fetch(inline, "GET", relative, {}, headers)  # learnt (first time) or inline
        before = inline_hits(inline)
        assert fetch(inline, "GET", relative, {}, headers) == expected, host
        assert inline_hits(inline) == before + 1


def test_a_text_measured_slow_is_forgotten() -> None:
    """In process: a text once fast and then measured over the limit (the data grew, the
    machine was busy) is no longer answered inline, on the same version."""
    queries = InlineQueries(None, max_ms=10)  # type: ignore[arg-type]  # no endpoint needed
    queries.learn(COUNT, "v1", 0.001)
    assert queries._is_fast(text_key(COUNT), "v1")
    queries.learn(COUNT, "v1", 0.050)
    assert not queries._is_fast(text_key(COUNT), "v1")
    queries.learn(COUNT, "v1", 0.001)
    assert not queries._is_fast(text_key(COUNT), "v2")  # known for its version only


def test_it_remembers_as_many_texts_as_it_is_told() -> None:
    """In process: ``remembered`` fast texts are kept, the least recently learnt goes first."""
    queries = InlineQueries(None, max_ms=10, remembered=2)  # type: ignore[arg-type]
    for text in ("ASK { 1 }", "ASK { 2 }"):
        queries.learn(text, "v1", 0.001)
    assert queries._is_fast(text_key("ASK { 1 }"), "v1")
    assert queries._is_fast(text_key("ASK { 2 }"), "v1")
    queries.learn("ASK { 3 }", "v1", 0.001)
    assert not queries._is_fast(text_key("ASK { 1 }"), "v1")
    assert queries._is_fast(text_key("ASK { 3 }"), "v1")
