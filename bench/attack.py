"""Attack benchmark: is the endpoint still answering cheap queries while it is attacked?

One run starts the real server (``python -m server``) on 127.0.0.1 and, for ``--duration``
seconds, attacks it from other loopback addresses (so that per-client limits treat the
attackers as the distinct clients they would be), with one of two scenarios, each a row of
:data:`SCENARIOS` (kind, count, source address):

* ``issue20`` (the default): issue 20's done-when loads, all at once, *each from one
  address*: 1,000 connections that send nothing (reopened when the server closes them), 10
  clients that ask for a ~45 MB answer (10,000 rows of a 4.5 KB literal) and never read it,
  and 16 clients that POST the pathological lexer body (three double quotes then 15,000
  backslash-quotes: quadratic in the old lexer, ~8 s each) again and again;
* ``mixed``: the earlier mix - 16 slowloris sockets, 16 non-readers of ~6 MB answers (16
  addresses), 4 runaway queries (a five-way product under ``COUNT``) and a memory bomb (30
  nested ``CONCAT`` doublings) re-sent as answered, 200 silent connections, 10 one-address
  non-readers, 16 lexer bodies and finding 0's two GET sequences (the 2,300-item
  ``((1)(1)…)`` ASK in changing formats, and a product taught over an empty
  ``default-graph-uri`` and then sent without it);
* ``silent``, ``non-readers``, ``lexer``: issue 20's three loads one at a time, to see where
  a front's memory goes.

Meanwhile one client (127.0.0.1) sends cheap queries back to back: texts it sent before the
attack (known to be fast), and once a second a text never seen (which has to take the
general lane). Recorded: success rate and p50/p99 latency of both, what the attackers got,
the peak memory of each front (``seckg-front``) against its configured bound (its memory
before the attack, plus ``--client-answer-mb`` - the unread answers one address may have
held in a front before it gets 429 - plus ``--client-concurrent`` answers of 45 MB being
made for that address while it was under the cap), the whole process tree's peak (RSS
summed, and PSS, which counts shared pages once), and the recovery time (attackers gone
until every executor is free and a never-seen query is answered).

The bound counts answers and nothing per connection, and was checked against each load alone
(2026-12-06, ``bench/RESULTS.md``): 1,000 silent connections relayed by the edge cost the
fronts ~4.6 KiB each (edge and granian together), and an unread answer its size plus ~3 MB
(granian's queue for the connection) - once the executor's reply reached the front in one
copy; before, a 45 MB answer held 77 MB (118 MB at its peak), which is how the front
exceeded the bound without the cache (352 MB against 337). Runs with the response
cache on (the default) and off, so the cheap queries really reach the executors.

Bounded in count and time (the default, both variants of 45 s, takes under 3 minutes);
everything stops by itself; loopback only. Usage::

    python bench/attack.py                      # issue 20's loads, appends to history/runs.md
    python bench/attack.py --scenario mixed --duration 20
    python bench/attack.py --duration 5 --no-record
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from proctree import process_tree

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
RUNAWAY = (
    "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p }} # {}"
)
BOMB = (
    'SELECT (STRLEN(?a30) AS ?n) WHERE { BIND("aaaaaaaaaaaaaaaa" AS ?a0) '
    + " ".join(f"BIND(CONCAT(?a{i}, ?a{i}) AS ?a{i + 1})" for i in range(30))
    + " }"
)


def _wide(literal: int) -> str:
    """10,000 rows (the default row cap) of a ``literal``-character string."""
    return (
        "SELECT ?x WHERE { VALUES ?i { "
        + " ".join(map(str, range(10_000)))
        + ' } BIND(CONCAT(STR(?i), "'
        + "x" * literal
        + '") AS ?x) }'
    )


WIDE = _wide(600)  # ~6 MB as CSV
WIDE_45 = _wide(4_500)  # ~45 MB as CSV: issue 20's non-readers
KNOWN = [f"ASK {{ ?s ?p {n} }}" for n in range(50)]
DEEP = "ASK { FILTER(false) ?s <urn:p> (" + "(1)" * 2300 + ") }"
LEXER_BODY = ('ASK { ?s ?p """' + '\\"' * 15_000).encode()
PORT = 0


