"""Query executors and fair admission against a real server on 127.0.0.1: runaway queries
and a memory bomb end only their own executor; the cheap lane stays free; the queue and the
per-client limits answer at once with 503/429 and ``Retry-After``. Bounded: a 5 s query
timeout (the memory bomb's own server: 120 s, its 256 MiB cap stops it first), a handful of
requests."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from leaks import crashes, healthy, workers_up
from live_server import SAMPLE, RunningServer, start_server, stop_server
from procfs import scaled, wait_for

from server.errors import ProtocolError
from server.execution import executors
from server.execution.admission import Admission, AdmissionSettings, text_key
from server.execution.executors import GRACE_S, ExecutorSettings, Job, Reply

TIMEOUT_S = 5.0
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p }"
# 30 doublings of 16 bytes: 16 GiB if nothing stopped it.
BOMB = "SELECT (STRLEN(?a30) AS ?n) WHERE { BIND(\"aaaaaaaaaaaaaaaa\" AS ?a0) " + " ".join(
    f"BIND(CONCAT(?a{i}, ?a{i}) AS ?a{i + 1})" for i in range(30)
) + " }"  # fmt: skip


def get(server: RunningServer, query: str, source: str = "127.0.0.1") -> tuple[int, str, dict]:
    """GET a query from a chosen loopback source address (a distinct client)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30,
                                      source_address=(source, 0))  # fmt: skip
    try:
        conn.request("GET", "/sparql?" + urlencode({"query": query}))
        response = conn.getresponse()
        return (
            response.status,
            response.read().decode(),
            {k.lower(): v for k, v in response.getheaders()},
        )
    finally:
        conn.close()


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    server = start_server(
        tmp_path_factory.mktemp("executors"),
        [SAMPLE],
        timeout=TIMEOUT_S,
        workers=2,
        extra_args=["--no-cache", "--query-memory", "256", "--queue", "1",
                    "--client-concurrent", "2", "--client-seconds", "5",
                    # one front process: per-client accounts are per front (docs/endpoint.md)
                    "--front-workers", "1"],
    )  # fmt: skip
    workers_up(server)
    yield server
    stop_server(server)


def _in_background(server: RunningServer, query: str, source: str, out: list) -> threading.Thread:
    thread = threading.Thread(target=lambda: out.append(get(server, query, source)))
    thread.start()
    return thread


@pytest.fixture(scope="module")
def bomb_srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """A server whose time limit cannot come first: the memory cap is what is tested, and at
    load 18 on two cores the bomb took over 5 s of wall clock to reach 256 MiB, so under the
    module's 5 s limit it was stopped for time (503) before memory (413)."""
    server = start_server(
        tmp_path_factory.mktemp("bomb"),
        [SAMPLE],
        timeout=120.0,
        workers=2,
        extra_args=["--no-cache", "--query-memory", "256", "--front-workers", "1"],
    )
    workers_up(server)
    yield server
    stop_server(server)


def test_a_memory_bomb_gets_413_and_only_its_executor_is_replaced(bomb_srv: RunningServer) -> None:
    srv = bomb_srv
    before = set(workers_up(srv))
    cheap = set(srv.worker_pids("cheap"))
    status, text, _ = get(srv, BOMB, "127.0.0.9")
    assert status == 413 and "memory" in text and "256 MiB" in text, text
    assert wait_for(
        lambda: len(srv.worker_pids()) == 2 and set(srv.worker_pids()) != before, scaled(10)
    )
    assert len(set(srv.worker_pids()) & before) == 1  # the other executor was not touched
    assert set(srv.worker_pids("cheap")) == cheap
    assert "exceeded its memory cap" in srv.log()
    assert healthy(srv) and crashes(srv) == []


