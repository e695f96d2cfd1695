"""The SPARQL-compiled SHACL engine reports exactly what pyshacl reports.

pyshacl is the oracle: every shape's violating case from test_shapes.py (all applied to one
graph), generated data with a known number of injected violations, and a shape outside the
compiled subset (which must hand over to pyshacl, never be skipped).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchgen import generator
from rdflib import Graph
from test_shapes import CASES, PREFIXES, _fixture

from kg import config
from kg.build import check, load
from kg.shacl import Unsupported
from kg.sources import read_turtle_dir
from kg.validate import validate


@pytest.fixture(scope="module")
def schema() -> tuple[Graph, Graph]:
    paths = config.Paths()
    return read_turtle_dir(paths.ontology), read_turtle_dir(paths.shapes)


def _key(violations: list) -> list[tuple]:
    return [(str(v.focus), v.path, v.value, v.message, v.severity) for v in violations]


def test_engines_agree_on_every_broken_shape(schema: tuple[Graph, Graph]) -> None:
    ontology, shapes = schema
    data = _fixture()
    for update, _, _ in CASES.values():
        data.update(PREFIXES + update)
    fast = validate(data, ontology, shapes, {}, engine="sparql")
    oracle = validate(data, ontology, shapes, {}, engine="pyshacl")
    assert len(fast) >= len(CASES) - 3  # a few cases break the same constraint
    assert _key(fast) == _key(oracle)


def test_engines_agree_on_the_valid_fixture(schema: tuple[Graph, Graph]) -> None:
    ontology, shapes = schema
    assert validate(_fixture(), ontology, shapes, {}, engine="sparql") == []


def test_injected_violations_are_found_exactly(tmp_path: Path) -> None:
    made = generator().generate(tmp_path / "seeds", articles=4, seed=3, violations=8)
    loaded = load(config.Paths(seeds=tmp_path / "seeds"))
    fast = check(loaded, "sparql")
    manifest = json.loads((tmp_path / "seeds" / "violations.json").read_text())
    assert len(manifest) == len(made.injected) == 8
    assert len({item["kind"] for item in manifest}) == 8
    assert len(fast) == 8, [str(v) for v in fast]
    assert sorted(str(v.focus) for v in fast) == sorted(
        f"{config.ID}{item['focus']}" for item in manifest
    )
    assert all(v.location is not None for v in fast)  # every result names its seed line
    assert _key(fast) == _key(check(loaded, "pyshacl"))


def test_valid_generated_data_has_no_violations(tmp_path: Path) -> None:
    generator().generate(tmp_path / "seeds", articles=12, seed=3)
    assert check(load(config.Paths(seeds=tmp_path / "seeds")), "sparql") == []


EQUALS_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix sk: <https://seckg.example.org/ontology#> .
<urn:test:EqualsShape> a sh:NodeShape ; sh:targetClass sk:Tenure ;
    sh:property [ sh:path sk:startDate ; sh:equals sk:endDate ; sh:message "dates differ" ] .
"""


def test_unsupported_shape_hands_over_to_pyshacl(schema: tuple[Graph, Graph]) -> None:
    ontology, shapes = schema
    extended = Graph()
    for triple in shapes:
        extended.add(triple)
    extended.parse(data=EQUALS_SHAPE, format="turtle")
    with pytest.raises(Unsupported, match="equals"):
        validate(_fixture(), ontology, extended, {}, engine="sparql")
    found = validate(_fixture(), ontology, extended, {}, engine="auto")
    assert found and {v.message for v in found} == {"dates differ"}
