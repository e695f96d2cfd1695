"""What does the edge (``server/http/edge.py``) cost? The same server, asked through its public
port (edge -> granian) and through granian's private port directly, in alternating rounds.

One server (``python -m server`` on the seed sample, per-client limits lifted), then for each
round and each path: ``--clients`` processes send the same cached ``ASK`` back to back over a
keep-alive connection for ``--seconds``; and one client alone sends 300 for the latency.
Rounds alternate the two paths so that the load of the machine falls on both alike.
Loopback only, bounded (rounds x 2 x seconds).

    python bench/edge.py                 # prints a Markdown table; add it to history/runs.md
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "server" / "data" / "sample.trig"
PATH = "/sparql?query=ASK%7B%7D"


def _client(port: int, seconds: float, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    done, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        conn.request("GET", PATH)
        response = conn.getresponse()
        response.read()
        done += response.status == 200
    out.put(done)


def throughput(port: int, clients: int, seconds: float) -> float:
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    procs = [multiprocessing.Process(target=_client, args=(port, seconds, queue))
             for _ in range(clients)]  # fmt: skip
    for proc in procs:
        proc.start()
    total = sum(queue.get(timeout=seconds + 30) for _ in procs)
    for proc in procs:
        proc.join()
    return total / seconds


def latency(port: int, n: int = 300) -> tuple[float, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    times = []
    for _ in range(n):
        started = time.perf_counter()
        conn.request("GET", PATH)
        conn.getresponse().read()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[n // 2], times[int(n * 0.99)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8252)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="seckg-edge-") as tmp:
        log_path = Path(tmp) / "server.log"
        argv = [sys.executable, "-m", "server", str(SAMPLE), "--port", str(args.port),
                "--state-dir", str(Path(tmp) / "state"), "--client-concurrent", "1000",
                "--client-seconds", "100000"]  # fmt: skip
        with open(log_path, "wb") as log:
            server = subprocess.Popen(argv, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                      start_new_session=True)  # fmt: skip
        try:
            private = 0
            deadline = time.monotonic() + 60
            while not private and time.monotonic() < deadline:
                time.sleep(0.2)
                found = re.search(r"behind the edge on 127\.0\.0\.1:(\d+)", log_path.read_text())
                private = int(found.group(1)) if found else 0
            time.sleep(2)
            paths = {"edge (public port)": args.port, "granian directly": private}
            rows: dict[str, list[tuple[float, float, float]]] = {name: [] for name in paths}
            for _ in range(args.rounds):
                for name, port in paths.items():
                    rate = throughput(port, args.clients, args.seconds)
                    p50, p99 = latency(port)
                    rows[name].append((rate, p50, p99))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    load = os.getloadavg()
    print(f"edge cost: {args.clients} clients x {args.seconds:g} s, {args.rounds} rounds, "
          f"load average {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}\n")  # fmt: skip
    print("| path | req/s per round | median req/s | c=1 p50 / p99 ms (median round) |")
    print("|---|---|---|---|")
    for name, values in rows.items():
        rates = sorted(v[0] for v in values)
        middle = sorted(values)[len(values) // 2]
        print(f"| {name} | {', '.join(f'{v[0]:.0f}' for v in values)} | "
              f"{rates[len(rates) // 2]:.0f} | {middle[1]:.2f} / {middle[2]:.2f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
