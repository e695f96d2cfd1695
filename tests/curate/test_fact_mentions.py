"""A membership the graph has is mentioned by its id when one sentence names the member,
the organisation and a membership word, as the curated files list it
(``kg/draft/pipeline.py`` ``_memberships_named``). Sentences written for the test, never
article text."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _mentions(drafter: Drafter, body: str) -> list[str]:
    return drafter.body(body).mentions


def test_a_membership_named_is_mentioned(drafter: Drafter) -> None:
    body = "Yerevan is weighing the future of Armenia's membership in the CSTO."
    assert "membership/armenia-csto" in _mentions(drafter, body)
    russian = "В Ереване обсуждают будущее членства Армении в ОДКБ."
    assert "membership/armenia-csto" in _mentions(drafter, russian)


def test_no_membership_without_the_noun_by_the_state(drafter: Drafter) -> None:
    for body in (
        "Armenia skipped the CSTO summit in Minsk.",
        "Armenia said Russia and other members of the CSTO did not help.",
    ):
        assert not [m for m in _mentions(drafter, body) if m.startswith("membership/")]


def test_a_fact_named_without_its_labels_qualifier_is_mentioned(drafter: Drafter) -> None:
    """The graph labels it "Shusha Declaration (Turkey–Azerbaijan)"; an article says "the
    Shusha Declaration" (wave 5's feedback: the id was not proposed)."""
    body = "The ministers recalled the Shusha Declaration at the talks on Monday."
    assert "agreement/shusha-declaration" in _mentions(drafter, body)
    assert "shusha" not in _mentions(drafter, body)


def test_named_facts_finds_the_graphs_facts_among_the_names(drafter: Drafter) -> None:
    from kg.draft.names import named_facts, pipeline_for

    nlp, matcher = pipeline_for(drafter.gazetteer)
    doc = nlp("Both sides invoked the Shusha Declaration in Baku.")
    found = named_facts(matcher(doc), drafter.gazetteer)
    assert [e.id for e in found] == ["agreement/shusha-declaration"]
