"""Property-based fuzzing of the live server: SPARQL text, protocol parameters, headers,
content types and Linked Data paths. Whatever arrives, the answer is never a 5xx and no body
carries a traceback or a path of this machine.

Bounded: every property has a fixed ``max_examples`` (150; ``SECKG_FUZZ_EXAMPLES=5000`` for a
deeper run by hand) and no example database, so a run costs the same every time (a few
seconds each). A marker that the request itself contained is not
counted as a leak (a query may legitimately select the string "/tmp/").
"""

from __future__ import annotations

import os
from urllib.parse import quote

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from leaks import LEAKS, crashes
from live_server import TOKEN, RunningServer

FUZZ = settings(
    max_examples=int(os.environ.get("SECKG_FUZZ_EXAMPLES", "150")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
FORM = "application/x-www-form-urlencoded"

# Text that HTTP clients can send: any Unicode scalar value (no lone surrogates).
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
# Header values must be latin-1, single-line and without surrounding whitespace.
header_text = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\x7f"),
    max_size=120,
).map(str.strip)

WORDS = [
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "FROM", "NAMED", "GRAPH", "OPTIONAL",
    "UNION", "MINUS", "FILTER", "EXISTS", "NOT", "BIND", "AS", "VALUES", "UNDEF", "LIMIT",
    "OFFSET", "ORDER", "BY", "GROUP", "HAVING", "COUNT", "DISTINCT", "REDUCED", "PREFIX",
    "BASE", "SERVICE", "SILENT", "LOAD", "INSERT", "DELETE", "DATA", "CLEAR", "DROP", "STR",
    "REGEX", "LANG", "IRI", "BNODE", "CONCAT", "SUBSTR", "?s", "?p", "?o", "?x", "$y", "*",
    "{", "}", "(", ")", "[", "]", ".", ";", ",", "a", "=", "!=", "<", ">", "&&", "||", "!",
    "+", "-", "/", "^", "|", "?", "<<", ">>", "<http://example.org/x>", "<urn:y>", "<>",
    "<relative>", "sk:State", "ex:", ":x", "_:b", "\"lit\"", "'x'", "\"\"\"long\"\"\"",
    "\"hy\"@hy", "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>", "1", "1.5", "-2e3",
    "true", "#comment\n", "\\u0053", "\"\\u0000\"", "\"\\uD800\"", "@en",
]  # fmt: skip
# Short token soups: random enough to reach the parser's error paths, short enough that no
# valid combination is a runaway join (the timeout path is tested in test_safety.py).
sparqlish = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(" ".join)
sparql_text = st.one_of(sparqlish, any_text, st.tuples(sparqlish, any_text).map("".join))


def _assert_clean(response: requests.Response, *sent: str) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:300], sent)
    text = response.content.decode("utf-8", "replace")
    leaks = [m for m in LEAKS if m in text and not any(m in s for s in sent)]
    assert not leaks, (leaks, text[:500], sent)


# ------------------------------------------------------------------------ SPARQL text
@FUZZ
@given(text=sparql_text, how=st.sampled_from(["GET", "form", "direct"]))
def test_fuzzed_queries(sample_server: RunningServer, text: str, how: str) -> None:
    if how == "GET":
        response = requests.get(sample_server.sparql, params={"query": text}, timeout=30)
    elif how == "form":
        response = requests.post(sample_server.sparql, data={"query": text}, timeout=30)
    else:
        response = requests.post(
            sample_server.sparql,
            data=text.encode(),
            headers={"Content-Type": "application/sparql-query"},
            timeout=30,
        )
    _assert_clean(response, text)


@FUZZ
@given(text=sparql_text, authorized=st.booleans())
def test_fuzzed_updates(sample_server: RunningServer, text: str, authorized: bool) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"} if authorized else {}
    response = requests.post(
        sample_server.sparql, data={"update": text}, headers=headers, timeout=30
    )
    _assert_clean(response, text)
    if not authorized:
        assert response.status_code == 401


# --------------------------------------------------------------------- the protocol
PARAM_NAMES = [
    "query", "update", "default-graph-uri", "named-graph-uri", "using-graph-uri",
    "using-named-graph-uri", "format", "output", "results", "timeout",
]  # fmt: skip
params = st.lists(
    st.tuples(st.one_of(st.sampled_from(PARAM_NAMES), any_text), st.one_of(sparql_text, any_text)),
    max_size=6,
)


