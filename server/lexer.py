"""A small SPARQL tokenizer for policy checks made before a query reaches the engine.

The endpoint must refuse ``SERVICE`` and ``LOAD`` (both make Oxigraph open outbound HTTP
connections) and must find ``USING``/``WITH``/``WHERE`` in updates. A substring search would
be fooled by comments, string literals and IRIs (and would refuse harmless queries that
merely mention the word), so keywords are recognised only as bare-name tokens. The token
rules follow the SPARQL 1.1 grammar's terminals closely enough that anything Oxigraph parses
as a keyword is a ``NAME`` token here; unknown characters become single ``PUNCT`` tokens, so
the tokenizer never fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    IRI = "iri"
    PNAME = "pname"
    BNODE = "bnode"
    VAR = "var"
    STRING = "string"
    LANGTAG = "langtag"
    NUMBER = "number"
    NAME = "name"
    PUNCT = "punct"


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str
    start: int

    @property
    def upper(self) -> str:
        return self.text.upper()


_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
    "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff"
)
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PN_PREFIX = f"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_LOCAL = (
    f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"
)

# Order matters: earlier alternatives win at the same position.
_TOKEN_RE = re.compile(
    "|".join(
        [
            r"(?P<ws>\s+)",
            r"(?P<comment>\#[^\n\r]*)",
            r'(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)',
            r'(?P<string>"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""'
            r"|'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''"
            r'|"(?:[^"\\\n\r]|\\.)*"'
            r"|'(?:[^'\\\n\r]|\\.)*')",
            rf"(?P<bnode>_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)",
            rf"(?P<pname>(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?)",
            rf"(?P<var>[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)",
            r"(?P<langtag>@[A-Za-z]+(?:-+[A-Za-z0-9]+)*)",
            r"(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)",
            r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)",
            r"(?P<punct>\^\^|<<|>>|\|\||&&|!=|<=|>=|.)",
        ]
    ),
    re.DOTALL,
)

_KINDS = {
    "iri": Kind.IRI,
    "string": Kind.STRING,
    "bnode": Kind.BNODE,
    "pname": Kind.PNAME,
    "var": Kind.VAR,
    "langtag": Kind.LANGTAG,
    "number": Kind.NUMBER,
    "name": Kind.NAME,
    "punct": Kind.PUNCT,
}


def tokenize(text: str) -> list[Token]:
    """Split SPARQL text into significant tokens (whitespace and comments dropped)."""
    tokens: list[Token] = []
    pos = 0
    end = len(text)
    while pos < end:
        match = _TOKEN_RE.match(text, pos)
        if match is None:  # pragma: no cover - the final alternative matches any character
            break
        group = match.lastgroup or "punct"
        if group not in ("ws", "comment"):
            tokens.append(Token(_KINDS[group], match.group(), pos))
        pos = match.end()
    return tokens


def names(tokens: list[Token]) -> set[str]:
    """The upper-cased bare names (keywords and function names) that occur in the tokens."""
    return {t.upper for t in tokens if t.kind is Kind.NAME}


def prologue(tokens: list[Token]) -> tuple[str | None, dict[str, str], int]:
    """Read ``BASE``/``PREFIX``/``VERSION`` declarations; return base, prefixes, next index."""
    base: str | None = None
    prefixes: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        word = tokens[i].upper if tokens[i].kind is Kind.NAME else ""
        if word == "BASE" and i + 1 < len(tokens) and tokens[i + 1].kind is Kind.IRI:
            base = tokens[i + 1].text[1:-1]
            i += 2
        elif word == "VERSION" and i + 1 < len(tokens) and tokens[i + 1].kind is Kind.STRING:
            i += 2
        elif (
            word == "PREFIX"
            and i + 2 < len(tokens)
            and tokens[i + 1].kind is Kind.PNAME
            and tokens[i + 1].text.endswith(":")
            and tokens[i + 2].kind is Kind.IRI
        ):
            prefixes[tokens[i + 1].text[:-1]] = tokens[i + 2].text[1:-1]
            i += 3
        else:
            break
    return base, prefixes, i


QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def query_form(text_or_tokens: str | list[Token]) -> str | None:
    """``SELECT``/``ASK``/``CONSTRUCT``/``DESCRIBE`` for a query, ``None`` if not recognisable."""
    tokens = tokenize(text_or_tokens) if isinstance(text_or_tokens, str) else text_or_tokens
    _, _, i = prologue(tokens)
    if i < len(tokens) and tokens[i].kind is Kind.NAME and tokens[i].upper in QUERY_FORMS:
        return tokens[i].upper
    return None
