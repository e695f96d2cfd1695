"""A plan is no evidence (docs/modelling.md, "As of a day"): "Asryan will become defence
minister on 1 March", "Papikyan will leave on 1 March", "Armenia will withdraw from the CSTO in
January 2025" say nothing about what held after those days. The as-of questions (cq/08, 16,
20, 21), the situations question (cq/22) and the entity page must answer as if the plans were
not there: no planned holder or status as evidence, no incumbent "replaced", "ended" or
"unknown" because of a plan. Exact answers on the frozen fixture corpus plus one article file
of plans, through the real build."""

from __future__ import annotations

import dataclasses
import re

import pyoxigraph as ox
import pytest

from kg import config, cq
from server.lod import entity
from tests.conftest import built_with

NAME = "994_0123456789abcdef"
PLANS = f"""\
article:
  id: article/{NAME}
  type: NewsArticle
  headline: A test article announcing changes
  datePublished: 2024-01-15
  seedFile: {NAME}.txt
  mentions: [armenia, csto, eduard-asryan, suren-papikyan, kremlin]
facts:
  - id: tenure/asryan-armenia-defence-minister
    type: Tenure
    holder: eduard-asryan
    post: post/armenia-defence-minister
    startDate: 2024-03-01
    mode: code:mode-plan
    summary: Asryan is to become defence minister on 1 March.
  - id: tenure/papikyan-armenia-defence-minister
    type: Tenure
    holder: suren-papikyan
    post: post/armenia-defence-minister
    endDate: 2024-03-01
    mode: code:mode-plan
    summary: Papikyan is to leave the post on 1 March.
  - id: status/armenia-csto-withdrawn-planned
    type: MembershipStatusPeriod
    ofMembership: membership/armenia-csto
    status: code:membership-withdrawn
    startDate: 2025-01
    mode: code:mode-plan
    summary: Armenia is to leave the CSTO in January 2025.
  - id: deployment/russian-peacekeepers-lachin-corridor
    type: PeacekeepingDeployment
    contributor: russia
    area: lachin-corridor
    endDate: 2024-03-01
    mode: code:mode-plan
    summary: The peacekeepers are to leave the Lachin corridor by 1 March.
"""
# Plans slip: a later article still reports the peacekeepers; an earlier one already has
# Asryan in the post. Neither contradicts a plan (SHACL compares as-of dates with the dates
# articles report, not with plans).
SLIPPED = """\
article:
  id: article/{name}
  type: NewsArticle
  headline: A test article reporting {what}
  datePublished: {published}
  seedFile: {name}.txt
  mentions: [armenia, russia, eduard-asryan, lachin-corridor]
facts:
  - id: {fact}
{block}    summary: The article reports {what}.
"""

POSTS = cq.load(config.ROOT / "cq" / "16-posts-as-of-2019.yaml")
MEMBERSHIPS = cq.load(config.ROOT / "cq" / "08-memberships-as-of-2021.yaml")


def _at(question: cq.CompetencyQuestion, day: str) -> cq.CompetencyQuestion:
    query, n = re.subn(r'VALUES \?day \{ "[0-9-]+"', f'VALUES ?day {{ "{day}"', question.query)
    assert n == 1
    return dataclasses.replace(question, query=query)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    return built_with(tmp_path_factory.mktemp("plans"), {NAME: PLANS})