def test_runaways_fill_the_heavy_lane_but_not_the_cheap_one(srv: RunningServer) -> None:
    known = "ASK { ?s ?p 42 }"
    assert get(srv, known)[0] == 200  # now known to be fast
    out: list = []
    threads = [_in_background(srv, RUNAWAY, f"127.0.0.{20 + i}", out) for i in range(2)]
    time.sleep(0.5)
    # Both heavy executors are busy: the known-fast query takes the cheap lane at once ...
    started = time.monotonic()
    assert get(srv, known)[0] == 200
    cheap_seconds = time.monotonic() - started
    # ... one new query may wait (queue of 1), the next is turned away with Retry-After.
    waiting: list = []
    waiter = _in_background(srv, "ASK { ?s ?p 43 }", "127.0.0.30", waiting)
    time.sleep(0.3)
    status, text, headers = get(srv, "ASK { ?s ?p 44 }", "127.0.0.31")
    assert status == 503 and "busy" in text and headers["retry-after"] == "1"
    for thread in [*threads, waiter]:
        thread.join(timeout=TIMEOUT_S * 3)
    assert sorted(s for s, _, _ in out) == [503, 503]
    assert all("time limit" in t for _, t, _ in out)
    assert waiting[0][0] == 200  # served once an executor was free
    assert cheap_seconds < TIMEOUT_S  # not stuck behind the runaways
    assert healthy(srv) and crashes(srv) == []


def test_a_runaway_is_stopped_by_its_executors_own_deadline(srv: RunningServer) -> None:
    """The executor's timer ends the query at the time limit: not before it, and well before
    the front's backstop (``GRACE_S`` later) would. The "time limit" message alone does not
    say which of the two stopped it (issue 23: all tests here passed without the timer)."""
    before = set(workers_up(srv))
    started = time.monotonic()
    status, text, _ = get(srv, RUNAWAY + " # deadline", "127.0.0.60")
    elapsed = time.monotonic() - started
    assert status == 503 and "time limit" in text, text
    assert TIMEOUT_S - 0.05 <= elapsed < TIMEOUT_S + GRACE_S / 2, elapsed
    assert wait_for(lambda: len(srv.worker_pids()) == 2 and set(srv.worker_pids()) != before, 10)
    assert "exits to stop a timed-out operation" in srv.log()


def test_per_client_concurrency_and_query_seconds(srv: RunningServer) -> None:
    out: list = []
    client = "127.0.0.40"
    threads = [_in_background(srv, RUNAWAY + f" # {i}", client, out) for i in range(2)]
    time.sleep(0.5)
    status, text, headers = get(srv, "ASK {}", client)
    assert status == 429 and "at a time" in text, text
    assert headers["retry-after"] == "1"
    assert get(srv, "ASK {}", "127.0.0.41")[0] == 200  # another client is not affected
    for thread in threads:
        thread.join(timeout=TIMEOUT_S * 3)
    # Two timeouts spent 10 s of this client's 5 s per minute: refused until refilled.
    status, text, headers = get(srv, "ASK {}", client)
    assert status == 429 and "query time" in text
    assert 1 <= int(headers["retry-after"]) <= 120


# ---------------------------------------------------------------- admission, in process
def _admission(tmp_path: Path, **overrides: float) -> tuple[Admission, list[float]]:
    now = [0.0]
    settings = AdmissionSettings(heavy=1, cheap=1, queue=0, queue_wait_s=0.1,
                                 client_concurrent=2, client_seconds=10, cheap_s=0.1)  # fmt: skip
    settings = AdmissionSettings(**{**settings.__dict__, **overrides})
    return Admission(settings, tmp_path / "lock", clock=lambda: now[0]), now


def test_only_known_fast_texts_use_the_cheap_lane(tmp_path: Path) -> None:
    admission, _ = _admission(tmp_path)
    fast, slow = text_key("ASK {}"), text_key(RUNAWAY)
    with admission.slot("a", slow) as lane:
        assert lane == "heavy"
        with pytest.raises(ProtocolError) as refused:
            with admission.slot("b", slow):
                pass
        assert refused.value.status == 503
    admission.record("a", fast, 0.01, finished=True)
    with admission.slot("a", slow), admission.slot("b", fast) as lane:
        assert lane == "cheap"
    admission.record("a", fast, 5.0, finished=True)  # slow this time: forgotten
    assert not admission.is_fast(fast)


