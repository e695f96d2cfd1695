"""The 34 W3C SPARQL 1.1 Protocol tests, read from the manifest and sent over real HTTP.

The manifest (tests/w3c/protocol/manifest.ttl) describes each test as a list of HTTP
requests (method, path, headers, body) with the expected status class and, for queries, the
expected result format and boolean. Paths start with ``/sparql/``; this endpoint serves
queries and updates at ``/sparql``. The server is started loaded with the manifest's graph
data; before each test the dataset is reset, through the protocol itself, to exactly the
``ut:graphData`` that test declares, so the tests do not depend on their order.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib
from live_server import TOKEN, RunningServer, start_server, stop_server
from rdflib import RDF, RDFS, Namespace
from rdflib.collection import Collection

W3C = Path(__file__).resolve().parents[1] / "w3c" / "protocol"
MANIFEST = W3C / "manifest.ttl"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
RDF_TYPES = {
    "application/rdf+xml": "xml",
    "text/turtle": "turtle",
    "application/n-triples": "nt",
}


@dataclass(frozen=True)
class Step:
    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    statuses: frozenset[int]  # acceptable status classes: 2, 3, 4, 5
    fmt: str | None
    boolean: bool | None


@dataclass(frozen=True)
class ProtocolTest:
    name: str
    title: str
    graph_data: tuple[tuple[str, Path], ...]  # (graph IRI, file)
    steps: tuple[Step, ...]


def _status_class(node: rdflib.term.Node) -> int:
    return int(str(node).removeprefix(str(HTS)).removeprefix("StatusCode")[0])


def load_manifest() -> list[ProtocolTest]:
    graph = rdflib.Graph().parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    tests = []
    for entry in Collection(graph, graph.value(manifest, MF.entries)):
        data = []
        for gd in graph.objects(entry, UT.graphData):
            file_iri = str(graph.value(gd, UT.graph))
            data.append((str(graph.value(gd, RDFS.label)), W3C / file_iri.rsplit("/", 1)[-1]))
        action = graph.value(entry, MF.action)
        steps = []
        for req in Collection(graph, graph.value(action, HT.requests)):
            headers = []
            header_list = graph.value(req, HT.headers)
            if header_list is not None:
                for h in Collection(graph, header_list):
                    name, value = graph.value(h, HT.fieldName), graph.value(h, HT.fieldValue)
                    headers.append((str(name), str(value)))
            body_node = graph.value(req, HT.body)
            body = None
            if body_node is not None:
                encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(graph.value(body_node, CNT.chars)).encode(encoding.lower())
            resp = graph.value(req, HT.resp)
            fmt = graph.value(resp, MF.expectedFormat)
            boolean = graph.value(resp, MF.expectedBoolean)
            steps.append(
                Step(
                    method=str(graph.value(req, HT.methodName)),
                    path=str(graph.value(req, HT.absolutePath)),
                    headers=tuple(headers),
                    body=body,
                    statuses=frozenset(
                        _status_class(s) for s in graph.objects(resp, MF.expectedStatus)
                    ),
                    fmt=str(fmt) if fmt is not None else None,
                    boolean=bool(boolean.toPython()) if boolean is not None else None,
                )
            )
        tests.append(
            ProtocolTest(
                name=str(entry).rsplit("#", 1)[-1],
                title=str(graph.value(entry, MF.name)),
                graph_data=tuple(sorted(data)),
                steps=tuple(steps),
            )
        )
    return tests


TESTS = load_manifest()


def test_manifest_has_all_34_tests() -> None:
    assert len(TESTS) == 34
    assert all(t.steps for t in TESTS)


def endpoint_path(path: str) -> str:
    """Map the manifest's ``/sparql/`` prefix to this endpoint's ``/sparql``."""
    assert path.startswith("/sparql/")
    return "/sparql" + path[len("/sparql/") :]


def send(port: int, method: str, path: str, headers: dict[str, str], body: bytes | None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type") or "", response.read()
    finally:
        conn.close()


def reset_dataset(server: RunningServer, graph_data: tuple[tuple[str, Path], ...]) -> None:
    blocks = "".join(f"GRAPH <{iri}> {{\n{path.read_text()}\n}}\n" for iri, path in graph_data)
    update = f"DROP ALL ;\nINSERT DATA {{\n{blocks}}}"
    status, _, body = send(
        server.port,
        "POST",
        "/sparql",
        {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
        update.encode(),
    )
    assert status == 200, body


def check_format(step: Step, content_type: str, body: bytes) -> None:
    media_type = content_type.split(";", 1)[0].strip().lower()
    if step.fmt in ("boolean", "tabular"):
        assert media_type in RESULT_TYPES, content_type
        kind = RESULT_TYPES[media_type]
        if step.fmt == "boolean":
            assert kind in ("json", "xml"), content_type
            if kind == "json":
                value = json.loads(body)["boolean"]
            else:
                ns = "{http://www.w3.org/2005/sparql-results#}"
                value = ET.fromstring(body).find(f"{ns}boolean").text.strip() == "true"
            if step.boolean is not None:
                assert value is step.boolean
        elif kind == "json":
            assert "results" in json.loads(body)
        elif kind == "xml":
            ET.fromstring(body)
        else:
            delimiter = "," if kind == "csv" else "\t"
            assert list(csv.reader(io.StringIO(body.decode()), delimiter=delimiter))
    elif step.fmt == "RDF":
        assert media_type in RDF_TYPES, content_type
        rdflib.Graph().parse(data=body, format=RDF_TYPES[media_type])


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    tmp = tmp_path_factory.mktemp("w3c")
    dataset = rdflib.Dataset()
    for test in TESTS:
        for iri, path in test.graph_data:
            dataset.graph(rdflib.URIRef(iri)).parse(path, format="nt")
    data_file = tmp / "protocol-data.nq"
    dataset.serialize(data_file, format="nquads")
    server = start_server(tmp, [data_file], token=TOKEN, timeout=10.0)
    yield server
    stop_server(server)


@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_w3c_protocol(test: ProtocolTest, w3c_server: RunningServer) -> None:
    reset_dataset(w3c_server, test.graph_data)
    for step in test.steps:
        headers = {name: value for name, value in step.headers}
        headers["Authorization"] = f"Bearer {TOKEN}"
        status, content_type, body = send(
            w3c_server.port, step.method, endpoint_path(step.path), headers, step.body
        )
        assert status // 100 in step.statuses, (test.title, status, body[:300])
        assert b"Traceback" not in body
        if status // 100 == 2:
            check_format(step, content_type, body)
