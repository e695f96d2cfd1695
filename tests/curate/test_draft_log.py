"""bench/draft_log.py scores a first draft against its curated file (tests/fixtures/draftlog/).

Every expected count below is worked out by hand from the two fixture files; a scorer that
matched, counted or compared differently gives other numbers.
"""

from __future__ import annotations

import csv
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "draftlog"


@pytest.fixture(scope="module")
def log() -> ModuleType:
    if "bench_draft_log" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "bench_draft_log", ROOT / "bench" / "draft_log.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_draft_log"] = module
        spec.loader.exec_module(module)
    return sys.modules["bench_draft_log"]


def _row(log: ModuleType) -> object:
    pairs, waiting = log.pairs_to_score(FIXTURES / "drafts", FIXTURES / "articles")
    assert [d.name for d, _ in pairs] == ["005_aaaaaaaaaaaaaaaa.draft.yaml"]
    assert waiting == ["006_bbbbbbbbbbbbbbbb.draft.yaml: curated file still has review: pending"]
    (row,) = log.score_all(pairs, FIXTURES / "articles", FIXTURES / "reference.yaml")
    return row


def test_mentions_count_candidates_by_id_or_label(log: ModuleType) -> None:
    row = _row(log)
    # drafted: armenia france paris csto + sebastien-lecornu (same id), knds (altLabel
    # "KNDS France"), armed-forces; curated: armenia france csto sebastien-lecornu knds thales
    assert (row.mentions_drafted, row.mentions_curated, row.mentions_found) == (7, 6, 5)


def test_proposals_are_matched_and_their_edits_counted(log: ModuleType) -> None:
    row = _row(log)
    assert row.drafted_at == "abc1234"
    assert row.proposals == 4
    # tenure: other id, added summary, no edit; visit: date to day (1 edit); deal:
    # manufacturer and quantityOrdered added (2); the statement by "Armed Forces" is wrong;
    # Pashinyan's statement is missed
    assert (row.unchanged, row.one_edit, row.edited_more, row.wrong, row.missed) == (1, 1, 1, 1, 1)


def test_dates_numbers_and_inventions(log: ModuleType) -> None:
    row = _row(log)
    # datePublished and the deal's date are right; the visit's month is not its day; the
    # missed statement's date is not on the (wrong) statement
    assert (row.dates_curated, row.dates_right) == (4, 2)
    assert (row.numbers_curated, row.numbers_right) == (1, 0)
    # 2021 is in no curated date (the visit's 2024-06 is coarse, not invented)
    assert row.invented_dates == 1
    assert row.invented_speakers == 1  # armed-forces said nothing
    assert row.invented_bylines == 1  # the curated article prints no author


def test_an_existing_fact_id_not_proposed_is_an_edit(log: ModuleType) -> None:
    proposal = {"id": "visit/new", "type": "Visit", "visitor": "a", "destination": "b"}
    curated = {"id": "visit/known", "type": "Visit", "visitor": "a", "destination": "b",
               "summary": "x"}  # fmt: skip
    assert log.edits(proposal, curated, set()) == 0
    assert log.edits(proposal, curated, {"visit/known"}) == 1


def test_a_proposal_goes_to_the_curated_fact_it_needs_fewest_edits_for(log: ModuleType) -> None:
    # two curated events (no key field): an undated one first, then the dated one the draft
    # proposed; matched in file order, the draft's right date was scored against the first
    undated = {"id": "event/a", "type": "PoliticalEvent", "latestDate": "2022-12-31"}
    dated = {"id": "event/b", "type": "PoliticalEvent", "date": "2022-11-23"}
    drafted = [{"id": "event/mine", "type": "PoliticalEvent", "date": "2022-11-23"}]
    assert log.match(drafted, [undated, dated], set()) == {1: 0}
    # one to one still: a second proposal takes what is left
    drafted.append({"id": "event/other", "type": "PoliticalEvent", "date": "2021-01-01"})
    assert log.match(drafted, [undated, dated], set()) == {1: 0, 0: 1}


def test_summary_reports_targets_not_met(log: ModuleType) -> None:
    summary = log.summarise([_row(log)])
    checks = {measure: met for measure, _, _, met in summary.checks()}
    assert round(summary.mention_recall) == 83 and not checks["mention recall"]
    assert summary.accepted == 50.0 and not checks["unchanged or one edit"]
    assert summary.wrong == 25.0 and not checks["wrong"]
    assert summary.invented == 3 and not checks["invented dates/speakers/bylines"]
    perfect = log.Row("x", "y", mentions_curated=10, mentions_drafted=10, mentions_found=10,
                      dates_curated=10, dates_right=9, numbers_curated=1, numbers_right=1,
                      proposals=10, unchanged=6, one_edit=1, edited_more=2, wrong=1)  # fmt: skip
    assert all(met for _, _, _, met in log.summarise([perfect]).checks())


