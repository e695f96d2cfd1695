"""What the front's inline path bought (issue 20, finding 0): the CQ mix with and without it.

Why: a query answered by the front itself (no Flask, no executor) was faster, but ran on the
front's event loop with no deadline and an 8 MiB stack; one GET could end or stall the server.
Before removing it, this measured what it bought: two servers on the same data, one front each,
``--no-cache`` (every answer a fresh evaluation, where the inline path mattered), one with
``--inline-ms 50`` and one with ``--inline-ms 0``, driven in interleaved rounds (A B A B …) by
the same keep-alive client threads, so that the machine's other load falls on both alike. The
result is the ratio of their request rates per round (median), not absolute numbers.

Usage (the flag is gone since the path was removed; run it at the commit before to repeat)::

    python bench/inline.py --data dist/dataset.trig --rounds 6 --seconds 3 --clients 4
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import config as kg_config  # noqa: E402
from kg import cq  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(data: Path, extra: list[str], state: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    args = [sys.executable, "-m", "server", "--host", "127.0.0.1", "--port", str(port)]
    args += ["--state-dir", str(state), "--front-workers", "1", "--no-cache"]
    args += ["--client-concurrent", "64", "--client-seconds", "100000", *extra, str(data)]
    proc = subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    raise RuntimeError("server did not start")


def _round(port: int, paths: list[str], clients: int, seconds: float) -> float:
    done = [0] * clients
    stop = time.monotonic() + seconds

    def drive(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        n = i
        while time.monotonic() < stop:
            conn.request("GET", paths[n % len(paths)], headers={"Accept": "application/json"})
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                done[i] += 1
            n += 1
        conn.close()

    threads = [threading.Thread(target=drive, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "dist" / "dataset.trig")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    queries = [q.query for q in cq.load_all(kg_config.ROOT / "cq")]
    paths = ["/sparql?" + urllib.parse.urlencode({"query": q}) for q in queries]
    with tempfile.TemporaryDirectory() as tmp:
        on = _start(args.data, ["--inline-ms", "50"], Path(tmp) / "on")
        off = _start(args.data, ["--inline-ms", "0"], Path(tmp) / "off")
        try:
            for _, port in (on, off):  # warm-up: every text learnt (and fast ones inlined)
                _round(port, paths, args.clients, args.seconds)
            ratios, rates_on, rates_off = [], [], []
            for _ in range(args.rounds):
                a = _round(on[1], paths, args.clients, args.seconds)
                b = _round(off[1], paths, args.clients, args.seconds)
                rates_on.append(a)
                rates_off.append(b)
                ratios.append(a / b)
                print(f"inline {a:7.1f} req/s   no inline {b:7.1f} req/s   ratio {a / b:.2f}")
            print(
                f"median: inline {statistics.median(rates_on):.1f}, no inline "
                f"{statistics.median(rates_off):.1f} req/s; ratio {statistics.median(ratios):.2f}"
                f" (min {min(ratios):.2f}, max {max(ratios):.2f}); {len(queries)} CQ texts, "
                f"{args.clients} clients, {args.rounds} x {args.seconds:g} s rounds"
            )
        finally:
            for proc, _ in (on, off):
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
