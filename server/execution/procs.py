"""Process hygiene on Linux: children that die with their parent, names, memory caps.

Why: with gunicorn, a SIGKILL of the master left its workers running and holding the
listening socket for ~20 s, so a restart failed with "Connection in use" (measured). Every
process the server forks therefore asks the kernel (``prctl(PR_SET_PDEATHSIG, SIGKILL)``) to
be killed when its parent dies, however the parent dies. Names (``PR_SET_NAME``, shown in
``/proc/PID/comm``, ``ps`` and ``top``) tell the front, the supervisor and the executors of
each lane apart, for operators and for the tests. The memory cap is ``RLIMIT_AS``: a query
that allocates past it fails inside its executor process only.
"""

from __future__ import annotations

import ctypes
import os
import resource
import select
import signal
from pathlib import Path
from typing import Any

_PR_SET_PDEATHSIG = 1
_PR_SET_NAME = 15
_libc = ctypes.CDLL(None, use_errno=True)


def die_with_parent(expected_parent: int) -> None:
    """Be SIGKILLed when the parent exits; exit now if it already has (fork/exit race)."""
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != expected_parent:
        os._exit(1)


def set_name(name: str) -> None:
    """Set this process's (main thread's) name, at most 15 bytes, as ``ps`` shows it."""
    _libc.prctl(_PR_SET_NAME, ctypes.c_char_p(name.encode()[:15]), 0, 0, 0)


def address_space_bytes() -> int:
    """This process's current virtual memory size (``VmSize``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def cap_address_space(extra_bytes: int) -> int:
    """Allow this process ``extra_bytes`` of address space beyond what it maps now.

    Measured against ``VmSize`` at the time of the call (the forked data, libraries, thread
    stacks already reserved), so the cap is what one operation may add, whatever the size of
    the loaded data. Returns the limit set.
    """
    limit = address_space_bytes() + extra_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return limit


def readable(fd: Any, timeout: float) -> bool:
    """Whether ``fd`` (a socket or a descriptor) has data within ``timeout`` seconds.

    poll(), never select(): select() refuses descriptors past 1024, and a front holding a
    thousand idle connections (each is three descriptors there: the client's, the relay's
    and granian's) answered every query with a 500 ("filedescriptor out of range in
    select()", found by bench/attack.py's issue-20 scenario)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(timeout * 1000))
