"""In-process tests of the loader, content negotiation and capped serialization."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from server.data.loader import DataLoadError, load_files
from server.execution.execute import serialize_solutions
from server.formats import FORMATS, ResultKind, negotiate

DATA = Path(__file__).parent / "data"
EX = "http://example.org/"


# ------------------------------------------------------------------------------ loader
@pytest.mark.parametrize(
    ("name", "content", "in_named_graph"),
    [
        ("a.trig", f"<{EX}g> {{ <{EX}s> <{EX}p> 1 . }}", True),
        ("a.nq", f"<{EX}s> <{EX}p> <{EX}o> <{EX}g> .\n", True),
        ("a.ttl", f"<{EX}s> <{EX}p> 1 .", False),
        ("a.nt", f"<{EX}s> <{EX}p> <{EX}o> .\n", False),
        ("a.jsonld", f'{{"@id": "{EX}s", "{EX}p": "1"}}', False),
        (
            "a.rdf",
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            f'xmlns:ex="{EX}"><rdf:Description rdf:about="{EX}s"><ex:p>1</ex:p>'
            "</rdf:Description></rdf:RDF>",
            False,
        ),
    ],
)
def test_loader_places_triples_by_format(
    tmp_path: Path, name: str, content: str, in_named_graph: bool
) -> None:
    path = tmp_path / name
    path.write_text(content)
    store = load_files([path]).store
    named = {q.graph_name for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}
    default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert named == ({ox.NamedNode(f"{EX}g")} if in_named_graph else set())
    # the default graph is the merge of all graphs: the triple is there either way, once
    assert len(default) == 1


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!doctype rdf:RDF [ <!entity x "y"> ]>',
        "<!ENTITY lol 'lol'>",
    ],
)
def test_rdfxml_with_dtd_is_refused(tmp_path: Path, prolog: str) -> None:
    path = tmp_path / "evil.owl"
    path.write_text(
        f'<?xml version="1.0"?>{prolog}<rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'
    )
    with pytest.raises(DataLoadError, match="DOCTYPE/ENTITY"):
        load_files([path])
    path.write_bytes(path.read_text().encode("utf-16"))
    with pytest.raises(DataLoadError):
        load_files([path])


def test_unknown_extension_and_bad_syntax_are_reported(tmp_path: Path) -> None:
    unknown = tmp_path / "data.csv"
    unknown.write_text("a,b")
    with pytest.raises(DataLoadError, match="unknown RDF file extension"):
        load_files([unknown])
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://e/s> <http://e/p> .")
    with pytest.raises(DataLoadError, match="broken.ttl"):
        load_files([broken])


def test_version_follows_content(tmp_path: Path) -> None:
    path = tmp_path / "a.nt"
    path.write_text(f'<{EX}s> <{EX}p> "1" .\n')
    first = load_files([path]).version
    assert load_files([path]).version == first
    path.write_text(f'<{EX}s> <{EX}p> "2" .\n')
    assert load_files([path]).version != first


def test_sample_dataset_keeps_its_named_graphs() -> None:
    store = load_files([DATA / "sample.trig"]).store
    names = {g.value for g in store.named_graphs()}
    base = "https://seckg.example.org/graph/"
    assert names == {
        base + n for n in ("ontology", "reference", "article/1", "article/2", "inferred")
    }


# ------------------------------------------------------------------------- negotiation
def accept(header: str) -> MIMEAccept:
    return parse_accept_header(header, MIMEAccept)


@pytest.mark.parametrize(
    ("kind", "param", "header", "expected"),
    [
        (ResultKind.RESULTS, None, "", "json"),
        (ResultKind.GRAPH, None, "", "turtle"),
        (ResultKind.RESULTS, None, "*/*", "json"),
        (ResultKind.RESULTS, None, "application/sparql-results+xml, application/rdf+xml", "xml"),
        (ResultKind.GRAPH, None, "application/sparql-results+xml, application/rdf+xml", "rdfxml"),
        (ResultKind.RESULTS, None, "text/csv;q=0.5, text/tab-separated-values", "tsv"),
        (ResultKind.RESULTS, None, "application/sparql-results+json;q=0.1, */*;q=0.9", "xml"),
        (ResultKind.RESULTS, None, "text/*", "csv"),
        (ResultKind.GRAPH, None, "text/turtle", "turtle"),
        (ResultKind.GRAPH, None, "application/n-triples", "ntriples"),
        (ResultKind.GRAPH, None, "application/ld+json", "jsonld"),
        (ResultKind.RESULTS, None, "text/html", None),
        (ResultKind.GRAPH, None, "application/sparql-results+json", None),
        (ResultKind.RESULTS, "json", "text/html", "json"),
        (ResultKind.RESULTS, "xml", "", "xml"),
        (ResultKind.RESULTS, "csv", "", "csv"),
        (ResultKind.RESULTS, "text/tab-separated-values", "", "tsv"),
        (ResultKind.GRAPH, "json", "", "jsonld"),
        (ResultKind.GRAPH, "xml", "", "rdfxml"),
        (ResultKind.GRAPH, "ntriples", "", "ntriples"),
        (ResultKind.GRAPH, "application/trig", "", "trig"),
        (ResultKind.GRAPH, "n3", "", "turtle"),
        (ResultKind.RESULTS, "turtle", "", "json"),
        (ResultKind.RESULTS, "html", "text/csv", "csv"),
        (ResultKind.RESULTS, "turtle", "text/html", None),
    ],
)
def test_negotiation(
    kind: ResultKind, param: str | None, header: str, expected: str | None
) -> None:
    fmt = negotiate(kind, (param,) if param else (), accept(header))
    assert (fmt.key if fmt else None) == expected


def test_format_table_is_consistent() -> None:
    keys = [f.key for f in FORMATS]
    assert len(keys) == len(set(keys))
    for kind in ResultKind:
        names = [n for f in FORMATS if f.kind is kind for n in f.names]
        assert len(names) == len(set(names)), kind


# ---------------------------------------------------------- capped SELECT serialization
literals = st.one_of(
    st.builds(ox.Literal, st.text(max_size=20)),
    st.builds(
        lambda v, lang: ox.Literal(v, language=lang),
        st.text(max_size=10),
        st.sampled_from(["en", "hy", "ru", "en-GB"]),
    ),
    st.builds(lambda v: ox.Literal(str(v)), st.integers()),
    st.sampled_from([ox.Literal("false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")),
                     ox.Literal("0", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                     ox.Literal("", datatype=ox.NamedNode("http://example.org/dt"))]),
)  # fmt: skip
objects = st.one_of(
    literals,
    st.builds(lambda n: ox.NamedNode(f"{EX}{n}"), st.integers(0, 50)),
    st.builds(lambda n: ox.BlankNode(f"b{n}"), st.integers(0, 5)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(objects, min_size=0, max_size=15), st.integers(1, 20))
def test_capped_serialization_matches_oxigraph(objs: list[object], limit: int) -> None:
    store = ox.Store()
    for i, obj in enumerate(objs):
        store.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), obj))
    query = "SELECT ?s ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?s"
    direct_rows = list(store.query(query))
    for fmt in [f for f in FORMATS if f.kind is ResultKind.RESULTS]:
        body, rows, truncated = serialize_solutions(store.query(query), fmt, limit)
        assert rows == min(limit, len(direct_rows))
        assert truncated == (len(direct_rows) > limit)
        if not truncated:
            assert body == store.query(query).serialize(format=fmt.engine)


def test_default_graph_is_a_set_merge_of_named_graphs(tmp_path: Path) -> None:
    """A triple stated in two graphs is one triple of the default graph, joins included."""
    path = tmp_path / "two.trig"
    path.write_text(
        f"<{EX}g1> {{ <{EX}s> <{EX}p> <{EX}o> . <{EX}o> <{EX}q> 1 . }}\n"
        f"<{EX}g2> {{ <{EX}s> <{EX}p> <{EX}o> . <{EX}o> <{EX}q> 1 . }}\n"
    )
    store = load_files([path]).store
    rows = list(store.query(f"SELECT * WHERE {{ ?s <{EX}p> ?o . ?o <{EX}q> ?v }}"))
    assert len(rows) == 1


def test_updates_keep_default_graph_the_merge(tmp_path: Path) -> None:
    from server.data.dataset import Dataset

    path = tmp_path / "two.trig"
    path.write_text(
        f"<{EX}g1> {{ <{EX}s> <{EX}p> <{EX}o> . }}\n<{EX}g2> {{ <{EX}s> <{EX}p> <{EX}o> . }}\n"
    )
    loaded = load_files([path])
    data = Dataset(loaded.store, loaded.version)
    ask = f"ASK {{ <{EX}s> <{EX}p> <{EX}o> }}"
    data.update(f"INSERT DATA {{ GRAPH <{EX}g3> {{ <{EX}a> <{EX}b> <{EX}c> }} }}", None)
    assert bool(data.store.query(f"ASK {{ <{EX}a> <{EX}b> <{EX}c> }}"))
    data.update(f"DELETE DATA {{ GRAPH <{EX}g1> {{ <{EX}s> <{EX}p> <{EX}o> }} }}", None)
    assert bool(data.store.query(ask)), "still stated in g2"
    data.update(f"DELETE DATA {{ GRAPH <{EX}g2> {{ <{EX}s> <{EX}p> <{EX}o> }} }}", None)
    assert not bool(data.store.query(ask)), "no graph states it any more"


@pytest.mark.parametrize(
    ("query_string", "expected"),
    [
        (b"query=SELECT", False),
        (b"update=x", True),
        (b"query=a&update", True),
        (b"%75pdate=1", True),
        (b"up+date=1", False),
        (b"query=update%3D1", False),
        (b"query=x&updates=1", False),
        (b"", False),
    ],
)
def test_has_param_agrees_with_werkzeug_args(query_string: bytes, expected: bool) -> None:
    """The cheap check used for CORS defaults decides like ``request.args`` would."""
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Request

    from server.http.protocol import has_param

    request = Request(EnvironBuilder(query_string=query_string.decode()).get_environ())
    assert ("update" in request.args) is expected
    assert has_param(query_string, "update") is expected
