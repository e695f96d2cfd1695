"""Query executors: pre-forked processes that evaluate SPARQL with a deadline and a memory cap.

Why processes, and why forked from a supervisor: Oxigraph evaluates in native code with no
cancellation API, so the only way to stop a runaway query is to end the process running it
(measured: a 6-way cartesian product burns a core for hours; 26 nested ``CONCAT`` doublings
reached 1.6 GB in 3.4 s). Ending the web server's own worker is not an option with granian,
which shuts the whole server down when a worker exits (measured). So queries run here,
away from the front:

* The master prepares the data's snapshot (``server.data.snapshots``), then forks the
  **supervisor** while still single-threaded. The supervisor forks the executors, each of
  which opens the snapshot for itself (read-only from disk, or its own in-memory copy when
  small), and forks a replacement whenever one exits.
* Each **executor** serves one operation at a time from its lane's Unix socket (the kernel
  hands a connection to an idle executor, as in a pre-fork server). Before evaluating, it
  arms a real-time timer whose signal (``SIGALRM``, default action) ends the process at the
  deadline, whatever native code is running; and it runs under ``RLIMIT_AS``, so a memory
  bomb fails in that process only. Nothing else is disturbed: the front and the other
  executors keep serving.
* The **front** (:class:`ExecutorClient`) connects, learns the executor's PID, sends the
  job, and waits for the reply. A connection that ends without a reply means the executor
  died: at the deadline that is the timeout (503); before it, the memory cap (413). As a
  backstop the front SIGKILLs an executor that overruns the deadline by ``GRACE_S``.

Every process asks to die with its parent (:mod:`server.execution.procs`), so a SIGKILL of the
master takes everything down at once and a restart can bind the port immediately.

Lanes: executors of the ``cheap`` lane take only queries known to be fast (see
:mod:`server.execution.admission`); ``heavy`` executors take everything else, at a lower CPU
priority, so runaway queries can neither occupy every executor nor slow the cheap lane much.
"""

from __future__ import annotations

import errno
import logging
import os
import pickle
import resource
import signal
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from ..data.dataset import Dataset
from ..errors import OperationTimeout, ProtocolError
from ..formats import FORMATS, Format, ResultKind, negotiate, supported_media_types
from . import procs
from .execute import QueryJob, evaluate
from .runner import OPERATION_STACK_BYTES

log = logging.getLogger("server")

LANES = ("heavy", "cheap")
GRACE_S = 2.0  # the front's backstop beyond the executor's own timer
# An operation whose client has left is stopped once it has run this long; a shorter one is
# left to finish. Replacing an executor costs more than a short query: the new one reads its
# own in-memory copy of small data again (~1 s of CPU at 100k triples), and wrk ending a
# benchmark cell abandoned 2-3 queries each time (measured: 151-184 req/s instead of ~280 on
# the 100k CQ mix, bench/RESULTS.md, issue 12).
ABANDON_AFTER_S = 1.0
HEAVY_NICENESS = 19  # heavy-lane executors yield the CPU to the cheap lane and the front
SLACK_BYTES = 256 * 1024 * 1024  # malloc arenas, Python's own arenas, serialization buffers
_HEADER = struct.Struct("!Q")
RECYCLED = 4  # exit code: replaced because it un-shared too much of the store
PRIVATE_CHECK_S = 1.0  # look at /proc/self/smaps_rollup at most this often (~2 ms at 1M) ...
LONG_OPERATION_S = 0.05  # ... and after every operation that took longer than this
_FORMAT_BY_KEY = {(f.kind, f.key): f for f in FORMATS}


class OperationOutOfMemory(Exception):
    """The operation's executor went past its memory cap and was replaced."""


class OperationAbandoned(Exception):
    """The client left while its operation ran; the executor was stopped and replaced."""


class ExecutorLost(Exception):
    """The operation's executor died for another reason (killed, crashed) and was replaced."""


