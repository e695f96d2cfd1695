"""A small SPARQL tokenizer for policy checks made before a query reaches the engine, and the
one scan of a request's text that every check shares.

The endpoint must refuse ``SERVICE`` and ``LOAD`` (both make Oxigraph open outbound HTTP
connections) and must find ``USING``/``WITH``/``WHERE`` in updates. A substring search would
be fooled by comments, string literals and IRIs (and would refuse harmless queries that
merely mention the word), so keywords are recognised only as bare-name tokens. The token
rules follow the SPARQL 1.1 grammar's terminals closely enough that anything Oxigraph parses
as a keyword is a ``NAME`` token here; unknown characters become single ``PUNCT`` tokens, so
the tokenizer never fails.

Why :func:`scan`: the size limits, the SERVICE/LOAD guard (and its view of ``\\u``-escaped
text), the prologue, the query form, the update dataset rewriting and the remote store each
tokenized the text themselves; a text is now scanned once (memoised per text: clients send
the same texts again and again) and every check reads that one token stream. Measured on the
competency-question mix (``bench/uncached.py``, bench/RESULTS.md): tokenizing a CQ text 81 →
60 µs (``finditer``, blanks absorbed into each match), all checks of a text the worker has
not seen 130 → ~112 µs with more checks than before; a repeated text costs a memo lookup.

Linear on every input (issue 20, finding 5). A regular-expression tokenizer retries its
alternatives at every position, and two kinds of failed attempt scanned far ahead each time:
a quoted string with no end (three double quotes, then 20,000 backslash-quotes took 7.45 s,
a 1 MB body ~78 min: every ``"`` started a string that ran to the end of the text) and a
prefixed-name prefix with no ``:`` after it (``a.a.a.…``, ``a-a-a-…``: every letter started
a prefix that ran to the end of the run). So: a string that does not end is one
``UNTERMINATED`` token to the end of its line (short strings) or of the text (long ones),
which the checks refuse with a 400
(the engine could not parse it either); and once a prefix attempt failed at the start of a
run of name characters, no position inside that run tries it again (every such position has
the same run end, so it would fail the same way): a second pattern without the prefix
alternative is used up to the run's end. Repeats are possessive (``*+``: no backtracking
state kept per iteration; a long run of comments or escapes was ~2x slower without).
``tests/security/test_lexer_linear.py`` times
adversarial shapes at two sizes and bounds the ratio.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import NamedTuple


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
    UNTERMINATED = "unterminated"  # a string literal with no closing quote(s): an error


class Token(NamedTuple):
    """One significant token; ``upper`` is the upper-cased text of a ``NAME`` (a keyword or
    function name) and the text itself for every other kind, so keyword tests need no
    ``upper()`` call per comparison."""

    kind: Kind
    text: str
    start: int
    upper: str


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

# Order matters: earlier alternatives win at the same position. Whitespace and comments are
# skipped by the leading group of the same match, so each match is one token (or trailing
# blanks, with no group): half the matches of a pattern that returned them as tokens.
_STRING = (
    r'(?P<string>"""(?:(?:"|"")?(?:[^"\\]|\\.))*+"""'
    r"|'''(?:(?:'|'')?(?:[^'\\]|\\.))*+'''"
    # three quotes always open a long string, never an empty short one and a quote
    r'|(?!""")"(?:[^"\\\n\r]|\\.)*"'
    r"|(?!'\'\')'(?:[^'\\\n\r]|\\.)*')"
    # no end: the rest of the text (long strings) or of the line (short ones), in one token
    r"|(?P<unterminated>\"\"\"[\s\S]*|'''[\s\S]*"
    r'|"(?:[^"\\\n\r]|\\.)*\\?|\'(?:[^\'\\\n\r]|\\.)*\\?)'
)


def _token_re(prefixed_names: bool) -> re.Pattern[str]:
    pname = rf"(?P<pname>(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?)"
    if not prefixed_names:  # inside a run where a prefix already failed: only ':' names
        pname = rf"(?P<pname>:(?:{_PN_LOCAL})?)"
    return re.compile(
        r"(?:\s+|\#[^\n\r]*)*+(?:"
        + "|".join(
            [
                r'(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)',
                _STRING,
                rf"(?P<bnode>_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)",
                pname,
                rf"(?P<var>[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)",
                r"(?P<langtag>@[A-Za-z]+(?:-+[A-Za-z0-9]+)*+)",
                r"(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)",
                r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)",
                r"(?P<punct>\^\^|<<|>>|\|\||&&|!=|<=|>=|.)",
            ]
        )
        + ")?",
        re.DOTALL,
    )


_TOKEN_RE = _token_re(prefixed_names=True)
_TOKEN_RE_IN_RUN = _token_re(prefixed_names=False)
_PREFIX_START = re.compile(f"[{_PN_CHARS_BASE}]")
_NAME_RUN = re.compile(f"[{_PN_CHARS}.]*")

_KINDS = {
    "iri": Kind.IRI,
    "string": Kind.STRING,
    "unterminated": Kind.UNTERMINATED,
    "bnode": Kind.BNODE,
    "pname": Kind.PNAME,
    "var": Kind.VAR,
    "langtag": Kind.LANGTAG,
    "number": Kind.NUMBER,
    "name": Kind.NAME,
    "punct": Kind.PUNCT,
}


