"""An agreement the graph has, told by its kind and its parties ("the peace treaty of
Armenia and Azerbaijan", in the corpus's languages), is mentioned by its id; an agreement of
another kind dated the same day is not taken for it (wave 12: a peace agreement missed in
two texts, one drafted as the declaration signed that day). Sentences written for the
test; the frozen graph gives the agreements their parties."""

from __future__ import annotations

import pytest

from kg.draft.graph_facts import Known, agreements_by_kind
from tests.curate.conftest import Drafter

PEACE = "agreement/armenia-azerbaijan-peace-2025"
DECLARATION = "agreement/washington-declaration-2025"


@pytest.mark.parametrize(
    "body",
    [
        "Armenia and Azerbaijan signed a peace agreement on Friday, the White House said.",
        "Армения и Азербайджан парафировали мирный договор, сообщили в Ереване.",
        "Azerbaycan ile Ermenistan arasındaki barış anlaşması Washington'da imzalandı.",
        "Armenien und Aserbaidschan haben ein Friedensabkommen paraphiert, hieß es in Baku.",
        "Armenia e Azerbaigian hanno siglato un accordo di pace, ha riferito l'agenzia.",
    ],
)
def test_a_peace_agreement_by_its_parties(drafter: Drafter, body: str) -> None:
    draft = drafter.text("A day in the capital\n\n" + body + "\n", published="2025-08-09")
    assert PEACE in draft.mentions
    assert DECLARATION not in draft.mentions


def test_one_party_missing_is_no_such_agreement(drafter: Drafter) -> None:
    body = "Azerbaijan wants a peace agreement on its own terms, the minister said."
    draft = drafter.text("A day in the capital\n\n" + body + "\n", published="2025-08-09")
    assert PEACE not in draft.mentions


def test_peace_without_an_agreement_is_none(drafter: Drafter) -> None:
    body = "Armenia and Azerbaijan spoke of peace in the region, the minister said."
    draft = drafter.text("A day in the capital\n\n" + body + "\n", published="2025-08-09")
    assert PEACE not in draft.mentions


def test_the_kind_picks_one_of_two_agreements_of_the_same_parties() -> None:
    table = {
        "agreement/a-b-peace": Known("agreement/a-b-peace", "Agreement", {"a", "b"},
                                     fields={"party": ["a", "b"]}),
        "agreement/a-b-border": Known("agreement/a-b-border", "Agreement", {"a", "b"},
                                      fields={"party": ["a", "b"]}),
    }  # fmt: skip
    labels = {"agreement/a-b-peace": "A–B peace treaty",
              "agreement/a-b-border": "A–B border delimitation protocol"}  # fmt: skip
    said: list[str] = []
    text = "A and B signed the delimitation protocol."
    assert agreements_by_kind(text, ["a", "b"], [], said, table, labels) == ["agreement/a-b-border"]
    text = "A and B signed the peace treaty."
    assert agreements_by_kind(text, ["a", "b"], [], said, table, labels) == ["agreement/a-b-peace"]
    # (a year the sentence gives that is none of the agreement's)
    table["agreement/a-b-peace"].dates.add("2025-08-08")
    assert agreements_by_kind(text, ["a", "b"], [], ["2019"], table, labels) == []


def test_not_an_agreement_made_after_the_article_nor_a_form_alone() -> None:
    parties = {"party": ["a", "b"]}
    table = {
        "agreement/a-b-peace": Known(
            "agreement/a-b-peace", "Agreement", {"a", "b"}, {"2025-08-08"}, {"2025-08-08"},
            fields=parties,
        ),
        "agreement/a-b-declaration": Known(
            "agreement/a-b-declaration", "Agreement", {"a", "b"}, fields=parties
        ),
    }  # fmt: skip
    labels = {"agreement/a-b-peace": "A–B peace treaty",
              "agreement/a-b-declaration": "A–B declaration on allied interaction"}  # fmt: skip
    text = "A and B resumed talks on a peace treaty."
    # (a page of 2022 speaks of earlier talks; one of the day after, of that treaty)
    assert agreements_by_kind(text, ["a", "b"], [], [], table, labels, "2022-05-01") == []
    assert agreements_by_kind(text, ["a", "b"], [], [], table, labels, "2025-08-09") == [
        "agreement/a-b-peace"
    ]
    # (a form alone is any paper: "a draft declaration")
    text = "A and B refused to sign a draft declaration."
    assert agreements_by_kind(text, ["a", "b"], [], [], table, labels, "2025-08-09") == []


@pytest.mark.parametrize(
    "body",
    [
        "Analysts say the conclusion of a peace treaty between Armenia and Azerbaijan is far.",
        "Der Abschluss eines Friedensvertrags zwischen Armenien und Aserbaidschan ist fern.",
        "La conclusion d'un accord de paix entre l'Arménie et l'Azerbaïdjan reste lointaine.",
    ],
)
def test_an_agreement_of_its_kind_is_not_the_graphs(drafter: Drafter, body: str) -> None:
    """The conclusion of "a peace treaty", no signing said, is a prospect, not the graph's
    treaty; of "the peace treaty" (and, above, "signed a peace agreement") it is."""
    draft = drafter.text("A day in the capital\n\n" + body + "\n", published="2025-08-23")
    assert PEACE not in draft.mentions
    definite = (
        body.replace("a peace treaty", "the peace treaty")
        .replace("eines Friedensvertrags", "des Friedensvertrags")
        .replace("d'un accord", "de l'accord")
    )
    draft = drafter.text("A day in the capital\n\n" + definite + "\n", published="2025-08-23")
    assert PEACE in draft.mentions