def _get(params: dict[str, str]) -> bytes:
    # brackets unescaped, as curl sends them: finding 0's deep text fits in 8 KiB then
    query = urllib.parse.urlencode(params, quote_via=urllib.parse.quote, safe="()")
    return f"GET /sparql?{query} HTTP/1.1\r\nHost: bench\r\n\r\n".encode()


def _post(body: bytes, content_type: str, accept: str = "*/*") -> bytes:
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: bench\r\nAccept: {accept}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def _form(query: str) -> bytes:
    body = urllib.parse.urlencode({"query": query}).encode()
    return _post(body, "application/x-www-form-urlencoded", accept="text/csv")


def _status(head: bytes) -> int:
    try:
        return int(head.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, key: str) -> None:
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + 1


def _connect(source: str, tally: Tally, name: str) -> socket.socket | None:
    try:
        return socket.create_connection((HOST, PORT), timeout=5, source_address=(source, 0))
    except OSError:
        tally.add(f"{name}: connect failed")
        time.sleep(0.2)
        return None


def _readable(sock: socket.socket, timeout: float) -> bool:
    """poll(), not select(): a thousand sockets take descriptors past select's 1024."""
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(timeout * 1000))


def _until_answer(sock: socket.socket, stop: threading.Event, limit: float) -> int | None:
    deadline = time.monotonic() + limit
    while not stop.is_set() and time.monotonic() < deadline:
        if _readable(sock, 0.1):
            return _status(sock.recv(65536))
    return None


def slowloris(name: str, source: str, stop: threading.Event, tally: Tally) -> None:
    """A request head sent one header line a second, reconnecting when the server closes it."""
    while not stop.is_set():
        if (sock := _connect(source, tally, name)) is None:
            continue
        with sock:
            try:
                sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n")
                while not stop.wait(1.0):
                    sock.sendall(b"X-Slow: 1\r\n")
                    if _readable(sock, 0) and not sock.recv(4096):
                        raise ConnectionResetError  # closed by the server
            except OSError:
                tally.add(f"{name}: closed by server")


def silent(name: str, source: str, stop: threading.Event, tally: Tally) -> None:
    """A connection that sends nothing; reopened whenever the server closes it."""
    while not stop.is_set():
        if (sock := _connect(source, tally, name)) is None:
            continue
        with sock:
            while not stop.is_set():
                if _readable(sock, 0.2):
                    try:
                        closed = not sock.recv(4096)
                    except OSError:
                        closed = True
                    if closed:
                        tally.add(f"{name}: closed by server")
                        break


def holder(request: bytes) -> Callable[[str, str, threading.Event, Tally], None]:
    """A client that sends ``request``, reads the status line of its (big) answer and then
    never reads again until the attack is over."""

    def hold(name: str, source: str, stop: threading.Event, tally: Tally) -> None:
        if (sock := _connect(source, tally, name)) is None:
            return
        with sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            try:
                sock.sendall(request)
                tally.add(f"{name}: {_until_answer(sock, stop, 120)}")
            except OSError:
                tally.add(f"{name}: closed by server")
            stop.wait()

    return hold


def resender(
    make: Callable[[int, str], bytes],
) -> Callable[[str, str, threading.Event, Tally], None]:
    """A client that sends ``make(n, source)`` and, as soon as it is answered, the next one."""

    def resend(name: str, source: str, stop: threading.Event, tally: Tally) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            if (sock := _connect(source, tally, name)) is None:
                continue
            with sock:
                try:
                    sock.sendall(make(n, source))
                except OSError:
                    tally.add(f"{name}: closed by server")
                    continue
                status = _until_answer(sock, stop, 120)
            if status is None:
                return  # the attack is over: hang up (the server stops the work)
            tally.add(f"{name}: {status}")
            if status in (429, 503):
                time.sleep(0.2)

    return resend


