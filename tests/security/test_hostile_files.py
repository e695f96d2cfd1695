"""Hostile input files: XML entity declarations in RDF/XML, Python tags and alias bombs in
YAML, remote JSON-LD contexts in the seeds' context file.

Where the project accepts RDF: files given to ``kg serve FILE…`` / ``python -m server FILE…``
(``server.data.loader``) and nothing else - request bodies are SPARQL text only (an RDF/XML body is
refused as an unsupported media type), ``LOAD`` is refused (``test_ssrf.py``), and the build
reads Turtle, YAML and inline JSON-LD contexts. Where it accepts YAML: seeds (``kg.seeds``,
a SafeLoader subclass) and competency questions (``kg.cq``, ``yaml.safe_load``), which
``kg serve`` also reads for its example queries.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from canary import Canary
from live_server import REPO, RunningServer

from kg import config
from kg.build import build
from kg.cq import load as load_cq
from kg.errors import KgError, SeedError
from kg.seeds import Vocabulary, load_context, read_seed
from server.data.loader import DataLoadError, has_dtd, load_files

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
BODY = (
    f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://example.org/">'
    '<rdf:Description rdf:about="http://example.org/s"><e:p>&a;</e:p></rdf:Description>'
    "</rdf:RDF>"
)


def _laughs(levels: int = 9) -> str:
    entities = ['<!ENTITY a0 "lol">'] + [
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return f'<!DOCTYPE rdf:RDF [{"".join(entities)}<!ENTITY a "&a{levels - 1};">]>'


def _documents(canary_url: str) -> dict[str, str]:
    prolog = '<?xml version="1.0"?>\n'
    return {
        "internal entity": prolog + '<!DOCTYPE rdf:RDF [<!ENTITY a "expanded">]>' + BODY,
        "billion laughs": prolog + _laughs() + BODY,
        "external entity": prolog
        + f'<!DOCTYPE rdf:RDF [<!ENTITY a SYSTEM "{canary_url}">]>'
        + BODY,
        "parameter entity": prolog
        + f'<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "{canary_url}"> %p; <!ENTITY a "x">]>'
        + BODY,
        "doctype only": prolog + "<!DOCTYPE rdf:RDF>" + BODY.replace("&a;", "x"),
        "no prolog": '<!DOCTYPE rdf:RDF [<!ENTITY a "expanded">]>' + BODY,
    }


def _encodings(text: str) -> dict[str, bytes]:
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8 bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf-16 le bom": text.replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode(
            "utf-16"
        ),
        "utf-16 be bom": b"\xfe\xff"
        + text.replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16-be"),
        "utf-16 le no bom": text.encode("utf-16-le"),
        "utf-16 be no bom": text.encode("utf-16-be"),
    }


# ------------------------------------------------------------------------------ RDF/XML
def test_the_engine_alone_would_expand_entities() -> None:
    """Why the refusal matters: Oxigraph's RDF/XML parser expands internal entities."""
    data = ('<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY a "expanded">]>' + BODY).encode()
    quads = list(ox.parse(data, format=ox.RdfFormat.RDF_XML))
    assert [q.object.value for q in quads] == ["expanded"]


@pytest.mark.parametrize("suffix", [".rdf", ".owl", ".xml"])
def test_every_dtd_variant_and_encoding_is_refused(
    tmp_path: Path, canary: Canary, suffix: str
) -> None:
    before = canary.count_after(0)
    for name, text in _documents(canary.url("/entity")).items():
        for encoding, data in _encodings(text).items():
            assert has_dtd(data), (name, encoding)
            path = tmp_path / f"data{suffix}"
            path.write_bytes(data)
            with pytest.raises(DataLoadError, match="DOCTYPE/ENTITY declarations is refused"):
                load_files([path])
    assert canary.count_after() == before


def test_rdfxml_without_a_dtd_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "plain.rdf"
    path.write_text('<?xml version="1.0"?>' + BODY.replace("&a;", "plain"), encoding="utf-8")
    loaded = load_files([path])
    assert [q.object.value for q in loaded.store] == ["plain"]


