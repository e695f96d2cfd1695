"""All endpoint settings in one frozen dataclass.

Everything that changes how the endpoint behaves is read from here and nowhere else, so a
test, the CLI and ``python -m server`` configure exactly the same object.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_ROW_LIMIT = 10_000
DEFAULT_MAX_BODY_BYTES = 1_048_576
DEFAULT_CACHE_BYTES = 64 * 1_048_576

# Executors and admission (see server.execution.executors, server.execution.admission; documented in
# docs/endpoint.md "Limits"). Changing a default here changes it for kg serve, python -m
# server and the tests alike.
DEFAULT_HEAVY_EXECUTORS = 2
DEFAULT_CHEAP_EXECUTORS = 1
DEFAULT_QUERY_MEMORY_MB = 1024
# An executor whose own (un-shared) memory passes this is replaced after its operation: reading
# the in-memory store writes to the pages it reads, so each executor slowly copies the shared
# store (measured at 1M triples: +290-320 MB in one executor after ~500 queries; issue 12). A
# fresh fork shares everything again, but then pays for copying again: at 1M, with 128 or 384
# MiB the queries answered fell ~3.5-4.4x in four bench/memory.py runs (102-132 vs 449-492)
# while PSS after the run fell from 778-1,102 to 753-780 MB (bench/RESULTS.md). So it is off
# by default: a memory bound on demand, at a cost.
DEFAULT_EXECUTOR_PRIVATE_MB = 0
DEFAULT_QUEUE = 32
DEFAULT_QUEUE_WAIT_S = 10.0
DEFAULT_CLIENT_CONCURRENT = 4
DEFAULT_CLIENT_SECONDS = 120.0
DEFAULT_CHEAP_MS = 100.0
DEFAULT_HEADER_TIMEOUT_S = 10.0
DEFAULT_BODY_TIMEOUT_S = 30.0
# Writing an answer (server.http.front): each 64 KiB piece must be taken by the client within
# this time (a minimum rate of ~6.4 KiB/s), else the connection is dropped; and one address may
# have at most this much of answers not yet written held in a front, else 429 (issue 20,
# finding 4: ten unread 45.8 MB answers to one address took the fronts from 122+93 MB to
# 745+179 MB in 5 s, and nothing ever dropped them).
DEFAULT_SEND_TIMEOUT_S = 10.0
DEFAULT_CLIENT_ANSWER_MB = 64
DEFAULT_FRONT_THREADS = 64
DEFAULT_FRONT_WORKERS = 2
# Data snapshots up to this size on disk are read into memory by each process (the engine is
# 1.8-3.4x faster in memory); larger ones are read from disk through the shared page cache,
# because the in-memory store is copied by every process that reads it (server.data.snapshots).
DEFAULT_IN_MEMORY_MB = 64


@dataclass(frozen=True)
class ServerConfig:
    """Settings of one endpoint instance.

    ``files`` are loaded once at start-up; ``journal_path`` (set by :func:`server.serve`) is
    the durable update log that keeps the front and the executor processes consistent after
    updates and across restarts.
    """

    files: tuple[Path, ...] = ()
    timeout: float = DEFAULT_TIMEOUT_S
    update_token: str | None = None
    row_limit: int = DEFAULT_ROW_LIMIT
    service_allowlist: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    response_cache: bool = True
    cache_max_bytes: int = DEFAULT_CACHE_BYTES
    cache_max_entries: int = 2048
    journal_path: Path | None = None
    base_iri: str | None = None
    # Linked Data: the public base of the data's IRIs, the build directory whose files are
    # published under /dumps/ (and whose ontology.html documents the ontology), and the
    # example queries offered on the query page.
    public_base: str = "https://seckg.example.org/"
    # A remote SPARQL endpoint to answer from instead of loading ``files`` (kg serve --store).
    store_url: str | None = None
    store_update_url: str | None = None
    dist_dir: Path | None = None
    examples: tuple[dict[str, str], ...] = ()
    # Optional rate limit per client IP address (requests per second, and the burst allowed
    # above it; see server.http.ratelimit). Off when None. Enforced per worker process.
    rate_limit: float | None = None
    rate_burst: int | None = None
    # Where the update journal and the pinned build live (server.data.state); None: beside the
    # first data file. Used only by server.serve (create_app alone keeps no state).
    state_dir: Path | None = None
    # Query executors (server.execution.executors): processes per lane, and the address space one
    # operation may add (RLIMIT_AS) before it is stopped with 413.
    heavy_executors: int = DEFAULT_HEAVY_EXECUTORS
    cheap_executors: int = DEFAULT_CHEAP_EXECUTORS
    query_memory_mb: int = DEFAULT_QUERY_MEMORY_MB
    executor_private_mb: int = DEFAULT_EXECUTOR_PRIVATE_MB  # 0: never replace for memory
    # Admission (server.execution.admission): waiting room, per-client limits, the cheap
    # lane's rule.
    queue: int = DEFAULT_QUEUE
    queue_wait_s: float = DEFAULT_QUEUE_WAIT_S
    client_concurrent: int = DEFAULT_CLIENT_CONCURRENT
    client_seconds: float = DEFAULT_CLIENT_SECONDS
    cheap_ms: float = DEFAULT_CHEAP_MS
    # The front (server.http.front): how long headers and bodies may take to arrive.
    header_timeout_s: float = DEFAULT_HEADER_TIMEOUT_S
    body_timeout_s: float = DEFAULT_BODY_TIMEOUT_S
    send_timeout_s: float = DEFAULT_SEND_TIMEOUT_S  # per 64 KiB of an answer
    client_answer_mb: int = DEFAULT_CLIENT_ANSWER_MB  # unwritten answer bytes per address
    front_threads: int = DEFAULT_FRONT_THREADS  # per front process
    front_workers: int = DEFAULT_FRONT_WORKERS  # front processes (granian workers)
    in_memory_mb: int = DEFAULT_IN_MEMORY_MB  # smaller data snapshots are read into memory

    def __post_init__(self) -> None:
        # Accept any sequence of str/Path from callers but store an immutable tuple of Paths.
        object.__setattr__(self, "files", tuple(Path(f) for f in _as_seq(self.files)))
        object.__setattr__(self, "service_allowlist", tuple(_as_seq(self.service_allowlist)))
        if self.timeout <= 0:
            raise ValueError("timeout must be positive")
        if self.row_limit <= 0:
            raise ValueError("row_limit must be positive")
        if self.max_body_bytes <= 0:
            raise ValueError("max_body_bytes must be positive")
        if self.update_token is not None and len(self.update_token) < 8:
            raise ValueError("update_token must be at least 8 characters")
        if self.rate_limit is not None and not self.rate_limit > 0:
            raise ValueError("rate_limit must be positive (requests per second)")
        if self.rate_burst is not None and self.rate_burst < 1:
            raise ValueError("rate_burst must be at least 1")
        if self.heavy_executors < 1 or self.cheap_executors < 0:
            raise ValueError("at least one heavy-lane executor is needed (--workers)")
        if self.executor_private_mb < 0:
            raise ValueError("executor_private_mb must not be negative")
        if self.query_memory_mb < 64:
            raise ValueError("query_memory_mb must be at least 64")
        if self.in_memory_mb < 0:
            raise ValueError("in_memory_mb must not be negative")
        if self.send_timeout_s <= 0:
            raise ValueError("send_timeout_s must be positive")
        if self.client_answer_mb < 1:
            raise ValueError("client_answer_mb must be at least 1")
        if self.front_workers < 1:
            raise ValueError("front_workers must be at least 1")
        if self.queue < 0 or self.client_concurrent < 1 or self.client_seconds <= 0:
            raise ValueError("queue >= 0, client_concurrent >= 1, client_seconds > 0")

    @property
    def updates_enabled(self) -> bool:
        return bool(self.update_token)


def _as_seq(value: Sequence[str] | Sequence[Path] | str | Path) -> Sequence[str | Path]:
    if isinstance(value, str | Path):
        return (value,)
    return value
