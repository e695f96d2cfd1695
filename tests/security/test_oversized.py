"""Oversized input: long bodies and URLs, deep nesting, long flat chains, thousands of
variables, huge VALUES. Every one gets a 4xx or a bounded answer; no worker dies; /health
answers after each.

Before ``server/checks/limits.py`` a query of 5,000 nested ``{ }`` (10 KB) overflowed the stack of
the thread running it and killed the worker process with SIGSEGV; so did 10,000 ``!``, a
4,000-item collection or 8,000 triple patterns. The worker-crash check reads gunicorn's log,
where a worker killed by a signal is reported as "Worker (pid:N) was sent SIGSEGV!".

Already covered: a 1.1 MB ``application/sparql-query`` body is 413
(``tests/server/test_http.py::test_bad_requests``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
import requests
from leaks import crashes, healthy, workers_up
from live_server import SAMPLE, TOKEN, RunningServer, start_server, stop_server

from server.checks.lexer import tokenize
from server.checks.limits import MAX_NESTING, MAX_TOKENS, measure
from server.execution.executors import GRACE_S

TIMEOUT_S = 3.0
QUERY_TYPE = "application/sparql-query"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    srv = start_server(
        tmp_path_factory.mktemp("oversized"), [SAMPLE], timeout=TIMEOUT_S, row_limit=1000
    )
    workers_up(srv)
    yield srv
    stop_server(srv)


def post_query(server: RunningServer, text: str) -> requests.Response:
    return requests.post(
        server.sparql, data=text.encode(), headers={"Content-Type": QUERY_TYPE}, timeout=60
    )


def assert_alive(server: RunningServer, workers: list[int] | None = None) -> None:
    assert healthy(server)
    assert crashes(server) == []
    if workers is not None:
        assert workers_up(server) == workers


# ---------------------------------------------------------------- bodies, URLs, headers
def test_form_and_update_bodies_beyond_the_limit_are_413(big: RunningServer) -> None:
    filler = "#" + "x" * 1_100_000 + "\nASK {}"
    for data, headers in [
        ({"query": filler}, {}),
        ({"update": filler}, {"Authorization": f"Bearer {TOKEN}"}),
        (filler.encode(), {"Content-Type": "application/sparql-update"}),
    ]:
        response = requests.post(big.sparql, data=data, headers=headers, timeout=30)
        assert response.status_code == 413
    assert_alive(big)


def test_a_url_beyond_the_request_line_limit_is_414(big: RunningServer) -> None:
    query = "ASK { VALUES ?x { " + " ".join(["1"] * 5000) + " } }"  # ~10 KB URL
    response = requests.get(big.sparql, params={"query": query}, timeout=30)
    assert response.status_code == 414
    assert_alive(big)


def test_oversized_headers_are_refused(big: RunningServer) -> None:
    """A header line beyond 8190 bytes gets 431; more than 100 headers are refused by
    granian's HTTP parser with 431 too (with its default 408 KiB read buffer it closed the
    connection without an answer; the buffer now has room for a head as large as a body)."""
    huge = requests.get(big.sparql, headers={"Accept": "x/y," * 3000}, timeout=30)
    assert huge.status_code == 431
    many = requests.get(big.sparql, headers={f"X-H{i}": "1" for i in range(200)}, timeout=30)
    assert many.status_code == 431
    assert_alive(big)


# ---------------------------------------------------------------------- deep nesting
DEEP: dict[str, Callable[[int], str]] = {
    "braces": lambda n: "SELECT * WHERE " + "{" * n + "}" * n,
    "optional": lambda n: "SELECT * { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * n + "}" * n + " }",
    "filter parentheses": lambda n: "ASK { FILTER(" + "(" * n + "1" + ")" * n + ") }",
    "function calls": lambda n: "ASK { FILTER(" + "STR(" * n + "1" + ")" * n + ") }",
    "exists": lambda n: "ASK { ?s ?p ?o " + "FILTER EXISTS { " * n + "}" * n + " }",
    "subqueries": lambda n: "SELECT * { " + "{ SELECT * WHERE " * n + "{}" + "}" * n + " }",
    "blank nodes": lambda n: "ASK { ?s ?p " + "[ <urn:p> " * n + "1" + " ]" * n + " }",
    "collections": lambda n: "ASK { ?s ?p " + "( " * n + "1" + " )" * n + " }",
    "quoted triples": lambda n: "ASK { ?s ?p " + "<< ?s ?p " * n + "1" + " >>" * n + " }",
}


@pytest.mark.parametrize("shape", sorted(DEEP))
def test_deep_nesting_is_refused_without_touching_the_engine(
    big: RunningServer, shape: str
) -> None:
    workers = workers_up(big)
    response = post_query(big, DEEP[shape](5000))
    assert response.status_code == 400
    assert f"at most {MAX_NESTING}" in response.text
    assert_alive(big, workers)


@pytest.mark.parametrize("shape", sorted(DEEP))
def test_nesting_at_the_limit_is_answered(big: RunningServer, shape: str) -> None:
    text = DEEP[shape](MAX_NESTING - 2)  # each shape adds at most two levels of its own
    assert measure(tokenize(text))[0] <= MAX_NESTING
    workers = workers_up(big)
    response = post_query(big, text)
    # 400: a syntax Oxigraph refuses; 503: slower than the timeout on a busy machine.
    assert response.status_code in (200, 400, 503), response.text
    assert "at most" not in response.text
    assert_alive(big, workers if response.status_code != 503 else None)


def test_deeply_nested_update_data_is_refused(big: RunningServer) -> None:
    version = requests.get(big.base + "/health", timeout=10).json()["version"]
    text = "INSERT DATA { <urn:s> <urn:p> " + "[ <urn:p> " * 5000 + "1" + " ]" * 5000 + " }"
    response = requests.post(
        big.sparql, data={"update": text}, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30
    )
    assert response.status_code == 400
    assert requests.get(big.base + "/health", timeout=10).json()["version"] == version
    assert_alive(big)


# ----------------------------------------------------------------- long flat chains
def _fit(build: Callable[[int], str], limit: int = MAX_TOKENS) -> str:
    """The longest text ``build(n)`` whose counted tokens stay within ``limit``."""
    lo, hi = 1, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(tokenize(build(mid)))[1] <= limit:
            lo = mid
        else:
            hi = mid - 1
    return build(lo)


FLAT: dict[str, Callable[[int], str]] = {
    "negations": lambda n: "ASK { FILTER(" + "!" * n + "true) }",
    "additions": lambda n: "ASK { FILTER(1" + "+1" * n + " > 0) }",
    "conjunctions": lambda n: "ASK { FILTER(true" + " && true" * n + ") }",
    "unions": lambda n: "SELECT * { " + " UNION ".join(["{ ?s ?p ?o }"] * n) + " } LIMIT 1",
    "filters": lambda n: "SELECT * { ?s ?p ?o " + "FILTER(?o) " * n + "} LIMIT 1",
    "binds": lambda n: "ASK { " + " ".join(f"BIND({i} AS ?b{i})" for i in range(n)) + " }",
    "path alternatives": lambda n: "ASK { ?s <urn:p>" + "|<urn:p>" * n + " ?o }",
    "in list": lambda n: "ASK { FILTER(1 IN (" + ",".join(["2"] * n) + ")) }",
    "concat arguments": lambda n: "ASK { FILTER(CONCAT(" + ",".join(['"a"'] * n) + ")) }",
    "construct template": lambda n: (
        "CONSTRUCT { <urn:s> <urn:p> (" + " ".join(str(i) for i in range(n)) + ") } WHERE { }"
    ),
    "projections": lambda n: "SELECT " + " ".join(f"?v{i}" for i in range(n)) + " { }",
    "expressions": lambda n: "SELECT " + " ".join(f"({i} AS ?v{i})" for i in range(n)) + " { }",
}


@pytest.mark.parametrize("shape", sorted(FLAT))
def test_long_chains_beyond_the_limit_are_refused(big: RunningServer, shape: str) -> None:
    workers = workers_up(big)
    response = post_query(big, FLAT[shape](2 * MAX_TOKENS))
    assert response.status_code == 400
    assert f"at most {MAX_TOKENS}" in response.text
    assert_alive(big, workers)


@pytest.mark.parametrize("shape", sorted(FLAT))
def test_long_chains_within_the_limit_are_answered_in_bounded_time(
    big: RunningServer, shape: str
) -> None:
    """The longest accepted chains: answered (or stopped at the timeout), never a crash. On a
    default 8 MiB thread stack several of these overflowed; the runner's 64 MiB one holds."""
    started = time.monotonic()
    response = post_query(big, _fit(FLAT[shape]))
    assert response.status_code in (200, 503), response.text[:300]
    assert time.monotonic() - started < TIMEOUT_S + 5
    assert_alive(big)


