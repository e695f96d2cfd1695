"""Policy checks on query and update text, applied before anything is evaluated.

Oxigraph evaluates ``SERVICE <iri>`` and ``LOAD <iri>`` by opening real HTTP connections, so
an open endpoint would be a server-side request forgery relay. ``SERVICE`` is allowed only
for absolute IRIs on the configured allow-list (a variable or unresolvable target is refused)
and ``LOAD`` is always refused. A prefixed ``SERVICE`` target is resolved with the ``PREFIX``
declarations in force where it stands: in an update of several operations, a later
operation's prologue may redeclare a prefix, and an engine resolves the target with that.
SPARQL 1.1 ``\\uXXXX`` escapes are checked too, in case an engine ever expands them before
parsing: a check that refuses too much is harmless, one that refuses too little is not.

Behind ``kg serve --store`` the engine may also have extensions that reach the network:
Virtuoso runs SQL built-ins named ``bif:…`` (``bif:http_get`` fetches any URL, for the
anonymous user of a stock installation) and stored procedures named ``sql:…`` from SPARQL,
and its ``DEFINE`` pragmas switch on fetching ``FROM`` IRIs (``define get:soft``). None of
these is SPARQL, so they are refused for every engine (docs/scale-out.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..errors import ProtocolError
from .lexer import Kind, Scan, Token, is_prefix_declaration, scan, skip_word

# Virtuoso's function namespaces: SQL built-ins and stored procedures callable from SPARQL.
ENGINE_FUNCTION_PREFIXES = ("bif:", "sql:")


def resolve_iri(token: Token, prefixes: dict[str, str]) -> str | None:
    """The absolute IRI an IRI or prefixed-name token stands for; ``None`` if it is relative,
    its prefix is undeclared or its local part is escaped."""
    if token.kind is Kind.IRI:
        iri = token.text[1:-1]
        return iri if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", iri) else None
    if token.kind is Kind.PNAME:
        prefix, _, local = token.text.partition(":")
        if prefix in prefixes and "\\" not in local and "%" not in local:
            return prefixes[prefix] + local
    return None


def service_targets(tokens: Sequence[Token]) -> list[str | None]:
    """The IRI of every ``SERVICE`` clause, ``None`` where it is not a plain absolute IRI.

    Prefixes are those declared before the clause, in any operation's prologue (a later
    declaration of the same prefix replaces the earlier one from there on).
    """
    prefixes: dict[str, str] = {}
    targets: list[str | None] = []
    for i, token in enumerate(tokens):
        if token.kind is not Kind.NAME:
            continue
        if token.upper == "PREFIX" and is_prefix_declaration(tokens, i):
            prefixes[tokens[i + 1].text[:-1]] = tokens[i + 2].text[1:-1]
        elif token.upper == "SERVICE":
            j = skip_word(tokens, i + 1, "SILENT")
            targets.append(resolve_iri(tokens[j], prefixes) if j < len(tokens) else None)
    return targets


def _check_engine_extensions(view: Scan) -> None:
    if "DEFINE" in view.names:
        raise ProtocolError(400, "DEFINE pragmas (a Virtuoso extension) are not allowed")
    iri, pname = Kind.IRI, Kind.PNAME
    for token in view.tokens:
        kind = token.kind
        if (kind is pname and token.text[:4].lower() in ENGINE_FUNCTION_PREFIXES) or (
            kind is iri and token.text[1:5].lower() in ENGINE_FUNCTION_PREFIXES
        ):
            raise ProtocolError(
                400,
                f"{token.text}: engine built-ins (bif:, sql:) are not allowed on this endpoint",
            )


def check_operation(source: Scan | str, allowlist: Iterable[str], *, update: bool) -> None:
    """Raise a 400 :class:`ProtocolError` if the text would make the server fetch anything.

    ``source`` is the request's :func:`server.checks.lexer.scan` (or the text, scanned here).
    """
    scanned = source if isinstance(source, Scan) else scan(source)
    allowed = set(allowlist)
    for view in (scanned, scanned.unescaped):
        if view is None:
            continue
        if update and "LOAD" in view.names:
            raise ProtocolError(400, "LOAD is not allowed on this endpoint")
        _check_engine_extensions(view)
        for target in service_targets(view.tokens):
            if target is None:
                raise ProtocolError(
                    400, "SERVICE is only allowed with an absolute IRI from the allow-list"
                )
            if target not in allowed:
                raise ProtocolError(400, f"SERVICE <{target}> is not on this endpoint's allow-list")


def apply_update_dataset(source: Scan | str, using: list[str], using_named: list[str]) -> str:
    """Add protocol ``using-graph-uri``/``using-named-graph-uri`` as USING clauses.

    SPARQL 1.1 Protocol §2.2.3: the parameters act like USING / USING NAMED on every
    operation that has a WHERE clause, and a request that also has USING, USING NAMED or
    WITH in its text is an error. The clauses go in front of each top-level ``WHERE`` that
    ends a DELETE/INSERT operation (``DELETE WHERE`` has no place for USING and is left as is).
    """
    scanned = source if isinstance(source, Scan) else scan(source)
    text = scanned.text
    if not using and not using_named:
        return text
    tokens = scanned.tokens
    if {"USING", "WITH"} & scanned.names:
        raise ProtocolError(
            400, "using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH"
        )
    clause = "".join(f" USING <{iri}>" for iri in using)
    clause += "".join(f" USING NAMED <{iri}>" for iri in using_named)
    depth = 0
    cut_points: list[int] = []
    previous: Token | None = None
    for token in tokens:
        if token.kind is Kind.PUNCT and token.text == "{":
            depth += 1
        elif token.kind is Kind.PUNCT and token.text == "}":
            depth -= 1
        elif (
            depth == 0
            and token.kind is Kind.NAME
            and token.upper == "WHERE"
            and not (previous is not None and previous.upper == "DELETE")
        ):
            cut_points.append(token.start)
        previous = token
    pieces: list[str] = []
    last = 0
    for cut in cut_points:
        pieces.append(text[last:cut])
        pieces.append(clause.lstrip() + " ")
        last = cut
    pieces.append(text[last:])
    return "".join(pieces)
