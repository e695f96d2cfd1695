"""An article whose text, page and address give no publication date (020, 133 and 137 print
none): bounds, never a date presented as one.

The article block carries ``publishedNoEarlierThan`` and/or ``publishedNoLaterThan`` (with a
``dateNote``) instead of ``datePublished``; what it shows holding is attested "no later than"
its upper bound (``asOfNoLaterThan``, counted as evidence only from that bound on), or not
dated at all when it has none. Real seed files, the real build, on the frozen fixture corpus.
"""

from __future__ import annotations

import dataclasses
import re

import pyoxigraph as ox
import pytest
import yaml

from kg import audit_blocks, config, cq
from tests.conftest import built_with, corpus_with, refusals

BOTH, LOW_ONLY = "994_0123456789abcdef", "993_0123456789abcdef"
SK = "https://seckg.example.org/ontology#"
ID = "https://seckg.example.org/id/"
POSTS = cq.load(config.ROOT / "cq" / "20-posts-as-of-2021-12-31.yaml")


def undated_article(name: str, bounds: str, tenure: str, note: bool = True) -> str:
    """An article file with publication ``bounds`` (YAML lines) and one tenure it shows held."""
    date_note = (
        "  dateNote: The text prints no date; the bounds come from its s2.\n" if note else ""
    )
    return f"""\
article:
  id: article/{name}
  type: NewsArticle
  headline: A test article with no date
{bounds}{date_note}  seedFile: {name}.txt
  mentions: [maria-zakharova]
facts:
  - id: tenure/{tenure}
    type: Tenure
    holder: maria-zakharova
    post: post/russia-foreign-ministry-spokesperson
    summary: The article names her the ministry's spokesperson.
"""