def test_a_long_join_is_stopped_at_the_timeout(big: RunningServer) -> None:
    """2,500 triple patterns on one subject and predicate, counted: accepted by the limits,
    and endless whatever the planner does (a subject with two values of one predicate alone
    gives 2^2,500 rows to count). The executor's own deadline answers 503 at the time limit,
    before the front's backstop would (``GRACE_S`` later), and the worker is recycled as for
    any runaway query. (It accepted 200 or 503 and any time within the limit + 5 s: a broken
    deadline passed it, issue 23.)"""
    two = "ASK { ?s ?p ?a, ?b FILTER(?a != ?b) }"
    assert requests.get(big.sparql, params={"query": two}, timeout=10).json()["boolean"]
    text = _fit(
        lambda n: "SELECT (COUNT(*) AS ?n) { " + " . ".join(f"?s ?p ?o{i}" for i in range(n)) + " }"
    )
    assert text.count("?o") >= 2_000
    started = time.monotonic()
    response = post_query(big, text)
    elapsed = time.monotonic() - started
    assert response.status_code == 503 and "time limit" in response.text, response.text[:300]
    assert TIMEOUT_S - 0.05 <= elapsed < TIMEOUT_S + GRACE_S / 2, elapsed
    assert_alive(big)


# --------------------------------------------------------------- many rows, big VALUES
def test_huge_values_block_is_answered_with_the_row_cap(big: RunningServer) -> None:
    """VALUES rows are data, not syntax: 60,000 of them (~800 KB) are accepted, evaluated
    and capped at the row limit."""
    rows = " ".join(f"({i} {i})" for i in range(60_000))
    text = f"SELECT ?a ?b WHERE {{ VALUES (?a ?b) {{ {rows} }} }}"
    assert len(text.encode()) < 1_048_576
    workers = workers_up(big)
    response = post_query(big, text)
    assert response.status_code == 200
    assert response.headers["X-SPARQL-Truncated"] == "true"
    assert len(response.json()["results"]["bindings"]) == 1000
    assert_alive(big, workers)


def test_huge_insert_data_is_accepted(big: RunningServer) -> None:
    """An INSERT DATA block is data: its 20,000 tokens, twice MAX_TOKENS, are not refused.
    5,000 triples, not more: 20,000 took 1.6 s of the 3 s limit on a quiet machine and
    were stopped at the limit under a load of 9 (fresh-clone CI, 2026-12-06)."""
    n = 5_000
    assert 4 * n >= 2 * MAX_TOKENS  # four tokens a triple: the limit would refuse it
    triples = " ".join(f"<urn:s{i}> <urn:p> {i} ." for i in range(n))
    response = requests.post(
        big.sparql,
        data={"update": f"INSERT DATA {{ GRAPH <urn:bulk> {{ {triples} }} }}"},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    count = post_query(big, "SELECT (COUNT(*) AS ?n) { GRAPH <urn:bulk> { ?s ?p ?o } }")
    assert count.json()["results"]["bindings"][0]["n"]["value"] == str(n)
    assert_alive(big)


def test_server_is_whole_after_everything(big: RunningServer) -> None:
    """Last in the module: no worker died abnormally at any point (gunicorn's log)."""
    assert crashes(big) == []
    workers_up(big)
    assert healthy(big)
