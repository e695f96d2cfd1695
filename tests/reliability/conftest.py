"""Fixtures for the reliability tests (faults and load) against real servers on 127.0.0.1.

pytest's default "prepend" import mode puts each test directory on ``sys.path``; the
live-server helpers live in ``tests/server`` and the crash/leak checks in ``tests/security``,
so those directories are added here too. (Benchmark scripts a test uses, ``bench/load.py`` and
``bench/front_probe.py``, are imported by path through ``benchscripts.py``: putting ``bench/``
on the path would expose its other scripts as top-level modules to the whole session.)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for extra in (HERE, HERE.parent / "server", HERE.parent / "security"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))
