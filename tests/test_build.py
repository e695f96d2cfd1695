"""The build pipeline end to end on real files: outputs, determinism, atomicity, errors."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, Dataset, Graph

from kg import config, docs
from kg.build import OUTPUTS, BuildResult, ValidationFailed, build
from kg.errors import SeedError
from tests.conftest import CORPUS, corpus_seeds

# The frozen fixture corpus that ``built`` builds (tests/conftest.py).
ARTICLES = sorted(p.stem for p in (CORPUS / "articles").glob("*.yaml"))
FIRST_FIVE = [
    "000_eb38a5d2a19b8556",
    "001_e969199d57bb9a7d",
    "002_b6a23184027507e9",
    "003_2df4d016d329b367",
    "004_87a1fec3678fcb6f",
]


def test_the_fixture_corpus_is_the_first_five_articles() -> None:
    assert ARTICLES == FIRST_FIVE


def test_the_live_corpus_keeps_the_first_five_and_builds_every_article(
    live_built: tuple[config.Paths, BuildResult],
) -> None:
    paths, _ = live_built
    live = sorted(p.stem for p in paths.articles.glob("*.yaml"))
    assert set(FIRST_FIVE) <= set(live)
    summary = json.loads((paths.dist / "summary.json").read_text())
    assert set(summary["articles"]) == {f"{config.ID}article/{a}" for a in live}


def test_outputs_exist_and_parse(built: tuple[config.Paths, BuildResult]) -> None:
    paths, result = built
    names = {p.name for p in paths.dist.iterdir()}
    assert set(OUTPUTS) | {"void.ttl", "summary.json"} <= names
    ds = Dataset()
    ds.parse(paths.dist / "dataset.nq", format="nquads")
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert str(config.INFERRED_GRAPH) in graphs
    assert str(config.ONTOLOGY_GRAPH) in graphs
    assert {f"{config.GRAPH}article/{a}" for a in ARTICLES} <= graphs
    jsonld = Dataset()
    jsonld.parse(paths.dist / "dataset.jsonld", format="json-ld")
    assert len(jsonld) == len(ds)
    for name in ("asserted.ttl", "inferred.ttl", "ontology.ttl", "void.ttl"):
        assert len(Graph().parse(paths.dist / name, format="turtle")) > 0


def test_asserted_and_inferred_are_disjoint(built: tuple[config.Paths, BuildResult]) -> None:
    paths, _ = built
    asserted = Graph().parse(paths.dist / "asserted.nt", format="nt")
    inferred = Graph().parse(paths.dist / "inferred.nt", format="nt")
    assert len(inferred) > 0
    assert not set(asserted) & set(inferred)


def test_closure_never_merges_distinct_entities(built: tuple[config.Paths, BuildResult]) -> None:
    paths, _ = built
    inferred = Graph().parse(paths.dist / "inferred.nt", format="nt")
    assert list(inferred.triples((None, OWL.sameAs, None))) == []


def test_summary_counts(built: tuple[config.Paths, BuildResult]) -> None:
    paths, result = built
    summary = json.loads((paths.dist / "summary.json").read_text())
    assert summary == result.summary
    assert set(summary["articles"]) == {f"{config.ID}article/{a}" for a in ARTICLES}
    assert all(a["facts"] > 0 for a in summary["articles"].values())
    assert summary["inferred_triples"] > 0


def test_void_counts_match_dataset(built: tuple[config.Paths, BuildResult]) -> None:
    paths, _ = built
    store = ox.Store()
    store.load(path=str(paths.dist / "void.ttl"), format=ox.RdfFormat.TURTLE)
    total = next(
        iter(
            store.query(
                "PREFIX void: <http://rdfs.org/ns/void#> SELECT ?n WHERE { "
                "?d a void:Dataset ; void:triples ?n ; void:dataDump ?x } LIMIT 1"
            )
        )
    )["n"]
    lines = (paths.dist / "dataset.nq").read_text().splitlines()
    assert int(total.value) == len([line for line in lines if line.strip()])


def test_two_builds_are_byte_identical(
    built: tuple[config.Paths, BuildResult], tmp_path: Path
) -> None:
    paths, _ = built
    docs.forget_rendered()  # the pyLODE page too is rendered again, in a child of its own
    again = build(corpus_seeds(tmp_path))
    for name in sorted(p.name for p in paths.dist.iterdir()):
        assert (paths.dist / name).read_bytes() == (tmp_path / "dist" / name).read_bytes(), name
    assert again.version == built[1].version


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _snapshot(dist: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in dist.iterdir()}


def test_end_before_start_fails_and_keeps_dist(seed_copy: config.Paths) -> None:
    build(seed_copy)
    before = _snapshot(seed_copy.dist)
    exercise = seed_copy.articles / "002_b6a23184027507e9.yaml"
    _break(exercise, "endDate: 2023-09-20", "endDate: 2023-09-01")
    with pytest.raises(ValidationFailed) as failed:
        build(seed_copy)
    messages = [str(v) for v in failed.value.violations]
    assert any(
        "002_b6a23184027507e9.yaml:" in m
        and "exercise/eagle-partner-2023" in m
        and "after it has certainly ended" in m
        for m in messages
    ), messages
    assert _snapshot(seed_copy.dist) == before


def test_copying_sources_is_refused_naming_file_and_line(seed_copy: config.Paths) -> None:
    """``sources:`` copied a whole node into other articles' graphs; it is gone for good."""
    build(seed_copy)
    before = _snapshot(seed_copy.dist)
    path = seed_copy.articles / "004_87a1fec3678fcb6f.yaml"
    _break(
        path,
        "    area: base/102nd-military-base\n",
        "    area: base/102nd-military-base\n    sources: [article/002_b6a23184027507e9]\n",
    )
    with pytest.raises(SeedError, match=r"004_87a1fec3678fcb6f\.yaml:\d+: .*'sources'"):
        build(seed_copy)
    assert _snapshot(seed_copy.dist) == before


