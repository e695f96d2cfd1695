"""Sentence numbers (``locator: sN``) and the first-draft header of ``kg draft``.

The numbering is what curators cite in every block, so it is pinned on texts written here:
the headline is s1, boilerplate before it is not numbered, a paragraph of several sentences
gets one number per sentence, and each proposal's locator names the sentence it came from.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from spacy.language import Language

from kg import config
from kg.draft.sentences import numbered
from tests.curate.conftest import Drafter
from tests.curate.test_seed_errors import kg

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "draft" / "sample_article.txt"

TEXT = (
    "Loading...\n"
    "Menu\n"
    "Two ministers meet in the capital for defence talks\n"
    "\n"
    "The talks began at noon. They lasted three hours! Was anything signed?\n"
    "\n"
    "A photo caption without a full stop\n"
    "Officials said more meetings would follow.\n"
)


def test_headline_is_s1_and_each_sentence_has_its_own_number(nlp: Language) -> None:
    got = [(s.number, s.text) for s in numbered(nlp, TEXT)]
    assert got == [
        (1, "Two ministers meet in the capital for defence talks"),
        (2, "The talks began at noon."),
        (3, "They lasted three hours!"),
        (4, "Was anything signed?"),
        (5, "A photo caption without a full stop"),
        (6, "Officials said more meetings would follow."),
    ]


def test_offsets_point_at_the_sentence_in_the_text(nlp: Language) -> None:
    for sentence in numbered(nlp, TEXT):
        assert TEXT[sentence.start : sentence.end] == sentence.text


def test_kg_draft_sentences_prints_the_numbering(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = kg("draft", "--sentences", str(source))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "s1\tTwo ministers meet in the capital for defence talks"
    assert lines[3] == "s4\tWas anything signed?"
    assert len(lines) == 6


def test_every_proposal_carries_the_locator_of_its_sentence(
    nlp: Language, drafter: Drafter
) -> None:
    draft = drafter.article(SAMPLE, published="2022-04")
    text = SAMPLE.read_text(encoding="utf-8")
    by_number = {s.number: s for s in numbered(nlp, text)}
    assert len(draft.facts) > 5
    for proposal in draft.facts:
        loc = proposal.fields["locator"]
        assert re.fullmatch(r"s\d+(-s\d+)?(, s\d+(-s\d+)?)*", loc), loc
        first = by_number[int(loc.split(",")[0].split("-")[0][1:])]
        assert first.start <= proposal.sentence[0] < first.end, (loc, proposal.fields)
    visit = next(p for p in draft.facts if p.kind == "visit")
    assert visit.fields["locator"] == "s2"
    deal = next(p for p in draft.facts if p.kind == "deal")
    assert deal.fields["locator"] == "s4"


def test_the_draft_starts_with_the_commit_that_made_it() -> None:
    head = subprocess.run(
        ["git", "-C", str(config.ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    if head.returncode != 0:
        pytest.skip("not a git checkout: the header is written only inside one")
    out = kg("draft", str(SAMPLE), "--published", "2022-04", "-o", "-")
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert first.startswith(f"# first draft by kg draft at commit {head.stdout.strip()}")
    drafted = re.findall(r"^    (?:# )?locator: (s\d+)", out.stdout, re.M)
    assert len(drafted) == len(re.findall(r"^  - id: ", out.stdout, re.M)) > 5


def test_a_text_that_starts_with_its_body_has_no_headline(nlp: Language) -> None:
    text = (
        " date 2024-04-17 MOSCOW, April 17. /TASS/. Two ministers met in the capital, an "
        "official said. The talks lasted three hours.\n\nThey will meet again in May.\n"
    )
    got = [(s.number, s.text) for s in numbered(nlp, text)]
    assert got == [
        (1, "MOSCOW, April 17. /TASS/. Two ministers met in the capital, an official said."),
        (2, "The talks lasted three hours."),
        (3, "They will meet again in May."),
    ]


def test_site_boilerplate_is_not_the_headline(nlp: Language) -> None:
    text = (
        "Become an OC Media Member\n\nSupport independent journalism in the Caucasus: Join "
        "today\n\nMinisters meet for defence talks\n\nThe talks began at noon.\n"
    )
    got = [(s.number, s.text) for s in numbered(nlp, text)]
    assert got == [(1, "Ministers meet for defence talks"), (2, "The talks began at noon.")]
