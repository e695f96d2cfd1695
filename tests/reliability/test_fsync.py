"""An update is on disk before it is acknowledged: the journal record is fsynced before the 200.

The SIGKILL tests (``test_worker_kill.py``) kill processes, not the machine: a record still
in the page cache survives them, so they pass without any ``fsync`` at all (issue 23: the
fsync in ``JournalWriter.append`` could be dropped unnoticed). What a power loss would lose
cannot be observed from outside, so the server runs here with a ``sitecustomize`` (loaded
by every Python process of the server, forked or spawned) that, after each ``os.fsync`` or
``os.fdatasync`` returns, appends to a log the path of the descriptor and the file's size
at that moment. The server's own code is untouched; the log is the observation.

The promise checked: when the client has the 200, the log holds an fsync of the journal
whose size covers the record (not only an earlier fsync of the header), and the journal
file's creation was made durable by an fsync of its directory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import SAMPLE, RunningServer, post_update, start_server, stop_server

from server.data.journal import Entry, Journal

SITECUSTOMIZE = """
import os

_LOG = os.environ.get("SECKG_TEST_FSYNC_LOG")


def _observed(real):
    def call(fd):
        real(fd)
        number = fd if isinstance(fd, int) else fd.fileno()
        try:
            path = os.readlink(f"/proc/self/fd/{number}")
            size = os.fstat(number).st_size
        except OSError:
            return
        with open(_LOG, "a") as log:  # one short O_APPEND write: whole lines across processes
            log.write(f"{os.getpid()} {size} {path}\\n")
    return call


if _LOG:
    os.fsync = _observed(os.fsync)
    os.fdatasync = _observed(os.fdatasync)
"""


def _fsyncs(log: Path, path: Path) -> list[int]:
    """Sizes of ``path`` at each fsync of it, in the order logged."""
    if not log.exists():
        return []
    out = []
    for line in log.read_text().splitlines():
        _, size, name = line.split(" ", 2)
        if name == str(path):
            out.append(int(size))
    return out


@pytest.fixture
def observed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[RunningServer, Path, Path]]:
    """A server whose fsyncs are logged; (server, its journal, the log)."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log = tmp_path / "fsync.log"
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("SECKG_TEST_FSYNC_LOG", str(log))
    state = (tmp_path / "state").resolve()
    server = start_server(tmp_path, [SAMPLE], workers=1, extra_args=["--state-dir", str(state)])
    try:
        yield server, state / "updates.journal", log
    finally:
        stop_server(server)


def test_the_journal_record_is_fsynced_before_the_200(
    observed: tuple[RunningServer, Path, Path],
) -> None:
    server, journal, log = observed
    assert journal.exists()
    for i in range(3):
        before = len(_fsyncs(log, journal))
        post_update(server, f"INSERT DATA {{ GRAPH <urn:fsync> {{ <urn:f{i}> <urn:p> {i} }} }}")
        # the 200 is in: the record must be in the file and an fsync must have covered it
        size = journal.stat().st_size
        assert f"<urn:f{i}>".encode() in journal.read_bytes()
        synced = _fsyncs(log, journal)[before:]
        assert synced and max(synced) >= size, (
            f"update {i}: the journal ({size} bytes) was acknowledged with fsyncs {synced}"
        )


def test_the_journals_creation_is_made_durable(
    observed: tuple[RunningServer, Path, Path],
) -> None:
    """A new journal file is an entry in its directory: that directory is fsynced too."""
    _, journal, log = observed
    assert _fsyncs(log, journal.parent), "the state directory was never fsynced"
    assert _fsyncs(log, journal), "the journal's header was never fsynced"


def test_a_record_is_appended_after_what_is_there(tmp_path: Path) -> None:
    """In process: ``append`` writes at the end of the journal even when nothing was read
    under the lock first (the header and earlier records stay whole)."""
    journal = Journal(tmp_path / "updates.journal")
    assert journal.open_for("v1") is None
    with journal.exclusive() as writer:
        writer.append(Entry(removed="", added="<urn:a> <urn:p> <urn:o> .\n"))
    with Journal(tmp_path / "updates.journal").exclusive() as writer:  # a fresh reader
        writer.append(Entry(removed="", added="<urn:b> <urn:p> <urn:o> .\n"))
    lines = (tmp_path / "updates.journal").read_bytes().splitlines()
    assert json.loads(lines[0]) == {"base": "v1"} and len(lines) == 3
    assert [Entry.from_line(line).added[:7] for line in lines[1:]] == ["<urn:a>", "<urn:b>"]
