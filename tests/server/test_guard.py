"""The tokenizer-based SERVICE/LOAD policy and the update dataset rewriting (in-process)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server.checks.guard import apply_update_dataset, check_operation
from server.checks.lexer import Kind, query_form, tokenize
from server.errors import ProtocolError

ALLOWED = "http://allowed.example/sparql"

HARMLESS = [
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://evil.example/>",
    'SELECT * WHERE { ?s ?p "SERVICE <http://evil.example/> { }" }',
    "SELECT * WHERE { ?s ?p '''LOAD <http://evil.example/>\nSERVICE <x>''' }",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:SERVICE ?o . ?s ex:service ?o }",
    "SELECT ?service ?load WHERE { ?service ?p ?load }",
    f"SELECT * WHERE {{ SERVICE <{ALLOWED}> {{ ?s ?p ?o }} }}",
    "PREFIX r: <http://allowed.example/> SELECT * { SERVICE SILENT r:sparql { ?s ?p ?o } }",
]

REFUSED = [
    "SELECT * WHERE { SERVICE <http://evil.example/> { ?s ?p ?o } }",
    "select * where { service <http://evil.example/> { ?s ?p ?o } }",
    "SELECT * WHERE { SeRvIcE SILENT <http://evil.example/> { ?s ?p ?o } }",
    "SELECT * WHERE {SERVICE<http://evil.example/>{?s ?p ?o}}",
    "SELECT * WHERE { SERVICE # comment\n <http://evil.example/> { ?s ?p ?o } }",
    "PREFIX e: <http://evil.example/> SELECT * WHERE { SERVICE e:x { ?s ?p ?o } }",
    "BASE <http://evil.example/> SELECT * WHERE { SERVICE <sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { VALUES ?e { <http://evil.example/> } SERVICE ?e { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://evil.example/> { ?s ?q ?r } } }",
    r"SELECT * WHERE { \u0053ERVICE <http://evil.example/> { ?s ?p ?o } }",
    f"SELECT * WHERE {{ SERVICE <{ALLOWED}/other> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE { SERVICE u:sparql { ?s ?p ?o } }",  # a prefix never declared
]


@pytest.mark.parametrize("query", HARMLESS)
def test_harmless_mentions_are_not_refused(query: str) -> None:
    check_operation(query, (ALLOWED,), update=False)


@pytest.mark.parametrize("query", REFUSED)
def test_service_outside_the_allow_list_is_refused(query: str) -> None:
    with pytest.raises(ProtocolError) as info:
        check_operation(query, (ALLOWED,), update=False)
    assert info.value.status == 400


def test_service_is_refused_with_an_empty_allow_list() -> None:
    with pytest.raises(ProtocolError):
        check_operation(f"SELECT * {{ SERVICE <{ALLOWED}> {{ }} }}", (), update=False)


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <http://evil.example/data.ttl>",
        "load silent <http://evil.example/data.ttl> INTO GRAPH <http://g>",
        "INSERT DATA { <a:s> <a:p> 1 } ; LOAD <http://evil.example/x>",
        "INSERT { ?s ?p ?o } WHERE { SERVICE <http://evil.example/> { ?s ?p ?o } }",
    ],
)
def test_load_and_service_in_updates_are_refused(update: str) -> None:
    with pytest.raises(ProtocolError):
        check_operation(update, (), update=True)


def test_load_mentioned_in_a_literal_is_fine() -> None:
    check_operation('INSERT DATA { <a:s> <a:p> "LOAD <http://x/>" }', (), update=True)


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("SELECT * {}", "SELECT"),
        ("# comment\nPREFIX ex: <http://e/>\nBASE <http://b/>\nask {}", "ASK"),
        ("PREFIX : <http://e/> CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("describe <http://e/x>", "DESCRIBE"),
        ('VERSION "1.2" PREFIX : <http://e/> SELECT * {}', "SELECT"),
        ("INSERT DATA {}", None),
        ("SELEC * {}", None),
    ],
)
def test_query_form(query: str, form: str | None) -> None:
    assert query_form(query) == form


def test_tokens_of_each_kind() -> None:
    tokens = tokenize('PREFIX ex: <http://e/> SELECT ?x WHERE { _:b ex:p "v"@en-GB , 1.5e3 }')
    kinds = {t.kind for t in tokens}
    assert {Kind.NAME, Kind.PNAME, Kind.IRI, Kind.VAR, Kind.BNODE, Kind.STRING} <= kinds
    assert {Kind.LANGTAG, Kind.NUMBER, Kind.PUNCT} <= kinds


@given(st.text(max_size=300))
def test_tokenizer_never_fails_and_keeps_order(text: str) -> None:
    tokens = tokenize(text)
    starts = [t.start for t in tokens]
    assert starts == sorted(starts)
    for token in tokens:
        assert text[token.start : token.start + len(token.text)] == token.text


@given(st.text(alphabet=st.characters(blacklist_characters='"\\\n\r'), max_size=80))
def test_service_inside_a_string_literal_is_never_refused(noise: str) -> None:
    query = f'SELECT * WHERE {{ ?s ?p "{noise} SERVICE <http://evil.example/> {{}}" }}'
    check_operation(query, (), update=False)


# --------------------------------------------------------------- update dataset rewriting
def test_using_clauses_go_before_top_level_where_only() -> None:
    update = (
        "PREFIX ex: <http://e/> INSERT { GRAPH <http://t> { ?s ?p ?o } } "
        "WHERE { { SELECT ?s ?p ?o WHERE { ?s ?p ?o } } } ; "
        "DELETE WHERE { ?s ex:gone ?o }"
    )
    rewritten = apply_update_dataset(update, ["http://g1"], ["http://n1"])
    assert rewritten.count("USING <http://g1>") == 1
    assert rewritten.count("USING NAMED <http://n1>") == 1
    assert "USING <http://g1> USING NAMED <http://n1> WHERE { { SELECT" in rewritten
    assert rewritten.endswith("DELETE WHERE { ?s ex:gone ?o }")


def test_update_text_is_unchanged_without_parameters() -> None:
    assert apply_update_dataset("CLEAR ALL", [], []) == "CLEAR ALL"


@pytest.mark.parametrize(
    "update",
    [
        "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "DELETE { ?s ?p ?o } USING <http://g> WHERE { ?s ?p ?o }",
    ],
)
def test_using_parameters_conflict_with_using_or_with(update: str) -> None:
    with pytest.raises(ProtocolError) as info:
        apply_update_dataset(update, ["http://g1"], [])
    assert info.value.status == 400


# ------------------------------------------------- prologues of later update operations
def test_prefix_redeclared_in_a_later_update_operation_is_resolved() -> None:
    """The guard resolves a SERVICE target with the prologue in force where it stands, not
    only the first operation's (which here would make it the allow-listed endpoint)."""
    update = (
        "PREFIX r: <http://allowed.example/> INSERT DATA { <a:s> <a:p> 1 } ;\n"
        "PREFIX r: <http://evil.example/> "
        "INSERT { ?s ?p ?o } WHERE { SERVICE r:sparql { ?s ?p ?o } }"
    )
    with pytest.raises(ProtocolError) as info:
        check_operation(update, (ALLOWED,), update=True)
    assert "SERVICE <http://evil.example/sparql>" in info.value.message


