"""A deal's status is each article's own, as of that article's date (docs/modelling.md, "Arms
deals and events"): an article saying "signed" and a later one saying "delivered" build
together, and the graph, the competency question and the entity page show both, each with
its article and as-of date. Real seed files, the real build, on the frozen fixture corpus."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import config, cq
from server.lod import entity
from tests.conftest import article_head, built_with, corpus_with, refusals, served_query

SK = "https://seckg.example.org/ontology#"
ID = "https://seckg.example.org/id/"
CODE = "https://seckg.example.org/code/"
DEAL = f"{ID}deal/france-armenia-howitzers-test"
TREATY = f"{ID}agreement/france-armenia-treaty-test"
SIGNED, DELIVERED = "997_0123456789abcdef", "998_0123456789abcdef"


def _article(name: str, published: str, status: str, extra: str = "") -> str:
    head = article_head(name, f"A test article about a howitzer deal ({status})", published,
                        "france, armenia")  # fmt: skip
    return f"""{head}\
  - id: deal/france-armenia-howitzers-test
    type: ArmsDeal
    supplier: france
    recipient: armenia
    systemType: code:weapon-self-propelled-howitzer
    latestDate: 2024-06
    status: code:deal-{status}
{extra}    summary: The article gives the howitzer deal as {status}.
"""


def _treaty(status: str) -> str:
    """An agreement a parliament ratified (one article) and that is in force (a later one)."""
    return f"""
  - id: {TREATY.removeprefix(ID)}
    type: Agreement
    label: A test defence treaty
    party: [france, armenia]
    date: 2024-02
    status: code:deal-{status}
    summary: The article gives the treaty as {status.replace("-", " ")}.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    """The fixture corpus and the two articles, through the whole build (which stops on any
    SHACL violation), opened as the server opens it."""
    articles = {
        SIGNED: _article(SIGNED, "2024-06-19", "signed", "    quantityOrdered: 36\n")
        + _treaty("ratified"),
        DELIVERED: _article(DELIVERED, "2025-03", "delivered", "    asOf: 2025-02\n")
        + _treaty("in-force"),
    }
    return built_with(tmp_path_factory.mktemp("status"), articles)


def test_each_article_keeps_its_status_as_of_its_date(built: ox.Store) -> None:
    rows = sorted(
        (r["g"].value.rsplit("/", 1)[-1], r["s"].value.removeprefix(CODE), r["d"].value)
        for r in built.query(
            f"PREFIX sk: <{SK}> SELECT ?g ?s ?d WHERE {{ GRAPH ?g {{ "
            f"?a sk:attests <{DEAL}> ; sk:status ?s ; sk:asOf ?d }} }}"
        )
    )
    # the first article's status as of its own date (the deal's latestDate does not hide it),
    # the second's as of the date its text gives
    assert rows == [(SIGNED, "deal-signed", "2024-06-19"), (DELIVERED, "deal-delivered", "2025-02")]
    on_deal = f"PREFIX sk: <{SK}> ASK {{ GRAPH ?g {{ <{DEAL}> sk:status ?s }} }}"
    assert not bool(built.query(on_deal)), "the deal itself carries no status"


def test_the_question_gives_both_statuses_with_their_articles(built: ox.Store) -> None:
    question = cq.load(config.ROOT / "cq" / "03-arms-deals.yaml")
    rows = {
        (r["status"], r["statusAsOf"], r["source"])
        for r in cq.answer(built, question)
        if r["deal"] == "deal/france-armenia-howitzers-test"
    }
    assert rows == {
        ("deal-signed", "2024-06-19", f"article/{SIGNED}"),
        ("deal-delivered", "2025-02", f"article/{DELIVERED}"),
    }


def test_the_entity_page_shows_each_articles_status(built: ox.Store) -> None:
    view = entity.fact_view(served_query(built), DEAL, "deal")
    said = {
        (a.article.rsplit("/", 1)[-1], a.status[1] if a.status else "", tuple(a.as_of), a.ordered)
        for a in view.attestations
    }
    assert said == {
        (SIGNED, "signed", ("2024-06-19",), "36"),
        (DELIVERED, "delivered", ("2025-02",), ""),
    }
    assert not view.values("status"), "the deal itself carries no status"


def test_one_article_giving_two_statuses_is_refused(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    text = _article(SIGNED, "2024-06-19", "signed").replace(
        "    status: code:deal-signed\n", "    status: [code:deal-signed, code:deal-delivered]\n"
    )
    paths = corpus_with(tmp_path_factory.mktemp("two-statuses"), {SIGNED: text})
    messages = refusals(paths)
    assert any("one status of a deal" in m and SIGNED in m for m in messages), messages


def test_an_agreement_ratified_then_in_force(built: ox.Store) -> None:
    """The statuses beyond signed (108 had to write two ratifications as events): each article
    gives its own, and the page reads them with the scheme's labels."""
    view = entity.fact_view(served_query(built), TREATY, "Agreement")
    said = {(a.article.rsplit("/", 1)[-1], a.status) for a in view.attestations}
    assert said == {
        (SIGNED, (f"{CODE}deal-ratified", "ratified")),
        (DELIVERED, (f"{CODE}deal-in-force", "in force")),
    }
    in_scheme = f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        ASK {{ <{CODE}deal-ratified> skos:inScheme <{CODE}DealStatus> ; skos:definition ?d .
              <{CODE}deal-in-force> skos:inScheme <{CODE}DealStatus> ; skos:definition ?e }}"""
    assert bool(built.query(in_scheme))
