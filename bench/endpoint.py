"""Benchmark the SPARQL endpoint over HTTP, side by side with oxigraph serve and rdflib-endpoint.

Why one script runs everything: ratios between engines are only meaningful when they were
measured on the same machine, in the same minutes, on the same data, with the same load
generator. So one run serves each dataset with each engine in turn (one server at a time, so
they never compete for the two cores or for memory), checks every engine's answers against
the embedded pyoxigraph answer *before* timing it (a fast wrong answer is a failure, not a
win), drives the same request lists with wrk, reads memory from /proc, and writes one
Markdown section with the exact command, machine and library versions.

Engines:

* ``ours``         ``python -m server FILE --workers 2 --row-limit 1000000`` (granian front,
  executor processes, response cache on; the row limit so that every engine returns complete
  answers; per-client limits lifted, since wrk's connections share one address)
* ``ours-nocache`` the same with ``--no-cache``
* ``oxigraph``     ``oxigraph serve`` (in memory) loaded over the Graph Store Protocol with the
  dataset *as our server holds it*: the named graphs plus their set merge in the default graph
  (``--union-default-graph`` counts a triple once per graph holding it and gives other
  answers: checked and reported as ``oxigraph --union-default-graph``, correctness only).
* ``oxigraph-disk`` the same data bulk-loaded by ``oxigraph load --location`` and served from
  disk: ours reads large data from an on-disk snapshot (server/data/snapshots.py), so this isolates
  the layer above the engine on the same storage.
* ``rdflib``       rdflib-endpoint's ``SparqlEndpoint`` on an rdflib ``Dataset(default_union=True)``
  (set union, like ours) with the same N-Quads, in one uvicorn process like its own CLI
  (``--rdflib-workers`` for more; see :data:`RDFLIB_WORKERS` for why one).

Workloads, each at every concurrency (default 1, 8, 32) for a fixed duration after a warm-up:

* ``cq``     the competency questions (every ``cq/*.yaml`` query), round-robin, as
  ``GET <endpoint>?query=…`` with ``Accept: application/sparql-results+json``;
* ``lookup`` per sampled entity the CONSTRUCT our ``/doc/id/…`` pages run
  (``server.lod.describe``), as ``GET <endpoint>?query=…`` with ``Accept: text/turtle`` - the
  same request on every engine;
* ``pages``  our server only: ``/doc/id/<entity>.ttl`` and the HTML page ``/doc/id/<entity>``.

Usage::

    python bench/endpoint.py --quick                 # seed graph only, 3 s cells (smoke run)
    nohup python bench/endpoint.py > bench/data/endpoint.log 2>&1 &   # full run, ~17 min

The data: the seed graph (``dist/dataset.nq``, built with ``kg build`` if missing) and the
synthetic 100k/1M graphs (``bench/data/<size>/asserted.nq``, made with
``bench/generate.py --format nquads`` if missing). Servers listen on 127.0.0.1 only and are
killed (whole session) on exit, error or signal.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import gc
import http.client
import json
import os
import platform
import random
import resource
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LUA = BENCH / "endpoint.lua"
PY = sys.executable
OXIGRAPH = shutil.which("oxigraph", path=str(Path(PY).parent)) or shutil.which("oxigraph")
WRK = shutil.which("wrk")
BASE = "https://seckg.example.org/"
JSON_RESULTS = "application/sparql-results+json"
TURTLE = "text/turtle"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
CLK_TCK = os.sysconf("SC_CLK_TCK")
ENGINES = (
    "ours",
    "ours-nocache",
    "oxigraph",
    "oxigraph-disk",
    "rdflib",
    "base",
    "base-nocache",
)
DEFAULT_ENGINES = ENGINES[:5]  # the base engines need --baseline REF
ENGINE_LABELS = {
    "ours": "ours (cache on)",
    "ours-nocache": "ours --no-cache",
    "base": "ours@BASELINE (cache on)",  # --baseline REF: the server of an earlier commit
    "base-nocache": "ours@BASELINE --no-cache",
    "oxigraph": "oxigraph serve",
    "oxigraph-disk": "oxigraph serve --location",
    "rdflib": "rdflib-endpoint",
}
WORKLOADS = ("cq", "cq-fresh", "lookup", "pages")
# cq-fresh: the CQ mix with a distinct trailing comment on every request of a list this long,
# so no per-text memo (ours) or plan cache (anyone's) ever sees a text twice in a row.
FRESH_VARIANTS = 4096
# One uvicorn process, as rdflib-endpoint's own CLI runs it. With --workers 2 uvicorn added
# ~45 ms to every answer on the seed graph (c=1: 20 instead of 278 req/s; c=8: 147 instead of
# 253), which only pays off where each query takes far longer (--rdflib-workers to compare).
RDFLIB_WORKERS = 1


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --------------------------------------------------------------------------- processes
def _stat_fields(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (which may contain spaces)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def session_pids(sid: int) -> list[int]:
    """Every live process of a session: a server and all the workers it forked or spawned."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields and fields[0] != "Z" and int(fields[3]) == sid:
                pids.append(int(entry))
    return sorted(pids)


