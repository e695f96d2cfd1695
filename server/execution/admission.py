"""Fair admission to the query executors: lanes, a bounded queue, per-client limits.

Modelled on the Wikidata Query Service's limits. Why each part:

* **Lanes.** Executors are split into a ``heavy`` lane (any query) and a ``cheap`` lane that
  takes only queries known to be fast: the same text took at most ``cheap_s`` of executor
  CPU time last time it ran (remembered by hash in a fixed-size table). Runaway
  queries are new or known to be slow, so they can fill the heavy lane but never the cheap
  one; known-fast queries may use a free heavy executor too, so nothing is lost when there
  is no attack.
* **A bounded queue.** At most ``queue`` operations wait for an executor, each at most
  ``queue_wait_s``; beyond that the answer is ``503`` with ``Retry-After``, at once, rather
  than a growing pile of waiting connections.
* **Per client** (by address): at most ``client_concurrent`` operations at a time (``429``),
  and a budget of executor time, ``client_seconds`` per minute, refilled continuously;
  a client that has spent it gets ``429`` with ``Retry-After`` until it is positive again.

The lanes' executor slots, the queue places and the table of fast texts are shared by all
front processes (shared memory created before the fronts are forked, guarded by a lock the
kernel releases if its holder dies), so the executors are never oversubscribed, every front
knows which texts are fast, and a front that is killed leaks nothing. The per-client
accounts are kept by each front process: with ``F`` fronts a client whose connections are
spread over them may get up to ``F`` times its limits (measured reason for more than one
front: a second front process raised cached throughput by 1.4-1.8x on the seed graph).
"""

from __future__ import annotations

import fcntl
import hashlib
import math
import multiprocessing
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ProtocolError
from . import procs


@dataclass(frozen=True)
class AdmissionSettings:
    heavy: int
    cheap: int
    queue: int
    queue_wait_s: float
    client_concurrent: int
    client_seconds: float  # executor seconds per client per minute
    cheap_s: float
    remembered: int = 10_000
    max_clients: int = 10_000


