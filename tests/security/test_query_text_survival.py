"""Finding 0 of issue 20: no query text, sent with plain GETs, can stop or stall a front.

Two sequences that stopped the server before (each reproduced with curl first):

* a deep expression: ``ASK { FILTER(false) ?s <urn:p> ((1)(1)…(1)) }`` with 2,300 list items
  passes the size limits and costs ~0.02 s in an executor (64 MiB stack), so it was learnt as
  "known fast"; the same text with another ``format`` (a cache miss) was then evaluated on a
  front's event loop (8 MiB stack), the engine overflowed it, the front died with SIGSEGV and
  granian ended the whole server;
* a slow text taught fast: a cartesian product is instant over an empty
  ``default-graph-uri``, so the text was learnt as fast, and the same text over the whole
  dataset then ran inline on the front's loop with no deadline, past ``--timeout``, while
  every other request on that front waited.

The promise: after either sequence the server still answers a cheap query, and the slow text
gets its 503 at ``--timeout`` (plus a margin) instead of holding the front.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Iterator
from urllib.parse import quote, urlencode

import pytest
from live_server import SAMPLE, RunningServer, start_server, stop_server

DEEP = "ASK { FILTER(false) ?s <urn:p> (" + "(1)" * 2300 + ") }"
# Five-way product over the sample data: ~10^9 solutions, minutes of CPU; over an empty
# default graph: nothing to join, microseconds.
PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }"
CHEAP = "ASK { ?s ?p ?o }"
TIMEOUT = 2.0


def get(server: RunningServer, params: dict[str, str], timeout: float = 10.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        # brackets unescaped, as curl sends them: the deep text then fits the 8 KiB target
        conn.request("GET", "/sparql?" + urlencode(params, doseq=True, quote_via=quote, safe="()"))
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def answers_cheap(server: RunningServer) -> bool:
    try:
        status, _ = get(server, {"query": CHEAP, "format": "json"}, timeout=3)
    except OSError:
        return False
    return status == 200


@pytest.fixture
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    # One front: whatever holds or ends it holds or ends the server.
    running = start_server(
        tmp_path_factory.mktemp("survival"),
        [SAMPLE],
        timeout=TIMEOUT,
        extra_args=["--front-workers", "1", "--no-cache"],
    )
    yield running
    stop_server(running)


def test_a_deep_expression_never_ends_a_front(server: RunningServer) -> None:
    first = get(server, {"query": DEEP, "format": "json"})
    assert first[0] in (200, 400), first  # answered by an executor (or refused): either is fine
    for form in ("json", "xml", "csv", "tsv", "json", "xml"):
        try:
            get(server, {"query": DEEP, "format": form})
        except OSError:
            pass  # whatever this request gets, the server must go on
    assert server.process.poll() is None, server.log()[-2000:]
    assert answers_cheap(server), server.log()[-2000:]


def test_a_text_taught_fast_elsewhere_still_meets_the_deadline(server: RunningServer) -> None:
    empty = {"query": PRODUCT, "default-graph-uri": "urn:empty", "format": "json"}
    for _ in range(3):  # fast over the empty graph: learnt as fast
        assert get(server, empty)[0] == 200
    results: list[tuple[float, int]] = []

    def slow() -> None:
        started = time.monotonic()
        try:
            status = get(server, {"query": PRODUCT, "format": "json"}, timeout=60)[0]
        except OSError:
            status = -1
        results.append((time.monotonic() - started, status))

    runner = threading.Thread(target=slow, daemon=True)
    runner.start()
    time.sleep(0.3)
    probes = [answers_cheap(server) for _ in range(4)]
    runner.join(TIMEOUT + 10)
    assert results, "the slow text was not stopped at its deadline"
    elapsed, status = results[0]
    assert status == 503 and elapsed < TIMEOUT + 5, results
    assert all(probes), probes
    assert answers_cheap(server)
