"""Where an uncached competency-question request's time goes: parse, checks, engine,
serialisation, the rest of Flask, and HTTP.

Why a separate script: ``bench/endpoint.py`` measures whole requests against other engines;
this one splits one request into its phases so that the part that is ours can be found and
removed. Everything runs in one process on the seed graph (``dist/dataset.nq``), no cache:

* ``parse``      ``server.http.protocol.parse_operation`` on a real werkzeug request (GET ?query=…)
* ``checks``     the text analysis every query goes through before the engine: tokenizer,
                 size limits, SERVICE/LOAD guard, prologue, query form - measured *without*
                 the per-text memo, i.e. as for a query text the worker has not seen yet
* ``engine``     ``Store.query`` and pulling the solutions (at most row limit + 1)
* ``serialise``  ``server.execution.execute.serialize_solutions`` minus the engine part
* ``request``    the whole request through the WSGI app in process (a prepared environ, as
                 gunicorn passes it), memo cleared before each request so the checks are
                 paid as above
* ``thread``     handing the engine work to the deadline thread and back
                 (``server.execution.runner.run_bounded`` of an empty job)
* ``flask+ours`` ``request`` minus the phases above: werkzeug/Flask dispatch, our hooks,
                 negotiation, ETag, the response object
* ``HTTP``       from a real server (gunicorn, 1 worker, ``--no-cache``) driven by one
                 client on loopback with a new connection per request, as gunicorn's sync
                 workers do: its latency minus ``request``

Each phase is the least over ``--rounds`` passes of the CQ mix (per query, then summed over
the mix and divided by its size: the mean request); the least, because on a shared machine
other jobs only ever add time. ``--profile`` also prints the top
functions of a cProfile of the in-process requests. Usage::

    python bench/uncached.py                     # table, ~30 s
    python bench/uncached.py --profile           # + cProfile top 25 by own time
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import io
import os
import pstats
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask import Flask  # noqa: E402
from pyoxigraph import QuerySolutions  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402

from kg import config as kg_config  # noqa: E402
from kg import cq  # noqa: E402
from server import endpoint as endpoint_module  # noqa: E402
from server.config import ServerConfig  # noqa: E402
from server.data.loader import load_files  # noqa: E402
from server.execution.execute import serialize_solutions  # noqa: E402
from server.execution.runner import run_bounded  # noqa: E402
from server.formats import ResultKind, negotiate  # noqa: E402
from server.http.app import create_app  # noqa: E402
from server.http.protocol import parse_operation  # noqa: E402

ACCEPT = "application/sparql-results+json"
ROW_LIMIT = 10_000


def _clear_memo() -> None:
    """Forget every per-text memo (the endpoint's analysis, the lexer's scans, if any)."""
    memo = getattr(endpoint_module, "_analyse_memo", None)
    if memo is not None:
        memo.cache_clear()
    clear = getattr(getattr(endpoint_module, "lexer", None), "clear_memo", None)
    if clear is not None:
        clear()


def _analyse(text: str) -> object:
    """The endpoint's pre-engine analysis of a query, without any memo."""
    _clear_memo()
    return endpoint_module.analyse_query(text, ())


