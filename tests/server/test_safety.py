"""Safety properties of the running endpoint: no outbound requests, guarded updates, real
query timeouts that free the CPU, and update consistency across pre-forked workers."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from live_server import SAMPLE, TOKEN, RunningServer, start_server, stop_server
from procfs import cpu_seconds

from server.execution.executors import GRACE_S

TIMEOUT_S = 2.0
RUNAWAY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
    "?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }"
)
REMOTE_RESULT = (
    b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"remote"}}]}}'
)


class Listener:
    """A local HTTP server that records every request made to it (the SSRF canary)."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                hits.append(f"{self.command} {self.path}")
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(REMOTE_RESULT)))
                self.end_headers()
                self.wfile.write(REMOTE_RESULT)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.hits = hits
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    canary = Listener()
    yield canary
    canary.close()


@pytest.fixture(scope="module")
def guarded(
    tmp_path_factory: pytest.TempPathFactory, listener: Listener
) -> Iterator[RunningServer]:
    """A server this module may modify: updates on, 2 s timeout, one allow-listed SERVICE."""
    server = start_server(
        tmp_path_factory.mktemp("guarded"),
        [SAMPLE],
        timeout=TIMEOUT_S,
        extra_args=["--service-allow", listener.url("/allowed")],
    )
    yield server
    stop_server(server)


def query(server: RunningServer, text: str, **kwargs: object) -> requests.Response:
    return requests.post(server.sparql, data={"query": text}, timeout=30, **kwargs)  # type: ignore[arg-type]


def update(
    server: RunningServer, text: str, token: str | None = TOKEN, **kw: object
) -> requests.Response:
    headers = dict(kw.pop("headers", {}) or {})  # type: ignore[arg-type]
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return requests.post(server.sparql, data={"update": text}, headers=headers, timeout=30, **kw)  # type: ignore[arg-type]


def ask(server: RunningServer, text: str) -> bool:
    response = query(server, text)
    assert response.status_code == 200, response.text
    return bool(response.json()["boolean"])


def version(server: RunningServer) -> str:
    return str(requests.get(server.base + "/health", timeout=10).json()["version"])


# ------------------------------------------------------------------------- no fetching
@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <{blocked}> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT <{blocked}> { ?s ?p ?o } }",
        "PREFIX x: <{base}> SELECT * { ?s ?p ?o OPTIONAL { SERVICE x:blocked { ?s ?p ?q } } }",
        "SELECT * WHERE { VALUES ?svc { <{blocked}> } SERVICE ?svc { ?s ?p ?o } }",
    ],
)
def test_service_makes_no_connection(guarded: RunningServer, listener: Listener, text: str) -> None:
    before = len(listener.hits)
    text = text.replace("{blocked}", listener.url("/blocked")).replace("{base}", listener.url("/"))
    response = query(guarded, text)
    assert 400 <= response.status_code < 500
    assert "SERVICE" in response.text
    time.sleep(0.2)
    assert len(listener.hits) == before


def test_allow_listed_service_is_federated(guarded: RunningServer, listener: Listener) -> None:
    """Positive control: the canary does see traffic when SERVICE is allowed."""
    before = len(listener.hits)
    response = query(
        guarded, f"SELECT ?x WHERE {{ SERVICE <{listener.url('/allowed')}> {{ ?x ?p ?o }} }}"
    )
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"][0]["x"]["value"] == "remote"
    assert len(listener.hits) == before + 1


def test_from_and_dataset_parameters_never_fetch(
    guarded: RunningServer, listener: Listener
) -> None:
    before = len(listener.hits)
    url = listener.url("/data.ttl")
    assert query(guarded, f"ASK FROM <{url}> FROM NAMED <{url}> {{ }}").status_code == 200
    response = requests.get(
        guarded.sparql,
        params={"query": "ASK { ?s ?p ?o }", "default-graph-uri": url, "named-graph-uri": url},
        timeout=10,
    )
    assert response.status_code == 200
    assert response.json()["boolean"] is False
    time.sleep(0.2)
    assert len(listener.hits) == before


def test_load_is_refused_even_with_the_token(guarded: RunningServer, listener: Listener) -> None:
    before, v = len(listener.hits), version(guarded)
    response = update(guarded, f"LOAD <{listener.url('/data.ttl')}>")
    assert response.status_code == 400
    assert "LOAD" in response.text
    time.sleep(0.2)
    assert len(listener.hits) == before
    assert version(guarded) == v


