"""An append-only file of applied updates, shared by all worker processes of one server.

An update is applied by one process and recorded here as its effect (the quads it removed and
added, in N-Quads with blank-node labels kept). The served data is a snapshot per version
(``server.data.snapshots``): the writer makes the new version's snapshot before it appends the
record, and every other process, seeing the record, opens that snapshot. A store held by one
process (an in-process app) replays the effect instead; so does a rebuild of a lost snapshot
from the files. Replaying effects rather than update text keeps ``UUID()``, ``NOW()``,
``RAND()`` and ``BNODE()`` from diverging.

Readers take a shared ``flock``; the writer holds an exclusive one from before it reads the
latest state until its record is written, which serialises updates across processes.

Durability: a record is written and ``fsync``ed before the update is acknowledged, and the
journal lives in the server's state directory beside the data (not in ``/tmp``), so an
acknowledged update survives a restart, a SIGKILL of any process and a power loss; it is
replayed at start. The first line names the dataset version the updates were made on
(:meth:`Journal.base`); a record cut short by a crash mid-write (never acknowledged) is
removed when the journal is opened.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .state import fsync_directory


@dataclass(frozen=True)
class Entry:
    """One applied update: N-Quads text of removed and added quads."""

    removed: str
    added: str

    def to_line(self) -> bytes:
        return (json.dumps({"removed": self.removed, "added": self.added}) + "\n").encode()

    @staticmethod
    def from_line(line: bytes) -> Entry:
        data = json.loads(line)
        return Entry(removed=data["removed"], added=data["added"])


class Journal:
    """Reads entries not yet seen by this process; appends new ones under a lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        if not path.exists() and not _read_only_fs(path.parent):
            path.touch()
            fsync_directory(path.parent)  # the file's existence must survive a power loss

    def open_for(self, version: str) -> str | None:
        """Prepare the journal for a server on data of ``version``, before any fork.

        Cuts a torn last record, writes the header of a new journal, and returns the base
        version of an existing one (``None`` if the journal was new or empty). A journal on
        a read-only filesystem is only read (reading never applies a torn last record).
        """
        if not os.access(self.path, os.W_OK) or _read_only_fs(self.path):
            with open(self.path, "rb") as fh:
                first = fh.readline()
            return str(json.loads(first).get("base", "unknown")) if first.strip() else None
        with open(self.path, "r+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                data = fh.read()
                if data and not data.endswith(b"\n"):
                    fh.truncate(data.rfind(b"\n") + 1)  # a crash mid-write: never acknowledged
                    fh.flush()
                    os.fsync(fh.fileno())
                    data = data[: data.rfind(b"\n") + 1]
                if not data:
                    fh.seek(0)
                    fh.write(_header(version))
                    fh.flush()
                    os.fsync(fh.fileno())
                    return None
                first = json.loads(data.split(b"\n", 1)[0])
                return str(first.get("base", "unknown"))
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def count(self) -> int:
        """Number of update records (for messages)."""
        with open(self.path, "rb") as fh:
            return sum(1 for line in fh if line.startswith(b'{"removed"'))

    def has_news(self) -> bool:
        """Cheap check (one ``stat``) made before every request."""
        try:
            return self.path.stat().st_size > self.offset
        except FileNotFoundError:
            return False

    def _read_from_offset(self, fh: BinaryIO) -> list[tuple[Entry, bytes]]:
        fh.seek(self.offset)
        data = fh.read()
        entries: list[tuple[Entry, bytes]] = []
        consumed = 0
        for line in data.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                break  # cannot happen under the lock, but never apply half a record
            consumed += len(line)
            if line.startswith(b'{"base"'):
                continue  # the header: which data the updates were made on
            entries.append((Entry.from_line(line), line))
        self.offset += consumed
        return entries

    def read_new(self) -> list[tuple[Entry, bytes]]:
        with open(self.path, "rb") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_SH)
            try:
                return self._read_from_offset(fh)
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    @contextmanager
    def exclusive(self) -> Iterator[JournalWriter]:
        with open(self.path, "r+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield JournalWriter(self, fh)
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class JournalWriter:
    """Handle valid while the exclusive lock is held."""

    def __init__(self, journal: Journal, fh: BinaryIO) -> None:
        self._journal = journal
        self._fh = fh

    def read_new(self) -> list[tuple[Entry, bytes]]:
        return self._journal._read_from_offset(self._fh)

    def append(self, entry: Entry) -> bytes:
        line = entry.to_line()
        fh = self._fh
        fh.seek(0, os.SEEK_END)
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())
        self._journal.offset += len(line)
        return line


def _header(version: str) -> bytes:
    return (json.dumps({"base": version}) + "\n").encode()


def _read_only_fs(path: Path) -> bool:
    """Whether ``path`` lies on a read-only filesystem (issue 20, finding 7)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False
