"""What no response body may ever contain, and how a crashed worker shows in the log."""

from __future__ import annotations

import time

import requests
from live_server import RunningServer

# Tracebacks and paths of this machine: the repository, temp files, installed packages.
LEAKS = ("Traceback", 'File "', "/work/", "/tmp/", "site-packages", "/usr/lib/python")
# What gunicorn's master logs when a worker dies abnormally: killed by a signal (SIGSEGV on a
# stack overflow, SIGKILL from the OOM killer), a non-zero exit, or its own backstop timeout.
# Our timeout recycling exits with status 0 and logs none of these.
CRASH_MARKERS = ("was sent SIG", "exited with code", "WORKER TIMEOUT", "stack overflow")


def leaked(response: requests.Response) -> list[str]:
    text = response.content.decode("utf-8", "replace")
    return [leak for leak in LEAKS if leak in text]


def crashes(server: RunningServer) -> list[str]:
    return [line for line in server.log().splitlines() if any(m in line for m in CRASH_MARKERS)]


def healthy(server: RunningServer) -> bool:
    response = requests.get(server.base + "/health", timeout=10)
    return response.status_code == 200 and response.json()["status"] == "ok"


def workers_up(server: RunningServer, count: int = 2, timeout: float = 15.0) -> list[int]:
    """Wait until the master has forked all ``count`` workers; return their PIDs.

    The server answers /health as soon as *one* worker runs, so a test that compares worker
    PIDs before and after must first wait for the full set (on a busy machine the second
    fork can come a second later).
    """
    deadline = time.monotonic() + timeout
    while len(pids := server.worker_pids()) != count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(pids) == count, pids
    return pids
