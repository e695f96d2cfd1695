"""Run the endpoint: a buffering front under granian, query executors, a durable journal.

Process tree (every child is SIGKILLed by the kernel when its parent dies, so a crash of the
master leaves nothing holding the port and a restart binds at once):

* the **master** finds or builds the snapshot of the data at the journal's last version
  (``server.data.snapshots``: built by a child process from the files and the journal; a restart
  with the same files and journal loads nothing), forks the executors' **supervisor** (while
  still single-threaded), then runs granian's main loop. It never opens the snapshot itself:
  RocksDB does not survive a fork;
* the supervisor forks the **executors** (``seckg-heavy``, ``seckg-cheap``) and replaces any
  that exits (:mod:`server.execution.executors`);
* granian forks ``--front-workers`` **front** workers (``seckg-front``, 2 by default: a
  second one raised cached throughput 1.4-1.8x) that inherit the loaded app: their Rust
  side reads headers (with a timeout) and writes responses; :mod:`server.http.front` buffers
  bodies and runs Flask on a thread pool; queries and updates go to executors through
  :mod:`server.execution.admission`. Linked Data pages, cached answers and known-fast queries
  (:mod:`server.http.inline`) are served by the fronts, each from its own view of the snapshot.
* every process that reads the data opens the snapshot itself after it was forked: from disk
  through the shared page cache (large data), or as its own in-memory copy (small data,
  ``--in-memory-mb``); after an update, the snapshot of the new version.
* SIGHUP (``kg serve --watch``) starts a new generation: data, journal replay, executors;
  granian then replaces its workers one by one, the old ones finishing their requests.

Measured on this machine (``bench/front_probe.py``, ``bench/RESULTS.md``): granian's WSGI
mode does not buffer request bodies (8 slow bodies pinned its threads; a truncated body
reached the app and was answered 200), gunicorn's sync workers were taken down by 4 slowloris
sockets (issue 11), while granian's Rust HTTP layer holds slow and non-reading clients
without a Python thread; so the front runs under granian's ASGI interface with our buffering
adapter. Granian ends the whole server if a worker exits, which is why runaway queries are
stopped in executors instead.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from granian import Granian
from granian.constants import Interfaces
from granian.http import HTTP1Settings

from .config import ServerConfig
from .data import state
from .execution import allocator, procs
from .execution.executors import ExecutorClient, ExecutorSettings, start_executors
from .http.app import INLINE_EXTENSION, LEAN_EXTENSION, create_app
from .http.front import BufferingFront, FrontLimits

log = logging.getLogger("server")

_front: Any = None  # the ASGI app, built in the master and inherited by granian's worker
_dataset: Any = None  # its data, whose snapshot each front opens for itself
_master_pid = 0


def _configure_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO,
            stream=sys.stderr,
            format="%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s",
        )


def _front_loader() -> Any:
    """Called by granian in its worker process (forked from the master)."""
    procs.die_with_parent(_master_pid)
    procs.set_name("seckg-front")
    if _dataset is not None:
        _dataset.store  # noqa: B018 - open this process's snapshot before the first request
    return _front


def _replay_message(journal_base: str | None, version: str, updates: int) -> str | None:
    if journal_base is None or updates == 0:
        return None
    if journal_base == version:
        return f"replayed {updates} acknowledged update(s) from the journal"
    return (
        f"the data changed since the journal began (journal made on version {journal_base}, "
        f"now {version}): re-applying its {updates} update(s) (quads removed and added) to "
        "the new data; move the journal away to start from the new data alone"
    )


@dataclass
class _Generation:
    """One loaded copy of the data with its executors and front app."""

    front: Any
    supervisor: int = 0
    runtime: Path | None = None
    version: str = ""
    dataset: Any = None  # server.data.dataset.Dataset; None with a remote store


def _start_generation(config: ServerConfig) -> _Generation:
    """Load the data (replaying the journal), fork the executors, build the front app."""
    if config.store_url is not None:
        return _Generation(_buffered(create_app(config), config))
    from .data.dataset import Dataset, chain
    from .data.journal import Journal
    from .data.loader import version_of
    from .data.snapshots import Snapshots

    assert config.journal_path is not None
    files_version = version_of(config.files)
    journal = Journal(config.journal_path)
    base = journal.open_for(files_version)
    message = _replay_message(base, files_version, journal.count())
    if message and base != files_version:
        log.warning(message)
    elif message:
        log.info(message)
    records = journal.read_new()  # the updates made so far, acknowledged and fsynced
    version = chain(files_version, (line for _, line in records))
    snapshots = Snapshots(config.journal_path.parent / "store", config.in_memory_mb * 1024 * 1024)
    if snapshots.exists(version):
        log.info("serving the stored snapshot of version %s (nothing to load)", version)
    else:
        _build_snapshot(config, [entry for entry, _ in records], version, snapshots)
    dataset = Dataset(None, version, journal, snapshots)  # never opened here: see snapshots
    snapshots.prune(keep={version})
    _remove_stale_runtimes()
    # Short paths for the Unix sockets (at most 108 bytes), named after the master's PID.
    runtime = Path(tempfile.mkdtemp(prefix=f"seckg-run-{os.getpid()}-"))
    settings = ExecutorSettings(
        heavy=config.heavy_executors,
        cheap=config.cheap_executors,
        memory_bytes=config.query_memory_mb * 1024 * 1024,
        private_bytes=config.executor_private_mb * 1024 * 1024,
        socket_dir=runtime,
    )
    supervisor = start_executors(settings, dataset)
    app = create_app(config, dataset=dataset, executors=ExecutorClient(settings))
    return _Generation(_buffered(app, config), supervisor, runtime, dataset.version, dataset)


def _build_snapshot(config: ServerConfig, entries: list[Any], version: str, snapshots: Any) -> None:
    """Load the files, replay the journal and write the snapshot of ``version``, in a child
    process: loading 1M triples takes ~1.5 GB at its peak, which a long-lived process would
    keep (freed heap is rarely returned) and hand on to every process it forks."""
    from .data.dataset import count, replay
    from .data.loader import DataLoadError, load_files

    started = time.monotonic()
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        code = 0
        try:
            loaded = load_files(config.files)
            for entry in entries:
                replay(loaded.store, entry)
            snapshots.create(version, loaded.store)
            snapshots.write_stats(version, asdict(count(loaded.store)))
        except DataLoadError as exc:
            os.write(write, f"DataLoadError\n{exc}".encode())
            code = 1
        except BaseException as exc:  # noqa: BLE001 - reported by the parent
            os.write(write, f"{type(exc).__name__}\n{exc}".encode())
            code = 1
        os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        report = pipe.read().decode(errors="replace")
    _, status = os.waitpid(pid, 0)
    if status != 0:
        kind, _, message = report.partition("\n")
        if kind == "DataLoadError":
            raise DataLoadError(message)
        raise RuntimeError(f"building the data snapshot failed: {kind}: {message}".strip())
    log.info("stored snapshot of version %s in %.1f s", version, time.monotonic() - started)


def _remove_stale_runtimes() -> None:
    """Remove socket directories left by servers that were SIGKILLed (their PID is gone)."""
    for path in Path(tempfile.gettempdir()).glob("seckg-run-*-*"):
        pid = path.name.split("-")[2]
        if not pid.isdigit() or Path(f"/proc/{pid}").exists():
            continue
        shutil.rmtree(path, ignore_errors=True)


def _buffered(app: Any, config: ServerConfig) -> BufferingFront:
    limits = FrontLimits(
        max_body_bytes=config.max_body_bytes,
        body_timeout_s=config.body_timeout_s,
        threads=config.front_threads,
    )
    return BufferingFront(
        app, limits, app.extensions.get(LEAN_EXTENSION), app.extensions.get(INLINE_EXTENSION)
    )


def _retire(generation: _Generation) -> None:
    """Stop a generation's executors and remove its sockets."""
    if generation.supervisor:
        try:
            os.kill(generation.supervisor, signal.SIGTERM)
            os.waitpid(generation.supervisor, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    if generation.runtime is not None:
        shutil.rmtree(generation.runtime, ignore_errors=True)


def _watch(source: Path, interval: float = 2.0) -> None:
    """``--watch``: send ourselves SIGHUP when ``source`` (the ``dist`` link) changes."""
    seen = os.path.realpath(source)

    def loop() -> None:
        nonlocal seen
        while True:
            time.sleep(interval)
            now = os.path.realpath(source)
            if now != seen and Path(now).is_dir():
                seen = now
                log.info("%s now points to %s: reloading", source, now)
                os.kill(os.getpid(), signal.SIGHUP)

    threading.Thread(target=loop, name="seckg-watch", daemon=True).start()


def serve(
    config: ServerConfig, host: str = "127.0.0.1", port: int = 8000, *, watch: bool = False
) -> None:
    """Load the data and serve on ``host:port`` until SIGINT/SIGTERM.

    SIGHUP (or, with ``watch``, a change of the ``dist`` link) reloads: the data is loaded
    again from the same paths (a new build behind ``dist``), the journal is re-applied, new
    executors and a new front worker start; the old front finishes its in-flight requests
    on the old executors, which are stopped after the query timeout.
    """
    global _front, _dataset, _master_pid
    _configure_logging()
    _master_pid = os.getpid()
    source_dist = config.dist_dir
    state_dir: Path | None = None
    if config.store_url is None:
        state_dir = state.prepare(config.state_dir or state.default_state_dir(config.files))
        config = replace(config, journal_path=state_dir / state.JOURNAL_NAME)

    def configured() -> ServerConfig:
        if state_dir is None or source_dist is None:
            return config
        return replace(config, dist_dir=state.pin_build(source_dist, state_dir))

    current = _start_generation(configured())
    _front, _dataset = current.front, current.dataset
    where = f"state in {state_dir}" if state_dir else "remote store"
    log.info(
        "serving %d file(s) on http://%s:%d/sparql (%s; memory allocator: %s)",
        len(config.files),
        host,
        port,
        where,
        allocator.loaded() or "system",
    )
    server = Granian(
        "seckg",
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        workers=config.front_workers,
        backlog=2048,
        http1_settings=HTTP1Settings(
            header_read_timeout=int(config.header_timeout_s * 1000),
            keep_alive=True,
            pipeline_flush=True,
        ),
        websockets=False,
        log_access=False,
        log_level="warning",
        respawn_interval=1.0,  # on reload: the new front runs this long before the old stops
        # A front that has not stopped when its requests' time is up is killed (on shutdown
        # and on reload). Without it the master waits forever: seen three times, a front
        # stuck in granian's own SIGTERM handler (py-spy: WorkerSignal.set) after a
        # shutdown under load; not reproduced in 13 later attempts.
        workers_kill_timeout=int(config.timeout) + 5,
    )

    def reload() -> None:
        nonlocal current
        global _front, _dataset
        try:
            fresh = _start_generation(configured())
        except Exception as exc:  # a broken new build: keep serving the old one
            log.error("reload failed, still serving the previous data: %s", exc)
            return
        old, current = current, fresh
        _front, _dataset = fresh.front, fresh.dataset  # the next forked front inherits them
        log.info("reloaded: now serving version %s", fresh.version)
        # The old front finishes its in-flight requests on the old executors; then stop them.
        threading.Timer(config.timeout + 5.0, _retire, args=(old,)).start()

    server.on_reload(reload)
    if watch and source_dist is not None:
        _watch(source_dist)
    try:
        server.serve(target_loader=_front_loader, wrap_loader=False)
    finally:
        _retire(current)
