"""Policy checks on query and update text, applied before anything is evaluated.

Oxigraph evaluates ``SERVICE <iri>`` and ``LOAD <iri>`` by opening real HTTP connections, so
an open endpoint would be a server-side request forgery relay. ``SERVICE`` is allowed only
for absolute IRIs on the configured allow-list (a variable or unresolvable target is refused)
and ``LOAD`` is always refused. SPARQL 1.1 ``\\uXXXX`` escapes are checked too, in case an
engine ever expands them before parsing: a check that refuses too much is harmless, one that
refuses too little is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import ProtocolError
from .lexer import Kind, Token, names, prologue, tokenize

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(text: str) -> str:
    def repl(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _ESCAPE.sub(repl, text)


def _views(text: str, tokens: list[Token] | None) -> list[list[Token]]:
    views = [tokens if tokens is not None else tokenize(text)]
    if _ESCAPE.search(text):
        views.append(tokenize(_unescape(text)))
    return views


def _resolve(token: Token, prefixes: dict[str, str]) -> str | None:
    if token.kind is Kind.IRI:
        iri = token.text[1:-1]
        return iri if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", iri) else None
    if token.kind is Kind.PNAME:
        prefix, _, local = token.text.partition(":")
        if prefix in prefixes and "\\" not in local and "%" not in local:
            return prefixes[prefix] + local
    return None


def service_targets(tokens: list[Token]) -> list[str | None]:
    """The IRI of every ``SERVICE`` clause, ``None`` where it is not a plain absolute IRI."""
    _, prefixes, _ = prologue(tokens)
    targets: list[str | None] = []
    for i, token in enumerate(tokens):
        if token.kind is not Kind.NAME or token.upper != "SERVICE":
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].kind is Kind.NAME and tokens[j].upper == "SILENT":
            j += 1
        targets.append(_resolve(tokens[j], prefixes) if j < len(tokens) else None)
    return targets


def check_operation(
    text: str, allowlist: Iterable[str], *, update: bool, tokens: list[Token] | None = None
) -> None:
    """Raise a 400 :class:`ProtocolError` if the text would make the server fetch anything.

    ``tokens`` may pass in ``tokenize(text)`` when the caller already has it.
    """
    allowed = set(allowlist)
    for view in _views(text, tokens):
        if update and "LOAD" in names(view):
            raise ProtocolError(400, "LOAD is not allowed on this endpoint")
        for target in service_targets(view):
            if target is None:
                raise ProtocolError(
                    400, "SERVICE is only allowed with an absolute IRI from the allow-list"
                )
            if target not in allowed:
                raise ProtocolError(400, f"SERVICE <{target}> is not on this endpoint's allow-list")


def apply_update_dataset(text: str, using: list[str], using_named: list[str]) -> str:
    """Add protocol ``using-graph-uri``/``using-named-graph-uri`` as USING clauses.

    SPARQL 1.1 Protocol §2.2.3: the parameters act like USING / USING NAMED on every
    operation that has a WHERE clause, and a request that also has USING, USING NAMED or
    WITH in its text is an error. The clauses go in front of each top-level ``WHERE`` that
    ends a DELETE/INSERT operation (``DELETE WHERE`` has no place for USING and is left as is).
    """
    if not using and not using_named:
        return text
    tokens = tokenize(text)
    if {"USING", "WITH"} & names(tokens):
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
