"""Run ``kg`` in a child process, as a user does: this checkout's code, no debug tracebacks.

Shared by the CLI, curation, scale-out and Virtuoso tests (each had its own copy).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from kg import config


def run_kg(
    *args: str, cwd: Path | None = None, environ: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``kg ARGS`` with ``environ`` (default: this process's environment) as its environment.

    The timeout only stops a hung child: ``kg build`` of the live corpus (217 articles) took
    over 120 s under a CI load of 10 (test_growth's setup timed out at 120 s), and ``kg
    validate`` of 400 articles over 600 s at load 20 on two cores (its SHACL pass alone took
    400 s at load 18)."""
    env = {**(os.environ if environ is None else environ), "PYTHONPATH": str(config.ROOT)}
    env.pop("KG_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=1800,
    )
