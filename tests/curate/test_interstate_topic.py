"""A relations topic for any pair of states (audit14, audit16): code:topic-bilateral-relations
is defined as Armenia–Russia, yet curators reached for it for Russia–Azerbaijan,
Israel–Azerbaijan, Azerbaijan–Turkey–Pakistan and Armenia–US blocks, and audit14/16 left such
blocks without a topic. code:topic-interstate-relations is the general concept, the
Armenia–Russia one narrower of it (docs/modelling.md, "Topics")."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import yaml

from kg import config

CODE = "https://seckg.example.org/code/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
BILATERAL, INTERSTATE = "code:topic-bilateral-relations", "code:topic-interstate-relations"


def test_the_armenia_russia_topic_is_narrower_than_relations_between_states() -> None:
    store = ox.Store()
    store.load(path=str(config.ROOT / "ontology" / "codes.ttl"), format=ox.RdfFormat.TURTLE)
    broader = {
        r["b"].value.removeprefix(CODE)
        for r in store.query(
            f"SELECT ?b WHERE {{ <{CODE}topic-bilateral-relations> <{SKOS}broader> ?b }}"
        )
    }
    assert broader == {"topic-relations-with-russia", "topic-interstate-relations"}
    assert store.query(
        f"ASK {{ <{CODE}topic-interstate-relations> <{SKOS}inScheme> <{CODE}Topic> ; "
        f"<{SKOS}definition> ?d . FILTER NOT EXISTS {{ <{CODE}topic-interstate-relations> "
        f"<{SKOS}broader> ?any }} }}"
    )


def _topics(number: str) -> dict[str, list[str]]:
    (path,) = (config.ROOT / "seeds" / "articles").glob(f"{number}_*.yaml")
    seed = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = {}
    for fact in seed["facts"]:
        topic = fact.get("topic", [])
        out[fact["id"]] = topic if isinstance(topic, list) else [topic]
    return out


@pytest.mark.parametrize(
    "number", ["039", "045", "047", "059", "068", "080", "087", "091", "093", "095", "124"]
)
def test_no_other_pair_is_coded_armenia_russia(number: str) -> None:
    """Each of these articles coded another pair of states as Armenian–Russian relations."""
    assert not [fact for fact, topics in _topics(number).items() if BILATERAL in topics]


def test_blocks_left_without_a_topic_have_the_general_one() -> None:
    """168 and 176 share these ids with 087 and 124; audit14 removed their Armenia–Russia tag
    and nothing fitted then."""
    assert (
        INTERSTATE in _topics("168")["agreement/baku-declaration-azerbaijan-turkey-pakistan-2021"]
    )
    assert INTERSTATE in _topics("176")["situation/russia-azerbaijan-tensions-2025"]
    assert INTERSTATE in _topics("124")["situation/russia-azerbaijan-tensions-2025"]
