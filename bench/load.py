"""Soak test of the endpoint: many concurrent clients for a fixed time, a realistic mix of
requests, and the memory of the server processes watched from start to end.

Why a separate load test next to ``bench/endpoint.py`` (throughput with wrk): this one looks
for what a long run reveals and a short one hides - errors under sustained concurrency and
memory that keeps growing (a leak in a worker, an unbounded cache). It drives the full
``kg serve`` (SPARQL and Linked Data pages) with a fixed mix: every competency question
(``cq/*.yaml``, ``GET /sparql?query=…``, JSON results) and the HTML and Turtle pages of
well-known entities (``/doc/id/armenia`` …). Clients are threads, one request per connection
(gunicorn's sync workers close every connection anyway). The RSS of the gunicorn master and
its workers is read from ``/proc`` four times a second; growth is the mean of the last
quarter of the run over the mean of the first quarter, after a warm-up that fills the
response caches.

``tests/reliability/test_load.py`` runs the same driver for 8 s in the test suite. By hand::

    python bench/load.py          # 60 s, 32 and 64 clients, appends to history/runs.md
    python bench/load.py --duration 20 --clients 32 --no-append

The server is started here (``python -m kg.cli serve --dist DIST`` on a free loopback port,
2 workers), in its own session, and stopped on exit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import importlib.util
import os
import platform
import random
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def _proctree():  # type: ignore[no-untyped-def]
    """bench/proctree.py, also when this file is imported by path (tests/reliability)."""
    spec = importlib.util.spec_from_file_location(
        "seckg_bench_proctree", REPO / "bench" / "proctree.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


process_tree = _proctree().process_tree  # the whole tree: executors sit under a supervisor
RESULTS = REPO / "bench" / "history" / "runs.md"
ENTITIES = ("armenia", "russia", "csto", "united-states", "france", "india", "nato")
JSON_RESULTS = "application/sparql-results+json"


@dataclass(frozen=True)
class Request:
    label: str
    path: str
    accept: str


def request_mix(repo: Path = REPO, entities: Sequence[str] = ENTITIES) -> list[Request]:
    """Every competency question, and the HTML and Turtle page of each entity."""
    mix = []
    for path in sorted((repo / "cq").glob("*.yaml")):
        query = yaml.safe_load(path.read_text(encoding="utf-8"))["query"]
        encoded = urllib.parse.quote(query, safe="")
        mix.append(Request(f"cq {path.stem[:2]}", f"/sparql?query={encoded}", JSON_RESULTS))
    for name in entities:
        mix.append(Request(f"page {name}", f"/doc/id/{name}", "text/html"))
        mix.append(Request(f"ttl {name}", f"/doc/id/{name}.ttl", "text/turtle"))
    return mix


# ------------------------------------------------------------------------------ /proc
def rss_bytes(pids: Sequence[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


# ------------------------------------------------------------------------------ driver
@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss: list[tuple[float, int]] = field(default_factory=list)  # (seconds since start, bytes)

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    def _quarter_mean(self, first: bool) -> float:
        quarter = self.seconds / 4
        values = [v for t, v in self.rss if (t < quarter if first else t >= self.seconds - quarter)]
        return sum(values) / len(values) if values else float("nan")

    @property
    def rss_first(self) -> float:
        return self._quarter_mean(True)

    @property
    def rss_last(self) -> float:
        return self._quarter_mean(False)

    @property
    def rss_growth(self) -> float:
        """Relative growth of the mean RSS from the first to the last quarter of the run."""
        return self.rss_last / self.rss_first - 1


def _fetch(host: str, port: int, request: Request, timeout: float) -> int:
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("GET", request.path, headers={"Accept": request.accept})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def run_load(
    base: str,
    mix: Sequence[Request],
    *,
    clients: int,
    seconds: float,
    server_pid: int | None = None,
    warmup: float = 2.0,
    timeout: float = 30.0,
    seed: int = 1,
) -> LoadResult:
    """Drive ``clients`` threads over ``mix`` for ``seconds`` (after ``warmup``)."""
    parsed = urllib.parse.urlsplit(base)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    result = LoadResult(clients=clients, seconds=seconds)
    lock = threading.Lock()
    start = time.monotonic() + warmup
    stop = start + seconds

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        order = list(mix)
        while True:
            rng.shuffle(order)
            for request in order:
                began = time.monotonic()
                if began >= stop:
                    return
                try:
                    status = _fetch(host, port, request, timeout)
                    error = None if status == 200 else f"{request.label}: HTTP {status}"
                except (OSError, http.client.HTTPException) as exc:
                    error = f"{request.label}: {type(exc).__name__}: {exc}"
                if began < start:
                    continue  # warm-up: fill caches, count nothing
                with lock:
                    if error:
                        result.errors.append(error)
                    else:
                        result.latencies.append(time.monotonic() - began)

    def sampler() -> None:
        while (now := time.monotonic()) < stop:
            if now >= start and server_pid is not None:
                result.rss.append((now - start, rss_bytes(process_tree(server_pid))))
            time.sleep(0.25)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    threads.append(threading.Thread(target=sampler, daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=warmup + seconds + timeout + 5)
    return result


# -------------------------------------------------------------------------- reporting
def table(results: Sequence[LoadResult]) -> str:
    rows = [
        "| clients | seconds | requests | req/s | errors | p50 ms | p90 ms | p99 ms | max ms "
        "| RSS first ¼ MiB | RSS last ¼ MiB | growth |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ms = [r.percentile(p) * 1000 for p in (50, 90, 99, 100)]
        rows.append(
            f"| {r.clients} | {r.seconds:g} | {r.requests} | {r.requests / r.seconds:.0f} "
            f"| {len(r.errors)} | {ms[0]:.1f} | {ms[1]:.1f} | {ms[2]:.1f} | {ms[3]:.1f} "
            f"| {r.rss_first / 2**20:.1f} | {r.rss_last / 2**20:.1f} | {r.rss_growth:+.1%} |"
        )
    return "\n".join(rows)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    mem = next(
        int(line.split()[1]) / 2**20
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {mem:.1f} GiB RAM, Linux {platform.release()}; "
        f"load average {load} when the run ended"
    )


def append_results(results: Sequence[LoadResult], command: str, mix: Sequence[Request]) -> None:
    """Append one section to bench/history/runs.md (created if missing; never rewritten)."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = [
        f"## Load (soak): `bench/load.py` ({when})",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {machine()}; Python {platform.python_version()}.",
        "",
        f"Mix: {len(mix)} requests round-robin per client in shuffled order - every "
        "competency question (JSON results) and the HTML and Turtle page of "
        f"{len(ENTITIES)} entities; server `kg serve` with 2 gunicorn workers on 127.0.0.1, "
        "clients on the same machine. RSS is master + workers from /proc.",
        "",
        table(results),
        "",
    ]
    with RESULTS.open("a", encoding="utf-8") as fh:
        if fh.tell() == 0:
            fh.write("# Benchmark results\n\n")
        fh.write("\n".join(section) + "\n")


