"""A state's memberships on a day (server/lod/asof.py): the model's as-of rule, run as
competency question 21's own query for another state and day, never a second copy of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import cq
from server.lod import asof
from server.lod.entity import label_of
from tests.conftest import served_query

BASE = "https://seckg.example.org/"


@pytest.mark.parametrize("day", ["2019-06-30", "2023-06-30", "2024-03-01", "2026-01-01"])
def test_the_answers_are_competency_question_21s(store: ox.Store, day: str) -> None:
    """For Armenia (the member cq 21 asks about) every day gives cq 21's own answers."""
    text = asof._rule(asof.RULE)
    expected = {
        (r["organization"], r["status"], r["answer"])
        for r in cq.answer(store, asof._DAY.sub(f'VALUES ?day {{ "{day}"^^xsd:date }}', text))
    }
    got = asof.memberships_on(served_query(store), BASE + "id/armenia", dt.date.fromisoformat(day))
    assert {(a.organization.rsplit("/", 1)[-1], a.status, a.answer) for a in got} == {
        (o, s, a) for o, s, a in _labelled(store, expected)
    }
    assert all(
        a.answer in {"attested", "last attested", "replaced", "ended", "unknown"} for a in got
    )


def _labelled(store: ox.Store, rows: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """cq.answer gives the status as its slug (membership-active); the view its label."""
    return {(o, label_of(served_query(store), f"{BASE}code/{s}"), a) for o, s, a in rows}


def test_another_member_gets_its_own_memberships(store: ox.Store) -> None:
    """Only the member changes: a state with no membership status gets none of Armenia's."""
    got = asof.memberships_on(served_query(store), BASE + "id/france", dt.date(2024, 1, 1))
    assert got == []


def test_a_changed_rule_text_is_an_error_not_a_wrong_answer(tmp_path: Path) -> None:
    text = asof.RULE.read_text(encoding="utf-8").replace("sk:member id:armenia", "sk:member ?x")
    changed = tmp_path / "21.yaml"
    changed.write_text(text, encoding="utf-8")
    with pytest.raises(RuntimeError, match="the member"):
        asof._rule(changed)


@pytest.mark.parametrize("bad", ["2023-6-30", "2023-02-30", "yesterday", "", "2023-06-30T00:00"])
def test_a_bad_day_is_named(bad: str) -> None:
    with pytest.raises(ValueError, match="day"):
        asof.parse_day(bad)
