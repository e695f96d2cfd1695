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
  second one raised cached throughput 1.4-1.8x) that inherit the loaded app and the public
  socket, which the master binds: each front accepts on it and relays every connection to
  granian on a private loopback port (:mod:`server.http.edge`: granian drops a client that
  half-closes after its request); granian's Rust side reads headers (with a timeout) and
  writes responses; :mod:`server.http.front` buffers
  bodies and runs Flask on a thread pool; queries and updates go to executors through
  :mod:`server.execution.admission`. Linked Data pages and cached answers are served by the
  fronts, each from its own view of the snapshot; no client's query text runs in a front.
* every process that reads the data opens the snapshot itself after it was forked: from disk
  through the shared page cache (large data), or as its own in-memory copy (small data,
  ``--in-memory-mb``); after an update, the snapshot of the new version.
* SIGHUP (``kg serve --watch``) starts a new generation: data, journal replay, executors;
  granian then replaces its workers one by one, each old one draining first
  (:meth:`server.http.front.BufferingFront.drain`: no keep-alive request is cut).

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
import socket
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from granian import Granian
from granian.constants import HTTPModes, Interfaces
from granian.http import HTTP1Settings

from .config import ServerConfig
from .data import state
from .execution import allocator, procs
from .execution.executors import ExecutorClient, ExecutorSettings, start_executors
from .http.app import LEAN_EXTENSION, create_app
from .http.edge import Edge
from .http.front import BufferingFront, FrontLimits

log = logging.getLogger("server")

_front: Any = None  # the ASGI app, built in the master and inherited by granian's worker
_dataset: Any = None  # its data, whose snapshot each front opens for itself
_master_pid = 0
_stop_asked_early = False  # a front got SIGINT/SIGTERM before its stop handler was installed


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
    settings: ExecutorSettings | None = None
    retiring: threading.Event = field(default_factory=threading.Event)
    keeper: threading.Thread | None = None


def _keep_supervisor(generation: _Generation) -> None:
    """Restart the executors' supervisor whenever it dies (issue 20, finding 1).

    Why here: nobody waited on the supervisor; after a SIGKILL it stayed a zombie, its
    executors died with it (PR_SET_PDEATHSIG) and every query got a 500 until a person
    restarted the server. This thread reaps it and forks a new one at once (it forks its
    executors, which open the snapshot; well under a second on small data). It lives as long
    as the generation: a supervisor dies with the *thread* that forked it (PDEATHSIG), so the
    replacement forked here is ended when the generation is retired and this thread returns.
    """
    assert generation.settings is not None
    recent: list[float] = []
    while True:
        pid = generation.supervisor
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            status = -1
        if generation.retiring.is_set():
            return
        if status == 0:  # it was asked to stop (SIGTERM: the server is shutting down)
            return
        log.error(
            "the executor supervisor (pid %d) ended (%s): restarting it and its executors",
            pid,
            f"signal {os.WTERMSIG(status)}" if status > 0 and os.WIFSIGNALED(status) else status,
        )
        now = time.monotonic()
        recent = [t for t in recent if now - t < 10.0] + [now]
        if len(recent) > 5:  # dying at once, again and again: do not spin
            time.sleep(1.0)
        try:
            generation.supervisor = start_executors(generation.settings, generation.dataset)
        except OSError as exc:
            log.error("could not restart the executor supervisor: %s; retrying", exc)
            time.sleep(1.0)
            continue
        if generation.retiring.is_set():
            _stop_supervisor(generation.supervisor)
            return


