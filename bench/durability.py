"""Kill-and-restart loop: does every acknowledged update survive SIGKILL of the master?

Each cycle starts the real server (``python -m server``) on 127.0.0.1 with one state
directory, lets four writer threads send ``INSERT DATA`` updates back to back, SIGKILLs the
master at a random moment (its children die with it), and starts the next cycle on the same
port at once. At the end, every update that was answered 200 must be present. Also recorded:
how long each restart took to bind and answer, and whether any process of a killed tree
outlived it. Bounded (``--cycles``, default 20), loopback only, stops by itself.

    python bench/durability.py                # 20 cycles, appends to bench/history/runs.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
from proctree import process_tree

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "server" / "data" / "sample.trig"
TOKEN = "bench-durability-token"


def _alive(pid: int) -> bool:
    """Running, not a zombie (a zombie holds no port and no memory; init reaps it)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def start(port: int, state: Path, log: Path) -> tuple[subprocess.Popen[bytes], float]:
    argv = [sys.executable, "-m", "server", str(SAMPLE), "--port", str(port),
            "--state-dir", str(state)]  # fmt: skip
    env = {**os.environ, "SPARQL_UPDATE_TOKEN": TOKEN}
    started = time.monotonic()
    with open(log, "ab") as out:
        process = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   env=env, start_new_session=True)  # fmt: skip
    while time.monotonic() - started < 60:
        if process.poll() is not None:
            raise RuntimeError(f"server exited at start (see {log})")
        try:
            if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process, time.monotonic() - started
        except requests.RequestException:
            time.sleep(0.05)
    raise RuntimeError("server did not start")


def present(port: int) -> set[int]:
    query = "SELECT ?i WHERE { ?s <urn:bench:p> ?i }"
    response = requests.get(f"http://127.0.0.1:{port}/sparql", params={"query": query},
                            timeout=30)  # fmt: skip
    return {int(b["i"]["value"]) for b in response.json()["results"]["bindings"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--port", type=int, default=18160)
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "history" / "runs.md")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args(argv)
    if not 1 <= args.cycles <= 200:
        parser.error("--cycles must be in 1..200")
    rng = random.Random(20261129)
    acknowledged: set[int] = set()
    lock = threading.Lock()
    counter = iter(range(10**9))
    startups: list[float] = []
    survivors = 0
    with tempfile.TemporaryDirectory(prefix="seckg-durability-") as tmp:
        state, log = Path(tmp) / "state", Path(tmp) / "server.log"
        for cycle in range(args.cycles):
            process, took = start(args.port, state, log)
            startups.append(took)
            family = set(process_tree(process.pid))
            stop = threading.Event()

            def write(halt: threading.Event = stop) -> None:
                session = requests.Session()
                while not halt.is_set():
                    with lock:
                        i = next(counter)
                    text = f"INSERT DATA {{ <urn:bench:s{i}> <urn:bench:p> {i} }}"
                    try:
                        response = session.post(
                            f"http://127.0.0.1:{args.port}/sparql",
                            data={"update": text},
                            headers={"Authorization": f"Bearer {TOKEN}"},
                            timeout=5,
                        )
                    except requests.RequestException:
                        return
                    if response.status_code == 200:
                        with lock:
                            acknowledged.add(i)

            writers = [threading.Thread(target=write) for _ in range(4)]
            for thread in writers:
                thread.start()
            time.sleep(rng.uniform(0.1, 1.0))
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
            stop.set()
            for thread in writers:
                thread.join(timeout=10)
            time.sleep(0.2)
            survivors += sum(1 for pid in family if _alive(pid))
            print(f"[durability] cycle {cycle + 1}: {len(acknowledged)} acknowledged so far",
                  flush=True)  # fmt: skip
        process, took = start(args.port, state, log)
        try:
            found = present(args.port)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=10)
    lost = acknowledged - found
    command = "python bench/durability.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = (
        f"\n## Kill-and-restart durability ({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC)\n\n"
        f"Command: `{command.strip()}`. {args.cycles} cycles: 4 writers send `INSERT DATA` back "
        "to back; the master is SIGKILLed at a random moment (0.1–1 s in); the next server "
        "starts at once on the same port with the same state directory.\n\n"
        "| cycles | acknowledged | present at the end | lost | processes outliving a killed "
        "master | restart to first answer, median / max s |\n|---|---|---|---|---|---|\n"
        f"| {args.cycles} | {len(acknowledged)} | {len(found & acknowledged)} | {len(lost)} | "
        f"{survivors} | {statistics.median(startups):.2f} / {max(startups):.2f} |\n"
    )
    print(text)
    if not args.no_record:
        with args.results.open("a") as out:
            out.write(text)
    return 0 if not lost else 1


if __name__ == "__main__":
    sys.exit(main())