# --------------------------------------------------------------------------- updates
INSERT = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> <urn:test:o> } }"
ASK_INSERTED = "ASK { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> <urn:test:o> } }"


@pytest.mark.parametrize(
    ("authorization", "status"),
    [(None, 401), ("Bearer wrong-token-123", 403), (f"Basic {TOKEN}", 403), ("Bearer", 403)],
)
def test_update_needs_the_token(
    guarded: RunningServer, authorization: str | None, status: int
) -> None:
    v = version(guarded)
    headers = {"Origin": "https://evil.example"}
    if authorization:
        headers["Authorization"] = authorization
    response = update(guarded, "DROP ALL", token=None, headers=headers)
    assert response.status_code == status
    assert "Access-Control-Allow-Origin" not in response.headers
    if status == 401:
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert version(guarded) == v
    assert requests.get(guarded.base + "/health", timeout=10).json()["triples"] >= 64


def test_updates_are_disabled_without_a_token(server: RunningServer, tmp_path: Path) -> None:
    readonly = start_server(tmp_path, [SAMPLE], token=None, workers=1)
    try:
        response = update(readonly, "DROP ALL")
        assert response.status_code == 403
        assert requests.get(readonly.base + "/health", timeout=10).json()["triples"] == 64
    finally:
        stop_server(readonly)


def test_update_is_seen_by_every_worker_and_changes_etags(guarded: RunningServer) -> None:
    before_etag = requests.get(guarded.sparql, params={"query": ASK_INSERTED}, timeout=10)
    assert before_etag.json()["boolean"] is False
    response = update(guarded, INSERT, headers={"Origin": "https://app.example"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers
    # Sync workers take turns accepting connections; many requests reach both of them.
    assert all(ask(guarded, ASK_INSERTED) for _ in range(20))
    assert len({version(guarded) for _ in range(10)}) == 1
    after = requests.get(
        guarded.sparql,
        params={"query": ASK_INSERTED},
        headers={"If-None-Match": before_etag.headers["ETag"]},
        timeout=10,
    )
    assert after.status_code == 200
    assert after.headers["ETag"] != before_etag.headers["ETag"]


def test_update_with_syntax_error_changes_nothing(guarded: RunningServer) -> None:
    v = version(guarded)
    response = update(guarded, "DROP ALL ; INSERT DATA { <a:b> }")
    assert response.status_code == 400
    assert version(guarded) == v


# ---------------------------------------------------------------------- the deadline
def test_runaway_query_is_stopped_while_others_are_served(guarded: RunningServer) -> None:
    assert update(guarded, INSERT).status_code == 200
    workers_before = set(guarded.worker_pids())
    assert len(workers_before) == 2
    outcome: dict[str, object] = {}

    def run_away() -> None:
        started = time.monotonic()
        response = query(guarded, RUNAWAY)
        outcome.update(status=response.status_code, text=response.text)
        outcome["elapsed"] = time.monotonic() - started

    thread = threading.Thread(target=run_away)
    thread.start()
    time.sleep(0.3)
    cheap: list[tuple[int, float]] = []
    while thread.is_alive():
        started = time.monotonic()
        status = requests.get(guarded.sparql, params={"query": "ASK {}"}, timeout=10).status_code
        cheap.append((status, time.monotonic() - started))
        time.sleep(0.05)
    thread.join(timeout=15)

    assert outcome["status"] == 503
    assert "time limit" in str(outcome["text"])
    # stopped by the executor's own timer, not by the front's backstop GRACE_S later
    assert TIMEOUT_S - 0.05 <= float(outcome["elapsed"]) < TIMEOUT_S + GRACE_S / 2  # type: ignore[arg-type]
    assert len(cheap) >= 5
    assert all(status == 200 and elapsed < 1.0 for status, elapsed in cheap), cheap

    # The worker that ran the query exits; the master forks a replacement.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        workers_now = set(guarded.worker_pids())
        if len(workers_now) == 2 and workers_now != workers_before:
            break
        time.sleep(0.1)
    assert len(workers_now) == 2 and workers_now != workers_before
    # ... and the CPU is idle again (a still-running query would burn ~1 s per second).
    time.sleep(0.5)
    pids = guarded.worker_pids()
    cpu_before = cpu_seconds(pids)
    time.sleep(1.0)
    assert cpu_seconds(pids) - cpu_before < 0.3
    # The fresh worker replayed the journal: every worker still sees the earlier update.
    assert all(ask(guarded, ASK_INSERTED) for _ in range(20))
    assert "exits to stop a timed-out operation" in guarded.log()
