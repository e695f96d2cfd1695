"""A server stopped just after its first answer stops whole, in time (found by the suite run:
4 of 27 immediate stops left one ``seckg-front`` running until the tests' 10 s kill).

The cause: a front that is still starting (loading the app, opening its snapshot) runs the
master's inherited SIGTERM handler until granian installs the worker's own, and that handler
only set an event in the front's copy of the master: the stop was lost and the master waited
``workers_kill_timeout`` (15 s here) for the front. Now the stop is kept and the front drains
as soon as it can (``server.serve._Fronts.signal_handler_interrupt``).

The promise checked: after SIGTERM every process of the server's tree has ended (a zombie
waiting to be reaped has ended) within the drain's upper limit (``DRAIN_MAX_S``, 5 s) plus
3 s. Bounded: 20 start-request-stop rounds on loopback, about 1.5 minutes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import requests
from live_server import SAMPLE, start_server

from server.serve import DRAIN_MAX_S

ROUNDS = 20
BOUND_S = DRAIN_MAX_S + 3.0


def _living_in_session(sid: int) -> list[str]:
    """The processes of session ``sid`` that have not ended (zombies have), as "PID name"."""
    living = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        name = stat[stat.find("(") + 1 : stat.rfind(")")]
        fields = stat[stat.rfind(")") + 2 :].split()
        state, session = fields[0], int(fields[3])
        if session == sid and state not in ("Z", "X"):
            living.append(f"{entry.name} {name}")
    return living


def test_a_server_stopped_right_after_its_first_answer_ends_whole_in_time(
    tmp_path: Path,
) -> None:
    late: list[str] = []
    for round_ in range(ROUNDS):
        server = start_server(tmp_path, [SAMPLE])
        sid = server.process.pid  # start_server gives each server a session of its own
        try:
            assert requests.get(f"{server.base}/health", timeout=10).status_code == 200
            started = time.monotonic()
            server.process.send_signal(signal.SIGTERM)
            try:
                server.process.wait(timeout=BOUND_S)
            except subprocess.TimeoutExpired:
                pass
            while _living_in_session(sid) and time.monotonic() < started + BOUND_S:
                time.sleep(0.05)
            left = _living_in_session(sid)
            if left:
                late.append(f"round {round_}: {left} after {BOUND_S} s\n{server.log()[-800:]}")
        finally:
            if server.process.poll() is None or _living_in_session(sid):
                os.killpg(sid, signal.SIGKILL)
            server.process.wait(timeout=10)
    assert not late, "\n".join(late)