def test_fact_without_source_is_a_violation(seed_copy: config.Paths) -> None:
    """A typed fact in reference.yaml has no article behind it: SHACL must say so."""
    ref = seed_copy.reference
    text = ref.read_text(encoding="utf-8")
    ref.write_text(
        text + "  - {id: membership/unsourced, type: Membership, member: armenia,"
        " organization: nato}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed) as failed:
        build(seed_copy)
    messages = [str(v) for v in failed.value.violations]
    assert any(
        "reference.yaml:" in m and "membership/unsourced" in m and "every fact needs a source" in m
        for m in messages
    ), messages


def test_killed_build_leaves_previous_dist(seed_copy: config.Paths) -> None:
    build(seed_copy)
    before = _snapshot(seed_copy.dist)
    env = {**os.environ, "PYTHONPATH": str(config.ROOT)}
    for delay in (0.5, 1.5, 2.5):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kg.cli",
                "build",
                "-q",
                "--seeds",
                str(seed_copy.seeds),
                "--dist",
                str(seed_copy.dist),
            ],
            env=env,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        after = _snapshot(seed_copy.dist)
        assert after == before
        store = ox.Store()
        store.load(path=str(seed_copy.dist / "dataset.trig"), format=ox.RdfFormat.TRIG)
        assert len(store) > 1000


def test_partial_dates_keep_their_precision(built: tuple[config.Paths, BuildResult]) -> None:
    paths, _ = built
    text = (paths.dist / "asserted.nt").read_text()
    assert re.search(r'"2019"\^\^<http://www.w3.org/2001/XMLSchema#gYear>', text)
    assert re.search(r'"2024-02"\^\^<http://www.w3.org/2001/XMLSchema#gYearMonth>', text)
    assert '"2023-09-11"^^<http://www.w3.org/2001/XMLSchema#date>' in text
    # no stated date padded to a first day (only the derived day bounds are days)
    stated = r"ontology#(date|startDate|endDate|earliestDate|latestDate|asOf)> "
    assert not re.search(stated + r'"\d{4}-\d{2}-01"\^\^', text)
