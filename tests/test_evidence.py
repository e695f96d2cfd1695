"""Evidence and time: each article graph holds exactly what its own seed file states; claims,
assessments and statements stay apart; "as of" compares days across precisions.

One test per class of defect the evidence-and-time audit found: over-attribution, speakers
invented for an author's judgement, attestations read as start dates, dates compared as
strings, restriction classes leaking into the inferred graph, kinds that must not overlap,
time-less derived links read as current, malformed partial dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import yaml

from kg import config, cq
from kg.build import BuildResult, ValidationFailed, build
from kg.errors import SeedError
from kg.mapping import Seeds, document, read_seeds
from kg.query import open_store
from kg.timebounds import day_bounds, fact_bounds

ROOT = config.ROOT
SK = str(config.SK)
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"


def _quads(path: Path) -> list[ox.Quad]:
    return list(ox.parse(path=path, format=ox.RdfFormat.N_QUADS))


def _graph_of_one_file(seeds: Seeds, index: int) -> set[ox.Triple]:
    """The triples that mapping *only* this article file (and nothing else) gives its graph."""
    alone = Seeds(seeds.context, seeds.reference, [seeds.articles[index]], seeds.graphs)
    doc = document(alone, config.Paths())
    article_iri = f"{config.ID}{seeds.articles[index].article['id']}"  # type: ignore[index]
    graph = config.article_graph(article_iri)
    quads = ox.parse(json.dumps(doc).encode(), format=ox.RdfFormat.JSON_LD)
    return {q.triple for q in quads if q.graph_name.value == graph}


# What the build adds to an article's graph beyond the values written in its file: the
# attestation's type and citation, the default mode, the as-of date taken from the article's,
# the day bounds computed from the dates, and the file the article was curated in.
DERIVED = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    PROV_DERIVED,
    *(
        f"{SK}{name}"
        for name in ("curatedIn", "mode", "asOf", "asOfEarliest", "asOfLatest",
                     "startEarliest", "startLatest", "endEarliest", "endLatest", "publishedLatest")
    ),
}  # fmt: skip


def _written(value: object) -> Iterator[str]:
    """Every scalar a YAML value holds, as text (lists and mappings flattened)."""
    if isinstance(value, list):
        for item in value:
            yield from _written(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _written(item)
    elif isinstance(value, bool):
        yield str(value).lower()
    elif isinstance(value, date):
        yield value.isoformat()
    else:
        yield str(value)


def _says(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple, text: str) -> bool:
    """Whether an object term is the written value ``text``: the same literal, the IRI as
    written, the id's IRI, or a term ``prefix:name`` / a class name ending the IRI."""
    if isinstance(term, ox.Literal):
        return term.value.strip() == text.strip()
    name = text.split(":")[-1]
    return term.value in (text, config.ID + text) or term.value.endswith(("/" + name, "#" + name))


