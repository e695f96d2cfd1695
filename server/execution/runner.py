"""Run an operation on a pooled big-stack thread, waiting for it at most until a deadline.

A Python thread cannot be interrupted, and Oxigraph evaluates a query in native code with the
GIL released, so a runaway query cannot be stopped from inside the process: the served
set-up runs operations in executor processes that end at the deadline
(:mod:`server.execution.executors`), which use this runner for its large stack. ``create_app`` alone
(embedding, tests) uses it directly: the caller gets its 503 on time, and the abandoned
thread runs to completion in the background.
"""

from __future__ import annotations

import os
import queue
import threading
import traceback
from collections.abc import Callable
from typing import TypeVar

from ..errors import OperationTimeout

T = TypeVar("T")

MAX_IDLE_THREADS = 8
# Stack of the threads that run operations. Oxigraph's parser and planner recurse per nesting
# level and per element of long flat chains; a stack overflow kills the worker process, not
# just the request. Most of this is only reserved address space: pages are committed when a
# deep operation touches them. :mod:`server.checks.limits` keeps operations well inside it.
OPERATION_STACK_BYTES = 64 * 1024 * 1024
_stack_lock = threading.Lock()


class _Thread:
    """A long-lived daemon thread that runs the jobs it is given, one at a time.

    Reusing threads matters: the first engine call on a new OS thread costs several hundred
    microseconds (thread-local set-up in the native library), more than a cheap query.
    """

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        thread = threading.Thread(target=self._loop, name="sparql-operation", daemon=True)
        # threading.stack_size() is process-wide: set it only around this thread's start.
        with _stack_lock:
            previous = threading.stack_size(OPERATION_STACK_BYTES)
            try:
                thread.start()
            finally:
                threading.stack_size(previous)

    def _loop(self) -> None:
        while True:
            self.jobs.get()()


class BoundedRunner:
    """Runs work on pooled threads and stops waiting for it at a deadline.

    A thread whose job missed the deadline is abandoned (never reused): it is still busy.
    The pool is per process; after a fork the child starts with an empty pool, because
    threads do not survive ``fork``.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[_Thread] = []
        self._pid = os.getpid()

    def _take(self) -> _Thread:
        with self._lock:
            if self._pid != os.getpid():
                self._idle, self._pid = [], os.getpid()
            if self._idle:
                return self._idle.pop()
        return _Thread()

    def _give_back(self, thread: _Thread) -> None:
        with self._lock:
            if self._pid == os.getpid() and len(self._idle) < MAX_IDLE_THREADS:
                self._idle.append(thread)

    def run(self, work: Callable[[], T], timeout: float) -> T:
        """Return ``work()`` or raise :class:`OperationTimeout` after ``timeout`` seconds."""
        values: list[T] = []
        errors: list[BaseException] = []
        done = threading.Event()

        def job() -> None:
            try:
                values.append(work())
            except BaseException as exc:  # re-raised in the caller's thread
                # Drop the frames' locals here: they may hold engine objects that must not
                # be released from another thread. Line numbers stay for the log.
                traceback.clear_frames(exc.__traceback__)
                errors.append(exc)
            finally:
                done.set()

        thread = self._take()
        thread.jobs.put(job)
        if not done.wait(timeout):
            raise OperationTimeout()
        self._give_back(thread)
        if errors:
            raise errors[0]
        return values[0]


_default_runner = BoundedRunner()


def run_bounded(work: Callable[[], T], timeout: float) -> T:
    """Run ``work`` under a deadline on this process's shared thread pool."""
    return _default_runner.run(work, timeout)
