"""A curator's mistakes in seed files, as found when trying the workflow (issue 10).

Each case runs the real ``kg build`` on a copy of the seeds and checks that the error is one
plain line naming the file and the line of the key at fault — never a traceback — and that
the previous dist/ is left alone.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from kg_cli import run_kg

from kg import config
from kg.errors import SeedError
from kg.seeds import Vocabulary, load_context, pending_allowed, read_seed


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return run_kg(*args)


def _vocab() -> Vocabulary:
    return Vocabulary.from_context(load_context(config.Paths().context))


def _article(paths: config.Paths) -> Path:
    return sorted(paths.articles.glob("*.yaml"))[0]


def _insert_after_first(path: Path, prefix: str, new: list[str]) -> int:
    """Insert ``new`` lines after the first line starting with ``prefix``; return the
    1-based number of the first inserted line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(prefix)) + 1
    lines[at:at] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


def _build_fails(paths: config.Paths, *expected: str) -> str:
    result = kg("build", "-q", "--seeds", str(paths.seeds), "--dist", str(paths.dist))
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for text in expected:
        assert text in result.stderr, (text, result.stderr)
    assert not paths.dist.exists()
    return result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-13-45", "'startDate' must be a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2023-02-30", "'startDate': 2023-02-30 is not a calendar date"),
        ("'2023-02-30'", "'startDate': 2023-02-30 is not a calendar date"),
        ('"2023-02-29"', "'startDate': 2023-02-29 is not a calendar date"),
    ],
)
def test_bad_dates_name_file_and_line(seed_copy: config.Paths, value: str, message: str) -> None:
    path = _article(seed_copy)
    line = _insert_after_first(path, "    type: Visit", [f"    startDate: {value}"])
    _build_fails(seed_copy, f"{path.name}:{line}: {message}")


def test_duplicate_key_is_an_error(seed_copy: config.Paths) -> None:
    path = _article(seed_copy)
    first = _insert_after_first(path, "    type: Visit", ["    endDate: 2023-10"])
    second = _insert_after_first(path, "    endDate: 2023-10", ["    endDate: 2023-11"])
    _build_fails(
        seed_copy,
        f"{path.name}:{second}: invalid YAML: duplicate key 'endDate' (first written at line "
        f"{first})",
    )


def test_duplicate_id_in_one_file(seed_copy: config.Paths) -> None:
    path = _article(seed_copy)
    text = path.read_text(encoding="utf-8")
    ids = [ln for ln in text.splitlines() if ln.startswith("  - id: ") and "/" in ln]
    dup = ids[1].split("id: ")[1]
    text = text.rstrip("\n") + f"\n  - id: {dup}\n    label: again\n"
    path.write_text(text, encoding="utf-8")
    line = len(text.splitlines()) - 1
    stderr = _build_fails(seed_copy, f"{path.name}:{line}: duplicate id {dup!r}")
    assert "already has a block with it at line" in stderr


def test_duplicate_article_id_across_files(seed_copy: config.Paths) -> None:
    first = sorted(seed_copy.articles.glob("*.yaml"))[0]
    first_id = next(
        ln.split("id: ")[1] for ln in first.read_text("utf-8").splitlines() if "  id: " in ln
    )
    second = seed_copy.articles / "999_copy.yaml"
    second.write_text(
        f"article:\n  id: {first_id}\n  type: NewsArticle\n  headline: Copy\nfacts: []\n",
        encoding="utf-8",
    )
    _build_fails(seed_copy, f"{second.name}:2: duplicate id {first_id!r}", first.name)


def test_non_utf8_byte_names_line_and_column(seed_copy: config.Paths) -> None:
    path = _article(seed_copy)
    data = path.read_bytes().split(b"\n")
    data[9] = data[9] + b" caf\xe9"
    path.write_bytes(b"\n".join(data))
    _build_fails(seed_copy, f"{path.name}:10: not UTF-8 text: byte 0xe9 at column")


def test_pending_proposals_block_the_build(seed_copy: config.Paths) -> None:
    path = _article(seed_copy)
    one = _insert_after_first(path, "    type: Visit", ["    review: pending"])
    two = _insert_after_first(path, "    type: Statement", ["    review: pending"])
    _build_fails(
        seed_copy,
        f"{path.name}:{one}: 2 proposals still marked 'review: pending' (lines {one}, {two})",
    )


def test_pending_is_readable_for_review(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(
        "article:\n  id: article/x\n  type: NewsArticle\nfacts:\n"
        "  - id: visit/a\n    review: pending\n    type: Visit\n",
        encoding="utf-8",
    )
    with pytest.raises(SeedError, match=r"draft\.yaml:6: 1 proposal still marked"):
        read_seed(path, _vocab())
    with pending_allowed():
        seed = read_seed(path, _vocab())
    assert seed.pending == [6]
    assert "review" not in seed.nodes[0]


def test_review_takes_only_pending(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(
        "article:\n  id: article/x\nfacts:\n  - id: visit/a\n    review: done\n",
        encoding="utf-8",
    )
    with pytest.raises(SeedError, match=r"draft\.yaml:5: 'review' can only be 'pending'"):
        read_seed(path, _vocab())


def test_unknown_top_level_key_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("article:\n  id: a\nfacts: []\nfactz: []\n", encoding="utf-8")
    with pytest.raises(SeedError, match=r"x\.yaml:4: unknown"):
        read_seed(path, _vocab())