class ExecutorsUnavailable(Exception):
    """No executor took the operation: the supervisor is being restarted (or stopped)."""


@dataclass(frozen=True)
class Job:
    """One operation for an executor: everything it needs, nothing from HTTP."""

    kind: str  # "query" or "update"
    text: str
    base_iri: str | None
    timeout: float
    query: QueryJob | None = None
    accept: str = ""
    format_params: tuple[str, ...] = ()
    chosen: tuple[str, str] | None = None  # (kind value, format key) negotiated by the front
    prefixes: dict[str, str] = field(default_factory=dict)
    # an update's named graphs to compare before and after (server.checks.effect); None: all
    graphs: frozenset[str] | None = None


@dataclass(frozen=True)
class Reply:
    status: int  # 200, or the HTTP status of a refusal
    message: str = ""
    body: bytes = b""
    format: tuple[str, str] | None = None
    rows: int = 0
    truncated: bool = False
    cpu_s: float = 0.0  # CPU time the executor spent: how the cheap lane judges a query


@dataclass(frozen=True)
class ExecutorSettings:
    heavy: int
    cheap: int
    memory_bytes: int
    socket_dir: Path
    private_bytes: int = 0  # replace an executor past this much un-shared memory (0: never)

    def socket_path(self, lane: str) -> Path:
        return self.socket_dir / f"{lane}.sock"

    @property
    def supervisor_file(self) -> Path:
        """Where the master writes the PID of the lanes' current supervisor (for /health)."""
        return self.socket_dir / "supervisor.pid"

    def configured(self) -> dict[str, int]:
        return {"heavy": self.heavy, "cheap": self.cheap}


