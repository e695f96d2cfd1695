"""`kg validate FILE` on one article file, and the whole review loop on a real draft:
draft -> build refuses -> review -> validate FILE -> build."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kg import config
from tests.curate.test_draft import SAMPLE
from tests.curate.test_seed_errors import kg

ARTICLE = """\
article:
  id: article/990_0123456789abcdef
  type: NewsArticle
  headline: A test article
  datePublished: 2022-04
  seedFile: 990_0123456789abcdef.txt
  mentions: [suren-papikyan, france]
facts:
  - id: visit/papikyan-france-test
    type: Visit
    label: Papikyan's visit to France (test)
    visitor: suren-papikyan
{destination}    date: 2022-03
"""


def _write(tmp_path: Path, destination: str = "    destination: france\n") -> Path:
    path = tmp_path / "990_0123456789abcdef.yaml"
    path.write_text(ARTICLE.format(destination=destination), encoding="utf-8")
    return path


def test_a_good_file_validates(tmp_path: Path, frozen_seeds: config.Paths) -> None:
    result = kg("validate", str(_write(tmp_path)), "--seeds", str(frozen_seeds.seeds))
    assert result.returncode == 0, result.stderr
    assert "(1 facts) conforms to the shapes and is ready to build" in result.stdout


def test_violations_name_this_file_and_line(tmp_path: Path, frozen_seeds: config.Paths) -> None:
    path = _write(tmp_path, destination="")
    result = kg("validate", str(path), "--seeds", str(frozen_seeds.seeds))
    assert result.returncode == 1
    assert f"{path}:9: visit/papikyan-france-test" in result.stderr
    assert "destination" in result.stderr
    assert "seeds/articles" not in result.stderr  # only this file's problems


def test_syntax_errors_name_this_file(tmp_path: Path, frozen_seeds: config.Paths) -> None:
    path = _write(tmp_path, destination="    destination: france\n    destination: armenia\n")
    result = kg("validate", str(path), "--seeds", str(frozen_seeds.seeds))
    assert result.returncode == 2
    assert (
        f"{path}:14: invalid YAML: duplicate key 'destination' (first written at line 13)"
        in result.stderr
    )


def test_pending_proposals_are_checked_and_counted(
    tmp_path: Path, frozen_seeds: config.Paths
) -> None:
    path = _write(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "    type: Visit\n", "    review: pending\n    type: Visit\n"
    )
    path.write_text(text, encoding="utf-8")
    result = kg("validate", str(path), "--seeds", str(frozen_seeds.seeds))
    assert result.returncode == 1
    assert f"{path}:10: 1 proposal still marked 'review: pending' (line 10)" in result.stderr


def test_an_article_id_taken_by_another_file(tmp_path: Path, frozen_seeds: config.Paths) -> None:
    first = sorted(frozen_seeds.articles.glob("*.yaml"))[0]
    path = _write(tmp_path)
    path.write_text(
        path.read_text("utf-8").replace("article/990_0123456789abcdef", f"article/{first.stem}"),
        encoding="utf-8",
    )
    result = kg("validate", str(path), "--seeds", str(frozen_seeds.seeds))
    assert (
        result.returncode == 2 and "duplicate id" in result.stderr and first.name in result.stderr
    )


def _review(path: Path, reference: Path) -> None:
    """What a curator does with the draft of the sample article: accept every proposal,
    add the candidate entities it cites to reference.yaml, write a summary."""
    text = path.read_text(encoding="utf-8")
    candidates = re.findall(r"^#   - (\{id: [^}]+\})", text, re.M)
    assert candidates
    with reference.open("a", encoding="utf-8") as out:
        for line in candidates:
            out.write(f"  - {line}\n")
    reviewed = text.replace("    review: pending\n", "")
    reviewed = reviewed.replace(
        "  - id: visit/", "  - summary: Visit by the minister.\n    id: visit/"
    )
    path.write_text(reviewed, encoding="utf-8")


def test_review_loop_on_a_draft(seed_copy: config.Paths) -> None:
    drafted = kg("draft", str(SAMPLE), "--published", "2022-04", "--seeds", str(seed_copy.seeds))
    assert drafted.returncode == 0, drafted.stderr
    short = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()[:16]
    (path,) = seed_copy.articles.glob(f"*_{short}.yaml")
    (seed_copy.articles / path.name.replace(".yaml", ".txt")).write_bytes(SAMPLE.read_bytes())

    refused = kg("build", "-q", "--seeds", str(seed_copy.seeds), "--dist", str(seed_copy.dist))
    assert refused.returncode == 2
    pending = path.read_text(encoding="utf-8").count("\n    review: pending\n")
    assert f"{path.name}:" in refused.stderr
    assert f"{pending} proposals still marked 'review: pending'" in refused.stderr
    assert not seed_copy.dist.exists()

    early = kg("validate", str(path), "--seeds", str(seed_copy.seeds))
    assert early.returncode == 1 and "still marked 'review: pending'" in early.stderr

    _review(path, seed_copy.reference)
    checked = kg("validate", str(path), "--seeds", str(seed_copy.seeds))
    assert checked.returncode == 0, checked.stderr + checked.stdout
    built = kg("build", "-q", "--seeds", str(seed_copy.seeds), "--dist", str(seed_copy.dist))
    assert built.returncode == 0, built.stderr
    assert (seed_copy.dist / "dataset.trig").exists()


def test_a_bad_reference_entity_the_file_uses_is_reported(
    tmp_path: Path, seed_copy: config.Paths
) -> None:
    """A new entity added to the reference for this article is checked as a build checks it:
    a government body with no country passed `kg validate FILE` and stopped `kg build`."""
    reference = seed_copy.reference.read_text(encoding="utf-8")
    entry = "  - {id: test-security-council, type: GovernmentBody, label: Test Security Council}\n"
    anchor = reference.index("  - {id: armenian-government,")
    seed_copy.reference.write_text(reference[:anchor] + entry + reference[anchor:], "utf-8")
    line = reference[:anchor].count("\n") + 1
    path = tmp_path / "990_0123456789abcdef.yaml"
    text = ARTICLE.format(destination="    destination: france\n")
    path.write_text(text.replace("france]", "france, test-security-council]"), encoding="utf-8")
    result = kg("validate", str(path), "--seeds", str(seed_copy.seeds))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{seed_copy.reference}:{line}" in result.stderr, result.stderr
    assert "country" in result.stderr