def _defence_ministers(store: ox.Store, day: str) -> list[tuple[str, str, str, str]]:
    return sorted(
        (r["person"], r["answer"], r["evidence"], r["source"][8:11])
        for r in cq.answer(store, _at(POSTS, day))
        if r["post"] == "post/armenia-defence-minister"
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # the fixture corpus: Papikyan attested through 2024 (001), Tonoyan replaced. Without the
        # rule the plans made Asryan "last attested" from 1 March and Papikyan "ended"
        (
            "2024-01-31",
            [
                ("davit-tonoyan", "replaced", "2019-10-29", "004"),
                ("suren-papikyan", "attested", "2024", "001"),
            ],
        ),
        (
            "2024-06-30",
            [
                ("davit-tonoyan", "replaced", "2019-10-29", "004"),
                ("suren-papikyan", "attested", "2024", "001"),
            ],
        ),
        ("2021-12-31", [("davit-tonoyan", "unknown", "2019-10-29", "004")]),
    ],
)
def test_a_planned_holder_or_end_is_no_evidence(
    store: ox.Store, day: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert _defence_ministers(store, day) == expected


def test_a_planned_status_is_no_evidence(store: ox.Store) -> None:
    """Without the rule: the frozen and reduced statuses "replaced", withdrawal "last attested"."""
    rows = sorted(
        (r["status"], r["answer"], r["evidence"], r["source"][8:11])
        for r in cq.answer(store, _at(MEMBERSHIPS, "2025-06-30"))
        if r["organization"] == "csto"
    )
    assert rows == [
        ("membership-active", "replaced", "2019", "004"),
        ("membership-frozen", "last attested", "2024-02", "001"),
        ("membership-reduced", "last attested", "2024", "001"),
    ]


def test_every_as_of_question_ignores_the_plans(store: ox.Store) -> None:
    """cq/08, 16, 20 and 21 at their own days and after the planned dates: no row is a plan's."""
    names = [
        "08-memberships-as-of-2021",
        "08-memberships-as-of-2024-03",
        "16-posts-as-of-2019",
        "20-posts-as-of-2021-12-31",
        "21-csto-status-mid-2023",
    ]
    for name in names:
        question = cq.load(config.ROOT / "cq" / f"{name}.yaml")
        for day in (None, "2024-03-01", "2024-12-31", "2025-01-31", "2026-06-30"):
            asked = question if day is None else _at(question, day)
            for row in cq.answer(store, asked):
                assert NAME not in row["source"], (name, day, row)
                assert row.get("person") != "eduard-asryan" or row["post"] != (
                    "post/armenia-defence-minister"
                ), (name, day, row)
                assert row.get("status") != "membership-withdrawn", (name, day, row)
                ended = row["answer"] == "ended"
                assert not ended or row.get("person") != "suren-papikyan", (name, day, row)


def test_the_entity_page_says_planned(store: ox.Store) -> None:
    def query(text: str) -> ox.QuerySolutions:
        return store.query(text, use_default_graph_as_union=True)

    base = config.ID
    planned = entity.fact_view(query, f"{base}tenure/asryan-armenia-defence-minister", "Tenure")
    assert planned.when == "planned from 2024-03-01"
    held = entity.fact_view(query, f"{base}tenure/papikyan-armenia-defence-minister", "Tenure")
    assert not held.when.startswith("ended"), held.when
    statuses = {s.status: s for s in entity._statuses(query, f"{base}armenia")}
    assert statuses["withdrawn"].starts == [], "a planned start does not start the status"


def _slipped(name: str, what: str, published: str, fact: str, block: str) -> str:
    return SLIPPED.format(name=name, what=what, published=published, fact=fact, block=block)


@pytest.fixture(scope="module")
def slipped(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    early, late = "993_0123456789abcdef", "992_0123456789abcdef"
    asryan = (
        "    type: Tenure\n    holder: eduard-asryan\n    post: post/armenia-defence-minister\n"
    )
    peacekeepers = (
        "    type: PeacekeepingDeployment\n    contributor: russia\n    area: lachin-corridor\n"
    )
    articles = {
        NAME: PLANS,
        early: _slipped(early, "Asryan as defence minister", "2024-02-10",
                        "tenure/asryan-armenia-defence-minister", asryan),
        late: _slipped(late, "the peacekeepers still in the corridor", "2024-06-20",
                       "deployment/russian-peacekeepers-lachin-corridor", peacekeepers),
    }  # fmt: skip
    # SHACL passes: an as-of before a planned start or after a planned end is fine
    return built_with(tmp_path_factory.mktemp("slipped"), articles)


def test_reports_around_a_plan_build_and_answer(slipped: ox.Store) -> None:
    asryan = sorted(
        (r["answer"], r["evidence"], r["source"][8:11])
        for r in cq.answer(slipped, _at(POSTS, "2024-02-15"))
        if r["person"] == "eduard-asryan" and r["post"] == "post/armenia-defence-minister"
    )
    assert asryan == [("last attested", "2024-02-10", "993")]
    going_on = cq.load(config.ROOT / "cq" / "22-situations-going-on.yaml")
    rows = sorted(
        (r["asOf"], r["source"][8:11])
        for r in cq.answer(slipped, going_on)
        if r["fact"] == "deployment/russian-peacekeepers-lachin-corridor"
    )
    assert rows == [("2023-09", "002"), ("2024-06-20", "992")]