def _read_articles(seeds_dir: Path) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """A reader of its own (plain ``yaml.safe_load``, not kg.mapping): graph IRI -> (the
    article block, {fact IRI: its block}) for every article file."""
    out = {}
    for path in sorted((seeds_dir / "articles").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ref = data["article"]["id"]
        facts = {config.ID + block["id"]: block for block in data["facts"]}
        out[f"{config.BASE}graph/{ref}"] = (data["article"], facts)
    return out


def test_every_article_graph_is_exactly_its_own_file(
    live_built: tuple[config.Paths, BuildResult],
) -> None:
    """Each article graph against its YAML file read independently: every fact block is in
    it, on the fact or on this article's attestation of it, with every value it writes; every
    subject is the article, one of its facts or an attestation of one; every triple is a
    value the file writes or one the build derives (:data:`DERIVED`). Over-attribution (a
    node or a value from another article's file) and loss (an emptied graph, a dropped key)
    both fail here. And mapping the file alone gives the same graph as the whole build.
    Every article of the live corpus."""
    paths, _ = live_built
    by_graph: dict[str, set[ox.Triple]] = {}
    for q in _quads(paths.dist / "dataset.nq"):
        by_graph.setdefault(q.graph_name.value, set()).add(q.triple)
    articles = _read_articles(paths.seeds)
    assert len(articles) >= 5
    assert {g for g in by_graph if g.startswith(f"{config.BASE}graph/article/")} == set(articles)
    for graph, (article, facts) in articles.items():
        published = by_graph[graph]
        article_iri = config.ID + article["id"]
        attests = {
            t.subject.value: t.object.value
            for t in published
            if t.predicate.value == f"{SK}attests"
        }
        assert sorted(attests.values()) == sorted(facts), graph  # one attestation per fact
        subjects = {t.subject.value for t in published}
        assert subjects == {article_iri, *facts, *attests}, graph
        for fact, block in facts.items():
            said = [
                t.object
                for t in published
                if fact in (t.subject.value, attests.get(t.subject.value))
            ]
            for key, value in block.items():
                for text in _written(value):
                    assert any(_says(o, text) for o in said), (graph, fact, key, text)
        for t in published:
            subject = t.subject.value
            block = article if subject == article_iri else facts[attests.get(subject, subject)]
            explained = any(_says(t.object, text) for text in _written(block))
            upper = article.get("publishedNoLaterThan")
            if not explained and upper is not None and t.predicate.value == f"{SK}asOfNoLaterThan":
                # an undated article's "as of the article" is "no later than" its upper bound
                explained = any(_says(t.object, text) for text in _written(upper))
            assert explained or t.predicate.value in DERIVED, (graph, t)
        # and it cites only its own article
        cited = {t.object.value for t in published if t.predicate.value == PROV_DERIVED}
        assert cited == {article_iri}, graph
    seeds = read_seeds(paths)
    for index, seed in enumerate(seeds.articles):
        graph = config.article_graph(f"{config.ID}{seed.article['id']}")  # type: ignore[index]
        assert by_graph[graph] == _graph_of_one_file(seeds, index), seed.path.name


def test_article_000_says_only_what_it_says_about_eagle_partner(
    built: tuple[config.Paths, BuildResult],
) -> None:
    """Article 000 mentions September drills in Armenia: no name, no days, no Zar, no counts."""
    paths, _ = built
    graph = config.article_graph(f"{config.ID}article/000_eb38a5d2a19b8556")
    exercise = f"{config.ID}exercise/eagle-partner-2023"
    said = {
        (q.predicate.value.rsplit("#", 1)[-1], q.object.value)
        for q in _quads(paths.dist / "dataset.nq")
        if q.graph_name.value == graph and q.subject.value == exercise
    }
    props = {p for p, _ in said}
    assert ("date", "2023-09") in said and ("location", f"{config.ID}armenia") in said
    assert not props & {"http://www.w3.org/2000/01/rdf-schema#label", "startDate", "endDate"}
    assert not props & {"hasParticipation", "topic", "host"}
    assert not any("zar-training-center" in o for _, o in said)


def test_no_base_location_in_an_article_that_never_names_it(
    built: tuple[config.Paths, BuildResult],
) -> None:
    paths, _ = built
    graph = config.article_graph(f"{config.ID}article/002_b6a23184027507e9")
    text = [
        q
        for q in _quads(paths.dist / "dataset.nq")
        if q.graph_name.value == graph and "gyumri" in str(q)
    ]
    assert text == []


def test_an_authors_judgement_names_no_speaker(store: ox.Store) -> None:
    """Article 003 is opinion: its judgements are assessments, never statements by actors."""
    rows = list(
        store.query(
            f"""PREFIX sk: <{SK}> PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?fact ?speaker WHERE {{
              ?a sk:attests ?fact ; sk:mode <{config.CODE}mode-assessment> .
              OPTIONAL {{ ?fact sk:speaker ?speaker }}
            }}"""
        )
    )
    assert len(rows) >= 4
    assert all(r["speaker"] is None for r in rows)
    gone = {
        "statement/pashinyan-concession-aliyev-artsakh",
        "statement/azerbaijan-zangezur-corridor-push",
        "event/azerbaijan-zangezur-corridor-push",
    }
    subjects = {r["s"].value for r in store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }")}
    assert not {f"{config.ID}{g}" for g in gone} & subjects


def test_a_contested_fact_is_two_claims_with_claimants(store: ox.Store) -> None:
    rows = {
        (r["fact"].value.rsplit("/", 1)[-1], r["who"].value.rsplit("/", 1)[-1])
        for r in store.query(
            f"""PREFIX sk: <{SK}>
            SELECT ?fact ?who WHERE {{
              ?a sk:attests ?fact ; sk:mode <{config.CODE}mode-claim> ; sk:claimant ?who }}"""
        )
    }
    # CivilNet cites sources in the government: the government claims, CivilNet reports it
    assert ("russia-armenia-biolabs-memorandum", "armenian-government") in rows
    assert ("russia-seeks-biolab-access", "kommersant") in rows


def test_attestations_are_not_start_dates(store: ox.Store) -> None:
    """A status only attested in 2019 has no start: nothing reads the attestation as one."""
    rows = list(
        store.query(
            f"""PREFIX sk: <{SK}>
            SELECT ?p ?start WHERE {{
              ?p a sk:MembershipStatusPeriod .
              OPTIONAL {{ ?p sk:startDate|sk:startEarliest|sk:startLatest ?start }}
            }}"""
        )
    )
    assert rows and all(r["start"] is None for r in rows)


# -------------------------------------------------------------------------- as of, by day

AS_OF = cq.load(ROOT / "cq" / "08-memberships-as-of-2021.yaml")
POSTS = cq.load(ROOT / "cq" / "16-posts-as-of-2019.yaml")


def _at(question: cq.CompetencyQuestion, day: str) -> cq.CompetencyQuestion:
    query, n = re.subn(r'VALUES \?day \{ "[0-9-]+"', f'VALUES ?day {{ "{day}"', question.query)
    assert n == 1
    return dataclasses.replace(question, query=query)


def _csto(store: ox.Store, day: str) -> set[tuple[str, str, str]]:
    return {
        (r["status"], r["answer"], r["source"].removeprefix("article/")[:7])
        for r in cq.answer(store, _at(AS_OF, day))
        if r["organization"] == "csto"
    }


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # before any evidence
        ("2018-12-31", set()),
        # inside the year an article gives ("2019"): the evidence's span includes the day
        ("2019-06-30", {("membership-active", "attested", "004_87a")}),
        ("2019-12-31", {("membership-active", "attested", "004_87a")}),
        # 2019 evidence more than a year old, and a different status attested only later: the
        # articles cannot say (the boycotts of 2023 had no status period when this was "active,
        # certain")
        ("2021-12-31", {("membership-active", "unknown", "004_87a")}),
        ("2023-06-30", {("membership-active", "unknown", "004_87a")}),
        ("2023-10-24", {("membership-active", "unknown", "004_87a")}),
        # a later status replaces only once it is certainly reported
        (
            "2023-10-25",
            {
                ("membership-active", "replaced", "004_87a"),
                ("membership-reduced", "attested", "003_2df"),
            },
        ),
        (
            "2023-11-15",
            {
                ("membership-active", "replaced", "004_87a"),
                ("membership-reduced", "attested", "000_eb3"),
            },
        ),
        # across the month boundary of "2024-02": "2024-02" > "2024" as strings, but the day
        # 2024-02-15 lies inside February. Frozen is Pashinyan's claim for the month; the
        # boycotts (reduced participation) are what article 001 reports, as of its year
        (
            "2024-02-15",
            {
                ("membership-active", "replaced", "004_87a"),
                ("membership-reduced", "attested", "001_e96"),
                ("membership-frozen", "attested", "001_e96"),
            },
        ),
        (
            "2024-03-31",
            {
                ("membership-active", "replaced", "004_87a"),
                ("membership-reduced", "attested", "001_e96"),
                ("membership-frozen", "last attested", "001_e96"),
            },
        ),
    ],
)
def test_membership_status_as_of(store: ox.Store, day: str, expected: set) -> None:
    assert _csto(store, day) == expected


