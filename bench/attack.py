"""Attack benchmark: is the endpoint still answering cheap queries while it is attacked?

One run starts the real server (``python -m server``) on 127.0.0.1 and, for ``--duration``
seconds, attacks it from other loopback addresses (so that per-client limits treat the
attackers as the distinct clients they would be) with, all at once:

* 16 slowloris sockets: a request head sent one header line per second, reconnecting
  whenever the server closes them;
* 16 clients that ask for a ~6 MB answer and never read it;
* 4 runaway queries (a five-way cartesian product under ``COUNT``), each re-sent with a new
  text as soon as it is answered;
* 1 memory bomb (30 nested ``CONCAT`` doublings, 16 GiB if nothing stopped it), re-sent as
  soon as it is answered;
* (issue 20) 200 silent connections that send nothing, reconnecting when closed; 10
  non-readers of ~6 MB answers from *one* address; 16 lexer bodies from one address (three
  double quotes then 15,000 backslash-quotes: quadratic in the old lexer, ~8 s each); and
  finding 0's two GET sequences, repeated: the 2,300-item ``((1)(1)…)`` ASK in changing
  formats, and a five-way product taught over an empty ``default-graph-uri`` and then sent
  without it.

Meanwhile one client (127.0.0.1) sends cheap queries back to back: texts it sent before the
attack (known to be fast), and once a second a text never seen (which has to take the
general lane, behind the runaways). Recorded: success rate and p50/p99 latency of both,
what the attackers got, the peak memory of the server's process tree (RSS summed, and PSS,
which counts shared pages once), and the recovery time after the attack (attackers gone
until every executor is free and a never-seen query is answered). Runs with the response
cache on (the default) and off, so the cheap queries really reach the executors.

Bounded in count and time; everything stops by itself; loopback only. Usage::

    python bench/attack.py        # both variants, 20 s each, appends to history/runs.md
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
WIDE = (
    "SELECT ?x WHERE { VALUES ?i { "
    + " ".join(map(str, range(10_000)))
    + ' } BIND(CONCAT(STR(?i), "'
    + "x" * 600
    + '") AS ?x) }'
)
KNOWN = [f"ASK {{ ?s ?p {n} }}" for n in range(50)]
DEEP = "ASK { FILTER(false) ?s <urn:p> (" + "(1)" * 2300 + ") }"
LEXER_BODY = ('ASK { ?s ?p """' + '\\"' * 15_000).encode()


def _request(path_query: str, source: str) -> socket.socket:
    sock = socket.create_connection((HOST, PORT), timeout=5, source_address=(source, 0))
    sock.sendall(f"GET /sparql?{path_query} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
    return sock


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


PORT = 0


def slowloris(n: int, stop: threading.Event, tally: Tally) -> None:
    source = f"127.0.1.{1 + n}"
    while not stop.is_set():
        try:
            sock = socket.create_connection((HOST, PORT), timeout=5, source_address=(source, 0))
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n")
            while not stop.wait(1.0):
                sock.sendall(b"X-Slow: 1\r\n")
                if select.select([sock], [], [], 0)[0] and not sock.recv(4096):
                    raise ConnectionResetError  # closed by the server
        except OSError:
            tally.add("slowloris closed by server")
            time.sleep(0.1)
        finally:
            try:
                sock.close()
            except Exception:
                pass


def non_reader(n: int, stop: threading.Event, tally: Tally) -> None:
    source = f"127.0.2.{1 + n}"
    try:
        sock = socket.create_connection((HOST, PORT), timeout=5, source_address=(source, 0))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        body = urllib.parse.urlencode({"query": WIDE}).encode()
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: bench\r\nAccept: text/csv\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        tally.add("non-readers connected")
        stop.wait()
        sock.close()
    except OSError:
        tally.add("non-reader failed to connect")


def silent(n: int, stop: threading.Event, tally: Tally) -> None:
    """A connection that sends nothing; reopened whenever the server closes it."""
    source = f"127.0.5.{1 + n % 250}"
    while not stop.is_set():
        try:
            sock = socket.create_connection((HOST, PORT), timeout=5, source_address=(source, 0))
        except OSError:
            tally.add("silent: connect failed")
            time.sleep(0.2)
            continue
        with sock:
            while not stop.is_set():
                if select.select([sock], [], [], 0.2)[0]:
                    try:
                        closed = not sock.recv(4096)
                    except OSError:
                        closed = True
                    if closed:
                        tally.add("silent closed by server")
                        break


def one_address_non_reader(n: int, stop: threading.Event, tally: Tally) -> None:
    """Non-readers of big answers, all from one address (per-address memory cap)."""
    try:
        sock = socket.create_connection((HOST, PORT), timeout=5, source_address=("127.0.6.1", 0))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        body = urllib.parse.urlencode({"query": WIDE}).encode()
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: bench\r\nAccept: text/csv\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        status = _until_answer(sock, stop, 120)
        tally.add(f"one-address non-reader: {status}")
        stop.wait()
        sock.close()
    except OSError:
        tally.add("one-address non-reader failed to connect")


def lexer_body(n: int, stop: threading.Event, tally: Tally) -> None:
    """An unterminated long string with escaped quotes, POSTed again and again."""
    while not stop.is_set():
        try:
            sock = socket.create_connection(
                (HOST, PORT), timeout=5, source_address=("127.0.7.1", 0)
            )
        except OSError:
            tally.add("lexer: connect failed")
            time.sleep(0.2)
            continue
        with sock:
            sock.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: bench\r\n"
                b"Content-Type: application/sparql-query\r\n"
                + f"Content-Length: {len(LEXER_BODY)}\r\n\r\n".encode()
                + LEXER_BODY
            )
            status = _until_answer(sock, stop, 120)
        if status is None:
            break
        tally.add(f"lexer: {status}")
        if status in (429, 503):
            time.sleep(0.2)


