"""The served data on disk: one read-only Oxigraph (RocksDB) snapshot per dataset version.

Why not the in-memory store every process used to share by ``fork``: Oxigraph's in-memory
store writes to the memory it reads, so a forked process that answers queries copies the
whole store. Measured at 1M triples (issue 12): a child that ran the 19 competency questions
had 529 of its 641 MB private; the server's seven processes reached PSS 2.1 GB (RSS sum
5.2 GB) after one ``bench/endpoint.py`` run. A snapshot opened read-only is read through the
kernel's page cache, which every process shares and which is not part of any process's RSS,
plus a small block cache per process: a process that ran every CQ on the 1M snapshot held
126 MB. The price is engine time: the CQ mix took 1.8x (seed graph) to 3.4x (1M) as long as
in memory (``bench/RESULTS.md``).

Layout, under ``<state dir>/store/``:

* ``<version>/`` - an immutable snapshot, named after the dataset version it holds (the
  content hash of the loaded files, chained through the updates of the journal);
* ``<version>.lock`` - held (shared ``flock``) by every process reading that snapshot, so
  that pruning (an exclusive lock taken without waiting) never deletes one in use;
* ``work/`` - the one read-write store. An update is applied to it under the journal's
  exclusive lock, then checkpointed (hard links: no data is copied) into the new version's
  directory *before* the journal record is written, so a process that reads a record always
  finds its snapshot. ``work/VERSION`` says which version it holds; a mismatch (a crash
  mid-update) is repaired from the snapshot of the last acknowledged version.

A restart with the same files and journal opens the existing snapshot: no parsing at all.

Small snapshots (``--in-memory-mb``, 64 by default: the seed graph takes 2 MB on disk, 100k
triples 27 MB, 1M 408 MB) are copied into an in-memory store by each process that reads
them, after it was forked (so nothing is shared that reading could un-share): the engine is
that much faster and each copy costs that little.

RocksDB and ``fork``: a process that has opened a RocksDB database (even read-only, even
closed again) must not fork children that open one: RocksDB's process-wide background
threads do not survive the fork, and the child's first write waited for them for ever
(measured: an update in an executor hung until its deadline). So the server's master never
opens a snapshot - the triple counts are written beside it (``<version>.json``) by the
process that built it - and only processes that fork nothing (fronts, executors) open one.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pyoxigraph import Store

from .state import fsync_directory, hold, remove_unless_held

log = logging.getLogger("server")

T = TypeVar("T")
WORK = "work"
VERSION_FILE = "VERSION"


class SnapshotMissing(RuntimeError):
    """The journal names a version whose snapshot is not on disk (deleted by hand?)."""


class Snapshots:
    """The snapshots of one state directory, and this process's holds on them."""

    def __init__(self, root: Path, memory_bytes: int = 0) -> None:
        self.root = root
        self.memory_bytes = memory_bytes  # snapshots up to this size are read into memory
        root.mkdir(parents=True, exist_ok=True)
        self._held: dict[str, tuple[int, int]] = {}  # version -> (pid, lock fd)

    def path(self, version: str) -> Path:
        return self.root / version

    def exists(self, version: str) -> bool:
        return (self.path(version) / "CURRENT").is_file()

    def read_stats(self, version: str) -> dict[str, Any] | None:
        """The triple counts written with the snapshot (``None`` if there are none)."""
        try:
            return dict(json.loads((self.root / f"{version}.json").read_text()))
        except (OSError, ValueError):
            return None

    def write_stats(self, version: str, stats: dict[str, Any]) -> None:
        (self.root / f"{version}.json").write_text(json.dumps(stats))

    # -------------------------------------------------------------------- reading
    def open(self, version: str) -> Store:
        """A read-only store of ``version``, held against pruning while this process lives
        or until :meth:`release`."""
        if not self.exists(version):
            raise SnapshotMissing(
                f"no snapshot of version {version} in {self.root}: move the state directory "
                "away to rebuild it from the data files and the journal"
            )
        self._hold(version)
        path = self.path(version)
        snapshot = Store.read_only(str(path))
        if _size(path) > self.memory_bytes:
            return snapshot
        copy = Store()  # small: this process's own copy, for the in-memory engine's speed
        copy.bulk_extend(snapshot.quads_for_pattern(None, None, None, None))
        return copy

    def _hold(self, version: str) -> None:
        held = self._held.get(version)
        if held is not None and held[0] == os.getpid():
            return
        self._held[version] = (os.getpid(), hold(self._lock(version)))

    def release(self, keep: set[str]) -> None:
        """Let go of every snapshot this process holds but those in ``keep``."""
        for version, (pid, fd) in list(self._held.items()):
            if version in keep:
                continue
            del self._held[version]
            if pid == os.getpid():
                os.close(fd)  # an fd inherited from the parent is the parent's hold

    def prune(self, keep: set[str]) -> None:
        """Delete snapshots that no process holds, except those in ``keep``."""
        for path in self.root.iterdir():
            name = path.name
            if name == WORK or name in keep or name.startswith(".") or not path.is_dir():
                continue
            lock = self._lock(name)
            remove_unless_held(lock, path, self.root / f"{name}.json", lock)

    def _lock(self, version: str) -> Path:
        return self.root / f"{version}.lock"

    # -------------------------------------------------------------------- writing
    def create(self, version: str, source: Store) -> None:
        """Write ``source`` (an in-memory store) as the snapshot of ``version``; it also
        becomes the content of ``work/``."""
        work = self.root / WORK
        shutil.rmtree(work, ignore_errors=True)
        store = Store(str(work))
        store.bulk_extend(source.quads_for_pattern(None, None, None, None))
        store.optimize()
        self._checkpoint(store, version)
        (work / VERSION_FILE).write_text(version)
        del store  # RocksDB closes when its last reference goes (pyoxigraph has no close())
        gc.collect()

    def apply(self, version: str, change: Callable[[Store], T]) -> T:
        """Run ``change`` on the read-write store at ``version`` (restored from its snapshot
        if it is not there) and close it again. Only under the journal's exclusive lock;
        ``change`` checkpoints with :meth:`commit` before it returns."""
        work = self.root / WORK
        marker = work / VERSION_FILE
        if not (marker.is_file() and marker.read_text() == version):
            log.warning("the read-write store is not at version %s: restoring it", version)
            shutil.rmtree(work, ignore_errors=True)
            Store.read_only(str(self.path(version))).backup(str(work))
            gc.collect()
        marker.unlink(missing_ok=True)  # until the update is checkpointed
        try:
            return change(Store(str(work)))
        finally:
            gc.collect()  # the store is closed once nothing refers to it
            # RocksDB keeps the info log of every opening (LOG.old.*, ~150 KB each): 4.5 of
            # the 4.9 MB that 30 one-triple updates added to work/ (issue 20, finding 6).
            for old_log in work.glob("LOG.old.*"):
                old_log.unlink(missing_ok=True)

    def commit(self, store: Store, version: str) -> None:
        """Checkpoint the writer's store as ``version`` (before the journal says so)."""
        self._checkpoint(store, version)
        (self.root / WORK / VERSION_FILE).write_text(version)

    def _checkpoint(self, store: Store, version: str) -> None:
        store.flush()
        if self.exists(version):
            return
        partial = self.root / f".{version}.partial-{os.getpid()}"
        shutil.rmtree(partial, ignore_errors=True)
        store.backup(str(partial))
        os.replace(partial, self.path(version))
        fsync_directory(self.root)


def _size(directory: Path) -> int:
    return sum(entry.stat().st_size for entry in directory.iterdir() if entry.is_file())
