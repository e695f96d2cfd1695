"""The import layering of ``kg/`` and ``server/`` holds (``[tool.importlinter]`` in pyproject.toml).

It runs import-linter's ``lint-imports`` on the working tree, so the README's test command (and
CI) checks the contract: wings of ``server/`` import only the wings below them, the Linked Data
pages never reach the executor machinery, ``kg`` imports ``server`` only in its CLI, and no
package has an import circle.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_imports_keep_the_layering_contracts() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "importlinter"
    ]["contracts"]
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)  # fmt: skip
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    kept = re.search(r"Contracts: (\d+) kept, (\d+) broken", report)
    assert kept is not None, report
    assert (int(kept[1]), int(kept[2])) == (len(contracts), 0), report