def tokenize(text: str) -> list[Token]:
    """Split SPARQL text into significant tokens (whitespace and comments dropped), in time
    linear in the text's length (see the module docstring)."""
    tokens: list[Token] = []
    append = tokens.append
    name = Kind.NAME
    full, in_run = _TOKEN_RE.match, _TOKEN_RE_IN_RUN.match
    run_end = 0  # positions before this lie in a run where a prefix attempt failed
    pos, size = 0, len(text)
    while pos < size:
        match = (full if pos >= run_end else in_run)(text, pos)
        assert match is not None  # every alternative is optional: it matches, maybe empty
        group = match.lastgroup
        if group is None:  # blanks or a comment at the end of the text
            break
        start, pos = match.start(group), match.end()
        kind = _KINDS[group]
        if (group == "name" or group == "punct") and start >= run_end:
            if _PREFIX_START.match(text, start):  # a prefix could start here, and failed
                run_end = _NAME_RUN.match(text, start).end()  # type: ignore[union-attr]
        token = match.group(group)
        append(Token(kind, token, start, token.upper() if kind is name else token))
    return tokens


def names(tokens: Sequence[Token]) -> set[str]:
    """The upper-cased bare names (keywords and function names) that occur in the tokens."""
    return {t.upper for t in tokens if t.kind is Kind.NAME}


def prologue(tokens: Sequence[Token], start: int = 0) -> tuple[str | None, dict[str, str], int]:
    """Read ``BASE``/``PREFIX``/``VERSION`` declarations from ``start``; return base,
    prefixes and the index of the first token after them."""
    base: str | None = None
    prefixes: dict[str, str] = {}
    i = start
    while i < len(tokens):
        word = tokens[i].upper if tokens[i].kind is Kind.NAME else ""
        if word == "BASE" and i + 1 < len(tokens) and tokens[i + 1].kind is Kind.IRI:
            base = tokens[i + 1].text[1:-1]
            i += 2
        elif word == "VERSION" and i + 1 < len(tokens) and tokens[i + 1].kind is Kind.STRING:
            i += 2
        elif is_prefix_declaration(tokens, i):
            prefixes[tokens[i + 1].text[:-1]] = tokens[i + 2].text[1:-1]
            i += 3
        else:
            break
    return base, prefixes, i


def is_prefix_declaration(tokens: Sequence[Token], i: int) -> bool:
    """Whether ``PREFIX name: <iri>`` starts at ``i``."""
    return (
        tokens[i].kind is Kind.NAME
        and tokens[i].upper == "PREFIX"
        and i + 2 < len(tokens)
        and tokens[i + 1].kind is Kind.PNAME
        and tokens[i + 1].text.endswith(":")
        and tokens[i + 2].kind is Kind.IRI
    )


def skip_word(tokens: Sequence[Token], i: int, *words: str) -> int:
    """``i + 1`` if the token at ``i`` is one of the keywords ``words`` (upper case), else
    ``i``: steps over an optional keyword such as ``SILENT``, ``NAMED`` or ``GRAPH``."""
    if i < len(tokens) and tokens[i].kind is Kind.NAME and tokens[i].upper in words:
        return i + 1
    return i


QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def _form(tokens: Sequence[Token]) -> str | None:
    _, _, i = prologue(tokens)
    if i < len(tokens) and tokens[i].kind is Kind.NAME and tokens[i].upper in QUERY_FORMS:
        return tokens[i].upper
    return None


def query_form(text_or_tokens: str | Sequence[Token]) -> str | None:
    """``SELECT``/``ASK``/``CONSTRUCT``/``DESCRIBE`` for a query, ``None`` if not recognisable."""
    if isinstance(text_or_tokens, str):
        return scan(text_or_tokens).form
    return _form(text_or_tokens)


# SPARQL 1.1 \uXXXX / \UXXXXXXXX escapes: an engine that expanded them before parsing would
# see other keywords than the tokens show, so the policy checks also read the expanded text.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(text: str) -> str:
    def repl(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _ESCAPE.sub(repl, text)


@dataclass(frozen=True, eq=False)
class Scan:
    """A text and its tokens, with what the checks read from them computed once, on demand."""

    text: str
    tokens: tuple[Token, ...]

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(names(self.tokens))

    @cached_property
    def prologue(self) -> tuple[str | None, dict[str, str], int]:
        """The first prologue (a query's only one). Callers must not change the dict."""
        return prologue(self.tokens)

    @cached_property
    def form(self) -> str | None:
        return _form(self.tokens)

    @cached_property
    def unescaped(self) -> Scan | None:
        """The text with ``\\u`` escapes expanded, scanned; ``None`` when it has none."""
        if not _ESCAPE.search(self.text):
            return None
        return _new_scan(_unescape(self.text))


def _new_scan(text: str) -> Scan:
    return Scan(text, tuple(tokenize(text)))


# Texts up to this length have their scan memoised (at most ~256 x 4 KiB of text and its
# tokens, ~20 MB per worker at worst); longer ones are scanned on each request.
SCAN_MEMO_MAX_TEXT = 4096
_scan_memo = functools.lru_cache(maxsize=256)(_new_scan)


def scan(text: str) -> Scan:
    """The one scan of ``text`` that every check of a request reads."""
    return _scan_memo(text) if len(text) <= SCAN_MEMO_MAX_TEXT else _new_scan(text)


def clear_memo() -> None:
    """Forget memoised scans (benchmarks measure the first scan of a text)."""
    _scan_memo.cache_clear()