def _stop_supervisor(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass


def _start_generation(config: ServerConfig, edge: Edge | None) -> _Generation:
    """Load the data (replaying the journal), fork the executors, build the front app."""
    if config.store_url is not None:
        return _Generation(_buffered(create_app(config), config, edge))
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
    generation = _Generation(
        _buffered(app, config, edge), supervisor, runtime, dataset.version, dataset, settings
    )
    generation.keeper = threading.Thread(
        target=_keep_supervisor, args=(generation,), name="seckg-keeper", daemon=True
    )
    generation.keeper.start()
    return generation


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
        # Nothing half-built is left behind (issue 20, finding 6: a failed start on a small
        # state filesystem left a partial copy that took its space).
        root = Path(snapshots.root)
        for partial in [root / "work", *root.glob(".*.partial-*")]:
            shutil.rmtree(partial, ignore_errors=True)
        if kind == "DataLoadError":
            raise DataLoadError(message)
        if "No space left" in message:
            free = shutil.disk_usage(root).free
            log.error("the state filesystem is full: %s", message)
            raise ValueError(
                f"the state filesystem of {root.parent} is too small for the data's snapshot "
                f"({free // 1024} KiB free); free space or choose another --state-dir "
                "(nothing was left behind)"
            )
        raise RuntimeError(f"building the data snapshot failed: {kind}: {message}".strip())
    log.info("stored snapshot of version %s in %.1f s", version, time.monotonic() - started)


def _remove_stale_runtimes() -> None:
    """Remove socket directories left by servers that were SIGKILLed (their PID is gone)."""
    for path in Path(tempfile.gettempdir()).glob("seckg-run-*-*"):
        pid = path.name.split("-")[2]
        if not pid.isdigit() or Path(f"/proc/{pid}").exists():
            continue
        shutil.rmtree(path, ignore_errors=True)


def _buffered(app: Any, config: ServerConfig, edge: Edge | None) -> BufferingFront:
    limits = FrontLimits(
        max_body_bytes=config.max_body_bytes,
        body_timeout_s=config.body_timeout_s,
        send_timeout_s=config.send_timeout_s,
        client_answer_bytes=config.client_answer_mb * 1024 * 1024,
        threads=config.front_threads,
    )
    return BufferingFront(app, limits, app.extensions.get(LEAN_EXTENSION), edge)


def _retire(generation: _Generation) -> None:
    """Stop a generation's executors and remove its sockets."""
    generation.retiring.set()
    if generation.supervisor:
        _stop_supervisor(generation.supervisor)
        if generation.keeper is not None:
            generation.keeper.join(10)  # it reaps the supervisor and returns
        else:
            try:
                os.waitpid(generation.supervisor, 0)
            except ChildProcessError:
                pass
    if generation.runtime is not None:
        shutil.rmtree(generation.runtime, ignore_errors=True)


class _Fronts(Granian):  # type: ignore[misc, valid-type]
    """granian's process manager, with a dead front replaced instead of ending the server.

    Why: granian 2.8 ends the whole server when a worker exits ("Unexpected exit from
    worker-N"); with ``respawn_failed_workers`` it respawns it, but a second exit of the same
    worker within 5.5 s of a respawn (or of a reload) trips its crash-loop detector, which ends
    the server too (measured). One crashing front must never end the server (issue 20,
    finding 2), so the detector is replaced by pacing: a worker is respawned at most once a
    second, for as long as it keeps dying - the other fronts serve meanwhile.
    """

    RESPAWN_EVERY_S = 1.0

    def _respawn_workers(  # granian's hook, called on its main loop only
        self, workers: list[int], spawn_target: Any, target_loader: Any, delay: float = 0
    ) -> None:
        last: dict[int, float] = self.__dict__.setdefault("_seckg_respawned", {})
        wait = max((last.get(i, 0.0) for i in workers), default=0.0) + self.RESPAWN_EVERY_S
        if wait > time.monotonic():
            time.sleep(wait - time.monotonic())
        super()._respawn_workers(workers, spawn_target, target_loader, delay)
        now = time.monotonic()
        for i in workers:
            last[i] = now
        self.respawned_wrks.clear()  # granian's crash-loop detector reads it: paced above

    def _spawn_worker(self, idx: int, target: Any, callback_loader: Any) -> Any:
        """Granian's worker, with a ``join`` that returns only once the worker has ended.

        Why: granian waits for each worker on a thread of its own (``_watcher``) as well as
        in ``join``; when that thread reaps the process first, ``join`` returns at once and
        ``is_alive()`` still says yes (waitpid: no such child), so granian logged "refused to
        gracefully stop" and sent SIGKILL to a PID already reaped (seen under reload load:
        join(10) returned after 0.05 s, alive; issue 20, finding 9)."""
        worker = super()._spawn_worker(idx, target, callback_loader)
        process = worker.inner

        def join(timeout: float | None = None) -> None:
            deadline = None if timeout is None else time.monotonic() + timeout
            process.join(timeout)
            while process.exitcode is None and (deadline is None or time.monotonic() < deadline):
                time.sleep(0.005)  # the watcher thread sets the exit code in a moment

        worker.join = join
        return worker

    def signal_handler_interrupt(self, *args: Any, **kwargs: Any) -> None:
        """Granian's SIGINT/SIGTERM handler, which a front inherits when it is forked.

        Why: from its fork until granian installs the worker's own handlers
        (``set_loop_signals``, after the front has loaded the app and opened its snapshot),
        a front runs the master's Python handler, which only sets the master's event in the
        front's copy of it: the stop was lost, the front went on to serve, and the master
        waited ``workers_kill_timeout`` for it (4 of 27 stops within a second of the first
        answer; here 2 of 12). In a front it is kept instead, and the front drains and stops
        as soon as its handlers are in place (:func:`_drain_on_stop`)."""
        global _stop_asked_early
        if os.getpid() != self.pid:  # a front (or another child) before its own handlers
            _stop_asked_early = True
            return
        super().signal_handler_interrupt(*args, **kwargs)


DRAIN_MAX_S = 5.0  # the longest a stopping front waits for its connections to end


def _drain_on_stop(limit_s: float) -> None:
    """Make each front drain before granian stops it (SIGTERM on a reload or a shutdown,
    SIGINT): :meth:`BufferingFront.drain`, then granian's own shutdown.

    How: granian's worker installs its stop handler with ``granian._signals.
    set_loop_signals``, imported when the worker starts; the fronts are forked from this
    process, so wrapping it here (granian 2.8) puts our handler in its place in each front,
    with granian's event to set when the drain is over; a stop that came earlier, while the
    front was starting (:meth:`_Fronts.signal_handler_interrupt`), starts the drain at once.
    Checked by ``tests/reliability/test_reload_drain.py`` and
    ``tests/reliability/test_stop_at_start.py``."""
    import granian._signals as granian_signals

    original = granian_signals.set_loop_signals
    tasks: set[Any] = set()

    def set_loop_signals(loop: Any) -> Any:
        event = original(loop)

        def on_signal() -> None:
            front = _front
            if not isinstance(front, BufferingFront):
                event.set()
                return
            task = loop.create_task(front.drain(event.set, limit_s))
            tasks.add(task)
            task.add_done_callback(tasks.discard)

        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, on_signal)
        if _stop_asked_early:  # the stop came before these handlers: not lost (_Fronts)
            loop.call_soon(on_signal)
        return event

    granian_signals.set_loop_signals = set_loop_signals


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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

    # The public socket is ours (server.http.edge: half-closing clients get their answer);
    # granian listens on a private loopback port that only the fronts' relays connect to.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.create_server((host, port), family=family, backlog=2048)
    edge = Edge(listener, _free_loopback_port())
    current = _start_generation(configured(), edge)
    _front, _dataset = current.front, current.dataset
    where = f"state in {state_dir}" if state_dir else "remote store"
    log.info(
        "serving %d file(s) on http://%s:%d/sparql (%s; memory allocator: %s; "
        "granian behind the edge on 127.0.0.1:%d)",
        len(config.files),
        host,
        port,
        where,
        allocator.loaded() or "system",
        edge.upstream_port,
    )
    server = _Fronts(
        "seckg",
        address="127.0.0.1",
        port=edge.upstream_port,
        interface=Interfaces.ASGI,
        workers=config.front_workers,
        backlog=2048,
        http1_settings=HTTP1Settings(
            header_read_timeout=int(config.header_timeout_s * 1000),
            # Room for a request head as large as the largest body: a 1 MB request line
            # was closed without an answer at granian's default (408 KiB); now it reaches
            # the front, which answers the documented 414 (issue 20, finding 10). The
            # buffer grows only as a client sends, within --header-timeout, as bodies do.
            max_buffer_size=max(417_792, config.max_body_bytes + 65_536),
            keep_alive=True,
            # Off: with it granian queues a whole answer for a client that does not read
            # (measured: 800 pieces of 64 KiB queued at once); without it, its send waits
            # after ~3 MB, which is what the front's write deadline relies on (issue 20,
            # finding 4; server.http.front.SEND_PIECE).
            pipeline_flush=False,
        ),
        # HTTP/1.1 only. Why: in granian's automatic mode (HTTP/1 or h2 by the first bytes) a
        # connection that sends nothing is never closed - the protocol sniffing has no
        # timeout - and h2 connections that stopped after the preface or mid-HEADERS were
        # held too (issue 20, finding 3: 400 silent sockets held 25 s, 200 held 55 s, and
        # with 200 descriptors 0/8 cheap queries answered). With HTTP/1.1 alone the
        # header timeout runs from the accept: silent, partial-head and idle keep-alive
        # connections are all closed after --header-timeout (measured: 2.0 s, 2.0 s, 1.7 s
        # with 2 s). h2c upgrade requests are answered over HTTP/1.1, as before.
        http=HTTPModes.http1,
        websockets=False,
        log_access=False,
        log_level="warning",
        respawn_failed_workers=True,  # a dead front is replaced (see _Fronts)
        respawn_interval=1.0,  # on reload: the new front runs this long before the old stops
        # A front that has not stopped when its requests' time is up is killed (on shutdown
        # and on reload). Without it the master waits forever: seen three times, a front
        # stuck in granian's own SIGTERM handler (py-spy: WorkerSignal.set) after a
        # shutdown under load; not reproduced in 13 later attempts. (The "refused to
        # gracefully stop" kills seen under reload load were another thing: see
        # _Fronts._spawn_worker.) Room for the drain too (_drain_on_stop).
        workers_kill_timeout=int(config.timeout + DRAIN_MAX_S) + 5,
    )

    def reload() -> None:
        nonlocal current
        global _front, _dataset
        try:
            fresh = _start_generation(configured(), edge)
        except Exception as exc:  # a broken new build: keep serving the old one
            log.error("reload failed, still serving the previous data: %s", exc)
            return
        old, current = current, fresh
        _front, _dataset = fresh.front, fresh.dataset  # the next forked front inherits them
        log.info("reloaded: now serving version %s", fresh.version)
        # The old front finishes its in-flight requests on the old executors; then stop them.
        threading.Timer(config.timeout + 5.0, _retire, args=(old,)).start()

    _drain_on_stop(min(config.header_timeout_s, DRAIN_MAX_S))
    server.on_reload(reload)
    if watch and source_dist is not None:
        _watch(source_dist)
    try:
        server.serve(target_loader=_front_loader, wrap_loader=False)
    finally:
        _retire(current)