@pytest.mark.parametrize("command", [["-m", "server"], ["-m", "kg.cli", "serve"]])
@pytest.mark.parametrize("variant", ["billion laughs", "external entity"])
def test_serving_an_rdfxml_file_with_entities_is_a_clear_startup_error(
    tmp_path: Path, canary: Canary, command: list[str], variant: str
) -> None:
    before = canary.count_after(0)
    path = tmp_path / "hostile.rdf"
    path.write_text(_documents(canary.url("/entity"))[variant], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, *command, "--port", "0", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2, result.stderr
    assert "hostile.rdf: RDF/XML with DOCTYPE/ENTITY declarations is refused" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert canary.count_after() == before


def test_an_rdfxml_request_body_is_not_accepted(sample_server: RunningServer) -> None:
    """The endpoint takes SPARQL text only; an XML body is refused before it is read as XML."""
    body = _documents("http://127.0.0.1:9/")["billion laughs"].encode()
    for content_type in ("application/rdf+xml", "application/xml", "text/xml"):
        response = requests.post(
            sample_server.sparql, data=body, headers={"Content-Type": content_type}, timeout=10
        )
        assert response.status_code == 415
        assert b"lol" not in response.content


def test_xml_markup_in_data_is_escaped_in_xml_results(sample_server: RunningServer) -> None:
    hostile = '<!DOCTYPE x [<!ENTITY a "b">]>&a;</literal><uri>http://evil/</uri>'
    query = f"SELECT ?x WHERE {{ BIND({json.dumps(hostile)} AS ?x) }}"
    for fmt in ("xml", "rdfxml"):
        text = (
            query
            if fmt == "xml"
            else query.replace("SELECT ?x WHERE", "CONSTRUCT { <urn:s> <urn:p> ?x } WHERE")
        )
        response = requests.get(
            sample_server.sparql, params={"query": text, "format": fmt}, timeout=10
        )
        assert response.status_code == 200
        assert b"<!DOCTYPE" not in response.content
        values = [el.text for el in ET.fromstring(response.content).iter() if el.text]
        assert hostile in values


# --------------------------------------------------------------------------------- YAML
def _vocab() -> Vocabulary:
    return Vocabulary.from_context(load_context(config.Paths().context))


PYTHON_TAGS = [
    "!!python/object/apply:os.mkdir [{marker}]",
    "!!python/object/new:os.mkdir [{marker}]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:pathlib.PurePosixPath {{}}",
    "!<tag:yaml.org,2002:python/object/apply:os.mkdir> [{marker}]",
]


@pytest.mark.parametrize("tag", PYTHON_TAGS)
def test_seed_yaml_python_tags_are_refused(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    value = tag.format(marker=json.dumps(str(marker)))
    path = tmp_path / "hostile.yaml"
    path.write_text(f"article:\n  id: a\n  headline: {value}\nfacts: []\n", encoding="utf-8")
    with pytest.raises(SeedError, match=r"hostile\.yaml:3: invalid YAML"):
        read_seed(path, _vocab())
    assert not marker.exists()


@pytest.mark.parametrize("tag", PYTHON_TAGS[:2])
def test_competency_question_yaml_python_tags_are_refused(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "99-hostile.yaml"
    value = tag.format(marker=json.dumps(str(marker)))
    path.write_text(f"question: q\nquery: {value}\nexpected: []\n", encoding="utf-8")
    with pytest.raises(KgError, match="invalid YAML"):
        load_cq(path)
    assert not marker.exists()


def test_kg_build_refuses_a_python_tag_naming_file_and_line(seed_copy: config.Paths) -> None:
    marker = seed_copy.seeds.parent / "pwned"
    article = next(seed_copy.articles.glob("*.yaml"))
    lines = article.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("  headline: "))
    lines[number] = f"  headline: !!python/object/apply:os.mkdir [{json.dumps(str(marker))}]"
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "-q", "--seeds", str(seed_copy.seeds),
         "--dist", str(seed_copy.dist)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode != 0
    assert f"{article.name}:{number + 1}: invalid YAML" in result.stderr
    assert not marker.exists()
    assert not seed_copy.dist.exists()


def test_seed_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    """Six levels of ten aliases are a million nodes (and nine a billion): anchors and
    aliases are never needed in seeds, so a seed using them should be refused outright."""
    lines = ["article:", "  id: a", "  mentions: &l0 [a, a, a, a, a, a, a, a, a, a]", "facts:"]
    for i in range(1, 6):
        refs = ", ".join([f"*l{i - 1}"] * 10)
        lines += [f"  - id: f{i}", f"    mentions: &l{i} [{refs}]"]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SeedError, match=r"bomb\.yaml:\d+: invalid YAML: anchors and aliases"):
        read_seed(path, _vocab())


# --------------------------------------------------- seeds: the context file itself
@pytest.mark.parametrize("shape", ["url", "list", "import", "scoped"])
def test_seed_context_file_cannot_pull_a_remote_context(
    seed_copy: config.Paths, canary: Canary, shape: str
) -> None:
    """``tests/test_seeds.py::test_remote_context_is_refused`` covers an ``@context`` key in a
    seed file; this is the shared ``seeds/context.jsonld`` pointing elsewhere."""
    url = canary.url("/context.jsonld")
    inline = json.loads(seed_copy.context.read_text(encoding="utf-8"))["@context"]
    context: object = {
        "url": url,
        "list": [url, inline],
        "import": {**inline, "@import": url},
        "scoped": {**inline, "headline": {"@id": "schema:headline", "@context": url}},
    }[shape]
    seed_copy.context.write_text(json.dumps({"@context": context}), encoding="utf-8")
    before = canary.count_after(0)
    with pytest.raises(Exception):  # noqa: B017 - any refusal; the point is no connection
        build(seed_copy)
    assert canary.count_after() == before
    if seed_copy.dist.exists():
        shutil.rmtree(seed_copy.dist)
