"""Memory of the whole served process tree on a large graph, after loading and after a run.

Starts ``python -m server`` on ``bench/data/endpoint-<size>/asserted.nq`` (from
``bench/generate.py --size <size> --format nquads``) on a loopback port, prints each
process's RSS, PSS and private dirty memory (``/proc/<pid>/smaps_rollup``) after loading,
then runs 8 clients for ``--seconds`` over the competency questions and 40 entity lookups,
each text made distinct (a trailing comment) so that every request is evaluated by an
executor (the worst case for copy-on-write sharing), and prints the same table again.
Bounded in time; the server (its own session) is stopped at the end.

Why PSS: the processes are forked from the master that loaded the store, so the RSS sum
counts the shared store once per process (7 x ~630 MB at 1M); PSS divides shared pages among
their sharers and sums to the real footprint.

    python bench/memory.py --size 1m --port 18510 --seconds 60
    python bench/memory.py --size 1m --port 18510 --server-args '--executor-private 0'
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests
import yaml
from proctree import process_tree

ROOT = Path(__file__).resolve().parents[1]


def rollup(pid: int) -> dict[str, int]:
    fields: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 3 and parts[1].isdigit():
                    fields[parts[0].rstrip(":")] = int(parts[1]) // 1024
    except OSError:
        pass
    return fields


def report(root: int, label: str) -> tuple[int, int]:
    rss = pss = 0
    print(f"== {label}")
    for pid in process_tree(root):
        fields = rollup(pid)
        if not fields:
            continue
        name = Path(f"/proc/{pid}/comm").read_text().strip()
        print(
            f"  {pid:7d} {name:16s} RSS {fields.get('Rss', 0):5d} MB  PSS {fields.get('Pss', 0):5d}"
            f" MB  private dirty {fields.get('Private_Dirty', 0):5d} MB"
        )
        rss += fields.get("Rss", 0)
        pss += fields.get("Pss", 0)
    print(f"  total: RSS sum {rss} MB, PSS sum {pss} MB", flush=True)
    return rss, pss


def workload(base: str) -> list[str]:
    cqs = [yaml.safe_load(p.read_text())["query"] for p in sorted((ROOT / "cq").glob("*.yaml"))]
    query = (
        "SELECT DISTINCT ?s WHERE { ?s a ?t "
        'FILTER(STRSTARTS(STR(?s), "https://seckg.example.org/id/")) } LIMIT 4000'
    )
    rows = requests.get(
        f"{base}/sparql",
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    ).json()["results"]["bindings"]
    entities = random.Random(1).sample([r["s"]["value"] for r in rows], min(40, len(rows)))
    lookups = [
        f"CONSTRUCT {{ <{e}> ?p ?o . ?s ?q <{e}> }} "
        f"WHERE {{ {{ <{e}> ?p ?o }} UNION {{ ?s ?q <{e}> }} }}"
        for e in entities
    ]
    return cqs + lookups


def run(base: str, texts: list[str], seconds: float, clients: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(number: int) -> None:
        session = requests.Session()
        i = number
        while time.monotonic() < stop:
            text = f"{texts[i % len(texts)]}\n# {number}-{i}"
            i += 1
            try:
                status = str(
                    session.get(
                        f"{base}/sparql",
                        params={"query": text},
                        headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9"},
                        timeout=60,
                    ).status_code
                )
            except requests.RequestException as exc:
                status = type(exc).__name__
            with lock:
                counts[status] = counts.get(status, 0) + 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="1m")
    parser.add_argument("--port", type=int, default=18510)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--server-args", default="", help="extra arguments for python -m server")
    args = parser.parse_args()
    data = ROOT / "bench" / "data" / f"endpoint-{args.size}" / "asserted.nq"
    if not data.exists():
        sys.exit(
            f"{data} is missing: python bench/generate.py --size {args.size} "
            f"--format nquads --out {data.parent}"
        )
    state = Path(f"/tmp/seckg-memory-state-{args.port}")
    command = [
        sys.executable, "-m", "server", "--host", "127.0.0.1", "--port", str(args.port),
        "--state-dir", str(state), "--timeout", "10", "--row-limit", "100000",
        "--client-seconds", "100000", "--client-concurrent", "64",
        *shlex.split(args.server_args), str(data),
    ]  # fmt: skip
    log = open(state.with_suffix(".log"), "wb")  # noqa: SIM115
    started = time.monotonic()
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        while True:
            if server.poll() is not None or time.monotonic() - started > 300:
                sys.exit(f"server did not start; see {log.name}")
            try:
                if requests.get(f"{base}/health", timeout=2).ok:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        print(f"{args.size}: ready in {time.monotonic() - started:.1f} s; {' '.join(command[1:])}")
        time.sleep(2)
        report(server.pid, "after load")
        counts = run(base, workload(base), args.seconds, args.clients)
        print(f"run: {args.clients} clients, {args.seconds:g} s, answers by status {counts}")
        time.sleep(2)
        report(server.pid, "after run")
        replaced = log.name and Path(log.name).read_text(errors="replace").count("replaced: it had")
        print(f"executors replaced for un-shared memory during the run: {replaced}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