def _process_state(pid: int) -> tuple[str, str] | None:
    """(name, state letter) of a live process, ``None`` when it is gone or a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    state = stat.rsplit(")", 1)[1].split()[0]
    return None if state in ("Z", "X") else (name, state)


def executors_alive(settings: ExecutorSettings) -> dict[str, int]:
    """Executors of each lane that can take work now, read from ``/proc``: the children of
    the running supervisor that are alive and have opened their snapshot (named for their lane;
    ``seckg-loading`` before). A stopped supervisor (``T``) or a dead one counts
    as none: nothing would accept or replace them. Why from ``/proc``: a probe connection
    would occupy an executor; this costs a few small reads and no executor time."""
    counts = dict.fromkeys(LANES, 0)
    try:
        supervisor = int(settings.supervisor_file.read_text())
    except (OSError, ValueError):
        return counts
    state = _process_state(supervisor)
    if state is None or state[0] != "seckg-supervise" or state[1] in ("T", "t"):
        return counts
    try:
        children = Path(f"/proc/{supervisor}/task/{supervisor}/children").read_text().split()
    except OSError:
        return counts
    for child in children:
        found = _process_state(int(child))
        if found is not None and found[0].startswith("seckg-") and found[1] not in ("T", "t"):
            lane = found[0].removeprefix("seckg-")
            if lane in counts:
                counts[lane] += 1
    return counts


# ------------------------------------------------------------------------- wire format
_FRAME = struct.Struct("!QQ")  # the pickled message's length, then the raw body's
_TIMEVAL = struct.Struct("@ll")  # struct timeval, for SO_RCVTIMEO
BIG_MESSAGE = 65536


def send_message(sock: socket.socket, value: object) -> None:
    """``value`` pickled; a :class:`Reply`'s body follows the pickle as raw bytes.

    Why the body travels outside the pickle: a reply pickled whole is read into one buffer
    of its size and then copied into the body by ``pickle.loads``, so a 45 MB answer took
    90 MB in the front while it arrived (and as much again to pickle it in the executor);
    under mimalloc the freed buffer also stayed resident: one 45 MB answer to a client that
    does not read raised a front's RSS by 118 MB at its peak and 77 MB while it was held,
    with glibc's malloc by 69 and 56 MB (issue 20's front bound; ``bench/RESULTS.md``). Read
    on its own, the body is received straight into the bytes object the front then sends."""
    body = b""
    if isinstance(value, Reply) and value.body:
        body = value.body
        value = replace(value, body=b"")
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    if len(data) + len(body) < BIG_MESSAGE:
        sock.sendall(_FRAME.pack(len(data), len(body)) + data + body)  # one system call
    else:  # a large answer: no copy to prepend the frame
        sock.sendall(_FRAME.pack(len(data), len(body)) + data)
        sock.sendall(body)


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    """``size`` bytes, received into the bytes object returned: one allocation, no copy.

    MSG_WAITALL fills the whole buffer in one call on a blocking socket; a socket with a
    Python timeout is non-blocking, and there it returned what had arrived so far, so a big
    answer was read in pieces and joined - a second copy of it. So the timeout is given to
    the kernel (SO_RCVTIMEO) for the call. Short only at the end of the stream, on a signal
    or at the timeout."""
    timeout = sock.gettimeout()
    if timeout is None or size < BIG_MESSAGE:
        data = sock.recv(size, socket.MSG_WAITALL)
    else:
        sock.settimeout(None)
        seconds = max(timeout, 0.001)
        when = _TIMEVAL.pack(int(seconds), int(seconds % 1 * 1_000_000))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, when)
        try:
            data = sock.recv(size, socket.MSG_WAITALL)
        except BlockingIOError:  # SO_RCVTIMEO expired with nothing received
            raise TimeoutError("timed out") from None
        finally:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, _TIMEVAL.pack(0, 0))
            sock.settimeout(timeout)
    if len(data) == size:
        return data
    if not data:
        raise EOFError("connection closed")
    chunks = bytearray(data)
    while len(chunks) < size:
        chunk = sock.recv(min(size - len(chunks), 1 << 20))
        if not chunk:
            raise EOFError("connection closed")
        chunks += chunk
    return bytes(chunks)


def recv_message(sock: socket.socket) -> Any:
    # Only processes of this server connect: the sockets live in the state directory (0700).
    size, body_size = _FRAME.unpack(_recv_exact(sock, _FRAME.size))
    value = pickle.loads(_recv_exact(sock, size))  # noqa: S301
    if body_size:
        value = replace(value, body=_recv_exact(sock, body_size))
    return value


# ---------------------------------------------------------------------- executor side
def format_of(ref: tuple[str, str]) -> Format:
    return _FORMAT_BY_KEY[(ResultKind(ref[0]), ref[1])]


def _choose(job: Job) -> Callable[[ResultKind], Format | None]:
    chosen = format_of(job.chosen) if job.chosen else None

    def choose(actual: ResultKind) -> Format | None:
        if chosen is not None and chosen.kind is actual:
            return chosen  # the usual case: no need to parse Accept again (~10 us)
        accept = parse_accept_header(job.accept or None, MIMEAccept)
        fmt = negotiate(actual, job.format_params, accept)
        if fmt is None:
            offered = ", ".join(supported_media_types(actual))
            raise ProtocolError(
                406, f"none of the requested formats is available; offered: {offered}"
            )
        return fmt

    return choose


def perform(dataset: Dataset, job: Job) -> Reply:
    """Run one job on this process's dataset; engine errors become client errors."""
    try:
        if job.kind == "update":
            try:
                dataset.update(job.text, job.base_iri, job.graphs)
            except OSError as exc:
                # Before, this left the executor's loop as "the front gave up": the client was
                # told its executor "was replaced" and nothing was logged (issue 20, finding
                # 10). A full disk says so, in the log and to the client.
                full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
                frozen = exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
                log.error(
                    "an update could not be stored in the state directory: %s%s",
                    exc.strerror or exc,
                    " (the state filesystem is full; free space or move --state-dir)"
                    if full
                    else " (the state directory is read-only: updates are refused)"
                    if frozen
                    else "",
                )
                what = (
                    "the server's disk is full"
                    if full
                    else "this server's data is read-only: updates are refused"
                    if frozen
                    else "the server could not store it"
                )
                return Reply(
                    503,
                    f"{what}: the update was not acknowledged; /health's version tells "
                    "whether it was applied",
                )
            return Reply(200, "update applied")
        assert job.query is not None
        outcome = evaluate(dataset.store, job.query, _choose(job), job.prefixes)
        fmt = outcome.format
        return Reply(
            200, "", outcome.body, (fmt.kind.value, fmt.key), outcome.rows, outcome.truncated
        )
    except ProtocolError as exc:
        return Reply(exc.status, exc.message)
    except SyntaxError as exc:
        return Reply(400, f"syntax error: {exc}")
    except (ValueError, RuntimeError) as exc:
        return Reply(400, f"evaluation error: {str(exc)[:500]}")