def test_query_seconds_refill_over_a_minute(tmp_path: Path) -> None:
    admission, now = _admission(tmp_path)
    admission.record("a", None, 7.5, finished=True)
    admission.record("a", None, 7.5, finished=True)  # 10 s budget: 5 s in debt
    with pytest.raises(ProtocolError) as refused:
        with admission.slot("a", None):
            pass
    assert refused.value.status == 429 and refused.value.headers["Retry-After"] == "30"
    now[0] = 31.0  # refilled at 10 s per 60 s
    with admission.slot("a", None) as lane:
        assert lane == "heavy"


def test_a_budget_spent_to_the_last_second_is_refused_until_it_refills(tmp_path: Path) -> None:
    """Exactly the budget spent: nothing is left, so 429 (not one more query for free)."""
    admission, now = _admission(tmp_path)
    admission.record("a", None, 10.0, finished=True)  # all of the 10 s
    assert not admission.admits("a")
    now[0] = 6.0  # 1 s back
    assert admission.admits("a")


def test_with_no_queue_a_busy_endpoint_refuses_at_once(tmp_path: Path) -> None:
    """--queue 0: nothing waits for an executor; the refusal says they are all in use."""
    settings = AdmissionSettings(heavy=1, cheap=1, queue=0, queue_wait_s=0.1,
                                 client_concurrent=2, client_seconds=10, cheap_s=0.1)  # fmt: skip
    admission = Admission(settings, tmp_path / "lock")  # a real clock: a wait would end
    with admission.slot("a", None):
        with pytest.raises(ProtocolError) as refused:
            with admission.slot("b", None):
                pass
    assert refused.value.status == 503 and "every query executor is in use" in str(refused.value)
    assert admission.snapshot()["waiting"] == 0


def test_the_least_recently_seen_account_is_forgotten_first(tmp_path: Path) -> None:
    """With room for two accounts, a client seen again is kept over one seen only before it:
    the one in debt is not forgiven because a third address came along."""
    admission, _ = _admission(tmp_path, max_clients=2)
    admission.record("a", None, 15.0, finished=True)  # 10 s budget: 5 s in debt
    admission.record("b", None, 1.0, finished=True)
    admission.record("a", None, 0.0, finished=True)  # seen again: now the most recent
    admission.record("c", None, 1.0, finished=True)  # one account too many: b goes
    assert not admission.admits("a")
    assert admission.admits("b")  # forgotten: a fresh budget


def test_a_queued_operation_that_times_out_frees_its_clients_place(tmp_path: Path) -> None:
    """503 after waiting in the queue: the operation never ran, so it no longer counts
    against its client's concurrency."""
    settings = AdmissionSettings(heavy=1, cheap=1, queue=1, queue_wait_s=0.05,
                                 client_concurrent=1, client_seconds=10, cheap_s=0.1)  # fmt: skip
    admission = Admission(settings, tmp_path / "lock")
    with admission.slot("x", None):
        with pytest.raises(ProtocolError) as refused:
            with admission.slot("a", None):
                pass
        assert refused.value.status == 503 and "became free" in str(refused.value)
    assert admission.admits("a")
    with admission.slot("a", None) as lane:
        assert lane == "heavy"


def test_a_client_that_leaves_stops_its_executor_at_once(srv: RunningServer) -> None:
    """The front notices the disconnect and kills the executor (before the deadline, which
    would log a time-out instead)."""
    before = set(workers_up(srv))
    with socket.create_connection(("127.0.0.1", srv.port), source_address=("127.0.0.50", 0)) as s:
        s.sendall(f"GET /sparql?{urlencode({'query': RUNAWAY + ' # left'})} HTTP/1.1\r\n"
                  "Host: x\r\n\r\n".encode())  # fmt: skip
        time.sleep(0.5)
    assert wait_for(lambda: len(srv.worker_pids()) == 2 and set(srv.worker_pids()) != before, 10)
    # Waited for, not read once: at load 18 an earlier test's executor, replaced at its own
    # deadline, changed the PIDs before this kill was logged.
    assert wait_for(
        lambda: "GET /sparql 499" in (log := srv.log()) and "was stopped (SIGKILL)" in log,
        scaled(10),
    ), srv.log()[-2000:]


