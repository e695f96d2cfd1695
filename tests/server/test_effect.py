"""An update's effect computed from the graphs it names equals the whole-store comparison.

``server.checks.effect.written_graphs`` reads which named graphs an update can write;
``server.data.dataset._apply`` then compares only those (at 1M triples comparing the whole store
ran out of the executor's memory on every update). Each update below runs on two copies of the
sample data, once each way: the (removed, added) quads for the journal and the final stores
must be the same.
"""

from __future__ import annotations

import pytest
from live_server import SAMPLE
from pyoxigraph import Store

from server.checks.effect import written_graphs
from server.data.dataset import _apply, _apply_comparing_all
from server.data.loader import load_files

G = "https://seckg.example.org/graph/"
P = f"PREFIX g: <{G}> PREFIX ex: <urn:ex:>\n"

SCOPED = {
    # update text -> the graphs it names
    f"INSERT DATA {{ GRAPH <{G}new> {{ <urn:a> <urn:p> 'x' }} }}": {G + "new"},
    P + "INSERT DATA { GRAPH g:a { ex:s ex:p ex:o } GRAPH g:b { ex:s ex:p ex:o } }": {
        G + "a",
        G + "b",
    },
    P + "DELETE DATA { GRAPH g:a { ex:s ex:p ex:o } }": {G + "a"},
    P + "WITH g:w DELETE { ?s ?p ?o } INSERT { ?s ?p 'new' } WHERE { ?s ?p ?o } ": {G + "w"},
    P + "DELETE WHERE { GRAPH g:a { ?s ?p ?o } }": {G + "a"},
    P + "CLEAR SILENT GRAPH g:a ; DROP GRAPH g:b": {G + "a", G + "b"},
    P + "MOVE g:a TO GRAPH g:b": {G + "a", G + "b"},
    P + "COPY SILENT GRAPH g:a TO g:c ; ADD g:b TO g:c": {G + "a", G + "b", G + "c"},
    P + "CREATE GRAPH g:empty": set(),
    P
    + "INSERT { GRAPH g:copy { ?s ?p ?o } } USING NAMED <urn:x> WHERE { GRAPH ?g { ?s ?p ?o } }": {
        G + "copy"
    },
}
UNKNOWN = [
    "INSERT DATA { <urn:a> <urn:p> 'default graph' }",
    "INSERT { GRAPH ?g { <urn:a> <urn:p> 1 } } WHERE { GRAPH ?g { ?s ?p ?o } }",
    "CLEAR DEFAULT",
    "DROP ALL",
    "CLEAR NAMED",
    "COPY DEFAULT TO <urn:g>",
    "BASE <http://example.org/> INSERT DATA { GRAPH <relative> { <urn:a> <urn:p> 1 } }",
    "PREFIX g: <urn:g:> INSERT DATA { GRAPH g:x { <urn:a> <urn:p> 1 } <urn:b> <urn:p> 2 }",
    "LOAD <http://example.org/data.ttl>",
]


@pytest.mark.parametrize("text", list(SCOPED))
def test_the_graphs_an_update_names_are_read(text: str) -> None:
    assert written_graphs(text) == SCOPED[text]


@pytest.mark.parametrize("text", UNKNOWN)
def test_an_update_that_may_write_elsewhere_is_not_scoped(text: str) -> None:
    assert written_graphs(text) is None


def _sample() -> Store:
    return load_files([SAMPLE]).store


def _graphs_of(store: Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs())


def test_the_sample_has_graphs_to_update() -> None:
    assert len(_graphs_of(_sample())) >= 2


def _updates() -> list[str]:
    """Updates over the sample's real graphs: moves, copies, deletes that leave a triple in
    another graph (so it stays in the default graph), inserts of triples already present."""
    first, second = _graphs_of(_sample())[:2]
    return [
        f"INSERT DATA {{ GRAPH <{first}> {{ <urn:a> <urn:p> 'x' }} }}",
        f"INSERT {{ GRAPH <{second}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{first}> {{ ?s ?p ?o }} }}",
        f"DELETE WHERE {{ GRAPH <{first}> {{ ?s ?p ?o }} }}",
        f"MOVE <{first}> TO <{second}>",
        f"COPY <{second}> TO <urn:graph:copy> ; DROP GRAPH <{second}>",
        f"WITH <{first}> DELETE {{ ?s ?p ?o }} INSERT {{ ?s ?p 'changed' }} "
        "WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }",
        f"CLEAR GRAPH <{first}> ; CLEAR GRAPH <{second}>",
    ]


@pytest.mark.parametrize("index", range(7))
def test_the_scoped_effect_equals_the_whole_store_comparison(index: int) -> None:
    text = _updates()[index]
    assert written_graphs(text) is not None, text
    scoped = _sample()
    whole = Store()  # the same quads, blank nodes included (a second load would rename them)
    whole.extend(scoped)
    effect = _apply(scoped, text, None, written_graphs(text))
    assert effect == _apply_comparing_all(whole, text, None)
    assert effect[0] or effect[1], "the update changed nothing: the comparison shows nothing"
    assert set(scoped) == set(whole)