def _serve_one(conn: socket.socket, dataset: Dataset) -> None:
    conn.settimeout(10.0)  # the front sends the job right after connecting
    conn.sendall(_HEADER.pack(os.getpid()))
    job: Job = recv_message(conn)
    dataset.sync()
    dataset.store  # noqa: B018 - (re)open a new version's snapshot outside the CPU count
    # The deadline: SIGALRM's default action ends this process, in whatever native code.
    signal.setitimer(signal.ITIMER_REAL, job.timeout)
    before = resource.getrusage(resource.RUSAGE_SELF)
    try:
        reply = perform(dataset, job)
    except MemoryError:
        signal.setitimer(signal.ITIMER_REAL, 0)
        send_message(conn, Reply(413, "memory"))
        raise
    signal.setitimer(signal.ITIMER_REAL, 0)
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    conn.settimeout(None)  # the front reads promptly; it is local
    object.__setattr__(reply, "cpu_s", cpu)  # a fresh object of ours: no copy needed
    send_message(conn, reply)


def executor_main(
    lane: str,
    listener: socket.socket,
    dataset: Dataset,
    memory_bytes: int,
    parent: int,
    private_bytes: int = 0,
) -> None:
    """Set up one executor process and run its loop; never returns (exits on error or by
    signal)."""
    procs.die_with_parent(parent)
    # Named for its lane only once its snapshot is open: /health counts executors by name, and
    # at load 18 on two cores a heavy executor (niced) took over 10 s to open it while /health
    # already said ok, so the first queries of a "healthy" server got 503 after 10 s.
    procs.set_name("seckg-loading")
    os.environ["RUST_BACKTRACE"] = "0"  # a failed allocation aborts: one line in the log
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    dataset.sync()
    dataset.store  # noqa: B018 - open this process's snapshot now, not in the first query
    # Niced only after opening it: at nice 19 on a machine at load 18 (two cores) the heavy
    # executors got 1 s of CPU in 265 s and never opened it (/health said unavailable).
    if lane == "heavy":
        os.nice(HEAVY_NICENESS)
    procs.set_name(f"seckg-{lane}")
    # The loop runs on one thread with a large stack (Oxigraph recurses deeply; see
    # server.checks.limits); starting it before the cap keeps its reserved stack out of the cap's
    # accounting. One thread for every job: no hand-off per operation.
    done = threading.Event()
    ended: list[int] = [3]
    thread = _big_stack_thread(
        lambda: ended.__setitem__(0, _loop(listener, dataset, done, private_bytes))
    )
    procs.cap_address_space(memory_bytes + OPERATION_STACK_BYTES + SLACK_BYTES)
    done.set()
    thread.join()
    os._exit(ended[0])  # 3: the loop ended on a MemoryError; RECYCLED: too much un-shared


def _big_stack_thread(target: Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=target, name="executor", daemon=True)
    previous = threading.stack_size(OPERATION_STACK_BYTES)
    try:
        thread.start()
    finally:
        threading.stack_size(previous)
    return thread