def finding_zero(stop: threading.Event, tally: Tally) -> None:
    """Issue 20 finding 0's GET sequences: a deep expression in changing formats, and a
    product taught fast over an empty dataset, then sent over all the data."""
    formats = ["json", "xml", "csv", "tsv"]
    n = 0
    while not stop.is_set():
        n += 1
        taught = {"query": RUNAWAY.format(f"zero-{n}"), "default-graph-uri": "urn:empty"}
        for params in (
            {"query": DEEP, "format": formats[n % 4]},
            taught,
            taught,
            {"query": taught["query"]},
        ):
            try:
                # brackets unescaped, as curl sends them: the deep text fits in 8 KiB then
                encoded = urllib.parse.urlencode(params, quote_via=urllib.parse.quote, safe="()")
                sock = _request(encoded, "127.0.8.1")
            except OSError:
                tally.add("finding 0: connect failed")
                time.sleep(0.2)
                continue
            with sock:
                status = _until_answer(sock, stop, 120)
            if status is None:
                return
            tally.add(f"finding 0: {status}")


def _until_answer(sock: socket.socket, stop: threading.Event, limit: float) -> int | None:
    deadline = time.monotonic() + limit
    while not stop.is_set() and time.monotonic() < deadline:
        if select.select([sock], [], [], 0.1)[0]:
            return _status(sock.recv(65536))
    return None


def repeat(name: str, source: str, text: Any, stop: threading.Event, tally: Tally) -> None:
    n = 0
    while not stop.is_set():
        n += 1
        query = text.format(f"{source}-{n}") if "{}" in text else text
        try:
            sock = _request(urllib.parse.urlencode({"query": query}), source)
        except OSError:
            tally.add(f"{name}: connect failed")
            time.sleep(0.2)
            continue
        with sock:
            status = _until_answer(sock, stop, 120)
        if status is None:
            break  # the attack is over: hang up (the server stops the work)
        tally.add(f"{name}: {status}")
        if status in (429, 503):
            time.sleep(0.2)


@dataclass
class Samples:
    known: list[tuple[int, float]] = field(default_factory=list)
    unseen: list[tuple[int, float]] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)
    pss: list[int] = field(default_factory=list)


