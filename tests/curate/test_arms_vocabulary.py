"""The arms-deal and event vocabulary of issue 19, on a real seed file built with the real
pipeline: quantities per article, manufacturer beside the supplier state, a designation the
site's search finds, the weapon-system hierarchy, an arms fair and a summit."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import config
from kg.build import Loaded, check, load
from kg.sources import read_turtle_dir
from kg.store import from_rdflib
from server.lod.search import SearchIndex
from tests.conftest import corpus_with

NAME = "996_0123456789abcdef"
SK = "https://seckg.example.org/ontology#"
DEAL = "https://seckg.example.org/id/deal/india-armenia-pinaka-test"

ARTICLE = f"""\
article:
  id: article/{NAME}
  type: NewsArticle
  headline: A test article about a rocket-launcher deal
  datePublished: 2024-06-19
  seedFile: {NAME}.txt
  mentions: [india, armenia, zen-technologies, paris]
facts:
  - id: exhibition/test-arms-fair-2024
    type: ArmsExhibition
    label: A test arms fair (2024)
    location: paris
    participant: [india, zen-technologies]
    startDate: 2024-06-17
    endDate: 2024-06-21
    mode: code:mode-plan
  - id: summit/test-summit-2024
    type: Summit
    label: A test summit (2024)
    participant: [india, armenia]
    date: 2024-06-18
  - id: deal/india-armenia-pinaka-test
    type: ArmsDeal
    supplier: india
    recipient: armenia
    manufacturer: zen-technologies
    designation: Pinaka
    systemType: code:weapon-multiple-rocket-launcher
    status: code:deal-signed
    date: 2024-06-18
    atEvent: exhibition/test-arms-fair-2024
    quantityOrdered: 4
    quantityDelivered: 0
    summary: India agreed to sell Armenia four rocket-launcher systems.
"""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    # the frozen corpus: search hits are exact
    paths = corpus_with(tmp_path_factory.mktemp("arms"), {NAME: ARTICLE})
    return load(paths)


def _rows(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    prologue = f"PREFIX sk: <{SK}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    return sorted(
        tuple(term.value for term in row)
        for row in store.query(prologue + query, use_default_graph_as_union=True)
    )


def test_the_deal_conforms(loaded: Loaded) -> None:
    assert [str(v) for v in check(loaded)] == []


def test_quantities_are_the_articles_statement(loaded: Loaded) -> None:
    store = loaded.mapped.store
    on_attestation = _rows(
        store,
        f"SELECT ?o ?d WHERE {{ ?a sk:attests <{DEAL}> ; "
        "sk:quantityOrdered ?o ; sk:quantityDelivered ?d }",
    )
    assert on_attestation == [("4", "0")]
    assert (
        _rows(store, f"SELECT ?p WHERE {{ <{DEAL}> sk:quantityOrdered|sk:quantityDelivered ?p }}")
        == []
    )


def test_manufacturer_designation_and_event(loaded: Loaded) -> None:
    rows = _rows(
        loaded.mapped.store,
        f"SELECT ?supplier ?maker ?name ?fair WHERE {{ <{DEAL}> sk:supplier ?supplier ; "
        "sk:manufacturer ?maker ; sk:designation ?name ; sk:atEvent ?fair }",
    )
    base = "https://seckg.example.org/id/"
    assert rows == [
        (
            f"{base}india",
            f"{base}zen-technologies",
            "Pinaka",
            f"{base}exhibition/test-arms-fair-2024",
        )
    ]


def test_the_site_search_finds_a_designation(loaded: Loaded) -> None:
    store = loaded.mapped.store
    index = SearchIndex.load(lambda q: store.query(q, use_default_graph_as_union=True))
    hits = index.search("pinaka")
    # the live corpus may hold other Pinaka deals and facts (it grows): the test deal is found
    # by its designation, as an alias of the deal
    assert (DEAL, "Pinaka", True) in [(h.iri, h.matched, h.alias) for h in hits]


def test_weapon_kinds_have_broader_kinds() -> None:
    ontology = ox.Store()
    ontology.extend(
        ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o))
        for s, p, o in read_turtle_dir(config.Paths().ontology)
    )
    code = "https://seckg.example.org/code/"
    broader = {
        row[0].removeprefix(code)
        for row in _rows(
            ontology,
            f"SELECT ?c WHERE {{ ?c skos:broader+ <{code}weapon-military-equipment> }}",
        )
    }
    for kind in (
        "weapon-artillery weapon-self-propelled-howitzer weapon-towed-artillery "
        "weapon-multiple-rocket-launcher weapon-air-defence weapon-air-defence-missile "
        "weapon-anti-drone weapon-radar weapon-drone weapon-armoured-vehicle weapon-small-arms "
        "weapon-ammunition"
    ).split():
        assert kind in broader, kind
    missiles = _rows(
        ontology, f"SELECT ?b WHERE {{ <{code}weapon-air-defence-missile> skos:broader ?b }}"
    )
    assert missiles == [(f"{code}weapon-air-defence",), (f"{code}weapon-missile",)]


def test_seed_files_and_ids_read_back(tmp_path: Path) -> None:
    """A deal number that is not a whole number is refused at its line, before any RDF."""
    from kg.errors import SeedError
    from kg.seeds import Vocabulary, load_context, read_seed

    path = tmp_path / f"{NAME}.yaml"
    path.write_text(
        ARTICLE.replace("quantityOrdered: 4", "quantityOrdered: four"), encoding="utf-8"
    )
    with pytest.raises(SeedError, match=r":32: 'quantityOrdered' must be a whole number"):
        read_seed(path, Vocabulary.from_context(load_context(config.Paths().context)))