def test_a_slot_held_by_a_dead_front_is_taken_over(tmp_path: Path) -> None:
    """A front process killed while it held an executor slot leaks nothing: the slot's owner
    PID is dead, so the next request takes it over (and the lock is the kernel's to free)."""
    admission, _ = _admission(tmp_path)
    child = os.fork()
    if child == 0:  # a "front" that takes the only heavy slot and dies holding it
        with admission.slot("x", None):
            os._exit(0)
    os.waitpid(child, 0)
    assert admission.snapshot()["free_heavy"] == 0  # still marked as held ...
    with admission.slot("a", None) as lane:  # ... and taken over
        assert lane == "heavy"


# ------------------------------------------------------------------ executors, in process
class _Dataset:
    """What an executor asks of its dataset before running a job (nothing to evaluate)."""

    store = None

    def sync(self) -> None:
        pass


def test_an_executor_out_of_python_memory_answers_413(monkeypatch: pytest.MonkeyPatch) -> None:
    """A MemoryError raised in Python (serialising a result, not in the engine, which
    aborts) is answered with the 'memory' refusal before the executor exits."""

    def exhausted(dataset: object, job: Job) -> Reply:
        raise MemoryError

    monkeypatch.setattr(executors, "perform", exhausted)
    front, executor = socket.socketpair()
    with front, executor:
        front.settimeout(5)
        executors.send_message(front, Job("query", "ASK {}", None, 30.0))
        try:
            with pytest.raises(MemoryError):
                executors._serve_one(executor, _Dataset())  # type: ignore[arg-type]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)  # whatever the code under test left
        front.recv(executors._HEADER.size)
        reply = executors.recv_message(front)
    assert (reply.status, reply.message) == (413, "memory")


ready = threading.Event()  # the fake executor listens


def _fake_executor(
    settings: ExecutorSettings, pid: int, reason: str | None, after_s: float
) -> None:
    """Accept one job on the heavy lane, say it runs as ``pid``, and hang up after
    ``after_s`` having left ``reason`` where the supervisor would."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(str(settings.socket_path("heavy")))
        listener.listen(1)
        ready.set()
        conn, _ = listener.accept()
        with conn:
            executors.recv_message(conn)
            conn.sendall(executors._HEADER.pack(pid))
            time.sleep(after_s)
            if reason is not None:
                (settings.socket_dir / f"exit-{pid}").write_text(reason)


@pytest.mark.parametrize(
    ("reason", "after_s", "outcome"),
    [("lost", 0.4, executors.ExecutorLost), ("timeout", 0.4, executors.OperationTimeout),
     (None, 0.4, executors.OperationTimeout), (None, 0.0, executors.ExecutorLost)],
)  # fmt: skip
def test_an_executor_that_dies_is_reported_for_its_reason(
    tmp_path: Path, reason: str | None, after_s: float, outcome: type[Exception]
) -> None:
    """The supervisor's reason decides (a crash after the time limit is a lost executor,
    not a time-out); only without one does the time it ran say whether it was the deadline
    (the job's limit here: 0.3 s)."""
    settings = ExecutorSettings(heavy=1, cheap=0, memory_bytes=0, socket_dir=tmp_path)
    ready.clear()
    pid = 2**22 + 12345  # above pid_max: never a process of ours to signal
    fake = threading.Thread(target=_fake_executor, args=(settings, pid, reason, after_s))
    fake.start()
    assert ready.wait(5)
    try:
        with pytest.raises(outcome):
            executors.ExecutorClient(settings).run("heavy", Job("query", "ASK {}", None, 0.3))
    finally:
        fake.join(10)
