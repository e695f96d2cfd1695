"""Run the real endpoint (``python -m server``) as a subprocess on a free local port.

The server runs in its own session so that teardown can stop the master, the front, the
supervisor and the executors together; every wait is bounded. Each server gets its own state
directory (update journal) under the test's temporary directory. (A plain module, not
conftest, so test modules can import the helpers.)
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import requests
from procfs import proc_table, scaled

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "sample.trig"
REPO = Path(__file__).resolve().parents[2]
TOKEN = "test-update-token-0123456789"
GRAPH = "https://seckg.example.org/graph/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RunningServer:
    process: subprocess.Popen[bytes]
    port: int
    log_path: Path
    token: str | None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def sparql(self) -> str:
        return f"{self.base}/sparql"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def processes(self) -> dict[int, tuple[int, str]]:
        """Every descendant of the master: PID -> (parent PID, name as in /proc/PID/comm)."""
        table = proc_table()
        family = {self.process.pid}
        grew = True
        while grew:
            grew = False
            for pid, stat in table.items():
                if stat.ppid in family and pid not in family:
                    family.add(pid)
                    grew = True
        return {pid: (table[pid].ppid, table[pid].name) for pid in family - {self.process.pid}}

    def worker_pids(self, lane: str = "heavy") -> list[int]:
        """PIDs of the query executors of a lane (``seckg-heavy`` / ``seckg-cheap``)."""
        return sorted(p for p, (_, name) in self.processes().items() if name == f"seckg-{lane}")


def post_update(server: RunningServer, text: str) -> None:
    """Send a SPARQL update with the test token (form-encoded POST); it must be applied."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request(
            "POST",
            "/sparql",
            body=urlencode({"update": text}),
            headers={
                "Authorization": f"Bearer {TOKEN}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        response = conn.getresponse()
        response.read()
        assert response.status == 200
    finally:
        conn.close()


def start_server(
    tmp_dir: Path,
    files: list[Path],
    *,
    token: str | None = TOKEN,
    timeout: float = 5.0,
    row_limit: int = 1000,
    workers: int = 2,
    extra_args: list[str] | None = None,
    command: tuple[str, ...] = ("-m", "server"),
    port: int | None = None,
) -> RunningServer:
    """Start ``python <command> --host … FILES`` (``python -m server`` unless told otherwise,
    e.g. ``("-m", "kg.cli", "serve", "--dist", DIR)`` for the full ``kg serve``)."""
    port = port or free_port()
    log_path = tmp_dir / f"server-{port}.log"
    state_dir = tmp_dir / f"state-{port}"
    args = [
        sys.executable,
        *command,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--timeout",
        str(timeout),
        "--row-limit",
        str(row_limit),
        "--workers",
        str(workers),
        *([] if "--state-dir" in (extra_args or []) else ["--state-dir", str(state_dir)]),
        *(extra_args or []),
        *[str(f) for f in files],
    ]
    env = {k: v for k, v in os.environ.items() if k != "SPARQL_UPDATE_TOKEN"}
    if token:
        env["SPARQL_UPDATE_TOKEN"] = token
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            args, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    server = RunningServer(process, port, log_path, token)
    # `kg serve` may build first (~15 s on a loaded machine), and /health says ok only once an
    # executor of each lane has opened its snapshot: the margin scales by load/cores.
    deadline = time.monotonic() + scaled(60)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{server.log()}")
        try:
            if requests.get(f"{server.base}/health", timeout=1).status_code == 200:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.1)
    stop_server(server)
    raise RuntimeError(f"server did not become healthy:\n{server.log()}")


def start_servers(
    tmp_dir: Path, files: list[Path], *variants: list[str]
) -> tuple[RunningServer, ...]:
    """One server per list of extra arguments, on the same files (e.g. a path under test and
    a reference without it); if one fails to start, those already started are stopped."""
    started: list[RunningServer] = []
    try:
        for extra in variants:
            started.append(start_server(tmp_dir, files, extra_args=extra))
    except BaseException:
        for server in started:
            stop_server(server)
        raise
    return tuple(started)


def health(server: RunningServer) -> dict[str, Any]:
    """``/health`` as JSON, over a connection of its own (so it reaches any front)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", "/health")
        return dict(json.loads(conn.getresponse().read()))
    finally:
        conn.close()


def stop_server(server: RunningServer) -> None:
    process = server.process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # our own session: master and workers
            process.wait(timeout=5)