@pytest.mark.parametrize(
    ("day", "person", "answer"),
    [
        ("2019-10-28", "davit-tonoyan", None),  # attested from 29 October only
        ("2019-10-29", "davit-tonoyan", "attested"),
        ("2019-12-31", "davit-tonoyan", "last attested"),  # not "held": nothing on that day
        # he left in 2020; the next holder is attested from October 2023: the articles cannot say
        ("2021-12-31", "davit-tonoyan", "unknown"),
        ("2023-09-15", "davit-tonoyan", "unknown"),
        ("2023-12-31", "davit-tonoyan", "replaced"),
        ("2019-06-30", "robert-kocharyan", None),  # nothing says he held it then
        ("2019-12-31", "robert-kocharyan", "ended"),  # "former president" in a 2019 article
        ("2023-10-15", "suren-papikyan", "attested"),  # as of "2023-10"
        ("2023-10-31", "suren-papikyan", "attested"),
        # she left in January 2024; the last evidence is of November 2023
        ("2024-03-01", "catherine-colonna", "last attested"),
        # held the post by 2019 (undated): evidence only from the end of that year
        ("2019-06-30", "yuri-khatchaturov", None),
        ("2019-12-31", "yuri-khatchaturov", "last attested"),
        ("2021-12-31", "yuri-khatchaturov", "unknown"),
    ],
)
def test_tenure_as_of(store: ox.Store, day: str, person: str, answer: str | None) -> None:
    answers = {r["answer"] for r in cq.answer(store, _at(POSTS, day)) if r["person"] == person}
    assert answers == ({answer} if answer else set())


