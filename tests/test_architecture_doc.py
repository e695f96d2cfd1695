"""docs/architecture.md names every module of kg/ and server/ (issue 22): a new module that is
not placed on the build or request path fails here, so the page cannot silently go stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
MODULES = sorted(
    p.relative_to(ROOT).as_posix()
    for package in ("kg", "server")
    for p in (ROOT / package).rglob("*.py")
)


@pytest.mark.parametrize("module", MODULES)
def test_every_module_is_named_on_the_architecture_page(module: str) -> None:
    assert f"`{module}`" in DOC, f"{module} is not placed on docs/architecture.md"


def test_no_module_is_named_that_does_not_exist() -> None:
    named = set(re.findall(r"`((?:kg|server)/[\w/]+\.py)`", DOC))
    assert named - set(MODULES) == set()
