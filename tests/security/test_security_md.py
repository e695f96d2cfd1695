"""SECURITY.md names the tests behind each promise; every name must exist, so the document
cannot drift from the suite (a renamed or deleted test fails here)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = re.compile(r"`?(tests/[\w/]+\.py)(?:::(\w+))?")
SHORT = re.compile(r"`::(\w+)`")


def test_every_test_named_in_security_md_exists() -> None:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    missing = []
    named = 0
    for line in text.splitlines():
        last_file = None
        for match in REFERENCE.finditer(line):
            path, name = match.group(1), match.group(2)
            last_file = ROOT / path
            if not last_file.is_file():
                missing.append(path)
            elif name:
                named += 1
                if not re.search(rf"^def {name}\(", last_file.read_text(), re.M):
                    missing.append(f"{path}::{name}")
        for name in SHORT.findall(line):  # "`::name`" refers to the file named before it
            named += 1
            if last_file is None or not re.search(rf"^def {name}\(", last_file.read_text(), re.M):
                missing.append(f"{last_file}::{name}")
    assert named > 40
    assert missing == []
