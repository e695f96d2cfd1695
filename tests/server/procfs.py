"""What the kernel says about the server's processes, from /proc: who is whose child, in which
session, running or ended, and how much CPU they used. (One reader of ``/proc/PID/stat`` for
the live-server helpers and the server, security and reliability tests.)"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProcStat:
    """The fields of ``/proc/PID/stat`` the tests read (proc(5))."""

    name: str  # as in /proc/PID/comm (the process title's first 15 bytes)
    state: str  # R, S, D, Z (zombie: ended, not yet reaped), X, ...
    ppid: int
    session: int
    cpu_ticks: int  # utime + stime, in clock ticks

    @property
    def ended(self) -> bool:
        return self.state in ("Z", "X")


def _parse(stat: str) -> ProcStat:
    # the name is between the first "(" and the last ")": it may itself hold either
    fields = stat[stat.rindex(")") + 2 :].split()
    return ProcStat(
        name=stat[stat.index("(") + 1 : stat.rindex(")")],
        state=fields[0],
        ppid=int(fields[1]),
        session=int(fields[3]),
        cpu_ticks=int(fields[11]) + int(fields[12]),
    )


def proc_stat(pid: int) -> ProcStat | None:
    """One process's stat, or None if it has ended and been reaped."""
    try:
        return _parse(Path(f"/proc/{pid}/stat").read_text())
    except OSError:
        return None


def proc_table() -> dict[int, ProcStat]:
    """Every process of the machine: PID -> its stat (those that end meanwhile are left out)."""
    table: dict[int, ProcStat] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := proc_stat(int(entry.name))) is not None:
            table[int(entry.name)] = stat
    return table


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the processes, in seconds (exited ones count zero)."""
    ticks = sum(stat.cpu_ticks for pid in pids if (stat := proc_stat(pid)) is not None)
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_rate(pids_now: Callable[[], list[int]], window: float = 1.0) -> float:
    """Cores' worth of CPU the processes used over ``window`` seconds (1.0 = one busy core)."""
    pids = pids_now()
    before = cpu_seconds(pids)
    time.sleep(window)
    return (cpu_seconds(pids) - before) / window


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def cpu_spent(pids_now: Callable[[], list[int]], seconds: float, timeout: float) -> bool:
    """Whether the processes use ``seconds`` of CPU within ``timeout``: proof that work runs
    which, unlike a rate over a short window, does not fail when a loaded machine gives them
    only a share of a core (a 0.6 s window saw 0.18 cores at load 18 on 2 cores)."""
    pids = pids_now()
    before = cpu_seconds(pids)
    return wait_for(lambda: cpu_seconds(pids) - before >= seconds, timeout, step=0.05)


def cpu_by_pid(pids: list[int]) -> dict[int, float]:
    """Each process's CPU seconds so far: the start line for :func:`busiest_since`."""
    return {pid: cpu_seconds([pid]) for pid in pids}


def busiest_since(before: dict[int, float], seconds: float, timeout: float) -> int | None:
    """The process of ``before`` that has spent ``seconds`` of CPU since it was taken, the
    most-spending one, within ``timeout``, or None: which executor runs a query, told by
    CPU spent rather than a rate (at load 18 on two cores the busy one got a ninth of a core)."""
    found: list[int] = []

    def check() -> bool:
        spent = {pid: cpu_seconds([pid]) - start for pid, start in before.items()}
        top = max(spent, key=lambda pid: spent[pid])
        if spent[top] >= seconds:
            found.append(top)
        return bool(found)

    wait_for(check, timeout, step=0.05)
    return found[0] if found else None


def scaled(seconds: float) -> float:
    """A liveness bound (how long until a stopped query's executor is replaced, ...) stretched
    by how oversubscribed the machine is: the same bound on an idle machine, ``load / cores``
    times it on a loaded one, where every process, the replacement executor's start included,
    gets only that share of a core. Bounds of the server's own (its query deadline) are not
    scaled: only the margin a test allows for the machine."""
    load = os.getloadavg()[0] / (os.cpu_count() or 1)
    return seconds * max(1.0, load)