def test_last_attested_gives_the_date_and_the_gap(store: ox.Store) -> None:
    rows = [
        r for r in cq.answer(store, _at(POSTS, "2024-03-01")) if r["person"] == "catherine-colonna"
    ]
    assert [(r["answer"], r["evidence"], r["monthsBefore"]) for r in rows] == [
        ("last attested", "2023-11", "4")
    ]


ANSWERS = {"attested", "last attested", "replaced", "ended", "unknown", "disputed"}
DAYS = [
    f"{y}-{m:02d}-{d:02d}"
    for y in range(2018, 2026)
    for m in (1, 3, 6, 9, 10, 11, 12)
    for d in (1, 15, 28)
] + [f"{y}-12-31" for y in range(2018, 2026)]


@pytest.mark.parametrize("question", [AS_OF, POSTS], ids=lambda q: q.name)
def test_no_answer_says_more_than_its_evidence(
    store: ox.Store, question: cq.CompetencyQuestion
) -> None:
    """Over many days: only the five words; "attested" only where the evidence's own span (its
    stated date at its precision) includes the day, never on older evidence alone; the gap is
    the calendar months from the evidence's last day to the day."""
    seen = set()
    for day in DAYS:
        asked = dt.date.fromisoformat(day)
        for row in cq.answer(store, _at(question, day)):
            seen.add(row["answer"])
            assert row["answer"] in ANSWERS, row
            first, last = day_bounds(row["evidence"])
            assert first <= asked, (day, row)
            if row["answer"] == "attested":
                assert last >= asked, (day, row)
            elif row["answer"] in ("last attested", "unknown"):
                assert last <= asked, (day, row)  # equal only for an undated holding's bound
                months = (asked.year - last.year) * 12 + asked.month - last.month
                assert row["monthsBefore"] == str(months), (day, row)
    assert {"attested", "last attested", "replaced", "unknown"} <= seen


def test_day_bounds_of_partial_dates() -> None:
    assert [d.isoformat() for d in day_bounds("2024")] == ["2024-01-01", "2024-12-31"]
    assert [d.isoformat() for d in day_bounds("2024-02")] == ["2024-02-01", "2024-02-29"]
    assert [d.isoformat() for d in day_bounds("2023-02")] == ["2023-02-01", "2023-02-28"]
    for bad in ("2024-13", "2023-02-30", "24", "2024-1", "2024-02-03T00:00"):
        with pytest.raises(ValueError):
            day_bounds(bad)


