"""Fair admission to the query executors: lanes, a bounded queue, per-client limits.

Modelled on the Wikidata Query Service's limits. Why each part:

* **Lanes.** Executors are split into a ``heavy`` lane (any query) and a ``cheap`` lane that
  takes only queries known to be fast: the same text took at most ``cheap_s`` of executor
  CPU time last time it ran (remembered by hash, least recently used first out). Runaway
  queries are new or known to be slow, so they can fill the heavy lane but never the cheap
  one; known-fast queries may use a free heavy executor too, so nothing is lost when there
  is no attack.
* **A bounded queue.** At most ``queue`` operations wait for an executor, each at most
  ``queue_wait_s``; beyond that the answer is ``503`` with ``Retry-After``, at once, rather
  than a growing pile of waiting connections.
* **Per client** (by address): at most ``client_concurrent`` operations at a time (``429``),
  and a budget of executor time, ``client_seconds`` per minute, refilled continuously;
  a client that has spent it gets ``429`` with ``Retry-After`` until it is positive again.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .errors import ProtocolError


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


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Admission:
    """Thread-safe gate in front of the executors (one per front process)."""

    def __init__(
        self, settings: AdmissionSettings, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.settings = settings
        self._clock = clock
        self._cond = threading.Condition()
        self._free = {"heavy": settings.heavy, "cheap": settings.cheap}
        self._waiting = 0
        self._inflight: dict[str, int] = {}
        self._budget: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client: (s, stamp)
        self._fast: OrderedDict[bytes, None] = OrderedDict()

    # ------------------------------------------------------------------ bookkeeping
    def is_fast(self, key: bytes | None) -> bool:
        with self._cond:
            return key is not None and key in self._fast

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
        with self._cond:
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
                self._fast.pop(key, None)
                self._fast[key] = None
                while len(self._fast) > self.settings.remembered:
                    self._fast.popitem(last=False)
            else:
                self._fast.pop(key, None)

    # -------------------------------------------------------------------- the gate
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

    def _free_lane(self, lanes: tuple[str, ...]) -> str | None:
        for lane in lanes:
            if self._free[lane] > 0:
                return lane
        return None

    @contextmanager
    def slot(self, client: str, key: bytes | None) -> Iterator[str]:
        """Hold an executor of a suitable lane while the block runs; yields the lane."""
        with self._cond:
            lanes = ("cheap", "heavy") if key is not None and key in self._fast else ("heavy",)
            now = self._clock()
            self._check_client(client, now)
            lane = self._free_lane(lanes)
            if lane is None:
                if self._waiting >= self.settings.queue:
                    raise _busy("the endpoint is busy: every query executor is in use")
                self._waiting += 1
                self._inflight[client] = self._inflight.get(client, 0) + 1
                try:
                    deadline = now + self.settings.queue_wait_s
                    while (lane := self._free_lane(lanes)) is None:
                        left = deadline - self._clock()
                        if left <= 0 or not self._cond.wait(left):
                            if (lane := self._free_lane(lanes)) is not None:
                                break
                            self._release_client(client)
                            raise _busy("the endpoint is busy: no query executor became free")
                finally:
                    self._waiting -= 1
            else:
                self._inflight[client] = self._inflight.get(client, 0) + 1
            self._free[lane] -= 1
        try:
            yield lane
        finally:
            with self._cond:
                self._free[lane] += 1
                self._release_client(client)
                self._cond.notify_all()

    def _release_client(self, client: str) -> None:
        left = self._inflight.get(client, 0) - 1
        if left > 0:
            self._inflight[client] = left
        else:
            self._inflight.pop(client, None)

    def snapshot(self) -> dict[str, int]:
        with self._cond:
            return {
                "free_heavy": self._free["heavy"],
                "free_cheap": self._free["cheap"],
                "waiting": self._waiting,
            }


def _busy(message: str) -> ProtocolError:
    return ProtocolError(503, f"{message}; retry later", {"Retry-After": "1"})
