"""What the kernel says about the server's processes: CPU time and children, from /proc."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the processes, in seconds (exited ones count zero)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime + stime
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
