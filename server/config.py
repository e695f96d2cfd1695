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


@dataclass(frozen=True)
class ServerConfig:
    """Settings of one endpoint instance.

    ``files`` are loaded once at start-up; ``journal_path`` (set by :func:`server.serve`) is
    the shared update log that keeps pre-forked worker processes consistent after updates.
    ``recycle_worker_on_timeout`` makes a worker process exit after answering a timed-out
    request, the only way to really stop a query that runs in native code; it must stay off
    when the app runs inside a process that must survive (tests, embedding).
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
    recycle_worker_on_timeout: bool = False
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
    # above it; see server.ratelimit). Off when None. Enforced per worker process.
    rate_limit: float | None = None
    rate_burst: int | None = None

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

    @property
    def updates_enabled(self) -> bool:
        return bool(self.update_token)


def _as_seq(value: Sequence[str] | Sequence[Path] | str | Path) -> Sequence[str | Path]:
    if isinstance(value, str | Path):
        return (value,)
    return value