def _loop(
    listener: socket.socket, dataset: Dataset, ready: threading.Event, private_bytes: int = 0
) -> int:
    """Serve operations; return the exit code when this executor should be replaced."""
    ready.wait()  # the memory cap is in place
    checked = time.monotonic()
    while True:
        conn, _ = listener.accept()
        started = time.monotonic()
        with conn:
            try:
                _serve_one(conn, dataset)
            except MemoryError:
                return 3  # replaced by the supervisor; this process's state is doubtful
            except (OSError, EOFError):
                continue  # the front gave up on this job; serve the next
        # The answer is sent: if this process has copied too much of the shared store, a
        # fresh fork (sharing everything again) takes its place. The check reads
        # smaps_rollup (~2 ms at 600 MB): after every long operation (one query can copy
        # 300 MB at 1M), else at most once per PRIVATE_CHECK_S.
        now = time.monotonic()
        if private_bytes and (
            now - started >= LONG_OPERATION_S or now - checked >= PRIVATE_CHECK_S
        ):
            checked = now
            if private_memory() > private_bytes:
                return RECYCLED


def private_memory() -> int:
    """Bytes of this process's memory not shared with others (copied-on-write pages incl.)."""
    try:
        with open("/proc/self/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Private_Dirty:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


# -------------------------------------------------------------------- supervisor side
def exit_reason(status: int) -> str:
    """``timeout``, ``memory`` or ``lost``: what the front tells the operation's client."""
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGALRM:
            return "timeout"
        return "memory" if sig == signal.SIGABRT else "lost"
    return "memory" if os.WEXITSTATUS(status) == 3 else "lost"


def _describe_exit(pid: int, status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGALRM:
            return f"executor {pid} exits to stop a timed-out operation; starting a new one"
        if sig == signal.SIGABRT:
            return f"executor {pid} stopped: an operation exceeded its memory cap"
        if sig in (signal.SIGKILL, signal.SIGTERM):
            return f"executor {pid} was stopped ({signal.Signals(sig).name}); starting a new one"
        # Anything else (SIGSEGV: a stack overflow) is a crash and is logged as such.
        return f"executor (pid:{pid}) was sent {signal.Signals(sig).name}!"
    code = os.WEXITSTATUS(status)
    if code == 3:
        return f"executor {pid} stopped: an operation exceeded its memory cap"
    if code == RECYCLED:
        return f"executor {pid} replaced: it had copied too much of the shared store"
    return f"executor (pid:{pid}) exited with code {code}"


def supervise(
    settings: ExecutorSettings,
    listeners: dict[str, socket.socket],
    dataset: Dataset,
    parent: int,
) -> None:
    """Fork the executors and replace each one that exits; never returns."""
    procs.die_with_parent(parent)
    procs.set_name("seckg-supervise")
    me = os.getpid()
    children: dict[int, str] = {}
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)

    def spawn(lane: str) -> None:
        dataset.sync()  # replacements start from the latest updates
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                executor_main(
                    lane,
                    listeners[lane],
                    dataset,
                    settings.memory_bytes,
                    me,
                    settings.private_bytes,
                )
            except BaseException:
                log.exception("executor failed")
                code = 1
            finally:
                os._exit(code)
        children[pid] = lane

    for lane, count in (("heavy", settings.heavy), ("cheap", settings.cheap)):
        for _ in range(count):
            spawn(lane)
    recent: list[float] = []
    while not stopping:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            time.sleep(0.1)
            continue
        ended = children.pop(pid, None)
        if ended is None:
            continue
        message = _describe_exit(pid, status)
        _write_reason(settings.socket_dir, pid, exit_reason(status))
        expected = ("timed-out", "memory", "was stopped (")
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == RECYCLED:
            log.info(message)
        else:
            (log.warning if any(e in message for e in expected) else log.error)(message)
        now = time.monotonic()
        recent = [t for t in recent if now - t < 1.0] + [now]
        if len(recent) > 20:  # a crash loop: do not spin
            time.sleep(0.2)
        spawn(ended)


def _write_reason(directory: Path, pid: int, reason: str) -> None:
    """Tell the front why executor ``pid`` ended (read once, by the request it was serving)."""
    try:
        (directory / f"exit-{pid}").write_text(reason)
        stale = sorted(directory.glob("exit-*"), key=lambda p: p.stat().st_mtime)
        for old in stale[:-256]:  # nobody asked about these
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _read_reason(directory: Path, pid: int, wait_s: float = 2.0) -> str | None:
    path = directory / f"exit-{pid}"
    deadline = time.monotonic() + wait_s
    while True:
        try:
            reason = path.read_text()
            path.unlink(missing_ok=True)
            return reason
        except FileNotFoundError:
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.01)