def _timed(work: Callable[[], object], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        work()
    return (time.perf_counter() - start) / repeat


def phases(app: Flask, store: object, queries: list[str], repeat: int) -> dict[str, float]:
    """Mean seconds per request of each phase over the mix (one pass)."""
    fmt = negotiate(ResultKind.RESULTS, (), _accept(app))
    assert fmt is not None
    totals = dict.fromkeys(("parse", "checks", "engine", "serialise", "request", "thread"), 0.0)
    for text in queries:
        url = "/sparql?" + urllib.parse.urlencode({"query": text})

        context = app.test_request_context(url, headers={"Accept": ACCEPT})
        context.push()  # the request object is built once: only parse_operation is timed
        from flask import request

        def parse() -> object:
            request.__dict__.pop("_cached_data", None)
            return parse_operation(request)

        def engine(text: str = text) -> object:
            result = store.query(text)  # type: ignore[attr-defined]
            return list(islice(result, ROW_LIMIT + 1))

        def engine_and_serialise(text: str = text) -> object:
            result = store.query(text)  # type: ignore[attr-defined]
            assert isinstance(result, QuerySolutions)
            return serialize_solutions(result, fmt, ROW_LIMIT)

        environ = EnvironBuilder(path=url, headers={"Accept": ACCEPT}).get_environ()

        def whole(environ: dict[str, object] = environ) -> object:
            """One request through the WSGI app, as gunicorn calls it (environ built once)."""
            _clear_memo()
            env = dict(environ)
            env["wsgi.input"] = io.BytesIO(b"")
            status: list[str] = []
            body = b"".join(app(env, lambda s, h, e=None: status.append(s)))
            assert status[0].startswith("200"), body[:200]
            return body

        totals["parse"] += _timed(parse, repeat)
        context.pop()
        totals["checks"] += _timed(lambda text=text: _analyse(text), repeat)
        e = _timed(engine, repeat)
        totals["engine"] += e
        totals["serialise"] += max(0.0, _timed(engine_and_serialise, repeat) - e)
        totals["request"] += _timed(whole, repeat)
        totals["thread"] += _timed(lambda: run_bounded(lambda: None, 30.0), repeat)
    return {k: v / len(queries) for k, v in totals.items()}


def _accept(app: Flask) -> object:
    with app.test_request_context("/", headers={"Accept": ACCEPT}):
        from flask import request

        return request.accept_mimetypes


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_latency(data: Path, queries: list[str], seconds: float) -> float:
    """Mean latency of one client against a real 1-worker server, new connection each time."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "--host", "127.0.0.1", "--port", str(port)]
        + ["--workers", "1", "--no-cache", "--row-limit", str(ROW_LIMIT), str(data)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.1)
        paths = ["/sparql?" + urllib.parse.urlencode({"query": q}) for q in queries]

        def one(path: str) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path, headers={"Accept": ACCEPT})
            res = conn.getresponse()
            res.read()
            conn.close()
            assert res.status == 200

        for path in paths * 3:  # warm-up
            one(path)
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for path in paths:
                one(path)
            count += len(paths)
        return (time.perf_counter() - start) / count
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=kg_config.ROOT / "dist" / "dataset.nq")
    parser.add_argument("--rounds", type=int, default=7, help="passes of the mix (least)")
    parser.add_argument("--repeat", type=int, default=20, help="calls per query per pass")
    parser.add_argument("--http-seconds", type=float, default=5.0)
    parser.add_argument("--profile", action="store_true", help="print a cProfile top 25")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"error: {args.data} not found (run kg build)", file=sys.stderr)
        return 2
    loaded = load_files([args.data])
    app = create_app(ServerConfig(files=(args.data,), response_cache=False), loaded)
    queries = [q.query for q in cq.load_all(kg_config.ROOT / "cq")]
    runs = [phases(app, loaded.store, queries, args.repeat) for _ in range(args.rounds)]
    # the least of the passes: on a shared machine other jobs only ever add time
    median = {k: min(r[k] for r in runs) for k in runs[0]}
    http_mean = http_latency(args.data, queries, args.http_seconds)
    phases_sum = sum(median[k] for k in ("parse", "checks", "engine", "serialise", "thread"))
    rest = median["request"] - phases_sum
    rows = [
        ("parse (protocol)", median["parse"]),
        ("checks (lexer, limits, guard, form)", median["checks"]),
        ("engine (query + solutions)", median["engine"]),
        ("serialisation", median["serialise"]),
        ("deadline thread hand-off (server/execution/runner.py)", median["thread"]),
        ("Flask, hooks, negotiation, ETag, response", rest),
        ("in-process request (sum of the above)", median["request"]),
        ("HTTP (gunicorn, TCP connect, client)", http_mean - median["request"]),
        ("one client over HTTP, whole request", http_mean),
    ]
    print(f"CQ mix: {len(queries)} queries, seed graph; mean per request, µs")
    print(f"{'phase':46} {'µs':>8} {'share of HTTP request':>22}")
    for name, value in rows:
        print(f"{name:46} {value * 1e6:8.0f} {value / http_mean:21.0%}")
    if args.profile:
        profiler = cProfile.Profile()
        client = app.test_client()
        paths = ["/sparql?" + urllib.parse.urlencode({"query": q}) for q in queries]
        profiler.enable()
        for _ in range(args.repeat * 5):
            for path in paths:
                _clear_memo()
                client.get(path, headers={"Accept": ACCEPT})
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