def _finding_zero(n: int, source: str) -> bytes:
    """Issue 20 finding 0's GET sequences: a deep expression in changing formats, and a
    product taught fast over an empty dataset, then sent over all the data."""
    cycle, step = divmod(n, 4)
    taught = {"query": RUNAWAY.format(f"zero-{cycle}"), "default-graph-uri": "urn:empty"}
    formats = ["json", "xml", "csv", "tsv"]
    steps = [{"query": DEEP, "format": formats[cycle % 4]}, taught, taught,
             {"query": taught["query"]}]  # fmt: skip
    return _get(steps[step])


KINDS: dict[str, Callable[[str, str, threading.Event, Tally], None]] = {
    "slowloris": slowloris,
    "silent": silent,
    "non-reader 6 MB": holder(_form(WIDE)),
    "non-reader 45 MB": holder(_form(WIDE_45)),
    "runaway": resender(lambda n, source: _get({"query": RUNAWAY.format(f"{source}-{n}")})),
    "bomb": resender(lambda n, source: _get({"query": BOMB})),
    "lexer body": resender(lambda n, source: _post(LEXER_BODY, "application/sparql-query")),
    "finding 0": resender(_finding_zero),
}
# (kind, how many, source address; {n} is the attacker's number from 1)
SCENARIOS: dict[str, list[tuple[str, int, str]]] = {
    "issue20": [
        ("silent", 1000, "127.0.5.1"),
        ("non-reader 45 MB", 10, "127.0.6.1"),
        ("lexer body", 16, "127.0.7.1"),
    ],
    # issue 20's loads one at a time: where a front's memory goes (bench/RESULTS.md)
    "silent": [("silent", 1000, "127.0.5.1")],
    "non-readers": [("non-reader 45 MB", 10, "127.0.6.1")],
    "lexer": [("lexer body", 16, "127.0.7.1")],
    "mixed": [
        ("bomb", 1, "127.0.4.1"),  # first, so that it runs before the runaways fill the lane
        ("slowloris", 16, "127.0.1.{n}"),
        ("non-reader 6 MB", 16, "127.0.2.{n}"),
        ("runaway", 4, "127.0.3.{n}"),
        ("silent", 200, "127.0.5.{n}"),
        ("non-reader 6 MB", 10, "127.0.6.1"),
        ("lexer body", 16, "127.0.7.1"),
        ("finding 0", 1, "127.0.8.1"),
    ],
}


def describe(scenario: str) -> str:
    return ", ".join(
        f"{count} {kind} ({'one address' if '{n}' not in source else 'one address each'})"
        for kind, count, source in SCENARIOS[scenario]
    )


@dataclass
class Samples:
    known: list[tuple[int, float]] = field(default_factory=list)
    unseen: list[tuple[int, float]] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)
    pss: list[int] = field(default_factory=list)
    fronts: dict[int, int] = field(default_factory=dict)  # front PID -> peak RSS (KiB)