def _kb(path: str, key: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Memory:
    """RSS summed over a server's processes, and PSS (shared pages divided among sharers).

    RSS counts pages that forked workers share with their master once per process, so for a
    pre-forked server the RSS sum overstates what it costs; PSS sums to the real footprint.
    """

    rss_mb: float
    pss_mb: float
    processes: int

    @classmethod
    def of(cls, pids: Iterable[int]) -> Memory:
        pids = list(pids)
        rss = sum(_kb(f"/proc/{p}/status", "VmRSS:") for p in pids)
        pss = sum(_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
        return cls(round(rss / 1024, 1), round(pss / 1024, 1), len(pids))


class Server:
    """One engine process tree, started in its own session so it can be stopped as a whole."""

    running: list[Server] = []

    def __init__(
        self, name: str, argv: list[str], port: int, log_path: Path, env=None, cwd: Path = ROOT
    ):
        self.name, self.argv, self.port, self.log_path = name, argv, port, log_path
        self.env, self.cwd = env, cwd
        self.proc: subprocess.Popen[bytes] | None = None
        self.base = f"http://127.0.0.1:{port}"

    def start(self) -> None:
        with open(self.log_path, "ab") as out:
            self.proc = subprocess.Popen(
                self.argv,
                cwd=self.cwd,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                env={**os.environ, **(self.env or {})},
            )
        Server.running.append(self)

    def pids(self) -> list[int]:
        return session_pids(self.proc.pid) if self.proc else []

    def memory(self) -> Memory:
        return Memory.of(self.pids())

    def cpu_seconds(self) -> dict[int, float]:
        """CPU seconds per process (a sum would drop when a worker exits and is replaced)."""
        found = {}
        for pid in self.pids():
            fields = _stat_fields(pid)
            if fields:
                found[pid] = (int(fields[11]) + int(fields[12])) / CLK_TCK
        return found

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is None:
            return
        pids = self.pids()
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
        for pid in [*pids, *self.pids()]:  # stragglers (workers of an already-dead master)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        if self in Server.running:
            Server.running.remove(self)


def _stop_all() -> None:
    for server in list(Server.running):
        server.stop()


def _on_signal(signum: int, _frame: Any) -> None:
    _stop_all()
    sys.exit(128 + signum)


def free_port() -> int:
    """A free loopback port; from ``SECKG_BENCH_PORTS=LOW-HIGH`` when set (shared machines)."""
    low, _, high = os.environ.get("SECKG_BENCH_PORTS", "").partition("-")
    candidates = (
        random.sample(range(int(low), int(high) + 1), int(high) - int(low) + 1) if high else [0]
    )
    for port in candidates:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError("no free port in SECKG_BENCH_PORTS")


# ------------------------------------------------------------------------------- HTTP
def http_get(url: str, accept: str, timeout: float) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def wait_until(check: Callable[[], bool], server: Server, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.alive():
            raise RuntimeError(f"{server.name} exited while {what}; see {server.log_path}")
        try:
            if check():
                return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{server.name}: timed out {what}; see {server.log_path}")


def post_file(url: str, path: Path, content_type: str, timeout: float) -> int:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    with open(path, "rb") as body:
        conn.request(
            "POST",
            parts.path,
            body=body,
            headers={"Content-Type": content_type, "Content-Length": str(path.stat().st_size)},
        )
        status = conn.getresponse().status
    conn.close()
    return status


# ------------------------------------------------------------------------ rdflib app
def rdflib_app() -> Any:
    """uvicorn ``--factory`` entry point: rdflib-endpoint over one N-Quads file.

    Each uvicorn worker process calls this and loads its own copy. ``default_union=True``
    makes the default graph the set union of the named graphs, as in our server. A marker
    file per loaded worker lets the benchmark wait until *all* workers are ready, not just
    the first one to answer.
    """
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint

    dataset = Dataset(default_union=True)
    dataset.parse(os.environ["BENCH_RDFLIB_FILE"], format="nquads")
    ready = Path(os.environ["BENCH_RDFLIB_READY"])
    (ready / str(os.getpid())).write_text(str(len(dataset)))
    return SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)


# -------------------------------------------------------------------- answer checking
def _literal_key(value: str, datatype: str | None, lang: str | None) -> tuple[Any, ...]:
    """Literals compare by value for numbers (engines print 1.0E0 vs 1.0), else lexically."""
    if lang:
        return ("lit", value, RDF_LANGSTRING, lang.lower())
    datatype = datatype or XSD + "string"
    if datatype in (XSD + "integer", XSD + "decimal", XSD + "double", XSD + "float"):
        try:
            return ("num", Decimal(value).normalize())
        except InvalidOperation:
            pass
    return ("lit", value, datatype, "")


def json_term(term: dict[str, str] | None) -> tuple[Any, ...] | None:
    if term is None:
        return None
    kind = term["type"]
    if kind == "uri":
        return ("iri", term["value"])
    if kind == "bnode":
        return ("bnode",)  # labels are per response: only "a blank node" is comparable
    return _literal_key(term["value"], term.get("datatype"), term.get("xml:lang"))


def ox_term(term: Any) -> tuple[Any, ...] | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode",)
    if isinstance(term, ox.Literal):
        return _literal_key(term.value, term.datatype.value, term.language)
    return ("other", str(term))


Rows = list[tuple[Any, ...]]


def reference_rows(store: Any, query: str) -> tuple[list[str], Rows]:
    result = store.query(query)
    variables = sorted(v.value for v in result.variables)
    return variables, [tuple(ox_term(sol[v]) for v in variables) for sol in result]


def http_rows(body: bytes, variables: list[str]) -> Rows:
    data = json.loads(body)
    names = sorted(set(variables) | set(data.get("head", {}).get("vars", [])))
    rows = [tuple(json_term(b.get(v)) for v in names) for b in data["results"]["bindings"]]
    if names != variables:  # a variable only one side knows: cannot be the same answer
        return [("vars", tuple(names))] + rows
    return rows


def compare(expected: Rows, actual: Rows) -> str:
    """ok | bag (same rows as a set, other multiplicities) | DIFF."""
    if set(expected) != set(actual):
        return "DIFF"
    return "ok" if len(expected) == len(actual) else "bag"


def triples_of(body: bytes) -> set[tuple[Any, ...]]:
    import pyoxigraph as ox

    return {
        (ox_term(t.subject), ox_term(t.predicate), ox_term(t.object))
        for t in ox.parse(body, format=ox.RdfFormat.TURTLE)
    }


# ------------------------------------------------------------------------------ data
@dataclass
class Data:
    name: str
    source: Path  # where the data came from
    file: Path  # the private copy every engine loads
    store: Any  # pyoxigraph.Store as our server builds it (merged default graph)
    quads: int
    triples: int
    queries: list[tuple[str, str]]
    expected: dict[str, tuple[list[str], Rows]]
    entities: list[str]
    describe: Callable[[str], str]


def dataset_file(name: str, workdir: Path) -> Path:
    """The N-Quads file of a dataset: an existing one if there is one, else made now.

    Synthetic data is taken from ``bench/data/<size>/asserted.nq`` when another benchmark
    already generated it; otherwise it is generated into ``bench/data/endpoint-<size>/``,
    never into a directory other tools may be using (the generator replaces its ``--out``).
    """
    if name == "seed":
        built = ROOT / "dist" / "dataset.nq"
        if built.exists():
            return built
        dist = workdir / "seed-dist"
        log(f"building the seed graph into {dist}")
        subprocess.run(
            [PY, "-m", "kg.cli", "build", "--dist", str(dist), "-q"], cwd=ROOT, check=True
        )
        return dist / "dataset.nq"
    for candidate in (BENCH / "data" / name, BENCH / "data" / f"endpoint-{name}"):
        if (candidate / "asserted.nq").exists():
            return candidate / "asserted.nq"
    out = BENCH / "data" / f"endpoint-{name}"
    log(f"generating {name} into {out} with bench/generate.py --format nquads")
    subprocess.run(
        [PY, str(BENCH / "generate.py"), "--size", name, "--out", str(out), "--format", "nquads"],
        cwd=ROOT,
        check=True,
    )
    return out / "asserted.nq"


def cq_queries() -> list[tuple[str, str]]:
    import yaml

    return [
        (path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))["query"])
        for path in sorted((ROOT / "cq").glob("*.yaml"))
    ]


