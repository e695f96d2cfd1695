"""bench/copycheck.py flags curated prose sharing 8 words in a row with its article's text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TEXT = (
    "An invented headline\n\n"
    "The minister said on Tuesday that the country would buy thirty six new howitzers "
    "from its partner before the end of the year.\n"
)


def _run(tmp_path: Path, facts: str) -> subprocess.CompletedProcess[str]:
    texts, articles = tmp_path / "texts", tmp_path / "articles"
    texts.mkdir(exist_ok=True)
    articles.mkdir(exist_ok=True)
    (texts / "005_aaaaaaaaaaaaaaaa.txt").write_text(TEXT, encoding="utf-8")
    (articles / "005_aaaaaaaaaaaaaaaa.yaml").write_text(
        "article:\n  id: article/005_aaaaaaaaaaaaaaaa\n  seedFile: 005_aaaaaaaaaaaaaaaa.txt\n"
        f"facts:\n{facts}",
        encoding="utf-8",
    )
    (articles / "006_bbbbbbbbbbbbbbbb.yaml").write_text(
        "article:\n  id: article/006_bbbbbbbbbbbbbbbb\n  seedFile: 006_bbbbbbbbbbbbbbbb.txt\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "copycheck.py"), str(texts),
         "--articles", str(articles)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_own_words_pass(tmp_path: Path) -> None:
    run = _run(
        tmp_path, "  - id: deal/x\n    summary: A purchase of 36 artillery pieces was announced.\n"
    )
    assert run.returncode == 0, run.stdout
    assert "skipped 006_bbbbbbbbbbbbbbbb.yaml: no text" in run.stdout
    assert "1 article file(s) checked; 0 field(s)" in run.stdout


def test_a_copied_summary_fails_and_names_the_words(tmp_path: Path) -> None:
    run = _run(
        tmp_path,
        "  - id: deal/x\n    summary: Officials say the country would buy thirty-six new "
        "howitzers from its partner soon.\n",
    )
    assert run.returncode == 1
    assert (
        'COPIED: 005_aaaaaaaaaaaaaaaa.yaml deal/x summary: "the country would buy thirty six new '
        'howitzers from its partner"' in run.stdout
    )


def test_a_quote_is_listed_but_allowed(tmp_path: Path) -> None:
    run = _run(
        tmp_path,
        "  - id: statement/x\n    quote: the country would buy thirty six new howitzers\n"
        "    summary: The minister announced a purchase.\n",
    )
    assert run.returncode == 0, run.stdout
    assert "quote (allowed where the words are the fact): 005_aaaaaaaaaaaaaaaa.yaml" in run.stdout
