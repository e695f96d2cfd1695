"""Import ``bench/generate.py`` (the synthetic data generator) from tests by its path.

``bench`` is not an installed package, so tests load the module from the file; registering
it in ``sys.modules`` first lets its dataclasses resolve their annotations.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PATH = Path(__file__).resolve().parent.parent / "bench" / "generate.py"


def generator() -> ModuleType:
    if "bench_generate" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_generate", PATH)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_generate"] = module
        spec.loader.exec_module(module)
    return sys.modules["bench_generate"]
