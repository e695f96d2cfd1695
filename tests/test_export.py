"""The fast writers: mapping and JSON-LD agree with rdflib's JSON-LD processor, and blank
nodes get canonical, build-independent labels."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg import build as kg_build
from kg import config, mapping
from kg.build import BuildResult, build, load
from kg.errors import SeedError
from kg.mapping import document, read_seeds
from kg.store import from_rdflib
from tests.conftest import corpus_seeds


def _canonical(quads: list[ox.Quad]) -> set[str]:
    ds = ox.Dataset(quads)
    ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return {str(q) for q in ds}


def _rdflib_quads(ds: Dataset) -> list[ox.Quad]:
    return [
        ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), from_rdflib(g))
        for s, p, o, g in ds.quads()
        if g is not None and str(g) != "urn:x-rdflib:default"
    ]


def test_mapping_matches_rdflib_jsonld_parser() -> None:
    """pyoxigraph reads the seeds' JSON-LD exactly as rdflib (the former mapper) does."""
    paths = config.Paths()
    loaded = load(paths)
    ours = [
        q
        for name in loaded.mapped.graph_names()
        for q in loaded.store.quads_for_pattern(None, None, None, ox.NamedNode(name))
    ]
    reference = Dataset()
    reference.parse(data=json.dumps(document(read_seeds(paths), paths)), format="json-ld")
    assert _canonical(ours) == _canonical(_rdflib_quads(reference))


def test_jsonld_dump_round_trips(built: tuple[config.Paths, BuildResult]) -> None:
    paths, _ = built
    nquads = list(ox.parse(path=paths.dist / "dataset.nq", format=ox.RdfFormat.N_QUADS))
    by_oxigraph = list(ox.parse(path=paths.dist / "dataset.jsonld", format=ox.RdfFormat.JSON_LD))
    by_rdflib = Dataset()
    by_rdflib.parse(paths.dist / "dataset.jsonld", format="json-ld")
    expected = _canonical(nquads)
    assert _canonical(by_oxigraph) == expected
    assert _canonical(_rdflib_quads(by_rdflib)) == expected
    text = (paths.dist / "dataset.jsonld").read_text(encoding="utf-8")
    assert '"label": "Armenia"' in text and '"wikidata": "wd:Q399"' in text  # compacted


def test_blank_nodes_get_canonical_labels(seed_copy: config.Paths, tmp_path: Path) -> None:
    """An anonymous node in a seed builds to the same bytes every time."""
    path = seed_copy.articles / "003_2df4d016d329b367.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.rstrip("\n")
        + "\n\n  - id: event/test-anonymous-envoy\n    type: PoliticalEvent\n"
        + "    label: A visit by an unnamed envoy\n"
        + "    about: {type: Person, label: Unnamed envoy}\n",
        encoding="utf-8",
    )
    build(seed_copy)
    again = config.Paths(seeds=seed_copy.seeds, dist=tmp_path / "again" / "dist")
    build(again)
    for name in ("dataset.nq", "dataset.trig", "dataset.jsonld", "asserted.nt", "inferred.ttl"):
        assert (seed_copy.dist / name).read_bytes() == (again.dist / name).read_bytes(), name
    asserted = (seed_copy.dist / "asserted.nt").read_text(encoding="utf-8")
    assert "_:c14n" in asserted and '"Unnamed envoy"@en' in asserted


def test_inferred_graph_has_no_blank_nodes(built: tuple[config.Paths, BuildResult]) -> None:
    """The restriction class behind sk:Official must not leak as ``x rdf:type _:b``.

    The reasoner does derive those triples (the someValuesFrom axiom), so the filter is what
    keeps them out: Pashinyan is typed sk:Official, and nothing in the inferred graph points
    at a blank node.
    """
    paths, _ = built
    quads = list(ox.parse(path=paths.dist / "dataset.nq", format=ox.RdfFormat.N_QUADS))
    inferred = [q for q in quads if q.graph_name.value == str(config.INFERRED_GRAPH)]
    assert not [q for q in inferred if isinstance(q.object, ox.BlankNode)]
    assert not [q for q in inferred if isinstance(q.subject, ox.BlankNode)]
    pashinyan = f"{config.ID}nikol-pashinyan"
    assert any(
        q.subject.value == pashinyan and q.object.value == f"{config.SK}Official" for q in inferred
    )


def test_parallel_paths_give_the_same_bytes(
    built: tuple[config.Paths, BuildResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seed files parsed by worker processes and JSON-LD written by another process (what
    large builds do) give the same files as the in-process paths."""
    monkeypatch.setattr(mapping, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(kg_build, "PARALLEL_JSONLD_QUADS", 1)
    paths, _ = built
    again = corpus_seeds(tmp_path)
    build(again)
    for name in sorted(p.name for p in paths.dist.iterdir()):
        assert (paths.dist / name).read_bytes() == (again.dist / name).read_bytes(), name


def test_seed_error_from_a_worker_names_file_and_line(
    seed_copy: config.Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mapping, "PARALLEL_MIN_FILES", 1)
    path = seed_copy.articles / "003_2df4d016d329b367.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("type: PoliticalEvent", "typo: PoliticalEvent", 1), "utf-8")
    with pytest.raises(SeedError, match=r"003_2df4d016d329b367\.yaml:\d+: unknown key 'typo'"):
        load(seed_copy)
