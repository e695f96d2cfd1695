"""An end one article gives and a later article that reports the fact going on are sources
that disagree, not a broken build (docs/modelling.md, "Time": "Over by whose account").

Article 120 says the Russian border guards were on the Armenian–Iranian border until
1 January 2025; a later article may still report them there. SHACL refuses an as-of date after
an end only within one article's graph (a curator's self-contradiction); across articles the
graph keeps both, and the answers name both: the situations question (cq/22) keeps the later
article's row with the article that ends it, and the entity page says the sources differ.
Real seed files, the real build, on the frozen fixture corpus.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyoxigraph as ox
import pytest

from kg import config, cq
from server.lod import asof, entity, evidence
from tests.conftest import article_head, built_with, corpus_with, refusals, served_query

ID = "https://seckg.example.org/id/"
FACT = "deployment/russian-guards-test-border"
STATUS = "status/armenia-csto-frozen-test"
ENDED, ONGOING = "995_0123456789abcdef", "996_0123456789abcdef"


def _deployment(extra: str) -> str:
    return f"""\
  - id: {FACT}
    type: Deployment
    label: Russian border guards on a test border
    contributor: russia
    hostState: armenia
    area: armenian-iranian-border
{extra}    summary: The article speaks of Russian border guards on the border.
"""


def _status(extra: str) -> str:
    return f"""\
  - id: {STATUS}
    type: MembershipStatusPeriod
    ofMembership: membership/armenia-csto
    status: code:membership-frozen
{extra}    summary: The article speaks of Armenia's CSTO membership as frozen.
"""


END = "    former: true\n    endDate: 2025-01-01\n"


def _ended(extra: str = "") -> str:
    head = article_head(ENDED, "A test article saying the guards left", "2025-04-11",
                        "russia, armenia")  # fmt: skip
    return head + _deployment(END + extra) + _status(END + "    asOf: 2024-06\n")


def _ongoing() -> str:
    head = article_head(ONGOING, "A test article saying the guards are there", "2025-06-20",
                        "russia, armenia")  # fmt: skip
    return head + _deployment("") + _status("")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    """The fixture corpus with both articles, through the whole build (which stops on any SHACL
    violation: before the fix it refused the later article's as-of date)."""
    articles = {ENDED: _ended(), ONGOING: _ongoing()}
    return built_with(tmp_path_factory.mktemp("end-disagreement"), articles)


def test_each_article_keeps_its_view(built: ox.Store) -> None:
    rows = {
        (r["g"].value.rsplit("/", 1)[-1], r["p"].value.rsplit("#", 1)[-1])
        for r in built.query(
            f"SELECT ?g ?p WHERE {{ GRAPH ?g {{ <{ID}{FACT}> ?p ?o }} "
            "FILTER (?p IN (<https://seckg.example.org/ontology#endDate>, "
            "<https://seckg.example.org/ontology#former>)) }"
        )
    }
    # the end and "former" stay in the ending article's graph only
    assert rows == {(ENDED, "endDate"), (ENDED, "former")}


def test_the_situations_question_names_both_articles(built: ox.Store) -> None:
    question = cq.load(config.ROOT / "cq" / "22-situations-going-on.yaml")
    rows = {
        (r["source"], r.get("endedBy"), r.get("end"))
        for r in cq.answer(built, question)
        if r["fact"] == FACT
    }
    # the later article presents it as going on; the row says which article ended it, and when;
    # the ending article does not present it as going on on its own date
    assert rows == {(f"article/{ONGOING}", f"article/{ENDED}", "2025-01-01")}


@pytest.mark.parametrize("day", ["2025-03-01", "2025-07-01"])
def test_the_as_of_answer_is_disputed_and_names_both(built: ox.Store, day: str) -> None:
    # on a day after the end: the latest evidence is the end (March) or the later article's
    # attestation (July); either way "disputed", never "ended" or "last attested"
    got = [
        a
        for a in asof.memberships_on(
            served_query(built), f"{ID}armenia", dt.date.fromisoformat(day)
        )
        if a.status == "frozen" and ENDED in a.ended_by
    ]
    assert [(a.answer, a.ended_by, a.attested_after_end_by) for a in got] == [
        ("disputed", f"{ID}article/{ENDED}", f"{ID}article/{ONGOING}")
    ], got
    assert got[0].source.endswith(ENDED if day < "2025-06-20" else ONGOING)


def test_before_the_end_it_is_not_disputed(built: ox.Store) -> None:
    question = cq.load(config.ROOT / "cq" / "21-csto-status-mid-2023.yaml")
    question = dataclasses.replace(
        question, query=question.query.replace('"2023-06-30"', '"2024-12-15"')
    )
    answers = {
        r["answer"]
        for r in cq.answer(built, question)
        if r["source"] == f"article/{ENDED}" and r["status"] == "membership-frozen"
    }
    # the ending article's own evidence of June 2024, before its end: the dispute is about
    # whether it had ended, so a day before the end reads as without it
    assert answers == {"last attested"}, answers


def test_the_entity_page_says_the_sources_differ(built: ox.Store) -> None:
    view = entity.fact_view(served_query(built), f"{ID}{FACT}", "Deployment")
    found = [d for d in evidence.disagreements(view) if "ended" in d.what]
    assert len(found) == 1, evidence.disagreements(view)
    sides = {side.says: [a.rsplit("/", 1)[-1] for a, _ in side.articles] for side in found[0].sides}
    assert sides == {"ended by 2025-01-01": [ENDED], "going on as of 2025-06-20": [ONGOING]}
    assert not view.when.startswith("ended"), view.when  # the headline never says it ended
    assert "sources differ on whether it had ended" in view.when_more, view.when_more


def test_one_article_ending_what_it_attests_later_is_refused(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    text = _ended(extra="    asOf: 2025-03\n")  # over by 1 January, shown holding in March
    paths = corpus_with(tmp_path_factory.mktemp("self-contradiction"), {ENDED: text})
    messages = refusals(paths)
    assert any("after the fact had certainly ended" in m and ENDED in m for m in messages), messages
