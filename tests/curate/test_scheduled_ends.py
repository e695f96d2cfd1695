"""An end the article can only know as a schedule ("the exercise runs until 20 August" in an
article of 12 August) is no evidence that it ended then (docs/modelling.md, "Scheduled ends").

Nine blocks of the live corpus wrote such an end as ``endDate`` (Eagle Partner 2023–2025, Three
Brothers 2021, …): the fact then read as over on that day, and its article attested nothing as
of its own date. Now ``scheduledEndDate`` keeps the schedule, bounds nothing, and leaves the
exercise attested as of the article; the shapes refuse a future ``endDate`` unless the block is
a plan. Real seed files, the real build, on the frozen fixture corpus.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import config, cq
from tests.conftest import article_head, built_with, corpus_with, refusals

SCHEDULED, ENDED = "989_0123456789abcdef", "988_0123456789abcdef"
SK = "https://seckg.example.org/ontology#"
ID = "https://seckg.example.org/id/"


def _exercise(fact: str, end: str, extra: str = "") -> str:
    return f"""\
  - id: exercise/{fact}
    type: MilitaryExercise
    label: A test exercise
    participant: [russia, armenia]
    startDate: 2025-08-12
{end}{extra}    locator: s2
    summary: The exercise began and is to go on until 20 August.
"""


def _article(name: str, published: str, body: str) -> str:
    return article_head(name, "A test exercise", published, "russia, armenia") + body


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    return built_with(
        tmp_path_factory.mktemp("scheduled"),
        {
            SCHEDULED: _article(
                SCHEDULED,
                "2025-08-12",
                _exercise("test-scheduled-2025", "    scheduledEndDate: 2025-08-20\n"),
            ),
            # a later article that has seen it end: an end is an end
            ENDED: _article(
                ENDED, "2025-08-25", _exercise("test-ended-2025", "    endDate: 2025-08-20\n")
            ),
        },
    )


def _bounds(store: ox.Store, fact: str) -> dict[str, str]:
    return {
        row["p"].value.removeprefix(SK): row["o"].value
        for row in store.query(
            f"SELECT ?p ?o WHERE {{ <{ID}exercise/{fact}> ?p ?o . FILTER (?p IN "
            f"(<{SK}endEarliest>, <{SK}endLatest>, <{SK}endDate>, <{SK}scheduledEndDate>)) }}"
        )
    }


def test_a_scheduled_end_bounds_nothing(built: ox.Store) -> None:
    assert _bounds(built, "test-scheduled-2025") == {"scheduledEndDate": "2025-08-20"}
    assert _bounds(built, "test-ended-2025") == {
        "endDate": "2025-08-20",
        "endEarliest": "2025-08-20",
        "endLatest": "2025-08-20",
    }


def test_the_exercise_is_attested_under_way_as_of_its_article(built: ox.Store) -> None:
    question = cq.load(config.ROOT / "cq" / "22-situations-going-on.yaml")
    rows = {(r["fact"], r["asOf"]) for r in cq.answer(built, question)}
    assert ("exercise/test-scheduled-2025", "2025-08-12") in rows
    assert not any(fact == "exercise/test-ended-2025" for fact, _ in rows)  # it has ended


@pytest.mark.parametrize(
    ("end", "extra", "refused"),
    [
        ("    endDate: 2025-08-20\n", "", True),  # the nine blocks before this rule
        ("    endDate: 2025-08-20\n", "    mode: code:mode-claim\n", True),  # still a schedule
        ("    endDate: 2025-08-20\n", "    mode: code:mode-plan\n", False),  # all of it a plan
        ("    endDate: 2025-08\n", "", False),  # may have ended by the 12th: not sure
        ("    scheduledEndDate: 2025-08-20\n", "", False),
    ],
)
def test_an_end_after_the_article_is_refused_unless_a_plan(
    tmp_path: Path, end: str, extra: str, refused: bool
) -> None:
    extra += "    claimant: russia\n" if "claim" in extra else ""
    body = _exercise("test-future-end-2025", end, extra)
    said = refusals(corpus_with(tmp_path, {SCHEDULED: _article(SCHEDULED, "2025-08-12", body)}))
    hit = [line for line in said if "is scheduledEndDate, not endDate" in line]
    assert bool(hit) == refused, said
    if refused:
        assert f"{SCHEDULED}.yaml:" in hit[0] and "its end (2025-08-20)" in hit[0]