def start_executors(settings: ExecutorSettings, dataset: Dataset) -> int:
    """Bind the lanes' sockets and fork the supervisor; returns its PID."""
    settings.socket_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(settings.socket_dir, 0o700)
    listeners: dict[str, socket.socket] = {}
    for lane in LANES:
        path = settings.socket_path(lane)
        path.unlink(missing_ok=True)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(str(path))
        sock.listen(128)
        listeners[lane] = sock
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        try:
            supervise(settings, listeners, dataset, parent)
        finally:
            os._exit(1)
    for sock in listeners.values():
        sock.close()  # the front connects by path
    temporary = settings.supervisor_file.with_suffix(".tmp")
    temporary.write_text(str(pid))
    temporary.replace(settings.supervisor_file)
    return pid


# ------------------------------------------------------------------------- front side
class ExecutorClient:
    """The front's handle on the executors: send a job to a lane, get its reply."""

    def __init__(self, settings: ExecutorSettings) -> None:
        self.settings = settings

    def run(self, lane: str, job: Job, gone: threading.Event | None = None) -> Reply:
        """The executor's reply, or OperationTimeout / OperationOutOfMemory / ExecutorLost,
        or OperationAbandoned when ``gone`` is set (the client left) before the reply."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            # Admission lets through only as many operations as there are executors, so an
            # idle one accepts at once; a replacement being forked takes milliseconds.
            sock.settimeout(10.0)
            try:
                sock.connect(str(self.settings.socket_path(lane)))
                send_message(sock, job)  # buffered by the kernel until an executor accepts
                (pid,) = _HEADER.unpack(_recv_exact(sock, _HEADER.size))
            except (OSError, EOFError):
                # No socket (the supervisor is being restarted), or nobody accepted within
                # 10 s: nothing ran. Before, this was a 500 with a traceback per request.
                raise ExecutorsUnavailable() from None
            started = time.monotonic()
            deadline = started + job.timeout + GRACE_S
            # Wait in short steps, so that a client leaving stops the work within ~0.1 s.
            while not procs.readable(sock, 0.1):
                now = time.monotonic()
                if gone is not None and gone.is_set() and now - started >= ABANDON_AFTER_S:
                    _kill(pid)
                    raise OperationAbandoned()
                if now > deadline:
                    _kill(pid)
                    raise OperationTimeout()
            sock.settimeout(max(1.0, deadline - time.monotonic()))
            try:
                reply: Reply = recv_message(sock)
            except TimeoutError:
                _kill(pid)
                raise OperationTimeout() from None
            except (EOFError, ConnectionError):
                ran = time.monotonic() - started
                reason = _read_reason(self.settings.socket_dir, pid)
                if reason == "timeout" or (reason is None and ran >= job.timeout - 0.05):
                    raise OperationTimeout() from None
                if reason == "memory":
                    raise OperationOutOfMemory() from None
                raise ExecutorLost() from None
        if reply.status == 413 and reply.message == "memory":
            raise OperationOutOfMemory()
        return reply


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
