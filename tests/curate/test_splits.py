"""The locator guard (bench/splits.py): a change of the sentence splitter that renumbers a
curated article's sentences is caught and the article named. Text and file invented."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

TEXT = (
    "Talks in the capital\n\n"
    "The ministers met at noon. They spoke for three hours! Was anything agreed?\n\n"
    "A statement followed in the evening.\n"
)
CURATED = """article:
  id: article/900_aaaaaaaaaaaaaaaa
  type: NewsArticle
  seedFile: 900_aaaaaaaaaaaaaaaa.txt
facts:
  - id: meeting/test
    type: Meeting
    locator: s2
"""


@pytest.fixture(scope="module")
def splits() -> ModuleType:
    if "bench_splits" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_splits", ROOT / "bench" / "splits.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_splits"] = module
        spec.loader.exec_module(module)
    return sys.modules["bench_splits"]


def _corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    texts, articles = tmp_path / "texts", tmp_path / "articles"
    texts.mkdir()
    articles.mkdir()
    (texts / "900_aaaaaaaaaaaaaaaa.txt").write_text(TEXT, encoding="utf-8")
    (articles / "900_aaaaaaaaaaaaaaaa.yaml").write_text(CURATED, encoding="utf-8")
    return texts, articles, tmp_path / "splits.csv"


def _run(splits: ModuleType, texts: Path, articles: Path, record: Path, *more: str) -> int:
    return int(splits.main([str(texts), "--articles", str(articles), "--csv", str(record), *more]))


def test_an_unchanged_splitter_passes(
    splits: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts, articles, record = _corpus(tmp_path)
    assert _run(splits, texts, articles, record, "--record") == 0
    assert (
        record.read_text(encoding="utf-8").splitlines()[1].startswith("900_aaaaaaaaaaaaaaaa.txt,5,")
    )
    assert _run(splits, texts, articles, record) == 0
    assert "splitting unchanged for 1 recorded articles" in capsys.readouterr().out


def test_a_changed_splitter_fails_naming_the_article(
    splits: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    texts, articles, record = _corpus(tmp_path)
    assert _run(splits, texts, articles, record, "--record") == 0
    real = splits.numbered

    def no_question_mark(nlp: object, text: str) -> list[object]:
        """A splitter that no longer ends a sentence at '?' (s4 runs into s5)."""
        out = real(nlp, text)
        return [s for s in out if not text[: s.start].rstrip().endswith("?")]

    monkeypatch.setattr(splits, "numbered", no_question_mark)
    assert _run(splits, texts, articles, record) == 1
    out = capsys.readouterr().out
    assert "moved the locators of 1 curated articles" in out
    assert "900_aaaaaaaaaaaaaaaa.txt: 5 sentences recorded, 4 now" in out


def test_a_missing_text_fails_only_when_strict(
    splits: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts, articles, record = _corpus(tmp_path)
    assert _run(splits, texts, articles, record, "--record") == 0
    (texts / "900_aaaaaaaaaaaaaaaa.txt").unlink()
    assert _run(splits, texts, articles, record) == 0
    assert "no text: 900_aaaaaaaaaaaaaaaa.txt (not checked)" in capsys.readouterr().out
    assert _run(splits, texts, articles, record, "--strict") == 1
    out = capsys.readouterr().out
    assert "no text: 900_aaaaaaaaaaaaaaaa.txt (not checked)" in out
    assert "--strict: 1 curated articles with locators have no text" in out


def test_strict_passes_when_every_text_is_there(splits: ModuleType, tmp_path: Path) -> None:
    texts, articles, record = _corpus(tmp_path)
    assert _run(splits, texts, articles, record, "--record") == 0
    assert _run(splits, texts, articles, record, "--strict") == 0


def test_recording_without_a_text_keeps_its_recorded_row(
    splits: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A machine that holds only some texts records the ones it has and keeps the rows of the
    others (the texts of older articles were lost with a machine; their rows still guard)."""
    texts, articles, record = _corpus(tmp_path)
    assert _run(splits, texts, articles, record, "--record") == 0
    row = record.read_text(encoding="utf-8").splitlines()[1]
    (texts / "900_aaaaaaaaaaaaaaaa.txt").unlink()
    assert _run(splits, texts, articles, record, "--record") == 0
    assert record.read_text(encoding="utf-8").splitlines()[1] == row
    assert "kept the rows of 1 whose text is not here" in capsys.readouterr().out
