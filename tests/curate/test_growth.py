"""The corpus grows without breaking (issue 19 item 4): a new article needs no edit to tests or
competency questions; a mention that names nothing is an error at its line; ``kg validate FILE``
works on a file anywhere, including a copy of an article being edited elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import config, cq
from kg.query import open_store
from tests.conftest import ROOT
from tests.curate.test_seed_errors import _build_fails, kg

NEXT = ROOT / "tests" / "fixtures" / "growth" / "997_8bf624d5c2674175.yaml"
RADARS = "deal/france-armenia-radars-air-defence"


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> config.Paths:
    """A copy of the live seeds with one more article, built by ``kg build``."""
    root = tmp_path_factory.mktemp("grown")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    paths = config.Paths(seeds=root / "seeds", dist=root / "dist")
    # checked where a curator keeps it before adding it (outside seeds/), against these seeds
    checked = kg("validate", str(NEXT), "--seeds", str(paths.seeds))
    assert checked.returncode == 0, checked.stderr
    shutil.copy(NEXT, paths.articles / NEXT.name)
    built = kg("build", "-q", "--seeds", str(paths.seeds), "--dist", str(paths.dist))
    assert built.returncode == 0, built.stderr
    return paths


def test_every_question_still_holds_with_one_more_article(grown: config.Paths) -> None:
    result = kg("cq", "--dist", str(grown.dist))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "DIFFERS" not in result.stdout


def test_the_new_article_changed_answers_a_pinned_test_would_have_checked(
    grown: config.Paths,
) -> None:
    """The added article dates a deal that was undated: an exact answer would have broken."""
    deals = cq.load(ROOT / "cq" / "03-arms-deals.yaml")
    rows = cq.answer(open_store(grown.dist), deals)
    assert {r["date"] for r in rows if r["deal"] == RADARS} == {"2023-10"}
    events = cq.load(ROOT / "cq" / "18-events-of-2023.yaml")
    certain = {r["event"] for r in cq.answer(open_store(grown.dist), events)}
    assert RADARS in certain


def test_kg_cq_prints_expected_against_got(grown: config.Paths, tmp_path: Path) -> None:
    """A question that differs shows each expected row marked, and what came back."""
    result = kg("cq", "03", "--dist", str(grown.dist))
    assert result.returncode == 0
    text = (ROOT / "cq" / "03-arms-deals.yaml").read_text(encoding="utf-8")
    broken = text.replace("supplier: india", "supplier: russia", 1)
    assert broken != text
    question = cq.load(_write(tmp_path / "03-arms-deals.yaml", broken))
    verdict = cq.judge(cq.answer(open_store(grown.dist), question), question.expect)
    report = "\n".join(cq.report(verdict, question.expect))
    assert "[MISSING] deal=deal/india-armenia-military-equipment-2022  supplier=russia" in report
    assert "[ok] deal=deal/zen-technologies-anti-drone" in report
    assert "got (" in report and "supplier=india" in report


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_mention_that_names_nothing_is_named_by_its_line(seed_copy: config.Paths) -> None:
    path = sorted(seed_copy.articles.glob("*.yaml"))[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("mentions:"))
    lines[at + 1] = lines[at + 1].replace("oc-media", "oc-meida", 1)
    assert "oc-meida" in lines[at + 1]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _build_fails(seed_copy, f"{path.name}:{at + 2}: mentions 'oc-meida', which names no entity")


def test_validate_a_copy_kept_outside_seeds(tmp_path: Path) -> None:
    first = sorted((ROOT / "seeds" / "articles").glob("*.yaml"))[0]
    copy = tmp_path / first.name
    shutil.copy(first, copy)
    result = kg("validate", str(copy))
    assert result.returncode == 0, result.stderr
    assert f"(checked in place of {first}, which has the same article id)" in result.stdout
    # and its own problems are reported at the copy's lines
    text = copy.read_text(encoding="utf-8")
    headline = next(line for line in text.splitlines() if line.startswith("  headline:"))
    copy.write_text(text.replace(headline + "\n", "", 1), encoding="utf-8")
    broken = kg("validate", str(copy))
    assert broken.returncode == 1
    assert f"{copy}:" in broken.stderr and "exactly one headline" in broken.stderr
    assert str(first) not in broken.stderr


def test_two_article_files_with_one_id_inside_seeds_are_still_an_error(
    seed_copy: config.Paths,
) -> None:
    first = sorted(seed_copy.articles.glob("*.yaml"))[0]
    second = seed_copy.articles / "998_copy.yaml"
    shutil.copy(first, second)
    result = kg("validate", str(second), "--seeds", str(seed_copy.seeds))
    assert result.returncode == 2
    assert "duplicate id" in result.stderr
