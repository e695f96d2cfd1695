"""The tenure as-of rule (docs/modelling.md, "As of when a title is attested"): `kg validate`
warns (`tenure-as-of`) where a tenure's as-of contradicts the event its title is given at:
as of the article at an earlier dated event (168's prime minister of 2016 attested as of 2021),
or no later than the article at the news of the article's days (197-246 used both forms for
one situation). Sentences and blocks written for the test."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg import audit_asof, config
from kg.audit_blocks import file_warnings
from tests.conftest import ROOT
from tests.curate.test_seed_errors import kg

# s2: told journalists (the news, not dated); s3: the visit of 29 October; s4: an indictment
ARTICLE = """article:
  id: article/901_0000000000000901
  type: NewsArticle
  seedFile: 901_0000000000000901.txt
  headline: Ministers on the week's talks
  datePublished: 2024-12-12
  mentions: [armenia, france, nikol-pashinyan, suren-papikyan, yuri-khatchaturov]

facts:
  - id: statement/test-pashinyan-told-journalists
    type: Statement
    speaker: nikol-pashinyan
    about: [armenia]
    latestDate: 2024-12-12
    dateNote: Told journalists; the text gives no day, no later than the article.
    locator: s2
    summary: The prime minister told journalists the talks would go on.

  - id: tenure/pashinyan-armenia-prime-minister
    type: Tenure
    holder: nikol-pashinyan
    post: post/armenia-prime-minister
    asOfNoLaterThan: 2024-12-12
    locator: s2
    summary: Called the prime minister where he speaks to journalists.

  - id: visit/test-papikyan-paris-2024-10-29
    type: Visit
    visitor: suren-papikyan
    destination: france
    date: 2024-10-29
    dateNote: '"On 29 October" (s3); the year is the article''s.'
    locator: s3
    summary: The defence minister was in Paris on 29 October.

  - id: tenure/papikyan-armenia-defence-minister
    type: Tenure
    holder: suren-papikyan
    post: post/armenia-defence-minister
    locator: s3
    summary: Called the defence minister at his visit of 29 October.

  - id: event/test-khatchaturov-indicted
    type: PoliticalEvent
    participant: [yuri-khatchaturov]
    latestDate: 2024-12-12
    dateNote: Told as an earlier event the text does not date; no later than the article.
    locator: s4
    summary: The Secretary General had been indicted.

  - id: tenure/khatchaturov-csto-secretary-general
    type: Tenure
    holder: yuri-khatchaturov
    post: post/csto-secretary-general
    asOfNoLaterThan: 2024-12-12
    locator: s4
    summary: Called the Secretary General at his indictment, which the text does not date.
"""


def _warned(path: Path) -> dict[str, str]:
    return {w.fact: w.why for w in file_warnings(path) if w.check == "tenure-as-of"}


def test_kg_validate_warns_where_the_event_contradicts_the_as_of(
    seed_copy: config.Paths,
) -> None:
    path = seed_copy.articles / "901_0000000000000901.yaml"
    path.write_text(ARTICLE, encoding="utf-8")
    result = kg("validate", "--seeds", str(seed_copy.seeds))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "warning (tenure-as-of)" in line]
    assert len(lines) == 2, result.stdout
    # a title given at a visit of 29 October in an article of 12 December: asOf that day
    visit = next(line for line in lines if "tenure/papikyan-armenia-defence-minister" in line)
    assert f"{path}:" in visit
    assert "asOf: 2024-10-29" in visit and "visit/test-papikyan-paris-2024-10-29" in visit
    # a title at the news the article reports, undated: the default, not "no later than"
    told = next(line for line in lines if "tenure/pashinyan-armenia-prime-minister" in line)
    assert "drop asOfNoLaterThan" in told
    # an earlier undated event, no later than the article: as the rule says, no warning
    assert not any("khatchaturov-csto" in line for line in lines)


def test_the_rule_followed_gives_no_warning_and_each_case_can_fail(tmp_path: Path) -> None:
    path = tmp_path / "901_0000000000000901.yaml"
    fixed = ARTICLE.replace(
        "    asOfNoLaterThan: 2024-12-12\n    locator: s2\n", "    locator: s2\n"
    )
    fixed = fixed.replace(
        "    post: post/armenia-defence-minister\n    locator: s3\n",
        "    post: post/armenia-defence-minister\n    asOf: 2024-10-29\n    locator: s3\n",
    )
    path.write_text(fixed, encoding="utf-8")
    assert _warned(path) == {}
    # the indictment's tenure as of the article: an undated earlier event, no later than it
    path.write_text(
        fixed.replace("    asOfNoLaterThan: 2024-12-12\n    locator: s4\n", "    locator: s4\n"),
        encoding="utf-8",
    )
    indicted = _warned(path)["tenure/khatchaturov-csto-secretary-general"]
    assert "asOfNoLaterThan: 2024-12-12" in indicted
    # asOf the article's own date is "as of the article" too
    path.write_text(fixed.replace("    asOf: 2024-10-29\n", "    asOf: 2024-12-12\n"), "utf-8")
    assert "asOf: 2024-10-29" in _warned(path)["tenure/papikyan-armenia-defence-minister"]
    # no later than the article at an event the text dates: its asOf
    path.write_text(fixed.replace("    asOf: 2024-10-29\n", "    asOfNoLaterThan: 2024-12-12\n"),
                    "utf-8")  # fmt: skip
    assert "asOf: 2024-10-29" in _warned(path)["tenure/papikyan-armenia-defence-minister"]
    # a visit of the article's week is its news: the default as-of, with no asOf of that day
    # (the rule's first case, decided in session 33 for the 41 tenures that had one)
    week = fixed.replace("2024-10-29", "2024-12-09")
    path.write_text(week, "utf-8")
    assert "write no asOf" in _warned(path)["tenure/papikyan-armenia-defence-minister"]
    path.write_text(week.replace("    asOf: 2024-12-09\n", ""), "utf-8")
    assert _warned(path) == {}
    # a day eight before the article is no longer its news: a dated asOf stands
    path.write_text(fixed.replace("2024-10-29", "2024-12-04"), "utf-8")
    assert _warned(path) == {}
    # a plan is no event the title is given at
    planned = fixed.replace("    visitor: suren-papikyan\n",
                            "    visitor: suren-papikyan\n    mode: code:mode-plan\n")  # fmt: skip
    path.write_text(planned.replace("    asOf: 2024-10-29\n", ""), "utf-8")
    assert _warned(path) == {}


def test_event_types_are_the_ontologys_events() -> None:
    ontology = Graph().parse(ROOT / "ontology" / "seckg.ttl")
    sk = "https://seckg.example.org/ontology#"
    event = URIRef(sk + "Event")
    below = {
        str(c).removeprefix(sk)
        for c in ontology.transitive_subjects(RDFS.subClassOf, event)
        if c != event
    }
    assert below == audit_asof.EVENT_TYPES