def test_prefix_declared_in_a_later_update_operation_can_allow() -> None:
    update = (
        "INSERT DATA { <a:s> <a:p> 1 } ; PREFIX r: <http://allowed.example/> "
        "INSERT { ?s ?p ?o } WHERE { SERVICE r:sparql { ?s ?p ?o } }"
    )
    check_operation(update, (ALLOWED,), update=True)


# ------------------------------------------- engine extensions that reach the network
@pytest.mark.parametrize(
    "query",
    [
        "SELECT (bif:http_get('http://evil.example/') AS ?x) WHERE {}",
        "SELECT (<bif:http_get>('http://evil.example/') AS ?x) WHERE {}",
        "SELECT (<BIF:http_get>('http://evil.example/') AS ?x) WHERE {}",
        "PREFIX b: <bif:> SELECT (b:http_get('http://evil.example/') AS ?x) WHERE {}",
        "PREFIX bif: <http://example.org/> SELECT (bif:http_get(?s) AS ?x) WHERE { ?s ?p ?o }",
        "SELECT (sql:fetch('http://evil.example/') AS ?x) WHERE {}",
        r"SELECT (\u0062if:http_get('http://evil.example/') AS ?x) WHERE {}",
        'define get:soft "replace" SELECT * FROM <http://evil.example/> WHERE { ?s ?p ?o }',
        'DEFINE input:grab-all "yes" SELECT * WHERE { ?s ?p ?o }',
    ],
)
def test_virtuoso_extensions_are_refused(query: str) -> None:
    with pytest.raises(ProtocolError) as info:
        check_operation(query, (ALLOWED,), update=False)
    assert info.value.status == 400


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "bif:http_get(1) define" }',
        "PREFIX ex: <http://example.org/> SELECT ?bif ?define WHERE { ?bif ex:sql ?define }",
        "SELECT * WHERE { ?s <http://example.org/bif:x> ?o } # define bif:x",
    ],
)
def test_mentions_of_extension_names_are_fine(query: str) -> None:
    check_operation(query, (), update=False)


# ------------------------------------------------------------------ one scan per request
def test_a_request_is_tokenized_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Size limits, guard, prologue, form and update rewriting all read one token stream."""
    from live_server import SAMPLE

    from server import ServerConfig, create_app
    from server.checks import lexer

    calls: list[str] = []
    real = lexer._TOKEN_RE

    class Counting:
        """The tokenizer's pattern, noting each text it starts to tokenize (from any module
        that imported ``tokenize``: the pattern is what every tokenization goes through)."""

        def finditer(self, text: str, *args: int) -> object:
            calls.append(text)
            return real.finditer(text, *args)

        def match(self, text: str, pos: int = 0) -> object:
            if pos == 0:
                calls.append(text)
            return real.match(text, pos)

    monkeypatch.setattr(lexer, "_TOKEN_RE", Counting())
    lexer.clear_memo()
    token = "one-scan-token-123"
    app = create_app(ServerConfig(files=(SAMPLE,), update_token=token)).test_client()
    query = "PREFIX ex: <http://one.scan/> SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
    assert app.get("/sparql", query_string={"query": query}).status_code == 200
    assert calls == [query]
    update = "PREFIX ex: <http://one.scan/> INSERT { ex:a ex:b ?o } WHERE { ?s ?p ?o } "
    response = app.post(
        "/sparql",
        data={"update": update, "using-graph-uri": "http://one.scan/g"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.data
    assert calls == [query, update]