def test_fact_bounds_combine_what_one_article_states() -> None:
    def v(text: str) -> list[dict[str, str]]:
        return [{"@value": text}]

    bounds = fact_bounds({"earliestDate": v("2023-09"), "latestDate": v("2023-11")})
    assert {k: d.isoformat() for k, d in bounds.items()} == {
        "startEarliest": "2023-09-01",
        "endEarliest": "2023-09-01",
        "startLatest": "2023-11-30",
        "endLatest": "2023-11-30",
    }
    open_period = fact_bounds({"startDate": v("2023")})
    assert set(open_period) == {"startEarliest", "startLatest"}  # no end: open, not "ended"


# -------------------------------------------------------------------------- the ontology's rules


def _append(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_person_as_reporter_is_a_disjointness_clash(seed_copy: config.Paths) -> None:
    """reportedBy's range (an organization) would quietly make Pashinyan one."""
    path = seed_copy.articles / "002_b6a23184027507e9.yaml"
    _append(
        path,
        "    summary: Pashinyan has grown more critical",
        "    reportedBy: nikol-pashinyan\n    summary: Pashinyan has grown more critical",
    )
    with pytest.raises(ValidationFailed) as failed:
        build(seed_copy)
    messages = [str(v) for v in failed.value.violations]
    assert any(
        "nikol-pashinyan" in m and "reportedBy must name a media outlet" in m for m in messages
    ), messages


def test_an_entity_of_two_disjoint_kinds_stops_the_build(seed_copy: config.Paths) -> None:
    """States, organizations and persons never overlap (checked on asserted + inferred types)."""
    ref = seed_copy.reference
    text = ref.read_text(encoding="utf-8")
    ref.write_text(text + "  - {id: both, type: [State, Person], label: Both}\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as failed:
        build(seed_copy)
    messages = [str(v) for v in failed.value.violations]
    assert any(
        "reference.yaml:" in m
        and "both" in m
        and "Person" in m
        and "State" in m
        and "disjoint" in m
        for m in messages
    ), messages


def test_derived_links_are_timeless_and_not_org_terms() -> None:
    """org:holds / org:memberOf read as 'now': the chains must not claim them."""
    text = (ROOT / "ontology" / "seckg.ttl").read_text(encoding="utf-8")
    chains = re.findall(
        r"^(sk:\w+) a owl:ObjectProperty ;[^.]*?owl:propertyChainAxiom", text, re.M | re.S
    )
    assert set(chains) >= {"sk:heldPost", "sk:wasMemberOf", "sk:ledBy"}
    for name in ("heldPost", "wasMemberOf"):
        block = text[text.index(f"sk:{name} a owl:ObjectProperty") :].split("\n\n", 1)[0]
        assert "rdfs:subPropertyOf org:" not in block and "at some time" in block


def test_speakers_and_parties_are_not_attendees(store: ox.Store) -> None:
    rows = list(
        store.query(
            f"""PREFIX sk: <{SK}> PREFIX schema: <http://schema.org/>
            SELECT ?x WHERE {{ ?s sk:speaker|sk:supplier|sk:party ?x . ?s schema:attendee ?x .
                              FILTER NOT EXISTS {{ ?s sk:participant ?x }} }}"""
        )
    )
    assert rows == []


def test_events_are_activities_and_attestations_entities(store: ox.Store) -> None:
    prov = "http://www.w3.org/ns/prov#"
    both = list(
        store.query(f"SELECT ?x WHERE {{ ?x a <{prov}Activity> , <{prov}Entity> }} LIMIT 1")
    )
    assert both == []
    assert store.query(f"ASK {{ ?x a <{SK}Statement> , <{prov}Activity> }}")
    assert store.query(f"ASK {{ ?x a <{SK}Attestation> , <{prov}Entity> }}")


def test_every_fact_has_an_attestation_from_every_citing_article(store: ox.Store) -> None:
    rows = list(
        store.query(
            f"""PREFIX sk: <{SK}> PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?fact ?article WHERE {{
              ?fact a sk:Fact ; prov:wasDerivedFrom ?article .
              FILTER NOT EXISTS {{ ?a sk:attests ?fact ; prov:wasDerivedFrom ?article }}
            }}"""
        )
    )
    assert rows == []


def test_spelling_variants_are_findable(store: ox.Store) -> None:
    for alias, who in (("Suren Papikian", "suren-papikyan"), ("Sergei Shoigu", "sergey-shoygu")):
        rows = list(
            store.query(
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                f'SELECT ?x WHERE {{ ?x skos:altLabel "{alias}"@en }}'
            )
        )
        assert [r["x"].value for r in rows] == [f"{config.ID}{who}"]


def test_topics_are_coded_at_the_narrowest_level(store: ox.Store) -> None:
    """Coding rule: a broader topic is implied by a narrower one, never tagged beside it."""
    rows = list(
        store.query(
            f"""PREFIX sk: <{SK}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?fact ?narrow ?broad WHERE {{
              ?fact sk:topic ?narrow , ?broad . ?narrow skos:broader+ ?broad }}"""
        )
    )
    assert rows == []
    undefined = list(
        store.query(
            f"""PREFIX sk: <{SK}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?c WHERE {{
              ?c a skos:Concept FILTER NOT EXISTS {{ ?c skos:definition ?d }} }}"""
        )
    )
    assert undefined == []


def test_a_former_office_is_not_attested_as_held(store: ox.Store) -> None:
    kocharyan = f"{config.ID}tenure/kocharyan-armenia-president"
    assert not store.query(f"ASK {{ ?a <{SK}attests> <{kocharyan}> ; <{SK}asOf> ?d }}")
    day = '"2019-12-31"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert store.query(f"ASK {{ <{kocharyan}> <{SK}endLatest> {day} }}")


# -------------------------------------------------------------------------- former and ongoing


def test_a_former_tenure_without_its_end_stops_the_build(seed_copy: config.Paths) -> None:
    """`former: true` is the curator's reading of "former president": it requires an end."""
    path = seed_copy.articles / "004_87a1fec3678fcb6f.yaml"
    _append(path, "    former: true\n    latestDate: 2019\n", "    former: true\n")
    with pytest.raises(ValidationFailed) as failed:
        build(seed_copy)
    messages = [str(v) for v in failed.value.violations]
    assert any(
        "004_87a1fec3678fcb6f.yaml:" in m
        and "kocharyan-armenia-president" in m
        and "former (over by the article's date) but has no end" in m
        for m in messages
    ), messages


def test_an_ongoing_situation_with_only_a_latest_date_stops_the_build(
    seed_copy: config.Paths,
) -> None:
    """A state of affairs the article presents as going on must not read as over by its date."""
    path = seed_copy.articles / "002_b6a23184027507e9.yaml"
    _append(
        path,
        "    participant: [armenia, azerbaijan]\n    dateNote: Presented as going on",
        "    participant: [armenia, azerbaijan]\n    latestDate: 2023-09\n"
        "    dateNote: Presented as going on",
    )
    with pytest.raises(ValidationFailed) as failed:
        build(seed_copy)
    messages = [str(v) for v in failed.value.violations]
    assert any(
        "002_b6a23184027507e9.yaml:" in m
        and "border-tensions" in m
        and "has a latest date (2023-09) but is not called former" in m
        for m in messages
    ), messages


def test_situations_are_attested_as_of_their_article_and_not_ended(store: ox.Store) -> None:
    """The four states of affairs the audit found stored as over by their article's date."""
    ongoing = [
        "situation/armenia-azerbaijan-border-tensions",
        "situation/azerbaijan-zangezur-corridor-push",
        "situation/russia-seeks-biolab-access",
        "deployment/armenian-humanitarian-mission-syria",
    ]
    for ref in ongoing:
        fact = f"<{config.ID}{ref}>"
        assert store.query(f"ASK {{ ?a <{SK}attests> {fact} ; <{SK}asOf> ?d }}"), ref
        assert not store.query(f"ASK {{ {fact} <{SK}endLatest> ?d }}"), ref


def test_an_undated_holding_is_attested_no_later_than_its_date(store: ox.Store) -> None:
    """H4: "the CSTO Secretary General Yuri Khatchaturov" at an undated indictment."""
    tenure = f"<{config.ID}tenure/khatchaturov-csto-secretary-general>"
    rows = list(
        store.query(
            f"""SELECT ?p ?d WHERE {{ ?a <{SK}attests> {tenure} ; ?p ?d
                FILTER (STRSTARTS(STR(?p), "{SK}asOf")) }}"""
        )
    )
    assert {(r["p"].value.removeprefix(SK), r["d"].value) for r in rows} == {
        ("asOfNoLaterThan", "2019"),
        ("asOfLatest", "2019-12-31"),
    }
    assert not store.query(f"ASK {{ {tenure} <{SK}startEarliest>|<{SK}endLatest> ?d }}")


def test_as_of_and_undated_holding_together_are_refused(seed_copy: config.Paths) -> None:
    path = seed_copy.articles / "004_87a1fec3678fcb6f.yaml"
    _append(path, "    asOfNoLaterThan: 2019\n", "    asOfNoLaterThan: 2019\n    asOf: 2019\n")
    with pytest.raises(SeedError, match="'asOf' and 'asOfNoLaterThan' together"):
        build(seed_copy)


# -------------------------------------------------------------------------- who says so


def _attestation(store: ox.Store, article: str, fact: str) -> dict[str, set[str]]:
    att = f"<{config.ID}attestation/{article}.{fact.replace('/', '.')}>"
    out: dict[str, set[str]] = {}
    for r in store.query(f"SELECT ?p ?o WHERE {{ {att} ?p ?o }}"):
        out.setdefault(r["p"].value.rsplit("#", 1)[-1], set()).add(r["o"].value.rsplit("/", 1)[-1])
    return out


def test_a_description_by_an_actor_is_his_claim(store: ox.Store) -> None:
    """001 reports the boycotts; "effective suspension" is Pashinyan's word, not the article's."""
    frozen = _attestation(store, "001_e969199d57bb9a7d", "status/armenia-csto-frozen-2024")
    assert frozen["mode"] == {"mode-claim"} and frozen["claimant"] == {"nikol-pashinyan"}
    reduced = _attestation(store, "001_e969199d57bb9a7d", "status/armenia-csto-reduced-2023")
    assert reduced["mode"] == {"mode-reported"} and "claimant" not in reduced


def test_every_attestation_of_000_names_the_outlet_its_header_says(store: ox.Store) -> None:
    """Article 000 relays OC Media: every attestation says so, except the deal that names its
    own reporters; the 2022 purchase is the article's voice, not the Economic Times'."""
    rows = store.query(
        f"""PREFIX sk: <{SK}> PREFIX prov: <{PROV_DERIVED.rsplit("#", 1)[0]}#>
        SELECT ?a (GROUP_CONCAT(STR(?by); separator=" ") AS ?outlets) WHERE {{
          ?a a sk:Attestation ; prov:wasDerivedFrom <{config.ID}article/000_eb38a5d2a19b8556> .
          OPTIONAL {{ ?a sk:reportedBy ?by }}
        }} GROUP BY ?a"""
    )
    outlets = {
        r["a"].value.rsplit("/", 1)[-1]: {o.rsplit("/", 1)[-1] for o in r["outlets"].value.split()}
        for r in rows
    }
    assert len(outlets) >= 26
    zen = "000_eb38a5d2a19b8556.deal.zen-technologies-anti-drone"
    assert outlets.pop(zen) == {"economic-times", "eurasian-times"}
    assert all(found == {"oc-media"} for found in outlets.values()), outlets


def test_entity_page_shows_two_articles_giving_different_figures() -> None:
    """2,000 peacekeepers in one article and 1,960 in another are both kept (one figure per
    article graph) and the entity page's evidence panel says which article gives which."""
    from server.lod.entity import Dated, FactView
    from server.lod.evidence import disagreements

    fact = FactView("d", "PeacekeepingDeployment", "peacekeepers", "", "")
    fact.figures = [Dated("personnelCount", "2000", "a/002", "Two thousand")]
    assert disagreements(fact) == []
    fact.figures.append(Dated("personnelCount", "1960", "a/005", "Nineteen sixty"))
    found = disagreements(fact, {"personnelCount": "personnel count"})
    assert [(d.what, [(s.says, s.articles) for s in d.sides]) for d in found] == [
        (
            "Sources disagree on the personnel count",
            [("1960", [("a/005", "Nineteen sixty")]), ("2000", [("a/002", "Two thousand")])],
        )
    ]


def test_a_start_is_evidence_only_once_it_has_certainly_begun(seed_copy: config.Paths) -> None:
    """A status that began "in 2023" may not have begun by 30 June 2023: not "attested" then."""
    path = seed_copy.articles / "003_2df4d016d329b367.yaml"
    _append(
        path,
        "    status: code:membership-reduced\n    summary: Since the surrender",
        "    status: code:membership-reduced\n    startDate: 2023\n"
        "    summary: Since the surrender",
    )
    build(seed_copy)
    store = open_store(seed_copy.dist)
    mid = {(r["status"], r["answer"]) for r in cq.answer(store, _at(AS_OF, "2023-06-30"))}
    assert ("membership-active", "unknown") in mid
    assert not any(status == "membership-reduced" for status, _ in mid), mid
    end = {(r["status"], r["answer"]) for r in cq.answer(store, _at(AS_OF, "2023-12-31"))}
    assert ("membership-reduced", "attested") in end or (
        "membership-reduced",
        "last attested",
    ) in end


def test_a_tenure_planned_after_the_article_is_accepted(seed_copy: config.Paths) -> None:
    """ "Will take office on 1 May": a tenure starting after the article, as a plan, builds; it
    is not attested as held as of the article (no default asOf on a plan)."""
    path = seed_copy.articles / "002_b6a23184027507e9.yaml"
    _append(
        path,
        "  - id: tenure/peskov-kremlin-spokesperson\n",
        "  - id: tenure/peskov-kremlin-spokesperson-planned\n"
        "    type: Tenure\n    holder: dmitry-peskov\n    post: post/kremlin-spokesperson\n"
        "    startDate: 2030-05-01\n    acting: true\n    mode: code:mode-plan\n"
        "    summary: A planned term.\n\n"
        "  - id: tenure/peskov-kremlin-spokesperson\n",
    )
    build(seed_copy)
    store = open_store(seed_copy.dist)
    rows = list(
        store.query(
            f"SELECT ?a ?asOf WHERE {{ ?a <{SK}attests> <{config.ID}tenure/peskov-kremlin-"
            f"spokesperson-planned> OPTIONAL {{ ?a <{SK}asOf> ?asOf }} }}"
        )
    )
    assert len(rows) == 1 and rows[0]["asOf"] is None, rows


def test_headline_and_quote_in_the_pages_language(seed_copy: config.Paths) -> None:
    """The page's own headline and quotes carry the page's language (inLanguage); a headline
    the curator wrote (headlineNote) stays in the curators' English."""
    first = seed_copy.articles / "001_e969199d57bb9a7d.yaml"
    _append(first, "  datePublished: 2024\n", "  datePublished: 2024\n  inLanguage: fr\n")
    second = seed_copy.articles / "002_b6a23184027507e9.yaml"
    _append(
        second,
        "  datePublished: 2023-09\n",
        "  datePublished: 2023-09\n  inLanguage: ru\n"
        "  headlineNote: The text as read prints no headline; written by the curator.\n",
    )
    build(seed_copy)
    store = open_store(seed_copy.dist)

    def languages(prop: str, article: str) -> set[str]:
        graph = f"https://seckg.example.org/graph/article/{article}"
        rows = store.query(f"SELECT ?v WHERE {{ GRAPH <{graph}> {{ ?s <{prop}> ?v }} }}")
        return {row["v"].language for row in rows}

    assert languages("http://schema.org/headline", "001_e969199d57bb9a7d") == {"fr"}
    assert languages(f"{SK}quote", "001_e969199d57bb9a7d") == {"fr"}
    assert languages("http://schema.org/headline", "002_b6a23184027507e9") == {"en"}
    assert languages(f"{SK}headlineNote", "002_b6a23184027507e9") == {None}
