"""Scale-out onto Virtuoso Open Source 7 (the engine DBpedia runs on), started here.

The test starts ``virtuoso-t`` itself: its own database directory under the test's temporary
directory, its SQL and HTTP ports on 127.0.0.1 (free ports), a bounded wait for it to come
up, and SIGTERM (then SIGKILL) of its whole session at the end. Then ``kg push`` loads the
build through Virtuoso's authenticated Graph Store endpoint and ``kg serve --store`` answers
from it; every competency question must give the embedded store's answer, row for row.

CI installs Virtuoso (``apt-get install virtuoso-opensource``) and sets
SECKG_REQUIRE_VIRTUOSO=1, so there a missing server fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from live_server import RunningServer, start_server, stop_server

from kg import config, cq
from kg.build import BuildResult
from kg.storelogin import PASSWORD_ENV, USER_ENV

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "security"))
from canary import Canary  # noqa: E402  (the SSRF canary of the security tests)
from kg_cli import run_kg

VIRTUOSO = shutil.which("virtuoso-t")
if VIRTUOSO is None:
    if os.environ.get("SECKG_REQUIRE_VIRTUOSO"):
        raise RuntimeError("Virtuoso is required (apt-get install virtuoso-opensource)")
    pytest.skip(
        "Virtuoso not installed (apt-get install virtuoso-opensource)", allow_module_level=True
    )

# Virtuoso cuts every answer at ResultSetMaxRows; the front's row limit is 1,000 (the
# live_server default), below this, so its own cap applies and says so. Above the merged seed
# graph's size: it grew past 5,000 triples and the round trip came back cut short.
MAX_ROWS = 8000
# A fresh Virtuoso database has the administrator dba with password dba; the test's server
# listens on loopback only and is deleted with its temporary directory.
LOGIN = {USER_ENV: "dba", PASSWORD_ENV: "dba"}
MERGED = config.BASE + "graph/merged"
INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
; the as-of questions on ~100 articles need more than the default 400 MB pool (SQ200)
MaxMemPoolSize = 2000000000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 60
"""


def _two_free_ports() -> tuple[int, int]:
    """Two distinct free loopback ports (both held while choosing, so they differ)."""
    with socket.socket() as a, socket.socket() as b:
        a.bind(("127.0.0.1", 0))
        b.bind(("127.0.0.1", 0))
        return int(a.getsockname()[1]), int(b.getsockname()[1])


