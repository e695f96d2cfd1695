"""The server's state directory: the update journal and a pinned copy of the build it serves.

Why beside the data and not in ``/tmp``: the journal holds acknowledged updates, which must
survive a restart (``/tmp`` may be cleared at boot and was deleted at shutdown before).

Why a pinned copy of the build: ``kg build`` keeps only the newest builds under
``.dist-builds/`` and deletes older ones, so two builds while ``kg serve`` ran used to delete
the build it was serving (``/dumps/`` empty, ``/.well-known/void`` 404; measured). The server
therefore serves a copy made of hard links (no data is copied; a plain copy where links are
impossible) under ``<state>/builds/<build name>``, holds a shared ``flock`` on it while it
runs, and removes only copies that no running server holds.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger("server")

JOURNAL_NAME = "updates.journal"
STATE_DIR_NAME = ".seckg-state"
_IN_USE = ".in-use"
_held: list[int] = []  # lock file descriptors held for the life of the process


def default_state_dir(files: Sequence[Path]) -> Path:
    """``<dir of the first file>/.seckg-state/<hash of the file paths>``.

    Paths are made absolute without resolving symlinks, so ``dist/dataset.trig`` names the
    same state whichever build ``dist`` points to.
    """
    names = "\n".join(os.path.abspath(f) for f in files)
    key = hashlib.sha256(names.encode()).hexdigest()[:12]
    return Path(os.path.abspath(files[0])).parent / STATE_DIR_NAME / key


def prepare(state_dir: Path) -> Path:
    state_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(state_dir, 0o700)  # the journal holds the data; the token holder's updates
    return state_dir


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _hold(directory: Path) -> None:
    fd = os.open(directory / _IN_USE, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_SH)
    _held.append(fd)


def _prune(builds: Path, keep: Path) -> None:
    for old in builds.iterdir():
        if old == keep or not old.is_dir():
            continue
        lock = old / _IN_USE
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue  # another running server serves it
        shutil.rmtree(old, ignore_errors=True)
        os.close(fd)


def pin_build(build: Path, state_dir: Path) -> Path:
    """A copy of ``build`` that no later build can delete, held while this process lives."""
    builds = state_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    real = build.resolve()
    target = builds / real.name
    if not target.is_dir():
        partial = builds / f".{real.name}.partial-{os.getpid()}"
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(real, partial, copy_function=_link_or_copy, symlinks=True)
        os.replace(partial, target)
    _hold(target)
    _prune(builds, keep=target)
    return target
