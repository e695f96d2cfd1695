"""Armenian, Cyrillic and non-BMP text (emoji, mathematical letters) survive every result
format and the HTML pages exactly, code point for code point, on ``kg serve FILE``.

Seeds to exports is ``tests/test_seeds.py::test_unicode_round_trips_into_outputs``.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import quote

import pytest
import rdflib
import requests
from live_server import RunningServer, start_server, stop_server

BASE = "https://seckg.example.org/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
LABELS = {
    "hy": "Երևան — Հայաստանի մայրաքաղաքը",
    "ru": "Ереван — столица Армении",
    "en": "Yerevan 🛡️🇦🇲 𝔸𝕣𝕞𝕖𝕟𝕚𝕒 🪖",  # emoji with variation selector, flag, astral letters
}
HY_IRI = BASE + "id/Հայաստան"
HY_NAME = "Հայաստան 🏔️"
SRX = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def unicode_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    tmp = tmp_path_factory.mktemp("unicode")
    trig = tmp / "unicode.trig"
    labels = " , ".join(
        f"{json.dumps(text, ensure_ascii=False)}@{lang}" for lang, text in LABELS.items()
    )
    trig.write_text(
        f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sk: <{BASE}ontology#>
GRAPH <{BASE}graph/reference> {{
  <{BASE}id/yerevan> a sk:Place ; rdfs:label {labels} .
  <{HY_IRI}> a sk:State ; rdfs:label "{HY_NAME}"@hy ; sk:capital <{BASE}id/yerevan> .
}}
""",
        encoding="utf-8",
    )
    srv = start_server(tmp, [trig], token=None, command=("-m", "kg.cli", "serve"))
    yield srv
    stop_server(srv)


SELECT = f"SELECT ?label WHERE {{ <{BASE}id/yerevan> <{RDFS_LABEL}> ?label }} ORDER BY ?label"
CONSTRUCT = f"CONSTRUCT WHERE {{ <{BASE}id/yerevan> <{RDFS_LABEL}> ?label }}"
EXPECTED = sorted(LABELS.values())


def _get(server: RunningServer, query: str, fmt: str) -> requests.Response:
    response = requests.get(server.sparql, params={"query": query, "format": fmt}, timeout=10)
    assert response.status_code == 200, response.text
    return response


def test_select_results_in_every_format(unicode_site: RunningServer) -> None:
    as_json = _get(unicode_site, SELECT, "json").json()
    assert sorted(b["label"]["value"] for b in as_json["results"]["bindings"]) == EXPECTED
    assert {b["label"]["xml:lang"] for b in as_json["results"]["bindings"]} == set(LABELS)

    root = ET.fromstring(_get(unicode_site, SELECT, "xml").content)
    assert sorted(el.text or "" for el in root.iter(f"{SRX}literal")) == EXPECTED

    rows = list(csv.reader(io.StringIO(_get(unicode_site, SELECT, "csv").content.decode())))
    assert rows[0] == ["label"] and sorted(r[0] for r in rows[1:]) == EXPECTED

    lines = _get(unicode_site, SELECT, "tsv").content.decode("utf-8").splitlines()
    expected_tsv = sorted(
        f"{json.dumps(t, ensure_ascii=False)}@{lang}" for lang, t in LABELS.items()
    )
    assert lines[0] == "?label" and sorted(lines[1:]) == expected_tsv


@pytest.mark.parametrize(
    ("fmt", "parser"),
    [
        ("turtle", "turtle"),
        ("ntriples", "nt"),
        ("rdfxml", "xml"),
        ("jsonld", "json-ld"),
        ("trig", "trig"),
        ("nquads", "nquads"),
    ],
)
def test_graph_results_in_every_format(unicode_site: RunningServer, fmt: str, parser: str) -> None:
    body = _get(unicode_site, CONSTRUCT, fmt).content
    if parser in ("trig", "nquads"):
        graph: rdflib.Graph = rdflib.Dataset().parse(data=body, format=parser)
    else:
        graph = rdflib.Graph().parse(data=body, format=parser)
    labels = {(str(o), o.language) for o in graph.objects(None, rdflib.RDFS.label)}
    assert labels == {(text, lang) for lang, text in LABELS.items()}


def test_unicode_in_the_query_text_matches(unicode_site: RunningServer) -> None:
    for lang, text in LABELS.items():
        query = f"ASK {{ ?s <{RDFS_LABEL}> {json.dumps(text, ensure_ascii=False)}@{lang} }}"
        assert _get(unicode_site, query, "json").json()["boolean"] is True
        posted = requests.post(
            unicode_site.sparql,
            data=query.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query"},
            timeout=10,
        )
        assert posted.json()["boolean"] is True
    # A non-ASCII IRI, written raw and as a SPARQL \\u escape.
    escaped = "".join(c if ord(c) < 128 else f"\\u{ord(c):04X}" for c in HY_IRI)
    for iri in (HY_IRI, escaped):
        query = f"SELECT ?l WHERE {{ <{iri}> <{RDFS_LABEL}> ?l }}"
        bindings = _get(unicode_site, query, "json").json()["results"]["bindings"]
        assert [b["l"]["value"] for b in bindings] == [HY_NAME]


def test_entity_pages_show_every_label(unicode_site: RunningServer) -> None:
    page = requests.get(
        unicode_site.base + "/doc/id/yerevan", headers={"Accept": "text/html"}, timeout=10
    )
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    html = page.content.decode("utf-8")
    for text in LABELS.values():
        assert text in html
    for ext, parser in (("ttl", "turtle"), ("jsonld", "json-ld"), ("rdf", "xml"), ("nt", "nt")):
        doc = requests.get(f"{unicode_site.base}/doc/id/yerevan.{ext}", timeout=10)
        assert doc.status_code == 200
        graph = rdflib.Graph().parse(data=doc.content, format=parser)
        assert {str(o) for o in graph.objects(None, rdflib.RDFS.label)} >= set(LABELS.values())


def test_a_non_ascii_iri_dereferences(unicode_site: RunningServer) -> None:
    path = "/id/" + quote("Հայաստան")
    see_other = requests.get(
        unicode_site.base + path,
        headers={"Accept": "text/turtle"},
        allow_redirects=False,
        timeout=10,
    )
    assert see_other.status_code == 303
    doc = requests.get(unicode_site.base + see_other.headers["Location"], timeout=10)
    assert doc.status_code == 200
    graph = rdflib.Graph().parse(data=doc.content, format="turtle")
    assert (rdflib.URIRef(HY_IRI), rdflib.RDFS.label, rdflib.Literal(HY_NAME, lang="hy")) in graph
    page = requests.get(unicode_site.base + "/doc" + path, timeout=10)
    assert page.status_code == 200 and HY_NAME in page.content.decode("utf-8")