# ------------------------------------------------------------------------- the server
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(dist: Path, log: Path, workers: int = 2) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    args = [
        sys.executable, "-m", "kg.cli", "serve", "--dist", str(dist), "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(workers), "--timeout", "30",
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "SPARQL_UPDATE_TOKEN"}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    with log.open("wb") as out:
        process = subprocess.Popen(
            args, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # kg serve builds first if dist/ has no dataset
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early; see {log}")
        try:
            if _fetch("127.0.0.1", port, Request("health", "/health", "*/*"), 1) == 200:
                return process, base
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(process)
    raise RuntimeError(f"server did not start; see {log}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per run")
    parser.add_argument("--clients", type=int, nargs="+", default=[32, 64])
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-append", action="store_true", help="do not append to history/runs.md")
    args = parser.parse_args(argv)

    mix = request_mix()
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"seckg-load-{os.getpid()}.log"
    process, base = start_server(args.dist, log, args.workers)
    results = []
    say: Callable[[str], None] = lambda text: print(text, flush=True)  # noqa: E731
    try:
        for clients in args.clients:
            say(f"{clients} clients for {args.duration:g} s (after {args.warmup:g} s warm-up)…")
            results.append(
                run_load(
                    base,
                    mix,
                    clients=clients,
                    seconds=args.duration,
                    server_pid=process.pid,
                    warmup=args.warmup,
                )
            )
            for error in sorted(set(results[-1].errors))[:10]:
                say(f"  error: {error}")
    finally:
        stop_server(process)
    say(table(results))
    if not args.no_append:
        command = "python bench/load.py " + shlex.join(argv if argv is not None else sys.argv[1:])
        append_results(results, command.strip(), mix)
        say(f"appended to {RESULTS.relative_to(REPO)}")
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
