"""Turn an HTTP request into a SPARQL operation, following the SPARQL 1.1 Protocol.

Three ways to send a query (GET ``?query=``, POST form-encoded, POST
``application/sparql-query``) and two to send an update (POST form-encoded ``update=``, POST
``application/sparql-update``). Everything ambiguous or malformed is refused with a 4xx
rather than guessed at: repeated ``query``/``update`` parameters, both at once, an update
over GET, a wrong or missing media type, a body or parameter that is not UTF-8, dataset
parameters that do not belong to the operation, graph names that are not absolute IRIs.
Parameters the protocol does not define (SPARQLWrapper's ``output``/``results``) are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, unquote_plus

from flask import Request
from pyoxigraph import NamedNode

from ..errors import ProtocolError

FORM = "application/x-www-form-urlencoded"
DIRECT = {"application/sparql-query": "query", "application/sparql-update": "update"}
UTF8_NAMES = {"utf-8", "utf8"}

QUERY_DATASET = ("default-graph-uri", "named-graph-uri")
UPDATE_DATASET = ("using-graph-uri", "using-named-graph-uri")


@dataclass(frozen=True)
class Operation:
    kind: Literal["query", "update"]
    text: str
    default_graphs: tuple[str, ...] | None = None  # None: the protocol gave no dataset
    named_graphs: tuple[str, ...] | None = None
    using_graphs: tuple[str, ...] = ()
    using_named_graphs: tuple[str, ...] = ()
    format_params: tuple[str, ...] = ()


Params = dict[str, list[str]]


def parse_params(raw: bytes) -> Params:
    """Decode ``application/x-www-form-urlencoded`` data strictly as UTF-8."""
    try:
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(400, "request parameters must be percent-encoded UTF-8") from None
    params: Params = {}
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    return params


def has_param(query_string: bytes, name: str) -> bool:
    """Whether a URL query string has a parameter ``name``, decoding only the names.

    Why: werkzeug's ``request.args`` percent-decodes every value, and a SPARQL query string
    is one long, heavily encoded value that :func:`parse_params` decodes again (strictly);
    asking ``request.args`` only whether ``update`` is there cost ~70 µs per request on the
    competency-question mix (bench/RESULTS.md). Names are split the way ``parse_qsl`` does.
    """
    for pair in query_string.split(b"&"):
        key = pair.split(b"=", 1)[0]
        text = key.decode("latin-1")
        if b"%" in key or b"+" in key:
            text = unquote_plus(text, errors="replace")
        if text == name:
            return True
    return False


def _merge(a: Params, b: Params) -> Params:
    merged = {k: list(v) for k, v in a.items()}
    for key, values in b.items():
        merged.setdefault(key, []).extend(values)
    return merged


def _check_charset(request: Request) -> None:
    """400 for any declared charset but UTF-8, on form bodies as on direct ones: a UTF-16
    form body would otherwise be read as percent-encoded UTF-8 and half-understood."""
    charset = request.mimetype_params.get("charset")
    if charset is not None and charset.strip().lower() not in UTF8_NAMES:
        raise ProtocolError(400, f"unsupported charset {charset!r}: the body must be UTF-8")


def _decode_body(request: Request) -> str:
    _check_charset(request)
    try:
        text = request.get_data(cache=True).decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request body is not valid UTF-8") from None
    return text.removeprefix("\ufeff")


def _graphs(params: Params, name: str) -> tuple[str, ...]:
    graphs = tuple(params.get(name, ()))
    for iri in graphs:
        try:
            NamedNode(iri)
        except ValueError:
            raise ProtocolError(400, f"{name} must be an absolute IRI, got {iri!r}") from None
    return graphs


def _collect_params(request: Request) -> Params:
    url_params = parse_params(request.query_string)
    if request.method != "POST":
        return url_params  # an update here is refused by operation_of
    mimetype = request.mimetype
    if mimetype == FORM:
        _check_charset(request)
        return _merge(url_params, parse_params(request.get_data(cache=True)))
    if mimetype in DIRECT:
        field = DIRECT[mimetype]
        if field in url_params:
            raise ProtocolError(400, f"{field} given both in the body and in the URL")
        return _merge(url_params, {field: [_decode_body(request)]})
    accepted = ", ".join([FORM, *DIRECT])
    if not mimetype:
        raise ProtocolError(415, f"a POST needs a Content-Type: one of {accepted}")
    raise ProtocolError(415, f"unsupported Content-Type {mimetype!r}; use one of {accepted}")


def parse_operation(request: Request) -> Operation | None:
    """The operation the request asks for; ``None`` for a plain GET (service description)."""
    return operation_of(_collect_params(request), request.method)


def operation_of(params: Params, method: str) -> Operation | None:
    """The operation that the request's decoded parameters ask for (all of its checks).

    Split from :func:`parse_operation` so that a ``GET`` query string can be read with exactly
    these rules without a Flask request.
    """
    if method != "POST" and "update" in params:
        raise ProtocolError(400, "SPARQL Update must be sent with POST")
    queries, updates = params.get("query", []), params.get("update", [])
    if queries and updates:
        raise ProtocolError(400, "a request carries either query or update, not both")
    if len(queries) > 1 or len(updates) > 1:
        raise ProtocolError(400, "exactly one query or update parameter is allowed")
    format_params = tuple(v for v in params.get("format", []) if v.strip())
    if queries:
        if any(name in params for name in UPDATE_DATASET):
            raise ProtocolError(400, "using-graph-uri/using-named-graph-uri apply to updates")
        defaults, named = _graphs(params, QUERY_DATASET[0]), _graphs(params, QUERY_DATASET[1])
        given = any(name in params for name in QUERY_DATASET)
        return Operation(
            kind="query",
            text=queries[0],
            default_graphs=defaults if given else None,
            named_graphs=named if given else None,
            format_params=format_params,
        )
    if updates:
        if any(name in params for name in QUERY_DATASET):
            raise ProtocolError(400, "default-graph-uri/named-graph-uri apply to queries")
        return Operation(
            kind="update",
            text=updates[0],
            using_graphs=_graphs(params, UPDATE_DATASET[0]),
            using_named_graphs=_graphs(params, UPDATE_DATASET[1]),
        )
    if method == "POST":
        raise ProtocolError(400, "missing query or update parameter")
    return None
