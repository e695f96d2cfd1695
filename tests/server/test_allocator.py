"""The server restarts itself on mimalloc when the system has it (``server.execution.allocator``).

CI installs Debian's ``libmimalloc2.0`` and sets ``SECKG_REQUIRE_MIMALLOC=1``, so there the
library's absence is a failure; elsewhere the test checks whichever case the machine is in.
"""

from __future__ import annotations

import ctypes.util
import os
import re
from pathlib import Path

import pytest
import requests
from live_server import SAMPLE, start_server, stop_server


def _maps_mimalloc(pid: int) -> bool:
    return "libmimalloc" in Path(f"/proc/{pid}/maps").read_text()


@pytest.mark.parametrize("setting", ["auto", "system"])
def test_every_process_runs_on_mimalloc_unless_told_not_to(
    setting: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    available = ctypes.util.find_library("mimalloc") is not None
    if os.environ.get("SECKG_REQUIRE_MIMALLOC"):
        assert available, "libmimalloc is not installed (Debian: libmimalloc2.0)"
    monkeypatch.setenv("SECKG_MALLOC", setting)
    srv = start_server(tmp_path, [SAMPLE])
    try:
        answer = requests.get(srv.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
        assert answer.status_code == 200
        expected = setting == "auto" and available
        pids = [srv.process.pid, *srv.processes()]
        names = {name for _, name in srv.processes().values()}
        assert {"seckg-front", "seckg-heavy"} <= names  # fronts and executors are all checked
        assert {pid: _maps_mimalloc(pid) for pid in pids} == {pid: expected for pid in pids}
        allocator = "mimalloc" if expected else "system"
        assert re.search(rf"memory allocator: {allocator}[;)]", srv.log())
    finally:
        stop_server(srv)
