"""Lint, format and type checks are part of the test command (and so of ``.ci/run``).

``ruff check``, ``ruff format --check`` and ``mypy`` (configured in ``[tool.ruff]`` and
``[tool.mypy]`` of pyproject.toml: kg/ and server/) run on the working tree as subprocesses;
a failure shows their own report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

CHECKS = {
    "ruff check": [str(BIN / "ruff"), "check", "."],
    "ruff format": [str(BIN / "ruff"), "format", "--check", "."],
    "mypy": [sys.executable, "-m", "mypy"],
}


@pytest.mark.parametrize("name", CHECKS)
def test_clean(name: str) -> None:
    result = subprocess.run(CHECKS[name], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}{result.stderr}"
