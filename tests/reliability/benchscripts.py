"""The scripts of ``bench/`` as modules, for tests that use a benchmark's own driver or probe
(bench/ is scripts, not a package: putting it on ``sys.path`` would expose its other scripts as
top-level modules to the whole session)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench"


def bench_module(script: str) -> ModuleType:
    """``bench/<script>.py``, imported once under the name ``seckg_bench_<script>``."""
    name = f"seckg_bench_{script}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{script}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module
