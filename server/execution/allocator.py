"""Serve on mimalloc when the system has it: the engine allocates per solution, per query.

Why (measured on this machine, pyoxigraph 0.5.13, in process, the 19 CQs with JSON results,
median of 7 runs each, ``LD_PRELOAD`` set or not; issue 12): on the 100k-triple benchmark
graph the sum of the medians was 96-102 ms with glibc's malloc, 88-89 with jemalloc and
87-88 with mimalloc, and the small questions ran twice as fast (0.20 -> 0.10 ms); glibc's
own tunables (``MALLOC_MMAP_THRESHOLD_``, ``MALLOC_TOP_PAD_``, ``MALLOC_ARENA_MAX``) changed
nothing. Over HTTP at 8 clients, the same server with mimalloc answered 269-288 req/s of the
CQ mix against 237-257 without it (interleaved runs, ``oxigraph serve`` 306-348).

An allocator cannot be swapped inside a running process, so the server's entry points
(``kg serve``, ``python -m server``) call :func:`reexec_with_allocator` first: it replaces
the process with itself (same pid, arguments and environment) under
``LD_PRELOAD=libmimalloc.so.2``; every front and executor is forked from it and inherits
the allocator. Without the library (Debian: ``libmimalloc2.0``) nothing changes.
``SECKG_MALLOC=system`` keeps glibc's allocator; ``SECKG_MALLOC=<library>`` preloads another
(e.g. ``libjemalloc.so.2``).
"""

from __future__ import annotations

import ctypes.util
import logging
import os
import sys
from pathlib import Path

ENV = "SECKG_MALLOC"
_TRIED = "SECKG_MALLOC_TRIED"  # set across the exec: never loop if preloading fails

log = logging.getLogger("server")


def wanted() -> str | None:
    """The library to preload: ``None`` for the system allocator."""
    choice = os.environ.get(ENV, "auto").strip()
    if choice == "system" or sys.platform != "linux":
        return None
    if choice and choice != "auto":
        return choice
    return ctypes.util.find_library("mimalloc")  # e.g. "libmimalloc.so.2", via ldconfig


def loaded() -> str | None:
    """The preloaded allocator library mapped into this process, if any (for the log)."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    for name in ("mimalloc", "jemalloc", "tcmalloc"):
        if f"lib{name}" in maps:
            return name
    return None


def reexec_with_allocator() -> None:
    """Replace this process with itself under ``LD_PRELOAD`` of :func:`wanted` (once)."""
    library = wanted()
    if library is None or os.environ.get(_TRIED):
        return
    preloaded = os.environ.get("LD_PRELOAD", "").split()
    if library in preloaded:
        return
    env = {**os.environ, "LD_PRELOAD": " ".join([library, *preloaded]), _TRIED: "1"}
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], env)
    except OSError as exc:  # keep serving on the system allocator
        log.warning("could not restart on %s (%s): using the system allocator", library, exc)
