"""An exercise an article shows under way on its day, with no start given ("the CSTO exercises
have officially begun", article 148 of 31 August 2025).

The model already says "it had begun by that day": the article's attestation, as of its date,
with no start on the fact. Nothing is made up: no year of a start, and no ``latestDate``
(which would read as "over by then"). The situations question (cq/22) then answers "going on"
as of that day, per that article, and no more. Real seed files, the real build, on the frozen
fixture corpus.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import config, cq
from tests.conftest import article_head, built_with

UNDER_WAY, WRONG = "992_0123456789abcdef", "991_0123456789abcdef"
SK = "https://seckg.example.org/ontology#"
ID = "https://seckg.example.org/id/"


def _exercise(fact: str, extra: str = "") -> str:
    return f"""\
  - id: exercise/{fact}
    type: MilitaryExercise
    label: A test exercise under way
    participant: [russia, armenia]
{extra}    dateNote: Under way on the article's date (31 August 2025); the text gives no start.
    locator: s2
    summary: The article says the exercise has officially begun.
"""


def _article(name: str, body: str) -> str:
    head = article_head(name, "A test exercise has begun", "2025-08-31", "russia, armenia")
    return head + body


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    return built_with(
        tmp_path_factory.mktemp("under-way"),
        {
            UNDER_WAY: _article(UNDER_WAY, _exercise("test-under-way-2025")),
            # the trap: the article's date as a latest date reads as "over by then"
            WRONG: _article(
                WRONG, _exercise("test-latest-date-2025", "    latestDate: 2025-08-31\n")
            ),
        },
    )


def _going_on(store: ox.Store) -> dict[str, set[tuple[str, str]]]:
    question = cq.load(config.ROOT / "cq" / "22-situations-going-on.yaml")
    rows: dict[str, set[tuple[str, str]]] = {}
    for r in cq.answer(store, question):
        rows.setdefault(r["fact"], set()).add((r["asOf"], r["source"]))
    return rows


def test_under_way_on_the_articles_day_per_that_article(built: ox.Store) -> None:
    rows = _going_on(built)
    assert rows.get("exercise/test-under-way-2025") == {("2025-08-31", f"article/{UNDER_WAY}")}
    # a latest date ends it: not going on, which is why the reading rule forbids one here
    assert "exercise/test-latest-date-2025" not in rows


def test_no_start_or_end_is_made_up(built: ox.Store) -> None:
    fact = f"{ID}exercise/test-under-way-2025"
    bounds = [
        (row["p"].value, row["o"].value)
        for row in built.query(
            f"SELECT ?p ?o WHERE {{ <{fact}> ?p ?o . FILTER (?p IN (<{SK}startEarliest>, "
            f"<{SK}startLatest>, <{SK}endEarliest>, <{SK}endLatest>, <{SK}startDate>, "
            f"<{SK}date>, <{SK}latestDate>)) }}"
        )
    ]
    assert bounds == []
    # the evidence is one day, the article's: the bound "had begun by 2025-08-31", nothing later
    as_of = [
        (row["l"].value, row["h"].value)
        for row in built.query(
            f"SELECT ?l ?h WHERE {{ ?a <{SK}attests> <{fact}> ; <{SK}asOfEarliest> ?l ; "
            f"<{SK}asOfLatest> ?h }}"
        )
    ]
    assert as_of == [("2025-08-31", "2025-08-31")]
