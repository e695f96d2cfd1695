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

import errno
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
    try:
        os.chmod(state_dir, 0o700)  # the journal holds the data; the token holder's updates
    except OSError as exc:
        if not read_only(state_dir):
            raise
        log.warning(
            "the state directory %s is read-only (%s): serving reads; updates are refused",
            state_dir,
            exc.strerror,
        )
    return state_dir


def read_only(directory: Path) -> bool:
    """Whether nothing can be written in ``directory`` (a read-only mount, or no write
    permission): then the server serves reads and refuses updates (issue 20, finding 7)."""
    return not os.access(directory, os.W_OK) or bool(os.statvfs(directory).f_flag & os.ST_RDONLY)


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def hold(lock: Path) -> int:
    """A shared ``flock`` on ``lock`` (created if missing): what it guards is in use while
    the returned descriptor is open (here, or in a process that inherited it)."""
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        if exc.errno not in (errno.EROFS, errno.EACCES):
            raise
        # A read-only state directory (issue 20, finding 7: replacement executors
        # crash-looped here): nothing can prune it, so a read-only hold is enough.
        fd = os.open(lock if lock.exists() else lock.parent, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_SH)
    return fd


def remove_unless_held(lock: Path, *paths: Path) -> bool:
    """Delete ``paths`` (directories or files) if no process holds ``lock`` (see
    :func:`hold`); never waits. Used for pinned builds here and for data snapshots
    (server.data.snapshots)."""
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # some running process still uses it
    else:
        for path in paths:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        return True
    finally:
        os.close(fd)


def fsync_directory(path: Path) -> None:
    """Make the entries of ``path`` (a file created, renamed) survive a power loss."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _prune(builds: Path, keep: Path) -> None:
    for old in builds.iterdir():
        if old != keep and old.is_dir():
            remove_unless_held(old / _IN_USE, old)


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
    _held.append(hold(target / _IN_USE))
    _prune(builds, keep=target)
    return target