def test_the_command_writes_the_csv(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    shutil.copytree(FIXTURES / "drafts", drafts)
    out = tmp_path / "log.csv"
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "draft_log.py"), "--drafts", str(drafts),
         "--articles", str(FIXTURES / "articles"), "--reference",
         str(FIXTURES / "reference.yaml"), "--csv", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["article"], r["drafted_at"], r["wrong"]) for r in rows] == [
        ("005_aaaaaaaaaaaaaaaa", "abc1234", "1")
    ]
    assert "mention recall" in run.stdout and "NOT MET" in run.stdout
    assert "not scored: 006_bbbbbbbbbbbbbbbb.draft.yaml" in run.stdout


def test_a_label_in_another_language_names_the_entity(log: ModuleType, tmp_path: Path) -> None:
    reference = tmp_path / "reference.yaml"
    reference.write_text(
        "entities:\n  - {id: yuri-ushakov, type: Person, label: Yuri Ushakov, "
        "labels: {ru: Юрий Ушаков}}\n",
        encoding="utf-8",
    )
    names = log.reference_names(reference)
    assert log.fold("Юрий Ушаков") in names["yuri-ushakov"]


def test_an_undated_curated_article_is_scored(log: ModuleType, tmp_path: Path) -> None:
    """A curated article with publication bounds and no date (docs/modelling.md, "Undated
    articles") is scored without a crash: no publication date to find, and a drafted one is a
    date the article does not have (invented)."""
    drafts, articles = tmp_path / "drafts", tmp_path / "articles"
    shutil.copytree(FIXTURES / "drafts", drafts)
    shutil.copytree(FIXTURES / "articles", articles)
    gold = articles / "005_aaaaaaaaaaaaaaaa.yaml"
    text = gold.read_text(encoding="utf-8")
    assert "  datePublished: 2024-06-20\n" in text
    gold.write_text(
        text.replace(
            "  datePublished: 2024-06-20\n",
            "  publishedNoEarlierThan: 2024-06\n  dateNote: The text prints no date.\n",
        ),
        encoding="utf-8",
    )
    before = _row(log)
    pairs, _ = log.pairs_to_score(drafts, articles)
    (row,) = log.score_all(pairs, articles, FIXTURES / "reference.yaml")
    assert row.dates_curated == before.dates_curated - 1
    assert row.invented_dates == before.invented_dates + 1


def test_redraft_leaves_out_articles_without_their_text(
    log: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A machine may hold only part of the corpus's texts: --redraft scores the ones there
    and counts the rest; --strict stops at the first missing text, naming it."""
    drafts, articles = tmp_path / "drafts", tmp_path / "articles"
    shutil.copytree(FIXTURES / "drafts", drafts)
    shutil.copytree(FIXTURES / "articles", articles)
    texts = tmp_path / "texts"
    texts.mkdir()
    argv = ["--drafts", str(drafts), "--articles", str(articles),
            "--reference", str(FIXTURES / "reference.yaml"), "--redraft", str(texts)]  # fmt: skip
    with pytest.raises(SystemExit, match="no text of any logged article"):
        log.main(argv)
    with pytest.raises(SystemExit, match="005_aaaaaaaaaaaaaaaa.txt: no text as read"):
        log.main([*argv, "--strict"])


def test_a_new_entity_slugged_otherwise_is_the_same_in_facts_as_in_mentions(
    log: ModuleType, tmp_path: Path
) -> None:
    """The mention scoring counts a candidate new entity as the curated id its label names;
    fact matching used to compare the ids strictly, so a right Tenure and Visit of a person the
    curator slugged otherwise were counted wrong (and their curated facts missed). One rule
    now: the draft's candidate `lecornu-sebastien`, labelled "Sebastien Lecornu", is the
    curated `sebastien-lecornu` (label "Sébastien Lecornu") in mentions and facts alike."""
    drafts, articles = tmp_path / "drafts", tmp_path / "articles"
    shutil.copytree(FIXTURES / "drafts", drafts)
    shutil.copytree(FIXTURES / "articles", articles)
    draft = drafts / "005_aaaaaaaaaaaaaaaa.draft.yaml"
    text = draft.read_text(encoding="utf-8")
    assert text.count("sebastien-lecornu") == 5  # the candidate, its tenure, its visit
    draft.write_text(
        text.replace("{id: sebastien-lecornu,", "{id: lecornu-sebastien,")
        .replace("holder: sebastien-lecornu", "holder: lecornu-sebastien")
        .replace("visitor: sebastien-lecornu", "visitor: lecornu-sebastien"),
        encoding="utf-8",
    )
    before = _row(log)
    pairs, _ = log.pairs_to_score(drafts, articles)
    (row,) = log.score_all(pairs, articles, FIXTURES / "reference.yaml")
    same = ("mentions_found", "unchanged", "one_edit", "edited_more", "wrong", "missed",
            "dates_right", "invented_speakers")  # fmt: skip
    assert {k: getattr(row, k) for k in same} == {k: getattr(before, k) for k in same}
    # a candidate whose label names no curated entity stays itself: the tenure is wrong
    draft.write_text(
        draft.read_text(encoding="utf-8").replace(
            "label: Sebastien Lecornu}", "label: Someone Else}"
        ),
        encoding="utf-8",
    )
    (other,) = log.score_all(pairs, articles, FIXTURES / "reference.yaml")
    assert other.wrong == before.wrong + 2 and other.missed == before.missed + 2
    assert other.mentions_found == before.mentions_found - 1
