"""`kg validate`'s reviewer warnings proposed by audit14–16, each on a test article beside the
frozen fixture corpus, with the case it must find and the neighbouring cases it must leave alone:

- ``exercise-without-end``: a start and no end in its own article, attested months later (166,
  170: Eagle Partner 2023 read as under way in 2024 and 2025);
- ``plan-dated-by-article``: a plan whose only date is a latestDate equal to the article's (185);
- ``western-topic``: Armenia–West defence cooperation coded without the turn to the West
  (013, 064, 115, 150, 154, …);
- ``topic-outside-definition``: the Armenia–Russia relations topic on a Russia–Azerbaijan or
  Israel–Azerbaijan block (087, 091, 095, 124, 194).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg import audit, config
from kg.build import load
from tests.conftest import article_head, corpus_with

NAME = "995_0123456789abcdef"


def _warned(tmp_path: Path, facts: str, published: str = "2024-07-17") -> list[str]:
    head = article_head(NAME, "A test article", published, "armenia")
    loaded = load(corpus_with(tmp_path, {NAME: head + facts}))
    return [
        f"{w.check} {w.fact.rsplit('/id/', 1)[-1]}"
        for w in audit.warnings(loaded.store, loaded.mapped.origins)
        if w.where is not None and NAME in str(w.where)
    ]


def _exercise(dates: str, extra: str = "") -> str:
    return f"""\
  - id: exercise/test-eagle-2023
    type: MilitaryExercise
    participant: [armenia, united-states]
{dates}    topic: [code:topic-joint-exercise, code:topic-western-defence-cooperation]
{extra}    summary: The article recalls the exercise.
"""


@pytest.mark.parametrize(
    ("dates", "extra", "warned"),
    [
        ("    startDate: 2023-09\n", "", True),  # 166, 170 before audit14
        ("    date: 2023-09\n", "", False),  # held in that month: over
        ("    startDate: 2023-09\n    endDate: 2023-09-20\n", "", False),
        ("    startDate: 2024-06\n", "", False),  # a month before the article: under way
        ("    startDate: 2023-09\n", "    mode: code:mode-plan\n", False),
    ],
)
def test_an_exercise_started_long_before_with_no_end(
    tmp_path: Path, dates: str, extra: str, warned: bool
) -> None:
    found = "exercise-without-end exercise/test-eagle-2023" in _warned(
        tmp_path, _exercise(dates, extra)
    )
    assert found is warned


DEAL = "    supplier: united-states\n    recipient: armenia\n    systemType: code:weapon-radar\n"


def _plan(kind: str, dates: str) -> str:
    parties = DEAL if kind == "deal" else "    participant: [armenia]\n"
    fact_type = "PoliticalEvent" if kind == "event" else "ArmsDeal"
    return (
        f"  - id: {kind}/test-plan-2023\n    type: {fact_type}\n{parties}{dates}"
        "    mode: code:mode-plan\n    summary: The article says it is planned.\n"
    )


@pytest.mark.parametrize(
    ("kind", "dates", "warned"),
    [
        ("event", "    latestDate: 2024-07-17\n", True),  # 185 before audit15
        ("event", "    latestDate: 2024-07-17\n    earliestDate: 2024-07\n", False),
        ("event", "    latestDate: 2024-06\n", False),  # not the article's date
        ("deal", "    latestDate: 2024-07-17\n", False),  # a deal's date is the intention's
    ],
)
def test_a_plan_dated_only_by_its_article(
    tmp_path: Path, kind: str, dates: str, warned: bool
) -> None:
    found = f"plan-dated-by-article {kind}/test-plan-2023" in _warned(tmp_path, _plan(kind, dates))
    assert found is warned


@pytest.mark.parametrize(
    ("partners", "topics", "warned"),
    [
        ("armenia, united-states", "code:topic-joint-exercise", True),
        ("armenia, united-states", "[code:topic-joint-exercise, code:topic-nato]", False),
        ("armenia, russia", "code:topic-joint-exercise", False),
        ("azerbaijan, united-states", "code:topic-joint-exercise", False),  # not Armenia's
        ("armenia, united-states", "code:topic-peacekeeping", False),  # not coded as cooperation
    ],
)
def test_armenia_west_cooperation_without_the_western_topic(
    tmp_path: Path, partners: str, topics: str, warned: bool
) -> None:
    facts = f"""\
  - id: exercise/test-drill-2024
    type: MilitaryExercise
    participant: [{partners}]
    date: 2024-07
    topic: {topics}
    summary: The article reports the drill.
"""
    found = "western-topic exercise/test-drill-2024" in _warned(tmp_path, facts)
    assert found is warned


@pytest.mark.parametrize(
    ("parties", "topic", "warned"),
    [
        ("russia, azerbaijan", "code:topic-bilateral-relations", True),  # 091, 124
        ("armenia, united-states", "code:topic-bilateral-relations", True),  # 093 before
        ("russia, azerbaijan", "code:topic-interstate-relations", False),
        ("armenia, russia", "code:topic-bilateral-relations", False),
        ("armenia, russia, azerbaijan", "code:topic-bilateral-relations", False),  # a third
    ],
)
def test_the_armenia_russia_topic_on_another_pair(
    tmp_path: Path, parties: str, topic: str, warned: bool
) -> None:
    facts = f"""\
  - id: event/test-tensions-2024
    type: PoliticalEvent
    participant: [{parties}]
    date: 2024-07
    topic: {topic}
    summary: The article reports a quarrel.
"""
    found = "topic-outside-definition event/test-tensions-2024" in _warned(tmp_path, facts)
    assert found is warned


@pytest.mark.parametrize(
    ("number", "fact"),
    [
        ("013", "event/eagle-partner-2024-opening-ceremony"),
        ("047", "statement/armenian-mod-eagle-partner-2024-purpose"),
        ("064", "statement/armenian-mod-eagle-partner-2025-begins"),
        ("064", "event/eagle-partner-2025-opening-ceremony"),
        ("115", "event/eagle-partner-2023-opening-ceremony"),
        ("142", "statement/republican-party-opposes-bolton-arms-suggestion-2018"),
        ("150", "event/eagle-partner-2023-opening-ceremony"),
        ("154", "deal/thales-armenia-gm200-2023"),
        ("154", "deal/safran-armenia-night-vision-2023"),
        ("154", "deal/france-armenia-mistral-2023"),
    ],
)
def test_the_live_blocks_western_topic_found_are_coded(number: str, fact: str) -> None:
    """What western-topic found on the live corpus and a reader confirmed (002, a frozen
    fixture, and the three third-party views it also names are left)."""
    (path,) = (config.ROOT / "seeds" / "articles").glob(f"{number}_*.yaml")
    facts = {f["id"]: f for f in yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]}
    topic = facts[fact]["topic"]
    assert "code:topic-western-defence-cooperation" in (
        topic if isinstance(topic, list) else [topic]
    )