KEY_BYTES = 16
POLL_S = 0.005  # queued operations look again at least this often (dead holders, lost tokens)


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=KEY_BYTES).digest()


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie (a front that died holding a slot)."""
    try:
        os.kill(pid, 0)
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (ProcessLookupError, FileNotFoundError):
        return False
    except (PermissionError, OSError):
        return True
    return state != "Z"


class _SharedLock:
    """A lock between the front processes that the kernel releases if its holder dies.

    ``fcntl.flock`` on a file opened by each process after the fork (a lock belongs to an
    open file description, which forked processes would otherwise share), plus a thread lock
    for the threads of one process. A ``multiprocessing`` lock is not released when its
    holder is killed: measured, a front killed while holding one froze the other front's
    threads for good.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        # Per process: (pid, thread lock, file descriptor), set up on first use after a fork.
        self._local: tuple[int, threading.Lock, int] | None = None
        # Guards that set-up. Created here, in the master, which never takes it, so a fork
        # cannot copy it in a locked state.
        self._setup = threading.Lock()

    def _mine(self) -> tuple[int, threading.Lock, int]:
        local = self._local
        if local is not None and local[0] == os.getpid():
            return local
        with self._setup:
            local = self._local
            if local is None or local[0] != os.getpid():
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                local = (os.getpid(), threading.Lock(), fd)
                self._local = local
            return local

    @property
    def in_process(self) -> threading.Lock:
        """The thread lock alone: enough for what this process keeps to itself (its clients'
        accounts); every holder of the whole lock holds it too. Why: checking and charging
        clients under the whole lock cost two ``flock`` calls each time (~10 % of a front's
        GIL time per small answer, py-spy at c=1 on the seed graph)."""
        return self._mine()[1]

    def __enter__(self) -> None:
        _, thread_lock, fd = self._mine()
        thread_lock.acquire()
        fcntl.flock(fd, fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        _, thread_lock, fd = self._mine()
        fcntl.flock(fd, fcntl.LOCK_UN)
        thread_lock.release()


class Admission:
    """Gate in front of the executors, shared by the front processes forked after it.

    Executor slots and queue places are tables of owner PIDs in shared memory: a place held
    by a process that has died is taken over, so a killed front leaks nothing.
    """

    def __init__(
        self,
        settings: AdmissionSettings,
        lock_path: Path,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._clock = clock
        self._lock = _SharedLock(lock_path)
        context = multiprocessing.get_context("fork")
        self._owners = {
            "heavy": context.RawArray("i", settings.heavy),
            "cheap": context.RawArray("i", settings.cheap),
        }
        self._waiters = context.RawArray("i", max(1, settings.queue))
        # Wake-up hint for queued operations in every front process: one token per freed
        # executor while someone waits (a semaphore-mode eventfd inherited through fork).
        # The owner tables stay the truth; a lost or spare token costs one poll interval.
        # Measured: waiters that only slept 5 ms between looks left executors idle for
        # ~1 ms after each ~0.2 ms query at 8 clients (bench/RESULTS.md, issue 12).
        self._wake = os.eventfd(0, os.EFD_SEMAPHORE | os.EFD_NONBLOCK | os.EFD_CLOEXEC)
        self._inflight: dict[str, int] = {}
        self._budget: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client: (s, stamp)
        # Texts known to be fast: a direct-mapped table of 16-byte keys in shared memory, so
        # that every front process knows what any of them learnt (a collision forgets one;
        # a torn write is only a miss).
        self._fast = context.RawArray("c", settings.remembered * KEY_BYTES)

    # ------------------------------------------------------------------ bookkeeping
    def _slot(self, key: bytes) -> slice:
        start = int.from_bytes(key[:8], "little") % self.settings.remembered * KEY_BYTES
        return slice(start, start + KEY_BYTES)

    def _known_fast(self, key: bytes | None) -> bool:
        return key is not None and self._fast[self._slot(key)] == key

    def is_fast(self, key: bytes | None) -> bool:
        return self._known_fast(key)

    def _balance(self, client: str, now: float) -> float:
        capacity = self.settings.client_seconds
        seconds, stamp = self._budget.get(client, (capacity, now))
        return min(capacity, seconds + (now - stamp) * capacity / 60.0)

    def record(
        self,
        client: str,
        key: bytes | None,
        seconds: float,
        *,
        finished: bool,
        cpu_s: float | None = None,
    ) -> None:
        """Charge the client for executor time and learn whether the text is fast.

        Fast means the executor's CPU time (``cpu_s``) when known: wall time grows when the
        machine is busy - during an attack, exactly - and would push cheap queries out of
        the cheap lane just when they need it.
        """
        with self._lock.in_process:  # the accounts are this process's own
            now = self._clock()
            balance = self._balance(client, now) - seconds
            self._budget.pop(client, None)  # re-inserted last: least recently seen go first
            self._budget[client] = (balance, now)
            while len(self._budget) > self.settings.max_clients:
                self._budget.popitem(last=False)
        if key is None:
            return
        cost = seconds if cpu_s is None else cpu_s
        if finished and cost <= self.settings.cheap_s:
            self._fast[self._slot(key)] = key
        elif self._known_fast(key):
            self._fast[self._slot(key)] = bytes(KEY_BYTES)

    # -------------------------------------------------------------------- the gate
    def admits(self, client: str) -> bool:
        """Whether ``client`` may start an operation now (time budget and concurrency), for
        work a front does itself: refused, it goes through :meth:`slot`, which answers with the
        reason."""
        with self._lock.in_process:  # the accounts are this process's own
            try:
                self._check_client(client, self._clock())
            except ProtocolError:
                return False
            return True

    def check(self, client: str) -> None:
        """Raise the 429 :meth:`slot` would give ``client`` now (time used up, or too many
        operations at once): for work done in the front before admission (the lexer's
        pre-parse), which is then charged with :meth:`record`."""
        with self._lock.in_process:
            self._check_client(client, self._clock())

    def _check_client(self, client: str, now: float) -> None:
        balance = self._balance(client, now)
        if balance <= 0:
            wait = -balance * 60.0 / self.settings.client_seconds
            raise ProtocolError(
                429,
                f"this address used its {self.settings.client_seconds:g} s of query time "
                "per minute; retry later",
                {"Retry-After": str(max(1, math.ceil(wait)))},
            )
        if self._inflight.get(client, 0) >= self.settings.client_concurrent:
            raise ProtocolError(
                429,
                f"at most {self.settings.client_concurrent} operations at a time per address",
                {"Retry-After": "1"},
            )

    @staticmethod
    def _claim(table: Any, pid: int) -> int | None:
        """Take a free place in ``table`` (or one whose holder died); its index or None."""
        for i, owner in enumerate(table):
            if owner == 0:
                table[i] = pid
                return i
        for i, owner in enumerate(table):
            if owner != pid and not _alive(owner):
                table[i] = pid
                return i
        return None

    def _take(self, lanes: tuple[str, ...], pid: int) -> tuple[str, int] | None:
        for lane in lanes:
            index = self._claim(self._owners[lane], pid)
            if index is not None:
                return lane, index
        return None

    @contextmanager
    def slot(self, client: str, key: bytes | None) -> Iterator[str]:
        """Hold an executor of a suitable lane while the block runs; yields the lane."""
        pid = os.getpid()
        lanes = ("cheap", "heavy") if self._known_fast(key) else ("heavy",)
        with self._lock:
            now = self._clock()
            self._check_client(client, now)
            taken = self._take(lanes, pid)
            place = None
            if taken is None:
                place = self._claim(self._waiters, pid) if self.settings.queue > 0 else None
                if place is None:
                    raise _busy("the endpoint is busy: every query executor is in use")
            self._inflight[client] = self._inflight.get(client, 0) + 1
        if taken is None:  # wait in the queue, polling (rare: every executor is busy)
            deadline = now + self.settings.queue_wait_s
            try:
                while taken is None and self._clock() < deadline:
                    self._await_release(POLL_S)
                    with self._lock:
                        taken = self._take(lanes, pid)
            finally:
                with self._lock:
                    if place is not None and self._waiters[place] == pid:
                        self._waiters[place] = 0
                    if taken is None:
                        self._release_client(client)
            if taken is None:
                raise _busy("the endpoint is busy: no query executor became free")
        lane, index = taken
        try:
            yield lane
        finally:
            with self._lock:
                if self._owners[lane][index] == pid:
                    self._owners[lane][index] = 0
                self._release_client(client)
                waiting = any(self._waiters)
            if waiting:
                os.eventfd_write(self._wake, 1)

    def begin_page(self, client: str) -> None:
        """Admit work a front does itself for ``client`` (a Linked Data page): the same
        per-client checks as a query (429 when its time is used up or it has
        ``client_concurrent`` operations at once), counted as one of its operations until
        :meth:`end_page` charges the CPU time it cost. Why: pages had no admission and no
        per-client limit (issue 20, finding 11: /sitemap.xml cost 86 ms uncached)."""
        with self._lock.in_process:
            self._check_client(client, self._clock())
            self._inflight[client] = self._inflight.get(client, 0) + 1

    def end_page(self, client: str, cpu_s: float) -> None:
        with self._lock.in_process:
            self._release_client(client)
        self.record(client, None, cpu_s, finished=True)

    def _await_release(self, timeout: float) -> None:
        """Wait until an executor is released (a token) or ``timeout`` passes."""
        if procs.readable(self._wake, timeout):
            try:
                os.eventfd_read(self._wake)  # take one token; another waiter may have
            except BlockingIOError:
                pass

    def _release_client(self, client: str) -> None:
        left = self._inflight.get(client, 0) - 1
        if left > 0:
            self._inflight[client] = left
        else:
            self._inflight.pop(client, None)

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return {
                "free_heavy": sum(1 for o in self._owners["heavy"] if o == 0),
                "free_cheap": sum(1 for o in self._owners["cheap"] if o == 0),
                "waiting": sum(1 for o in self._waiters if o != 0),
            }


def _busy(message: str) -> ProtocolError:
    return ProtocolError(503, f"{message}; retry later", {"Retry-After": "1"})