def _kb(path: str, key: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def sample_memory(root: int, stop: threading.Event, samples: Samples) -> None:
    while not stop.wait(0.25):
        pids = process_tree(root)
        samples.rss.append(sum(_kb(f"/proc/{p}/status", "VmRSS") for p in pids))
        samples.pss.append(sum(_kb(f"/proc/{p}/smaps_rollup", "Pss") for p in pids))


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


def run_variant(data: Path, extra: list[str], duration: float, workdir: Path) -> dict[str, Any]:
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

        stop, done = threading.Event(), threading.Event()
        tally, samples = Tally(), Samples()
        threads = [threading.Thread(target=sample_memory, args=(server.pid, done, samples))]
        threads += [threading.Thread(target=slowloris, args=(i, stop, tally)) for i in range(16)]
        threads += [threading.Thread(target=non_reader, args=(i, stop, tally)) for i in range(16)]
        threads += [threading.Thread(target=silent, args=(i, stop, tally)) for i in range(200)]
        threads += [
            threading.Thread(target=one_address_non_reader, args=(i, stop, tally))
            for i in range(10)
        ]
        threads += [threading.Thread(target=lexer_body, args=(i, stop, tally)) for i in range(16)]
        threads += [threading.Thread(target=finding_zero, args=(stop, tally))]
        threads += [
            threading.Thread(
                target=repeat, args=("runaway", f"127.0.3.{1 + i}", RUNAWAY, stop, tally)
            )  # fmt: skip
            for i in range(4)
        ]
        bomb = threading.Thread(target=repeat, args=("bomb", "127.0.4.1", BOMB, stop, tally))
        bomb.start()  # first, so that it runs at least once before the runaways fill the lane
        time.sleep(0.3)
        for thread in threads:
            thread.start()
        threads.append(bomb)
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
        for thread in threads:
            thread.join(timeout=30)
        return {
            "baseline": baseline,
            "samples": samples,
            "tally": dict(sorted(tally.counts.items())),
            "recovery": recovery,
            "log": log_path,
        }
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=5)


def health_total(extra: list[str], flag: str, default: int) -> int:
    return int(extra[extra.index(flag) + 1]) if flag in extra else default


def render(results: dict[str, dict[str, Any]], command: str, duration: float) -> str:
    load = os.getloadavg()
    lines = [
        f"\n## Attack benchmark ({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC)\n",
        f"Command: `{command}`. Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f} at the end (shared with "
        f"other sessions). Attack: 16 slowloris, 16 non-reading clients (~6 MB answers), 4 "
        f"runaway queries and 1 memory bomb, re-sent as answered; 200 silent connections, 10 "
        f"non-readers and 16 lexer bodies each from one address, finding 0's GET sequences "
        f"(issue 20); for {duration:g} s, from other loopback addresses; the cheap client "
        "is 127.0.0.1. Server defaults otherwise "
        f"(2 fronts, 2 general + 1 cheap-lane executors, 30 s timeout, 1024 MiB per "
        "operation).\n",
        "| variant | cheap (known) ok | p50 / p99 ms | baseline p50 / p99 | unseen ok | unseen "
        "p50 / max ms | peak RSS sum / PSS MB | recovery s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        s: Samples = r["samples"]
        known_ok = [ms for st, ms in s.known if st == 200]
        unseen_ok = [ms for st, ms in s.unseen if st == 200]
        rec = f"{r['recovery']:.2f}" if r["recovery"] is not None else "> 60"
        lines.append(
            f"| {name} | {len(known_ok)}/{len(s.known)} "
            f"({100 * len(known_ok) / max(1, len(s.known)):.1f} %) | "
            f"{pct(known_ok, 0.5):.1f} / {pct(known_ok, 0.99):.1f} | "
            f"{pct(r['baseline'], 0.5):.1f} / {pct(r['baseline'], 0.99):.1f} | "
            f"{len(unseen_ok)}/{len(s.unseen)} | "
            f"{pct(unseen_ok, 0.5):.0f} / {max(unseen_ok, default=float('nan')):.0f} | "
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
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of attack")
    parser.add_argument("--data", type=Path, default=ROOT / "dist" / "dataset.nq")
    parser.add_argument("--variants", default="cache,no-cache")
    parser.add_argument(
        "--server-args", default="", help="extra server flags, e.g. '--front-workers 1'"
    )
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "history" / "runs.md")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args(argv)
    if not 0 < args.duration <= 300:
        parser.error("--duration must be in (0, 300] seconds")
    PORT = args.port
    if not args.data.exists():
        subprocess.run([sys.executable, "-m", "kg.cli", "build"], cwd=ROOT, check=True)
    variants = {"cache": [], "no-cache": ["--no-cache"]}
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="seckg-attack-") as tmp:
        for name in args.variants.split(","):
            print(f"[attack] {name}: {args.duration:g} s", flush=True)
            extra = variants[name] + args.server_args.split()
            results[name] = run_variant(args.data, extra, args.duration, Path(tmp))
            s = results[name]["samples"]
            print(f"[attack] {name}: known {sum(st == 200 for st, _ in s.known)}/{len(s.known)}, "
                  f"unseen {sum(st == 200 for st, _ in s.unseen)}/{len(s.unseen)}, "
                  f"recovery {results[name]['recovery']}", flush=True)  # fmt: skip
    command = "python bench/attack.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = render(results, command.strip(), args.duration)
    print(text)
    if not args.no_record:
        with args.results.open("a") as out:
            out.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
