"""Writing while processes are killed: one update writer and the checks on what it wrote, shared
by the kill tests (``test_worker_kill.py``, ``test_any_process_killed.py``)."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import requests
from live_server import TOKEN, RunningServer

AUTH = {"Authorization": f"Bearer {TOKEN}"}
GRAPH = "urn:kill"


class UpdateWriter:
    """A thread that sends one-triple ``INSERT DATA`` updates to ``server`` back to back until
    the ``with`` block ends, keeping in :attr:`acknowledged` the numbers answered 200. A
    request that fails (the process serving it was killed) is not retried: its number was
    never acknowledged. ``numbers`` may be shared by writers of several servers."""

    def __init__(
        self, server: RunningServer, numbers: Iterator[int] | None = None, timeout: float = 15.0
    ) -> None:
        self.server = server
        self.numbers = numbers if numbers is not None else itertools.count(1)
        self.timeout = timeout
        self.acknowledged: set[int] = set()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._write, daemon=True)

    def _write(self) -> None:
        while not self.stop.is_set():
            i = next(self.numbers)
            try:
                response = insert(self.server, i, self.timeout)
            except requests.RequestException:
                time.sleep(0.05)  # the server (or its front) is being replaced
                continue
            if response.status_code == 200:
                self.acknowledged.add(i)

    def __enter__(self) -> UpdateWriter:
        self.thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop.set()
        self.thread.join(20)


def insert(server: RunningServer, i: int, timeout: float = 30.0) -> requests.Response:
    """Add number ``i`` to the writers' graph (200: acknowledged, journaled and fsynced)."""
    text = f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <urn:s{i}> <urn:p> {i} }} }}"
    return requests.post(server.sparql, data={"update": text}, headers=AUTH, timeout=timeout)


def seen(server: RunningServer) -> set[int]:
    """The numbers the writers' updates left in the data, as one query sees them."""
    query = f"SELECT ?i WHERE {{ GRAPH <{GRAPH}> {{ ?s <urn:p> ?i }} }}"
    response = requests.get(server.sparql, params={"query": query}, timeout=30)
    assert response.status_code == 200, response.text
    return {int(b["i"]["value"]) for b in response.json()["results"]["bindings"]}


def running(pid: int) -> bool:
    """Alive and not a zombie (a zombie holds no port; this container's init may be slow to
    reap it)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
