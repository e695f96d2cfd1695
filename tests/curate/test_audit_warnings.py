"""`kg validate` warns (exit 0) about what the auditors found by hand: a fact labelled
differently in two files, labelled with a year outside its dates, filed as an assessment in one
file and reported in another, or summarised as ended without being former."""

from __future__ import annotations

from pathlib import Path

from kg import config
from tests.curate.test_seed_errors import kg


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_validate_warns_but_passes(seed_copy: config.Paths) -> None:
    clean = kg("validate", "--seeds", str(seed_copy.seeds))
    assert clean.returncode == 0, clean.stderr
    assert "warning (label-differs)" not in clean.stdout
    assert "warning (ended-not-former)" not in clean.stdout  # "was not ended" is no end
    # 003's author judges the alliance's trend, 000-002 and 004 report it: one partnership by
    # rule (its partners and kind), not a question of whether it is one fact (audit8)
    assert "assessment-and-reported): partnership/" not in clean.stdout, clean.stdout
    first = seed_copy.articles / "000_eb38a5d2a19b8556.yaml"
    _replace(
        first,
        "  - id: exercise/eagle-partner-2023\n    type: MilitaryExercise\n",
        "  - id: exercise/eagle-partner-2023\n    type: MilitaryExercise\n"
        "    label: Eagle Partner 2021\n",
    )
    _replace(
        first,
        "  - id: tenure/pashinyan-armenia-prime-minister\n    type: Tenure\n",
        "  - id: tenure/pashinyan-armenia-prime-minister\n    type: Tenure\n"
        "    mode: code:mode-assessment\n",
    )
    result = kg("validate", "--seeds", str(seed_copy.seeds))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "warning (label-differs): exercise/eagle-partner-2023" in out, out
    assert "warning (label-date): exercise/eagle-partner-2023: its label names 2021" in out, out
    assert "warning (assessment-and-reported): tenure/pashinyan-armenia-prime-minister" in out, out
    assert "000_eb38a5d2a19b8556.yaml:" in out


def test_two_ids_for_one_entity_are_warned_about(seed_copy: config.Paths) -> None:
    """audit13: a province added twice to the reference under two ids (both Place, one label)
    is warned about, at the reference's line."""
    clean = kg("validate", "--seeds", str(seed_copy.seeds))
    assert "warning (same-label)" not in clean.stdout, clean.stdout
    baku = "  - {id: baku, type: Place, label: Baku, locatedIn: azerbaijan}\n"
    twice = baku + "  - {id: baku-city, type: Place, label: Baku, locatedIn: azerbaijan}\n"
    _replace(seed_copy.reference, baku, twice)
    result = kg("validate", "--seeds", str(seed_copy.seeds))
    assert result.returncode == 0, result.stderr
    assert "warning (same-label): baku: another id, baku-city" in result.stdout, result.stdout
    assert "reference.yaml:" in result.stdout


def test_a_summary_citing_other_articles_or_a_fact_id_is_warned_about(
    seed_copy: config.Paths,
) -> None:
    """audit32 (296), audit33 (300): a summary says what its own article states; "other
    articles give …" or a fact id in it belongs in a comment. A law's "article 300.1" is not
    one of ours."""
    first = seed_copy.articles / "000_eb38a5d2a19b8556.yaml"
    text = first.read_text(encoding="utf-8")
    summaries = [line for line in text.splitlines() if line.startswith("    summary: ")]
    assert len(summaries) >= 3
    cited = [
        " which other articles date to 2023.",
        " as article 101 reports (event/armenia-azerbaijan-war-2020).",
        " under article 300.1 of the Criminal Code.",
    ]
    for line, tail in zip(summaries, cited, strict=False):
        _replace(first, line + "\n", line + tail + "\n")
    result = kg("validate", "--seeds", str(seed_copy.seeds))
    assert result.returncode == 0, result.stderr
    found = [line for line in result.stdout.splitlines() if "(summary-cites)" in line]
    assert len(found) == 2, result.stdout
    assert '"other articles"' in found[0] + found[1], found
    assert '"article 101"' in found[0] + found[1], found
    assert all("000_eb38a5d2a19b8556.yaml:" in line for line in found), found