def undated_articles() -> dict[str, str]:
    """The two test articles: one with both bounds, one with a lower bound only (this
    module's graph tests and the article-page tests build the same pair)."""
    return {
        BOTH: undated_article(
            BOTH,
            "  publishedNoEarlierThan: 2023-01\n  publishedNoLaterThan: 2023-03\n",
            "test-undated-both",
        ),
        LOW_ONLY: undated_article(
            LOW_ONLY, "  publishedNoEarlierThan: 2023-02\n", "test-undated-low-only"
        ),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    return built_with(tmp_path_factory.mktemp("undated"), undated_articles())


def _as_of(store: ox.Store, tenure: str) -> set[tuple[str, str]]:
    rows = store.query(
        f"""SELECT ?p ?d WHERE {{ ?a <{SK}attests> <{ID}tenure/{tenure}> ; ?p ?d
            FILTER (STRSTARTS(STR(?p), "{SK}asOf")) }}"""
    )
    return {(r["p"].value.removeprefix(SK), r["d"].value) for r in rows}


def test_as_of_the_article_is_no_later_than_its_upper_bound(built: ox.Store) -> None:
    assert _as_of(built, "test-undated-both") == {
        ("asOfNoLaterThan", "2023-03"),
        ("asOfLatest", "2023-03-31"),
    }


def test_without_an_upper_bound_the_attestation_is_undated(built: ox.Store) -> None:
    assert _as_of(built, "test-undated-low-only") == set()


def test_the_bounds_are_in_the_graph_and_no_date(built: ox.Store) -> None:
    article = f"<{ID}article/{BOTH}>"
    rows = built.query(f"SELECT ?p ?d WHERE {{ {article} ?p ?d FILTER (isLiteral(?d)) }}")
    dates = {(r["p"].value.rsplit("#", 1)[-1], r["d"].value) for r in rows}
    dates = {(p, d) for p, d in dates if "ublished" in p}
    # no schema:datePublished: the last day of the upper bound is what the shapes compare with
    assert dates == {
        ("publishedNoEarlierThan", "2023-01"),
        ("publishedNoLaterThan", "2023-03"),
        ("publishedLatest", "2023-03-31"),
    }


def _posts(store: ox.Store, day: str) -> dict[str, str]:
    query, n = re.subn(r'VALUES \?day \{ "[0-9-]+"', f'VALUES ?day {{ "{day}"', POSTS.query)
    assert n == 1
    rows = cq.answer(store, dataclasses.replace(POSTS, query=query))
    return {r["source"]: r["answer"] for r in rows if r["person"] == "maria-zakharova"}


def test_the_holding_is_evidence_only_from_the_upper_bound_on(built: ox.Store) -> None:
    # before the bound the article cannot say she held it: no answer from it, not "attested"
    assert f"article/{BOTH}" not in _posts(built, "2023-02-15")
    assert _posts(built, "2023-06-30").get(f"article/{BOTH}") == "last attested"
    # the article with no upper bound is never evidence of a day
    for day in ("2023-02-15", "2024-06-30"):
        assert f"article/{LOW_ONLY}" not in _posts(built, day)


@pytest.mark.parametrize(
    ("bounds", "note", "refusal"),
    [
        ("", True, "an article needs a datePublished"),
        (
            "  datePublished: 2023-02\n  publishedNoEarlierThan: 2023-01\n",
            True,
            "a datePublished or publication bounds, not both",
        ),
        ("  publishedNoEarlierThan: 2023-01\n", False, "need a dateNote"),
        (
            "  publishedNoEarlierThan: 2023-05\n  publishedNoLaterThan: 2023-03\n",
            True,
            "the wrong way round",
        ),
    ],
)
def test_what_an_undated_article_may_not_do(
    tmp_path: pytest.TempPathFactory, bounds: str, note: bool, refusal: str
) -> None:
    paths = corpus_with(tmp_path, {BOTH: undated_article(BOTH, bounds, "test-refused", note)})
    said = refusals(paths)
    assert any(refusal in line and BOTH in line for line in said), said


def test_a_fact_later_than_the_upper_bound_is_refused(tmp_path: pytest.TempPathFactory) -> None:
    """The upper bound is the article's last possible day: an as-of after it contradicts it."""
    text = undated_article(BOTH, "  publishedNoLaterThan: 2023-03\n", "test-too-late").replace(
        "    summary:", "    asOf: 2023-05\n    summary:"
    )
    said = refusals(corpus_with(tmp_path, {BOTH: text}))
    assert any("is after the article's publication (2023-03)" in line for line in said), said


@pytest.mark.parametrize(
    ("article", "low"),
    [("020_7c7d4ba064e33d56", "2023-01-18"), ("133_a232533820318d30", "2023-11-20"),
     ("137_bdbb3e17e30685c6", "2023-02-20")],
)  # fmt: skip
def test_the_live_undated_articles_have_bounds_not_a_date(article: str, low: str) -> None:
    """020, 133 and 137 print no date and their pages and addresses give none: each has the
    bound its text allows, never that bound as its datePublished, and no block of it is
    bounded by "the article's date" it does not have."""
    seed = yaml.safe_load((config.ROOT / "seeds" / "articles" / f"{article}.yaml").read_text())
    block = seed["article"]
    assert "datePublished" not in block and str(block["publishedNoEarlierThan"]) == low
    assert "publishedNoLaterThan" not in block  # nothing gives one: no as-of is derived
    assert not [
        fact["id"] for fact in seed["facts"] if "latestDate" in fact or "asOfNoLaterThan" in fact
    ]


EARLIEST = "November 2023 is the earliest month the text allows."
ESTIMATE = "2019 is the curators' estimate from that context."


@pytest.mark.parametrize(
    ("block", "warned"),
    [
        ({"datePublished": "2023-11", "dateNote": EARLIEST}, True),
        ({"datePublished": "2019", "dateNote": ESTIMATE}, True),
        ({"publishedNoEarlierThan": "2023-11", "dateNote": "No earlier than the signing."}, False),
        ({"datePublished": "2024-03-14", "dateNote": "From the page's address."}, False),
    ],
)
def test_kg_validate_warns_of_a_bound_written_as_the_date(block: dict, warned: bool) -> None:
    """published-bound: a datePublished whose own dateNote says it is the earliest date the text
    allows, or an estimate (9 live articles and the frozen 000/004 before their migration)."""
    assert bool(list(audit_blocks.published_problems(block))) is warned


@pytest.mark.parametrize(
    ("article", "low", "high"),
    [
        ("023_62414a62fea1fc34", "2023-02-21", None),
        ("037_0d54afee459f9712", "2022-07", None),
        ("062_7ea549c48cd0c482", "2018-07-17", None),
        ("063_4716825d1e407daf", "2020-09-30", None),
        ("101_846ddc8ff0b8c6d8", "2023-09-19", "2023"),
        ("110_a259c1ad2fff1648", "2019-12-27", None),
        ("113_7785fb5ea655aa1e", "2022-11-23", None),
    ],
)
def test_the_articles_published_bound_found_are_undated(
    article: str, low: str, high: str | None
) -> None:
    """What published-bound found on the live corpus, migrated: the earliest date each text
    allows is its lower bound, never its date (101's "this year" gives an upper one too)."""
    path = config.ROOT / "seeds" / "articles" / f"{article}.yaml"
    block = yaml.safe_load(path.read_text(encoding="utf-8"))["article"]
    assert "datePublished" not in block
    assert str(block["publishedNoEarlierThan"]) == low
    assert block.get("publishedNoLaterThan") == (int(high) if high else None)
    assert not list(audit_blocks.published_problems(block))