def _kb(path: str, key: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _fronts(root: int) -> dict[int, int]:
    """RSS (KiB) of each front process of the server now."""
    found = {}
    for pid in process_tree(root):
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() == "seckg-front":
                found[pid] = _kb(f"/proc/{pid}/status", "VmRSS")
        except OSError:
            pass
    return found


def sample_memory(root: int, stop: threading.Event, samples: Samples) -> None:
    while not stop.wait(0.25):
        pids = process_tree(root)
        samples.rss.append(sum(_kb(f"/proc/{p}/status", "VmRSS") for p in pids))
        samples.pss.append(sum(_kb(f"/proc/{p}/smaps_rollup", "Pss") for p in pids))
        for pid, kib in _fronts(root).items():
            samples.fronts[pid] = max(kib, samples.fronts.get(pid, 0))


def timed_get(session: requests.Session, query: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        status = session.get(
            f"http://{HOST}:{PORT}/sparql", params={"query": query}, timeout=10
        ).status_code
    except requests.RequestException:
        status = 0
    return status, (time.perf_counter() - started) * 1000


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _attackers(scenario: str, stop: threading.Event, tally: Tally) -> list[threading.Thread]:
    threads = []
    for kind, count, source in SCENARIOS[scenario]:
        for n in range(count):
            address = source.format(n=1 + n % 250)
            threads.append(
                threading.Thread(target=KINDS[kind], args=(kind, address, stop, tally), daemon=True)
            )
    return threads


def run_variant(
    data: Path, extra: list[str], scenario: str, duration: float, workdir: Path
) -> dict[str, Any]:
    log_path = workdir / f"server-{PORT}.log"
    argv = [sys.executable, "-m", "server", str(data), "--host", HOST, "--port", str(PORT),
            "--state-dir", str(workdir / f"state-{len(extra)}"), *extra]  # fmt: skip
    with open(log_path, "wb") as log:
        server = subprocess.Popen(argv, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)  # fmt: skip
    try:
        session = requests.Session()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if session.get(f"http://{HOST}:{PORT}/health", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        for text in KNOWN:  # the cheap client's usual queries, seen once before the attack
            timed_get(session, text)
        baseline = [timed_get(session, KNOWN[i % len(KNOWN)])[1] for i in range(200)]
        fronts_before = _fronts(server.pid)

        stop, done = threading.Event(), threading.Event()
        tally, samples = Tally(), Samples()
        sampler = threading.Thread(target=sample_memory, args=(server.pid, done, samples))
        sampler.start()
        threads = _attackers(scenario, stop, tally)
        for thread in threads:
            thread.start()
        time.sleep(1.0)  # let the attack take hold
        attack_end = time.monotonic() + duration

        def probe_unseen() -> None:  # one never-seen query at a time, about once a second
            own = requests.Session()
            n = 0
            while time.monotonic() < attack_end:
                samples.unseen.append(timed_get(own, f"ASK {{ ?s ?p {10_000 + n} }}"))
                n += 1
                time.sleep(max(0.0, 1.0 - samples.unseen[-1][1] / 1000))

        prober = threading.Thread(target=probe_unseen)
        prober.start()
        i = 0
        while time.monotonic() < attack_end:
            samples.known.append(timed_get(session, KNOWN[i % len(KNOWN)]))
            i += 1
            time.sleep(0.01)
        stop.set()
        prober.join(timeout=15)
        gone = time.monotonic()
        recovery = None
        while time.monotonic() - gone < 60:
            health = session.get(f"http://{HOST}:{PORT}/health", timeout=5).json()
            free = health.get("executors", {})
            if (
                free.get("free_heavy") == health_total(extra, "--workers", 2)
                and free.get("waiting") == 0
            ):
                status, _ = timed_get(session, f"ASK {{ ?s ?p {99_000 + i} }}")
                if status == 200:
                    recovery = time.monotonic() - gone
                    break
            time.sleep(0.02)
        done.set()
        sampler.join(timeout=5)
        for thread in threads:
            thread.join(timeout=30)
        return {
            "baseline": baseline,
            "samples": samples,
            "fronts_before": fronts_before,
            "tally": dict(sorted(tally.counts.items())),
            "recovery": recovery,
            "log": log_path,
        }
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=5)


def health_total(extra: list[str], flag: str, default: int) -> int:
    return int(extra[extra.index(flag) + 1]) if flag in extra else default


def render(
    results: dict[str, dict[str, Any]],
    command: str,
    scenario: str,
    duration: float,
    cap_mb: int,
    concurrent: int,
) -> str:
    load = os.getloadavg()
    lines = [
        f"\n## Attack benchmark, scenario {scenario} "
        f"({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC)\n",
        f"Command: `{command}`. Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f} at the end (shared with "
        f"other sessions). Attack for {duration:g} s: {describe(scenario)}; the cheap client "
        "is 127.0.0.1. Server defaults otherwise (2 fronts, 2 general + 1 cheap-lane "
        f"executors, 30 s timeout, 1024 MiB per operation, --client-answer-mb {cap_mb}). "
        f"Front bound: a front's RSS before the attack + --client-answer-mb ({cap_mb} MiB) + "
        f"--client-concurrent ({concurrent}) answers of 45 MB in the making.\n",
        "| variant | cheap (known) ok | p50 / p99 ms | baseline p50 / p99 | unseen ok | unseen "
        "p50 / max ms | front peak RSS MB (before) | front bound MB | tree peak RSS / PSS MB "
        "| recovery s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        s: Samples = r["samples"]
        known_ok = [ms for st, ms in s.known if st == 200]
        unseen_ok = [ms for st, ms in s.unseen if st == 200]
        rec = f"{r['recovery']:.2f}" if r["recovery"] is not None else "> 60"
        before = max(r["fronts_before"].values(), default=0) / 1024
        peak = max(s.fronts.values(), default=0) / 1024
        bound = before + cap_mb * 1.048576 + concurrent * 45
        lines.append(
            f"| {name} | {len(known_ok)}/{len(s.known)} "
            f"({100 * len(known_ok) / max(1, len(s.known)):.1f} %) | "
            f"{pct(known_ok, 0.5):.1f} / {pct(known_ok, 0.99):.1f} | "
            f"{pct(r['baseline'], 0.5):.1f} / {pct(r['baseline'], 0.99):.1f} | "
            f"{len(unseen_ok)}/{len(s.unseen)} | "
            f"{pct(unseen_ok, 0.5):.0f} / {max(unseen_ok, default=float('nan')):.0f} | "
            f"{peak:.0f} ({before:.0f}) | {bound:.0f} {'ok' if peak <= bound else 'EXCEEDED'} | "
            f"{max(s.rss, default=0) / 1024:.0f} / {max(s.pss, default=0) / 1024:.0f} | {rec} |"
        )
    lines.append("")
    for name, r in results.items():
        tally = ", ".join(f"{k} ×{v}" for k, v in r["tally"].items())
        lines.append(f"- {name}, what the attackers got: {tally}.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    global PORT
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8250)
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), default="issue20")
    parser.add_argument("--duration", type=float, default=45.0, help="seconds of attack")
    parser.add_argument("--data", type=Path, default=ROOT / "dist" / "dataset.nq")
    parser.add_argument("--variants", default="cache,no-cache")
    parser.add_argument(
        "--server-args", default="", help="extra server flags, e.g. '--front-workers 1'"
    )
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "history" / "runs.md")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args(argv)
    if not 0 < args.duration <= 120:
        parser.error("--duration must be in (0, 120] seconds")
    PORT = args.port
    if not args.data.exists():
        subprocess.run([sys.executable, "-m", "kg.cli", "build"], cwd=ROOT, check=True)
    variants = {"cache": [], "no-cache": ["--no-cache"]}
    extra_args = args.server_args.split()
    cap_mb = health_total(extra_args, "--client-answer-mb", 64)
    concurrent = health_total(extra_args, "--client-concurrent", 4)
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="seckg-attack-") as tmp:
        for name in args.variants.split(","):
            print(f"[attack] {args.scenario}, {name}: {args.duration:g} s", flush=True)
            extra = variants[name] + extra_args
            results[name] = run_variant(args.data, extra, args.scenario, args.duration, Path(tmp))
            s = results[name]["samples"]
            print(f"[attack] {name}: known {sum(st == 200 for st, _ in s.known)}/{len(s.known)}, "
                  f"unseen {sum(st == 200 for st, _ in s.unseen)}/{len(s.unseen)}, "
                  f"recovery {results[name]['recovery']}", flush=True)  # fmt: skip
    command = "python bench/attack.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = render(results, command.strip(), args.scenario, args.duration, cap_mb, concurrent)
    print(text)
    if not args.no_record:
        with args.results.open("a") as out:
            out.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