def sample_entities(store: Any, count: int) -> list[str]:
    """Entities of every class in turn (deterministic), so pages of rare kinds are included.

    A uniform sample would be almost all fact nodes; round-robin over classes mixes states,
    people and organizations (large pages) with facts and articles (small ones).
    """
    by_class: dict[str, list[str]] = {}
    rows = store.query(
        f'SELECT DISTINCT ?s ?t WHERE {{ ?s a ?t FILTER(STRSTARTS(STR(?s), "{BASE}id/")) }}'
    )
    for row in rows:
        by_class.setdefault(row["t"].value, []).append(row["s"].value)
    rng = random.Random(20251124)
    pools = []
    for cls in sorted(by_class):
        members = sorted(set(by_class[cls]))
        rng.shuffle(members)
        pools.append(members)
    chosen: list[str] = []
    seen: set[str] = set()
    while len(chosen) < count and any(pools):
        for pool in pools:
            while pool and pool[-1] in seen:
                pool.pop()
            if pool and len(chosen) < count:
                iri = pool.pop()
                seen.add(iri)
                chosen.append(iri)
    return chosen


def prepare(name: str, workdir: Path, entity_count: int) -> Data:
    sys.path.insert(0, str(ROOT))
    from server.data.loader import load_files
    from server.lod.describe import _DESCRIBE  # the exact query behind /doc/id/<x>.ttl

    source = dataset_file(name, workdir)
    # a private copy: other tools regenerate bench/data/* and must not pull it away mid-run
    path = workdir / f"{name}.nq"
    shutil.copyfile(source, path)
    log(f"{name}: loading {source} into the embedded reference store")
    store = load_files([path]).store
    quads = sum(1 for _ in store.quads_for_pattern(None, None, None, None))
    triples = next(iter(store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value
    queries = cq_queries()
    expected = {q: reference_rows(store, text) for q, text in queries}
    entities = sample_entities(store, entity_count)
    return Data(
        name=name,
        source=source,
        file=path,
        store=store,
        quads=quads,
        triples=int(triples),
        queries=queries,
        expected=expected,
        entities=entities,
        describe=lambda iri: _DESCRIBE.replace("<X>", f"<{iri}>"),
    )


# --------------------------------------------------------------------------- engines
@dataclass
class EngineRun:
    name: str
    load_s: float = 0.0
    mem_load: Memory | None = None
    mem_end: Memory | None = None
    answers: dict[str, str] = field(default_factory=dict)
    lookups: dict[str, str] = field(default_factory=dict)
    cells: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    def wrong(self) -> list[str]:
        return [q for q, status in self.answers.items() if status != "ok"]

    def answers_text(self) -> str:
        if not self.answers:
            return "-"
        bad = [f"{q.split('-')[0]} {s}" for q, s in sorted(self.answers.items()) if s != "ok"]
        ok = len(self.answers) - len(bad)
        text = f"{ok}/{len(self.answers)} ok"
        return text + (f" (✗ {', '.join(bad)})" if bad else "")


def start_engine(
    engine: str,
    data: Data,
    workdir: Path,
    merged: Path | None,
    rdflib_workers: int = 1,
    baseline: Path | None = None,
) -> Server:
    port = free_port()
    log_path = workdir / f"{data.name}-{engine}.log"
    if engine in ("ours", "ours-nocache", "base", "base-nocache"):
        argv = [
            PY,
            "-m",
            "server",
            str(data.file),
            "--workers",
            "2",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            # every engine must return the complete answers: the default cap (10,000 rows)
            # would cut CQ 14 on the 1M graph and make ours do less work than the others
            "--row-limit",
            "1000000",
        ]
        if not engine.startswith("base"):  # flags an earlier commit's server may not know
            argv += [
                # wrk's connections all come from one address: lift the per-client limits
                # (fair admission, server/execution/admission.py), which would otherwise answer 429
                "--client-concurrent",
                "1024",
                "--client-seconds",
                "1000000",
                "--queue",
                "1024",
                "--state-dir",
                str(workdir / f"state-{data.name}-{engine}-{port}"),
            ]
        if engine.endswith("-nocache"):
            argv.append("--no-cache")
        tree = ROOT
        if engine.startswith("base"):
            if baseline is None:
                raise ValueError(f"{engine} needs --baseline REF")
            tree = baseline
        server = Server(engine, argv, port, log_path, {"PYTHONPATH": str(tree)}, tree)
        server.start()
        wait_until(
            lambda: http_get(server.base + "/health", "*/*", 2)[0] == 200, server, 900, "loading"
        )
        return server
    if engine == "oxigraph-disk":
        # the same on-disk store as ours (RocksDB), bulk-loaded by its own CLI
        location = workdir / f"oxigraph-{data.name}-{port}"
        assert merged is not None
        subprocess.run(
            [OXIGRAPH, "load", "--location", str(location), "--file", str(merged)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        argv = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
        server = Server(engine, argv, port, log_path)
        server.start()
        ask = server.base + "/query?query=" + urllib.parse.quote("ASK {}")
        wait_until(lambda: http_get(ask, JSON_RESULTS, 2)[0] == 200, server, 60, "starting")
        return server
    if engine.startswith("oxigraph"):
        argv = [OXIGRAPH, "serve", "--bind", f"127.0.0.1:{port}"]
        if engine == "oxigraph-union":
            argv.append("--union-default-graph")
        server = Server(engine, argv, port, log_path)
        server.start()
        ask = server.base + "/query?query=" + urllib.parse.quote("ASK {}")
        wait_until(lambda: http_get(ask, JSON_RESULTS, 2)[0] == 200, server, 60, "starting")
        source = data.file if engine == "oxigraph-union" else merged
        assert source is not None
        status = post_file(server.base + "/store", source, "application/n-quads", 1800)
        if status not in (200, 201, 204):
            raise RuntimeError(f"{engine}: loading over /store answered {status}")
        return server
    if engine == "rdflib":
        ready = workdir / f"rdflib-ready-{data.name}"
        shutil.rmtree(ready, ignore_errors=True)
        ready.mkdir()
        argv = [
            PY,
            "-m",
            "uvicorn",
            "--app-dir",
            str(BENCH),
            "--factory",
            "--workers",
            str(rdflib_workers),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "info",
            "--no-access-log",
            # uvicorn's supervisor kills a worker that misses a 5 s health check, which a
            # worker busy with one long rdflib query does (the 1M graph): it would then
            # reload the data for a minute. rdflib-endpoint's own CLI runs no supervisor.
            "--timeout-worker-healthcheck",
            "3600",
            "endpoint:rdflib_app",
        ]
        env = {"BENCH_RDFLIB_FILE": str(data.file), "BENCH_RDFLIB_READY": str(ready)}
        server = Server(engine, argv, port, log_path, env)
        server.start()
        wait_until(lambda: len(list(ready.iterdir())) >= rdflib_workers, server, 1800, "loading")
        ask = server.base + "/sparql?query=" + urllib.parse.quote("ASK {}")
        wait_until(lambda: http_get(ask, JSON_RESULTS, 5)[0] == 200, server, 60, "starting")
        return server
    raise ValueError(engine)


def export_baseline(ref: str, workdir: Path) -> Path:
    """The tree of an earlier commit (``git archive``), to serve with its own server code."""
    tree = workdir / "baseline"
    tree.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def query_path(engine: str) -> str:
    return "/query" if engine.startswith("oxigraph") else "/sparql"


def check_answers(
    engine: str, server: Server, data: Data, timeout: float, budget: float
) -> dict[str, str]:
    """Each CQ query once over HTTP, compared with the embedded answer (rows as sets)."""
    statuses: dict[str, str] = {}
    deadline = time.monotonic() + budget
    for name, text in data.queries:
        if time.monotonic() > deadline:
            statuses[name] = "skipped"
            continue
        url = server.base + query_path(engine) + "?query=" + urllib.parse.quote(text, safe="")
        try:
            status, body = http_get(url, JSON_RESULTS, timeout)
        except (TimeoutError, OSError):
            statuses[name] = "timeout"
            continue
        if status != 200:
            statuses[name] = f"HTTP {status}"
            continue
        variables, expected = data.expected[name]
        try:
            statuses[name] = compare(expected, http_rows(body, variables))
        except (ValueError, KeyError):
            statuses[name] = "unparsable"
    return statuses


def check_lookups(
    engine: str, server: Server, data: Data, sample: int, timeout: float, budget: float
) -> dict[str, str]:
    """The first ``sample`` entities' lookups, as triple sets, against the embedded CONSTRUCT.

    For our server also the ``.ttl`` page (the same triples) and the HTML page (status only).
    """
    statuses: dict[str, str] = {}
    deadline = time.monotonic() + budget
    for iri in data.entities[:sample]:
        local = iri[len(BASE) :]
        if time.monotonic() > deadline:
            statuses[f"lookup {local}"] = "skipped"
            continue
        expected = {
            (ox_term(t.subject), ox_term(t.predicate), ox_term(t.object))
            for t in data.store.query(data.describe(iri))
        }
        query = urllib.parse.quote(data.describe(iri), safe="")
        targets = [("lookup", server.base + query_path(engine) + "?query=" + query, TURTLE)]
        if engine.startswith("ours"):
            page = server.base + "/doc/" + _doc_path(iri)
            targets += [("page", page + ".ttl", TURTLE), ("html", page, "text/html")]
        for kind, url, accept in targets:
            key = f"{kind} {local}"
            try:
                status, body = http_get(url, accept, timeout)
            except (TimeoutError, OSError):
                statuses[key] = "timeout"
                continue
            if status != 200:
                statuses[key] = f"HTTP {status}"
            elif kind == "html":
                statuses[key] = "ok"
            else:
                try:
                    statuses[key] = "ok" if triples_of(body) == expected else "DIFF"
                except (SyntaxError, ValueError):
                    statuses[key] = "unparsable"
    return statuses


def _doc_path(iri: str) -> str:
    return urllib.parse.quote(iri[len(BASE) :], safe="/")


def request_lists(
    engine: str, data: Data, workdir: Path, workloads: Iterable[str] = WORKLOADS
) -> dict[str, Path]:
    """Request files for wrk (path TAB accept), one per workload this engine runs."""
    texts = [text for _, text in data.queries]
    fresh = [f"{texts[i % len(texts)]}\n# fresh {i}" for i in range(FRESH_VARIANTS)]
    lists: dict[str, list[tuple[str, str]]] = {
        "cq": [
            (query_path(engine) + "?query=" + urllib.parse.quote(text, safe=""), JSON_RESULTS)
            for text in texts
        ],
        "cq-fresh": [
            (query_path(engine) + "?query=" + urllib.parse.quote(text, safe=""), JSON_RESULTS)
            for text in fresh
        ],
        "lookup": [
            (
                query_path(engine) + "?query=" + urllib.parse.quote(data.describe(iri), safe=""),
                TURTLE,
            )
            for iri in data.entities
        ],
    }
    if engine in ("ours", "base"):
        pages = []
        for iri in data.entities:
            pages.append(("/doc/" + _doc_path(iri) + ".ttl", TURTLE))
            pages.append(("/doc/" + _doc_path(iri), "text/html"))
        lists["pages"] = pages
    files = {}
    for workload, requests in lists.items():
        if workload not in workloads:
            continue
        path = workdir / f"{data.name}-{engine}-{workload}.txt"
        path.write_text("".join(f"{target}\t{accept}\n" for target, accept in requests))
        files[workload] = path
    return files


# ------------------------------------------------------------------------------- wrk
def cpu_busy_seconds() -> float:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / CLK_TCK


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu() -> dict[int, tuple[float, str]]:
    """CPU seconds and command line of every process, to name the other load on the machine."""
    found: dict[int, tuple[float, str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        fields = _stat_fields(int(entry))
        if not fields:
            continue
        try:
            raw = Path(f"/proc/{entry}/cmdline").read_bytes()
            command = raw.replace(b"\0", b" ").decode(errors="replace").strip()
            command = command or f"[{Path(f'/proc/{entry}/comm').read_text().strip()}]"
        except OSError:
            continue
        found[int(entry)] = ((int(fields[11]) + int(fields[12])) / CLK_TCK, command[:80])
    return found


def top_other(before: dict[int, tuple[float, str]], skip: set[int], wall: float) -> list[str]:
    """The processes (not the server, not us) that used the most CPU since ``before``."""
    ncpu = os.cpu_count() or 1
    used = []
    for pid, (seconds, command) in process_cpu().items():
        if pid in skip:
            continue
        share = 100 * (seconds - before.get(pid, (0.0, ""))[0]) / (wall * ncpu)
        if share >= 5:
            used.append((share, command))
    return [f"{command} ({share:.0f}%)" for share, command in sorted(used, reverse=True)[:3]]


def run_wrk(server: Server, requests: Path, concurrency: int, seconds: float) -> dict[str, Any]:
    """One wrk cell; also how much CPU went to processes that are neither server nor wrk."""
    threads = 1 if concurrency == 1 else 2
    argv = [
        WRK,
        f"-t{threads}",
        f"-c{concurrency}",
        f"-d{seconds:g}s",
        f"--timeout={max(seconds, 5):g}s",
        "-s",
        str(LUA),
        server.base,
        "--",
        str(requests),
    ]
    busy0, server0, wrk0, t0 = cpu_busy_seconds(), server.cpu_seconds(), children_cpu(), time.time()
    others0 = process_cpu()
    done = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 120)
    wall = time.time() - t0
    busy = cpu_busy_seconds() - busy0
    server1 = server.cpu_seconds()
    server_cpu = sum(t - server0.get(pid, 0.0) for pid, t in server1.items())
    wrk_cpu = children_cpu() - wrk0
    others = top_other(others0, {*server.pids(), os.getpid()}, wall)
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result: {done.stdout[-500:]} {done.stderr[-500:]}")
    raw = json.loads(line.removeprefix("WRKJSON "))
    ncpu = os.cpu_count() or 1
    duration = raw["duration_us"] / 1e6
    completed = raw["requests"]
    return {
        "requests": completed,
        "rps": completed / duration if duration else 0.0,
        "p50_ms": raw["p50_us"] / 1000 if completed else None,
        "p99_ms": raw["p99_us"] / 1000 if completed else None,
        "max_ms": raw["max_us"] / 1000 if completed else None,
        "http_errors": raw["non_2xx_3xx"],
        "socket_errors": raw["connect_errors"] + raw["read_errors"] + raw["write_errors"],
        "timeouts": raw["timeouts"],
        "server_cpu_pct": round(100 * server_cpu / (wall * ncpu), 1),
        "wrk_cpu_pct": round(100 * wrk_cpu / (wall * ncpu), 1),
        "other_cpu_pct": round(100 * max(0.0, busy - server_cpu - wrk_cpu) / (wall * ncpu), 1),
        "other_processes": others,
        "threads": threads,
    }


def drain(engine: str, server: Server, limit: float = 120) -> None:
    """Wait until the server answers a trivial query quickly: no backlog from the last cell."""
    url = server.base + query_path(engine) + "?query=" + urllib.parse.quote("ASK {}")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            started = time.monotonic()
            if http_get(url, JSON_RESULTS, 5)[0] == 200 and time.monotonic() - started < 1:
                return
        except OSError:
            pass
        time.sleep(0.5)


# ------------------------------------------------------------------------------ runs
@dataclass
class Settings:
    datasets: list[str]
    engines: list[str]
    concurrency: list[int]
    duration: float
    duration_1m: float
    warmup: float
    entities: int
    lookup_checks: int
    query_timeout: float
    check_budget: float
    union_check: bool
    rdflib_workers: int = RDFLIB_WORKERS
    workloads: tuple[str, ...] = ("cq", "lookup", "pages")
    rounds: int = 1  # the engine list run this many times in turn (interleaved)
    baseline: Path | None = None


def run_dataset(name: str, settings: Settings, workdir: Path) -> dict[str, Any]:
    data = prepare(name, workdir, settings.entities)
    seconds = settings.duration_1m if name == "1m" else settings.duration
    log(
        f"{name}: {data.quads:,} quads, {data.triples:,} distinct triples, "
        f"{len(data.queries)} CQ queries, {len(data.entities)} entities; cells {seconds:g} s"
    )
    merged = None
    if any(e.startswith("oxigraph") for e in settings.engines):
        import pyoxigraph as ox

        merged = workdir / f"{name}-merged.nq"
        data.store.dump(str(merged), format=ox.RdfFormat.N_QUADS)
    engines = list(settings.engines)
    if settings.union_check and "oxigraph" in engines:
        engines.insert(engines.index("oxigraph") + 1, "oxigraph-union")
    engines = engines * settings.rounds
    runs: list[EngineRun] = []
    for engine in engines:
        run = EngineRun(engine)
        runs.append(run)
        server = None
        try:
            log(f"{name}/{engine}: starting")
            started = time.monotonic()
            server = start_engine(
                engine, data, workdir, merged, settings.rdflib_workers, settings.baseline
            )
            run.load_s = round(time.monotonic() - started, 1)
            run.mem_load = server.memory()
            log(
                f"{name}/{engine}: ready in {run.load_s} s, RSS {run.mem_load.rss_mb} MB, "
                f"PSS {run.mem_load.pss_mb} MB ({run.mem_load.processes} processes)"
            )
            run.answers = check_answers(
                engine, server, data, settings.query_timeout, budget=settings.check_budget
            )
            log(f"{name}/{engine}: CQ answers {run.answers_text()}")
            if engine == "oxigraph-union":
                continue  # correctness only: the timed oxigraph run serves the merged data
            run.lookups = check_lookups(
                engine,
                server,
                data,
                settings.lookup_checks,
                settings.query_timeout,
                budget=settings.check_budget / 2,
            )
            bad = {k: v for k, v in run.lookups.items() if v != "ok"}
            log(
                f"{name}/{engine}: lookups {len(run.lookups) - len(bad)}/{len(run.lookups)} "
                f"ok {bad or ''}"
            )
            lists = request_lists(engine, data, workdir, settings.workloads)
            for workload, requests in lists.items():
                drain(engine, server)
                if settings.warmup:
                    run_wrk(server, requests, 8, settings.warmup)
                for concurrency in settings.concurrency:
                    drain(engine, server)
                    cell = run_wrk(server, requests, concurrency, seconds)
                    cell.update(workload=workload, c=concurrency, seconds=seconds)
                    run.cells.append(cell)
                    log(
                        f"{name}/{engine}/{workload} c={concurrency}: {cell['rps']:.1f} req/s "
                        f"p50 {_ms(cell['p50_ms'])} p99 {_ms(cell['p99_ms'])} ms, "
                        f"errors {cell['http_errors']}+{cell['socket_errors']}"
                        f"+{cell['timeouts']}, other CPU {cell['other_cpu_pct']}%"
                    )
            run.mem_end = server.memory()
            log(
                f"{name}/{engine}: after the run RSS {run.mem_end.rss_mb} MB, "
                f"PSS {run.mem_end.pss_mb} MB"
            )
        except Exception as exc:  # one engine failing must not lose the others' numbers
            run.error = f"{type(exc).__name__}: {exc}"
            log(f"{name}/{engine}: FAILED {run.error}")
        finally:
            if server is not None:
                server.stop()
    result = {
        "name": name,
        "file": str(
            data.source.relative_to(ROOT) if data.source.is_relative_to(ROOT) else data.source
        ),
        "quads": data.quads,
        "triples": data.triples,
        "queries": len(data.queries),
        "entities": len(data.entities),
        "empty_queries": sorted(q for q, (_, rows) in data.expected.items() if not rows),
        "seconds": seconds,
        "engines": [
            vars(r) | {"mem_load": _mem(r.mem_load), "mem_end": _mem(r.mem_end)} for r in runs
        ],
    }
    if merged is not None:
        merged.unlink(missing_ok=True)
    data.file.unlink(missing_ok=True)
    del data
    gc.collect()
    return result


def _mem(memory: Memory | None) -> dict[str, Any] | None:
    return vars(memory) if memory else None


def _ms(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


# --------------------------------------------------------------------------- reporting
def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": platform.python_version()}
    for package in (
        "pyoxigraph",
        "flask",
        "werkzeug",
        "granian",
        "rdflib",
        "rdflib-endpoint",
        "fastapi",
        "uvicorn",
    ):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "not installed"
    for name, argv in (("oxigraph CLI", [OXIGRAPH, "--version"]), ("wrk", [WRK, "-v"])):
        try:
            out = subprocess.run(argv, capture_output=True, text=True, timeout=10)
            found[name] = (out.stdout + out.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired, TypeError):
            found[name] = "unknown"
    return found


def machine() -> dict[str, str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_gb = _kb("/proc/meminfo", "MemTotal:") / 1024 / 1024
    return {
        "nproc": str(os.cpu_count()),
        "memory": f"{mem_gb:.1f} GiB",
        "cpu": cpu,
        "kernel": platform.release(),
        "loadavg_at_start": Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__(),
    }


def _cell(run: dict[str, Any], workload: str, c: int) -> dict[str, Any] | None:
    return next((x for x in run["cells"] if x["workload"] == workload and x["c"] == c), None)


def _peak(run: dict[str, Any] | None, workload: str) -> float | None:
    if not run:
        return None
    rates = [x["rps"] for x in run["cells"] if x["workload"] == workload]
    return max(rates) if rates else None


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return "n/a"
    return "∞" if b == 0 else f"{a / b:.2f}×"


def render(results: dict[str, Any]) -> str:
    """The Markdown section: per-dataset throughput/latency tables, memory, targets."""
    meta = results["meta"]
    out = [f"## Endpoint: ours vs oxigraph serve vs rdflib-endpoint ({meta['date']})", ""]
    out += [f"Command: `{meta['command']}` (wall time {meta['wall_minutes']:.1f} min)", ""]
    m = meta["machine"]
    out += [
        f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} RAM, Linux {m['kernel']}; "
        f"load average at start {m['loadavg_at_start']}.",
        "",
    ]
    out += ["Versions: " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()) + ".", ""]
    workers = meta.get("rdflib_workers", RDFLIB_WORKERS)
    out += [
        "Setup (bench/README.md): ours with `--workers 2 --row-limit 1000000`; oxigraph serve in "
        "memory, loaded with the named graphs plus their merged default graph; rdflib-endpoint "
        f"in {workers} uvicorn process{'es' if workers > 1 else ''}.",
        "",
    ]
    concurrency = meta["concurrency"]
    for ds in results["datasets"]:
        out += [
            f"### {ds['name']}: `{ds['file']}`: {ds['quads']:,} quads, "
            f"{ds['triples']:,} distinct triples",
            "",
        ]
        out += [
            f"{ds['queries']} CQ queries ({len(ds['empty_queries'])} with an empty answer on "
            f"this data), {ds['entities']} sampled entities, {ds['seconds']:g} s per cell "
            f"after a {meta['warmup']:g} s warm-up. Cells: req/s, p50/p99 latency in ms.",
            "",
        ]
        head = "| engine | workload | answers |"
        rule = "|---|---|---|"
        for c in concurrency:
            head += f" c={c} req/s | c={c} p50/p99 |"
            rule += "---:|---:|"
        out += [head + " errors | other CPU |", rule + "---:|---:|"]
        for run in ds["engines"]:
            label = ENGINE_LABELS.get(run["name"], run["name"])
            if run["error"]:
                out.append(
                    f"| {label} | - | ✗ {run['error'][:120]} |" + " |" * (2 * len(concurrency) + 2)
                )
                continue
            if run["name"] == "oxigraph-union":
                out.append(
                    f"| oxigraph --union-default-graph | (answers only) | "
                    f"{_answers(run)} |" + " |" * (2 * len(concurrency) + 2)
                )
                continue
            for workload in WORKLOADS:
                if not any(x["workload"] == workload for x in run["cells"]):
                    continue
                cq_like = workload.startswith("cq")
                answers = _answers(run) if cq_like else _lookups(run, workload)
                row = f"| {label} | {workload} | {answers} |"
                errors = 0
                other = 0.0
                for c in concurrency:
                    cell = _cell(run, workload, c)
                    if cell is None:
                        row += " - | - |"
                        continue
                    errors += cell["http_errors"] + cell["socket_errors"] + cell["timeouts"]
                    other = max(other, cell["other_cpu_pct"])
                    rate = cell["rps"]
                    row += f" {rate:,.0f} |" if rate >= 10 else f" {rate:.2f} |"
                    row += f" {_ms(cell['p50_ms'])} / {_ms(cell['p99_ms'])} |"
                out.append(row + f" {errors} | ≤{other:.0f}% |")
        seen: dict[str, None] = {}
        for run in ds["engines"]:
            for cell in run["cells"]:
                for item in cell.get("other_processes", []):
                    seen.setdefault(item.rsplit(" (", 1)[0], None)
        if seen:
            names = "; ".join(f"`{command}`" for command in list(seen)[:6])
            out += ["", f"Other processes that took ≥ 5% of the CPU during a cell: {names}."]
        out += [
            "",
            "| engine | ready in | RSS sum after load | PSS after load | RSS sum after run "
            "| PSS after run | processes |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for run in ds["engines"]:
            load, end = run["mem_load"], run["mem_end"]
            out.append(
                f"| {ENGINE_LABELS.get(run['name'], run['name'])} | {run['load_s']} s | "
                f"{_mb(load, 'rss_mb')} | {_mb(load, 'pss_mb')} | {_mb(end, 'rss_mb')} | "
                f"{_mb(end, 'pss_mb')} | {load['processes'] if load else '-'} |"
            )
        out.append("")
    out += targets(results)
    return "\n".join(out) + "\n"


def _mb(mem: dict[str, Any] | None, key: str) -> str:
    return f"{mem[key]:,.0f} MB" if mem else "-"


def _answers(run: dict[str, Any]) -> str:
    answers = run["answers"]
    if not answers:
        return "-"
    bad = [f"{q.split('-')[0]} {s}" for q, s in sorted(answers.items()) if s != "ok"]
    text = f"{len(answers) - len(bad)}/{len(answers)} ok"
    return text + (f" ✗ {', '.join(bad)}" if bad else "")


def _lookups(run: dict[str, Any], workload: str) -> str:
    kinds = ("page ", "html ") if workload == "pages" else ("lookup ",)
    checked = {k: v for k, v in run["lookups"].items() if k.startswith(kinds)}
    if not checked:
        return "-"
    bad = [v for v in checked.values() if v != "ok"]
    return f"{len(checked) - len(bad)}/{len(checked)} ok" + (" ✗" if bad else "")


def targets(results: dict[str, Any]) -> list[str]:
    """The issue's targets, as ratios measured in this run (peak req/s over concurrencies)."""
    out = [
        "### Targets",
        "",
        "Throughput ratios compare each engine's best req/s over the concurrencies (and, in "
        "brackets, at c=8) on the CQ mix. A ratio is void (✗) if the faster engine gave a "
        "wrong answer.",
        "",
        "| target | dataset | measured | met |",
        "|---|---|---|---|",
    ]
    for ds in results["datasets"]:
        runs = {r["name"]: r for r in ds["engines"] if not r["error"]}
        ours, nocache = runs.get("ours"), runs.get("ours-nocache")
        ox, rdf = runs.get("oxigraph"), runs.get("rdflib")
        disk = runs.get("oxigraph-disk")
        small = ds["name"] == "seed"

        def ratio_row(
            title: str, a: dict | None, b: dict | None, need: float, name: str = ds["name"]
        ) -> None:
            if not a or not b:
                return
            pa, pb = _peak(a, "cq"), _peak(b, "cq")
            if pa is None or pb is None:
                return
            a8, b8 = _cell(a, "cq", 8), _cell(b, "cq", 8)
            at8 = _ratio(a8["rps"], b8["rps"]) if a8 and b8 else "n/a"
            met = "✓" if pb == 0 or pa / pb >= need else "✗"
            if _wrong(a):
                met = "✗ wrong answers"
            out.append(f"| {title} | {name} | {_ratio(pa, pb)} ({at8} at c=8) | {met} |")

        # issue 12's targets: seed 1x cached / 0.5x uncached; 100k and 1M 5x / 1x
        cached_need, uncached_need = (1.0, 0.5) if small else (5.0, 1.0)
        ratio_row(f"cached ≥ {cached_need:g}× oxigraph (CQ mix)", ours, ox, cached_need)
        ratio_row(f"uncached ≥ {uncached_need:g}× oxigraph (CQ mix)", nocache, ox, uncached_need)
        ratio_row(
            f"uncached ≥ {uncached_need:g}× oxigraph on disk (CQ mix, same storage)",
            nocache,
            disk,
            uncached_need,
        )
        ratio_row("uncached ≥ 10× rdflib-endpoint (CQ mix)", nocache, rdf, 10)
        if small:
            for run, workload in ((ours, "cq"), (nocache, "cq"), (ours, "lookup"), (ours, "pages")):
                cell = _cell(run, workload, 8) if run else None
                if cell and cell["p99_ms"] is not None:
                    ok = "✓" if cell["p99_ms"] < 10 else "✗"
                    label = ENGINE_LABELS[run["name"]]
                    out.append(
                        f"| p99 < 10 ms at c=8: {label}, {workload} | seed | "
                        f"{cell['p99_ms']:.1f} ms | {ok} |"
                    )
        if ds["name"] == "1m":
            for run in (ours, nocache):
                if not run or not run["mem_end"]:
                    continue
                end, load = run["mem_end"], run["mem_load"]
                rss = max(end["rss_mb"], load["rss_mb"])
                ok = "✓" if rss < 1536 else "✗"
                out.append(
                    f"| serving 1M < 1.5 GB total RSS after the run: {ENGINE_LABELS[run['name']]} "
                    f"(PSS {end['pss_mb']:,.0f} MB) | 1m | {rss:,.0f} MB | {ok} |"
                )
    out.append("")
    return out


def _wrong(run: dict[str, Any]) -> bool:
    return any(s != "ok" for s in run["answers"].values())


def append_section(path: Path, text: str) -> None:
    """Append (never rewrite): other benchmarks keep their sections in the same file."""
    exists = path.exists() and path.stat().st_size > 0
    with open(path, "a", encoding="utf-8") as out:
        if not exists:
            out.write("# Benchmark results\n\n")
        else:
            out.write("\n")
        out.write(text)


# ------------------------------------------------------------------------------ main
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="seed graph only, 3 s cells")
    parser.add_argument("--datasets", default="seed,100k,1m", help="comma list: seed,100k,1m")
    parser.add_argument(
        "--engines",
        default=",".join(DEFAULT_ENGINES),
        help=f"comma list of engines from {', '.join(ENGINES)} (base*: with --baseline)",
    )
    parser.add_argument("--concurrency", default="1,8,32")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per cell")
    parser.add_argument("--duration-1m", type=float, default=10.0, help="seconds per 1M cell")
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up seconds per workload")
    parser.add_argument("--entities", type=int, default=40, help="entities for lookups/pages")
    parser.add_argument("--lookup-checks", type=int, default=10, help="lookups checked")
    parser.add_argument("--query-timeout", type=float, default=30.0, help="per checked query")
    parser.add_argument(
        "--check-budget", type=float, default=150.0, help="seconds for one engine's CQ checks"
    )
    parser.add_argument(
        "--no-union-check",
        action="store_true",
        help="skip the answers-only run of oxigraph --union-default-graph",
    )
    parser.add_argument(
        "--rdflib-workers", type=int, default=RDFLIB_WORKERS, help="uvicorn processes"
    )
    parser.add_argument(
        "--workloads", default="cq,lookup,pages", help=f"comma list of {', '.join(WORKLOADS)}"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="run the engine list this many times, in turn"
    )
    parser.add_argument(
        "--baseline",
        metavar="REF",
        help="git ref whose server the engines base/base-nocache run (git archive)",
    )
    parser.add_argument("--results", type=Path, default=BENCH / "history" / "runs.md")
    parser.add_argument("--no-record", action="store_true", help="do not append to --results")
    parser.add_argument(
        "--json", type=Path, help="raw results (default bench/data/endpoint-*.json)"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.datasets, args.duration, args.warmup = "seed", 3.0, 1.0
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for tool, path in (("wrk", WRK), ("oxigraph", OXIGRAPH)):
        if path is None:
            print(f"error: {tool} not found on PATH", file=sys.stderr)
            return 2
    settings = Settings(
        datasets=[d.strip().lower() for d in args.datasets.split(",") if d.strip()],
        engines=[e.strip() for e in args.engines.split(",") if e.strip()],
        concurrency=[int(c) for c in args.concurrency.split(",")],
        duration=args.duration,
        duration_1m=args.duration_1m,
        warmup=args.warmup,
        entities=args.entities,
        lookup_checks=args.lookup_checks,
        query_timeout=args.query_timeout,
        check_budget=args.check_budget,
        union_check=not args.no_union_check,
        rdflib_workers=args.rdflib_workers,
        workloads=tuple(w.strip() for w in args.workloads.split(",") if w.strip()),
        rounds=max(1, args.rounds),
    )
    unknown = set(settings.engines) - set(ENGINES)
    unknown |= set(settings.workloads) - set(WORKLOADS)
    if unknown:
        print(
            f"error: unknown engine(s)/workload(s) {sorted(unknown)}; known: {ENGINES}, "
            f"{WORKLOADS}",
            file=sys.stderr,
        )
        return 2
    if any(e.startswith("base") for e in settings.engines) and not args.baseline:
        print("error: the base engines need --baseline REF", file=sys.stderr)
        return 2
    for name in ("base", "base-nocache"):
        ENGINE_LABELS[name] = ENGINE_LABELS[name].replace("BASELINE", args.baseline or "?")
    atexit.register(_stop_all)
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    started = time.time()
    command = "python bench/endpoint.py" + (" " + shlex.join(sys.argv[1:]) if sys.argv[1:] else "")
    meta = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": command,
        "machine": machine(),
        "versions": versions(),
        "concurrency": settings.concurrency,
        "warmup": settings.warmup,
        "rdflib_workers": settings.rdflib_workers,
    }
    log(f"machine {meta['machine']}")
    results: dict[str, Any] = {"meta": meta, "datasets": []}
    with tempfile.TemporaryDirectory(prefix="bench-endpoint-") as tmp:
        workdir = Path(tmp)
        if args.baseline:
            settings.baseline = export_baseline(args.baseline, workdir)
        for name in settings.datasets:
            try:
                results["datasets"].append(run_dataset(name, settings, workdir))
            except Exception as exc:  # e.g. the data could not be generated: keep the rest
                log(f"{name}: FAILED {type(exc).__name__}: {exc}")
                results["failed"] = results.get("failed", []) + [f"{name}: {exc}"]
        logs = BENCH / "data" / "endpoint-logs"
        logs.mkdir(parents=True, exist_ok=True)
        for path in workdir.glob("*.log"):  # server logs, for looking into failures later
            shutil.copy(path, logs / path.name)
    meta["wall_minutes"] = (time.time() - started) / 60
    text = render(results)
    print()
    print(text)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    raw = args.json or BENCH / "data" / f"endpoint-{stamp}.json"
    raw.parent.mkdir(parents=True, exist_ok=True)
    raw.write_text(json.dumps(results, indent=2, default=str) + "\n")
    log(f"raw results in {raw}")
    if not args.no_record:
        append_section(args.results, text)
        log(f"appended to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