def _start_virtuoso(directory: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``virtuoso-t`` on free loopback ports with its own database; its HTTP base URL."""
    directory.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = _two_free_ports()
    ini = directory / "virtuoso.ini"
    ini.write_text(
        INI.format(db=directory, sql_port=sql_port, http_port=http_port, max_rows=MAX_ROWS)
    )
    with open(directory / "stdout.log", "wb") as out:
        process = subprocess.Popen(
            [str(VIRTUOSO), "+foreground", "+configfile", str(ini)],
            cwd=directory,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{http_port}"
    deadline = time.monotonic() + 90  # a fresh database takes ~10 s on a busy machine
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if requests.get(f"{base}/sparql?query=ASK%7B%7D", timeout=2).status_code == 200:
                return process, base
        except requests.RequestException:
            pass
        time.sleep(0.2)
    _stop(process)
    log = (directory / "stdout.log").read_text(errors="replace")[-2000:]
    raise RuntimeError(f"Virtuoso did not start:\n{log}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)  # its own session: virtuoso-t only
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    process, base = _start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield base
    _stop(process)


def _kg(*args: str, login: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in LOGIN}
    if login:
        env.update(LOGIN)
    return run_kg(*args, environ=env)


def _select(url: str, query: str, **dataset: list[str]) -> list[dict[str, dict[str, str]]]:
    data = [("query", query)] + [(k.replace("_", "-"), v) for k, vs in dataset.items() for v in vs]
    res = requests.post(
        url, data=data, headers={"Accept": "application/sparql-results+json"}, timeout=30
    )
    res.raise_for_status()
    return res.json()["results"]["bindings"]


@pytest.fixture(scope="module")
def pushed(virtuoso: str, built: tuple[config.Paths, BuildResult]) -> str:
    crud = f"{virtuoso}/sparql-graph-crud-auth"
    result = _kg("push", "--dist", str(built[0].dist), "--default-graph", MERGED, crud)
    assert result.returncode == 0, result.stderr
    return virtuoso


def test_push_loads_every_graph_and_the_merge(pushed: str, store: ox.Store) -> None:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    remote = {b["g"]["value"]: int(b["n"]["value"]) for b in _select(f"{pushed}/sparql", query)}
    local = {b["g"].value: int(b["n"].value) for b in store.query(query)}
    merged = len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    assert {g: n for g, n in remote.items() if g in local} == local
    assert remote[MERGED] == merged


def test_literals_and_blank_nodes_round_trip(pushed: str, store: ox.Store) -> None:
    """Every triple of the merge comes back with the same lexical form, datatype, language."""
    res = requests.post(
        f"{pushed}/sparql",
        data={
            "query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
            "default-graph-uri": MERGED,
        },
        headers={"Accept": "application/n-triples"},
        timeout=30,
    )
    res.raise_for_status()

    def key(t: ox.Triple) -> tuple[str, str, str]:
        return tuple(  # blank node labels are the store's own: compare them as "a blank node"
            "_:" if isinstance(x, ox.BlankNode) else str(x)
            for x in (t.subject, t.predicate, t.object)
        )  # type: ignore[return-value]

    remote = sorted(key(t) for t in ox.parse(res.content, format=ox.RdfFormat.N_TRIPLES))
    local = sorted(
        key(q.triple) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    )
    assert remote == local


def test_push_is_idempotent(pushed: str, built: tuple[config.Paths, BuildResult]) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = _select(f"{pushed}/sparql", count)[0]["n"]["value"]
    crud = f"{pushed}/sparql-graph-crud-auth"
    assert (
        _kg("push", "--dist", str(built[0].dist), "--default-graph", MERGED, crud).returncode == 0
    )
    assert _select(f"{pushed}/sparql", count)[0]["n"]["value"] == before


def test_push_without_login_is_a_clear_error(
    pushed: str, built: tuple[config.Paths, BuildResult]
) -> None:
    crud = f"{pushed}/sparql-graph-crud-auth"
    result = _kg("push", "--dist", str(built[0].dist), "--default-graph", MERGED, crud, login=False)
    assert result.returncode != 0
    assert "the store answered 401" in result.stderr and "Traceback" not in result.stderr


def test_push_to_virtuoso_default_graph_is_refused_clearly(
    pushed: str, built: tuple[config.Paths, BuildResult]
) -> None:
    """Why --default-graph exists: Virtuoso's Graph Store endpoint has no default graph."""
    result = _kg("push", "--dist", str(built[0].dist), f"{pushed}/sparql-graph-crud-auth")
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    # Virtuoso refuses before reading the body: depending on timing the 500 and its message
    # arrive, or the upload finds the connection closed; either way the error says what to do
    assert (
        "not configured to have default graph" in result.stderr
        or "closed the connection during the upload" in result.stderr
    ), result.stderr
    assert "--default-graph" in result.stderr


@pytest.fixture(scope="module")
def front(pushed: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    store = f"{pushed}/sparql?default-graph-uri={MERGED}"
    with _environment(LOGIN):
        srv = start_server(
            tmp_path_factory.mktemp("virtuoso-front"),
            [],
            # answers are compared here, not speed (bench/ measures that): the as-of questions
            # took 5-8 s through Virtuoso on a loaded 2-core machine, against 0.6 s on Oxigraph
            timeout=30.0,
            command=(
                "-m",
                "kg.cli",
                "serve",
                "--store",
                store,
                "--store-update",
                f"{pushed}/sparql-auth",
            ),
        )
    yield srv
    stop_server(srv)


def _rows(body: bytes) -> tuple[list[str], list[tuple[str, ...]]]:
    result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return names, [tuple(str(r[n]) if r[n] is not None else "" for n in names) for r in result]


@pytest.mark.parametrize("question", list(cq.load_all(config.ROOT / "cq")), ids=lambda q: q.name)
def test_competency_questions_same_through_virtuoso(
    front: RunningServer, store: ox.Store, question: cq.CompetencyQuestion
) -> None:
    res = requests.post(
        front.sparql,
        data={"query": question.query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert res.status_code == 200, res.text
    names, got = _rows(res.content)
    local = store.query(question.query)
    assert isinstance(local, ox.QuerySolutions)
    want = [tuple(str(r[n]) if r[n] is not None else "" for n in names) for r in local]
    assert got, "every competency question has an answer on the seed graph"
    # the same rows (CQ files no longer say whether order matters: ties may come in any order)
    assert sorted(got) == sorted(want), sorted(set(got) ^ set(want))


def test_ask_graph_names_and_construct_through_virtuoso(
    front: RunningServer, store: ox.Store
) -> None:
    def ask(query: str) -> bool:
        res = requests.post(
            front.sparql,
            data={"query": query},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )
        assert res.status_code == 200, res.text
        return bool(res.json()["boolean"])

    assert ask("ASK { ?s ?p ?o }") is True
    assert ask("ASK { <urn:nothing> ?p ?o }") is False
    # GRAPH ?g ranges over our graphs only: not the merge, not Virtuoso's system graphs
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    _, got = _rows(
        requests.post(
            front.sparql,
            data={"query": graphs},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        ).content
    )
    assert sorted(g for (g,) in got) == sorted(str(g) for g in store.named_graphs())
    doc = requests.get(f"{front.base}/id/armenia", headers={"Accept": "text/turtle"}, timeout=30)
    assert doc.status_code == 200 and "Armenia" in doc.text
    page = requests.get(f"{front.base}/doc/id/armenia", timeout=30)
    assert page.status_code == 200 and 'class="timeline"' in page.text


def test_update_through_front_uses_virtuoso_login(front: RunningServer, pushed: str) -> None:
    """Our bearer token in front, Virtuoso's digest login (from the environment) behind."""
    graph = config.BASE + "graph/test-update"
    update = f'INSERT DATA {{ GRAPH <{graph}> {{ <urn:t:s> <urn:t:p> "v\u00e9"@en }} }}'
    res = requests.post(
        front.sparql,
        data={"update": update},
        headers={"Authorization": f"Bearer {front.token}"},
        timeout=30,
    )
    assert res.status_code == 200, res.text
    rows = _select(f"{pushed}/sparql", f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert [(r["o"]["value"], r["o"].get("xml:lang")) for r in rows] == [("v\u00e9", "en")]


BIG = "SELECT * WHERE { ?s ?p ?o . ?x a ?c }"  # far more than MAX_ROWS rows on the seed graph


def test_engine_row_cut_above_our_cap_is_our_truncation(front: RunningServer) -> None:
    res = requests.post(
        front.sparql,
        data={"query": BIG},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    )
    assert res.status_code == 200, res.text
    assert res.headers["X-SPARQL-Truncated"] == "true"
    assert len(res.json()["results"]["bindings"]) == 1000


def test_engine_row_cut_below_our_cap_is_refused(pushed: str, tmp_path: Path) -> None:
    srv = start_server(
        tmp_path,
        [],
        token=None,
        row_limit=MAX_ROWS * 2,
        command=("-m", "kg.cli", "serve", "--store", f"{pushed}/sparql?default-graph-uri={MERGED}"),
    )
    try:
        res = requests.post(srv.sparql, data={"query": BIG}, timeout=60)
    finally:
        stop_server(srv)
    assert res.status_code == 502
    assert f"cut the answer at {MAX_ROWS} rows" in res.text and "ResultSetMaxRows" in res.text


def test_blank_nodes_in_results_through_virtuoso(front: RunningServer, store: ox.Store) -> None:
    """Virtuoso writes result blank nodes as ``nodeID://…``; the front answers proper ones."""
    query = "SELECT ?b ?p WHERE { ?b ?p ?o FILTER(isBlank(?b)) }"
    res = requests.post(
        front.sparql,
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert res.status_code == 200, res.text
    bindings = res.json()["results"]["bindings"]
    local = list(store.query(query))
    assert local and len(bindings) == len(local)
    assert all(b["b"]["type"] == "bnode" and "/" not in b["b"]["value"] for b in bindings)


def test_virtuoso_built_ins_cannot_fetch_through_the_front(
    front: RunningServer, virtuoso: str
) -> None:
    """Stock Virtuoso lets the anonymous SPARQL user call ``bif:http_get`` (an SSRF relay);
    the front refuses it, so the canary listener sees nothing from the front and one
    connection from the same query sent to Virtuoso directly (the positive control)."""
    canary = Canary()
    try:
        query = f"SELECT (bif:http_get('{canary.url('/bif')}') AS ?x) WHERE {{ }}"
        res = requests.post(front.sparql, data={"query": query}, timeout=30)
        assert res.status_code == 400 and "bif:" in res.text
        pragma = f'define get:soft "replace" SELECT * FROM <{canary.url("/get")}> {{ ?s ?p ?o }}'
        res = requests.post(front.sparql, data={"query": pragma}, timeout=30)
        assert res.status_code == 400 and "DEFINE" in res.text
        assert canary.count_after(0.3) == 0
        direct = requests.post(f"{virtuoso}/sparql", data={"query": query}, timeout=30)
        assert direct.status_code == 200
        assert canary.count_after() == 1
    finally:
        canary.close()