@FUZZ
@given(pairs=params, method=st.sampled_from(["GET", "POST"]))
def test_fuzzed_parameters(
    sample_server: RunningServer, pairs: list[tuple[str, str]], method: str
) -> None:
    if method == "GET":
        response = requests.get(sample_server.sparql, params=pairs, timeout=30)
    else:
        response = requests.post(sample_server.sparql, data=pairs, timeout=30)
    _assert_clean(response, *(k + v for k, v in pairs))


media_types = st.one_of(
    st.sampled_from(
        [
            "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
            "text/tab-separated-values", "text/turtle", "application/n-triples",
            "application/rdf+xml", "application/ld+json", "application/n-quads",
            "application/trig", "text/html", "*/*", "application/*", "text/*", "", "*",
            ";", ",", "q=", "application/json;q=0", "text/csv;q=1.5", "x/y;q=abc",
        ]
    ),
    header_text,
)  # fmt: skip
accept = st.lists(
    st.tuples(media_types, st.one_of(st.none(), st.floats(-1, 2), header_text)), max_size=5
).map(lambda items: ", ".join(m if q is None else f"{m};q={q}" for m, q in items).strip())


@FUZZ
@given(
    accept=accept,
    if_none_match=st.one_of(st.none(), header_text),
    origin=st.one_of(st.none(), header_text),
    form=st.one_of(st.none(), st.sampled_from(["select", "construct", "ask", "describe"])),
)
def test_fuzzed_headers(
    sample_server: RunningServer,
    accept: str,
    if_none_match: str | None,
    origin: str | None,
    form: str | None,
) -> None:
    query = {
        None: None,
        "select": "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
        "construct": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3",
        "ask": "ASK { ?s ?p ?o }",
        "describe": "DESCRIBE ?s WHERE { ?s ?p ?o } LIMIT 1",
    }[form]
    headers = {"Accept": accept}
    if if_none_match is not None:
        headers["If-None-Match"] = if_none_match
    if origin is not None:
        headers["Origin"] = origin
    response = requests.get(
        sample_server.sparql,
        params={"query": query} if query else {},
        headers=headers,
        timeout=30,
    )
    _assert_clean(response, accept, if_none_match or "", origin or "")


content_types = st.one_of(
    st.sampled_from(
        [
            FORM, "application/sparql-query", "application/sparql-update", "text/plain",
            "application/json", "multipart/form-data", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded; charset=latin-1",
            "application/sparql-query; charset=utf-16", "application/sparql-query; charset=",
            "application/sparql-query;;;", "", "/", "a/b/c",
        ]
    ),
    header_text,
)  # fmt: skip


@FUZZ
@given(content_type=content_types, body=st.one_of(st.binary(max_size=300), sparql_text))
def test_fuzzed_content_types_and_bodies(
    sample_server: RunningServer, content_type: str, body: bytes | str
) -> None:
    data = body.encode() if isinstance(body, str) else body
    response = requests.post(
        sample_server.sparql, data=data, headers={"Content-Type": content_type}, timeout=30
    )
    _assert_clean(response, content_type, data.decode("utf-8", "replace"))


# ------------------------------------------------------------------ Linked Data paths
segment = st.one_of(
    st.sampled_from(
        ["armenia", "russia", "csto", "..", ".", "", "%00", "%2F", "%2e%2e", "\\", "x.ttl",
         "x.jsonld", "x.rdf", "x.nt", "x.html", "ontology", "article", "membership"]
    ),
    any_text.map(lambda s: quote(s, safe="")),
    any_text.map(lambda s: quote(s, safe="/;:@&=+$,")),
)  # fmt: skip
prefixes = st.sampled_from(
    ["/id/", "/doc/id/", "/doc/", "/code/", "/graph/", "/doc/graph/", "/ontology/", "/dumps/",
     "/assets/", "/", "/articles/", "/.well-known/"]
)  # fmt: skip


@FUZZ
@given(
    prefix=prefixes,
    parts=st.lists(segment, min_size=1, max_size=4),
    ext=st.sampled_from(["", ".ttl", ".jsonld", ".rdf", ".nt", ".html", ".x"]),
    accept=st.one_of(st.none(), accept),
)
def test_fuzzed_entity_paths(
    built_site: RunningServer, prefix: str, parts: list[str], ext: str, accept: str | None
) -> None:
    path = prefix + "/".join(parts) + ext
    response = requests.get(
        built_site.base + path,
        headers={"Accept": accept} if accept is not None else {},
        allow_redirects=False,
        timeout=30,
    )
    _assert_clean(response, path, accept or "")
    assert b"root:x:0:0" not in response.content


def test_no_worker_crashed_while_fuzzing(
    sample_server: RunningServer, built_site: RunningServer
) -> None:
    assert crashes(sample_server) == [] and crashes(built_site) == []
