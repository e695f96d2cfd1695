"""An append-only file of applied updates, shared by all worker processes of one server.

Workers are forked from a master that loaded the data, so each has its own in-memory copy of
the store. An update is applied by one worker and recorded here as its effect (the quads it
removed and added, in N-Quads with blank-node labels kept), so that every other worker -
and any worker forked later, after a crash or a timed-out query - can replay it and reach
the same state, blank nodes and all. Replaying effects rather than update text keeps
``UUID()``, ``NOW()``, ``RAND()`` and ``BNODE()`` from diverging between workers.

Readers take a shared ``flock``; the writer holds an exclusive one from before it reads the
latest state until its record is written, which serialises updates across processes.
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
        path.touch(exist_ok=True)

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
            entries.append((Entry.from_line(line), line))
            consumed += len(line)
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
