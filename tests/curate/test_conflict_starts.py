"""An armed conflict the graph has, told with its start (wave 12: 4 of 4 curated conflict
starts missed, 29 of 29 over all rows): a block with the graph's id and the day or month the
text gives, when the graph's own start confirms it; never the end's day, a year alone or a
day of another fact. Sentences written for the test."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from kg.draft.dates import Found
from kg.draft.facts import Sentence
from kg.draft.names import Described
from kg.draft.pipeline import _conflict_start
from tests.curate.conftest import Drafter

WAR = "event/armenia-azerbaijan-war-2020"  # the frozen graph: begun 2020-09-27


def _conflicts(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Leaders meet in the capital\n\n" + body + "\n", published="2024-05-24")
    return [p.fields for p in draft.facts if p.fields.get("type") == "ArmedConflict"]


@pytest.mark.parametrize(
    ("body", "start"),
    [
        ("The war between Armenia and Azerbaijan began in September 2020.", "2020-09"),
        ("Война между Арменией и Азербайджаном началась 27 сентября 2020 года.", "2020-09-27"),
        ("Azərbaycan ilə Ermənistan arasında müharibə 2020-ci ilin sentyabrında başlayıb.",
         "2020-09"),
    ],
)  # fmt: skip
def test_the_start_the_text_gives(drafter: Drafter, body: str, start: str) -> None:
    (found,) = _conflicts(drafter, body)
    assert (found["id"], found["startDate"]) == (WAR, start)


@pytest.mark.parametrize(
    "body",
    [
        "The war between Armenia and Azerbaijan ended on 10 November 2020.",  # its end
        "The war between Armenia and Azerbaijan of 2020 changed the region.",  # a year alone
        "The war between Armenia and Azerbaijan was discussed on 3 October 2020.",
        # a month, no start word, and the graph starts the war on a day: date or start?
        "The war between Armenia and Azerbaijan in September 2020 changed the region.",
    ],
)
def test_no_start_from_another_date(drafter: Drafter, body: str) -> None:
    assert _conflicts(drafter, body) == []


def test_a_conflict_the_graph_dates_by_one_month_keeps_that_key() -> None:
    # a graph whose offensive has a date (September 2022), not a start: the block says "date"
    ref = "event/offensive-2022-09"
    graph = SimpleNamespace(
        entities={ref: SimpleNamespace(type="ArmedConflict")},
        described={f"war {ref}": Described("war", starts={"2022-09"}, dated={"2022-09"})},
    )
    text = "The offensive of September 2022 killed hundreds."
    month = Found(16, 30, "2022-09", "month")
    sentence = Sentence(0, len(text), text, text.lower().split(), 0, [], [month], [], [])
    got = _conflict_start(ref, sentence, graph)  # type: ignore[arg-type]
    assert got is not None
    assert got.fields == {"id": ref, "type": "ArmedConflict", "date": "2022-09"}
