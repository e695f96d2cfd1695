"""The lean cached path: a repeated ``GET``/``HEAD /sparql`` answered by the front itself.

Why: on a cache hit the Flask dispatch (request object, ``before_request``/``after_request``
hooks, protocol parse, text analysis, negotiation, ETag hash, ``Response`` and header
objects) was most of the front's CPU per request, while the answer is the same bytes every
time until the data changes (``bench/RESULTS.md``, issue 12). So the front keeps, per front
process, the *exact* status, headers and body the Flask app sent for a request, and sends
them again for the same request without calling the app.

"The same request": method, path, query string and every request header except a short
list that nothing on ``/sparql`` reads (:data:`IGNORED_HEADERS`: ``User-Agent``,
``Connection``, ...). ``Accept``, ``If-None-Match``, ``Host`` (the base IRI defaults to the
request URL) and anything unknown are part of the key, so every input the app could use to
shape the answer is. "Until the data changes": each entry records the dataset version it was
made on (the same version the ETags and the response cache are keyed on); a lookup first
checks the journal for updates by other processes (one ``stat``; if there are any, the app
answers and catches up), and a changed version empties the memo. A SIGHUP reload builds a
new front, hence a new memo.

Only answers that the response cache itself would give again are kept: status 200 or 304
with an ``ETag`` (query results; never errors, updates, the service description or
``no-store`` answers), and only where the response cache is on and no per-address rate
limit is configured (the limit is applied in Flask's ``before_request``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Protocol

from ..data.dataset import Dataset
from .logline import loggable

access_log = logging.getLogger("server.access")

LEAN_PATH = "/sparql"
IGNORED_HEADERS = frozenset(
    {b"user-agent", b"connection", b"keep-alive", b"accept-encoding", b"referer", b"te"}
)
Headers = list[tuple[bytes, bytes]]


@dataclass(frozen=True)
class LeanEntry:
    status: int
    headers: Headers
    body: bytes
    rows: object  # what the access log prints: a row count or None


class LeanCache:
    """Bounded LRU of whole responses, keyed by the request, valid for one dataset version."""

    def __init__(self, dataset: Dataset, max_entries: int, max_bytes: int) -> None:
        self.dataset = dataset
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[Any, ...], LeanEntry] = OrderedDict()
        self._bytes = 0
        self._version = dataset.version
        self._lock = threading.Lock()
        self.hits = 0

    @staticmethod
    def key(scope: dict[str, Any]) -> tuple[Any, ...] | None:
        """The request's key, or ``None`` for requests this path never answers."""
        method = scope.get("method")
        if method not in ("GET", "HEAD") or scope.get("path") != LEAN_PATH:
            return None
        query = scope.get("query_string") or b""
        if not query:
            return None  # the service description: no ETag, never kept
        headers = tuple(
            sorted(
                (k.lower(), v)
                for k, v in scope.get("headers", ())
                if k.lower() not in IGNORED_HEADERS
            )
        )
        return (method, scope.get("raw_path") or b"", query, headers)

    def get(self, key: tuple[Any, ...]) -> tuple[LeanEntry | None, str]:
        """The kept answer for ``key`` (or ``None``) and the version it was looked up on.

        When the journal has news (an update by another process), nothing is answered here:
        replaying it is the app's job, on a worker thread (``before_request``), not on the
        front's event loop; the answer computed then is not kept (its version is unknown).
        """
        journal = self.dataset.journal
        if journal is not None and journal.has_news():
            return None, ""
        version = self.dataset.version
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._bytes = 0
                self._version = version
                return None, version
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            return entry, version

    def put(
        self,
        key: tuple[Any, ...],
        version: str,
        status: int,
        headers: Headers,
        body: bytes,
        rows: object,
    ) -> None:
        """Keep a response the app gave for ``key`` on data ``version``, if it may be reused."""
        if status not in (200, 304) or len(body) > self.max_bytes // 4:
            return
        if not any(name == b"etag" for name, _ in headers):
            return
        entry = LeanEntry(status, headers, body, rows)
        with self._lock:
            if version != self._version:
                return  # the data changed while the app answered
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = entry
            self._bytes += len(body)
            while self._entries and (
                len(self._entries) > self.max_entries or self._bytes > self.max_bytes
            ):
                _, evicted = self._entries.popitem(last=False)
                self._bytes -= len(evicted.body)


class Answered(Protocol):
    @property
    def status(self) -> int: ...
    @property
    def rows(self) -> object: ...


def log_hit(scope: dict[str, Any], entry: Answered, started: float) -> None:
    """The access-log line Flask's ``after_request`` writes, for an answer the front gave
    itself (a lean entry)."""
    if not access_log.isEnabledFor(logging.INFO):
        return
    rows = entry.rows
    access_log.info(
        "%s %s %d %.1fms rows=%s",
        loggable(scope["method"]),
        loggable(scope["path"]),
        entry.status,
        (time.perf_counter() - started) * 1000,
        "-" if rows is None else rows,
    )
