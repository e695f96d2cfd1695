"""Cheap size checks on query and update text, made before the engine parses anything.

Why: Oxigraph's SPARQL parser and planner recurse once per nesting level *and* once per
element of a flat chain (``1+1+1…``, ``?a ?b ?c . ?d ?e ?f . …``, ``{…} UNION {…} UNION …``,
collections ``( 1 2 3 … )``), on the thread that runs the query. Past a few thousand
elements they overflow that thread's stack, and a stack overflow is not an exception: it
kills the whole worker process (SIGSEGV), so one request could take a worker down and a loop
of them keep the service down. Measured on an 8 MiB stack, the cheapest crashes were about
900 nested ``STR(`` calls, 830 nested ``FILTER EXISTS {`` groups and a 4,000-item collection.

Two limits keep every query far from that, with the runner's larger operation stack
(:data:`server.execution.runner.OPERATION_STACK_BYTES`) as the margin: bracket nesting depth,
and the number of tokens outside ``VALUES`` and ``INSERT DATA``/``DELETE DATA`` blocks (data
rows are stored flat, so those may be as long as the body limit allows). Tokens come from
:mod:`server.checks.lexer`, so brackets inside strings, IRIs and comments do not count.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import ProtocolError
from .lexer import Kind, Token

MAX_NESTING = 100
MAX_TOKENS = 10_000

_OPEN = {"{", "(", "[", "<<"}
_CLOSE = {"}", ")", "]", ">>"}
_BLOCK_WORDS = {"DATA", "VALUES"}  # the only words that can open a data block


def _is_punct(token: Token, text: str) -> bool:
    return token.kind is Kind.PUNCT and token.text == text


def _data_block_start(tokens: Sequence[Token], i: int) -> int | None:
    """Index of the ``{`` opening a VALUES or INSERT/DELETE DATA block that starts at ``i``."""
    token = tokens[i]
    if token.kind is not Kind.NAME:
        return None
    word = token.upper
    if word == "DATA" and i > 0 and tokens[i - 1].upper in ("INSERT", "DELETE"):
        j = i + 1
    elif word == "VALUES":
        j = i + 1
        if j < len(tokens) and _is_punct(tokens[j], "("):  # VALUES ( ?a ?b ) { … }
            while j < len(tokens) and not _is_punct(tokens[j], ")"):
                j += 1
        j += 1  # past the variable or the closing parenthesis
    else:
        return None
    return j if j < len(tokens) and _is_punct(tokens[j], "{") else None


def measure(tokens: Sequence[Token]) -> tuple[int, int]:
    """Return (deepest bracket nesting, tokens outside VALUES/DATA blocks)."""
    depth = deepest = counted = 0
    block_brace: int | None = None  # index of the "{" that opens the next data block
    block_end_depth: int | None = None  # depth at which the current data block closes
    name, punct = Kind.NAME, Kind.PUNCT
    for i, token in enumerate(tokens):
        if i == block_brace:
            block_end_depth, block_brace = depth, None
        if block_end_depth is None:
            counted += 1
            if block_brace is None and token.kind is name and token.upper in _BLOCK_WORDS:
                block_brace = _data_block_start(tokens, i)
        if token.kind is punct:
            if token.text in _OPEN:
                depth += 1
                if depth > deepest:
                    deepest = depth
            elif token.text in _CLOSE:
                depth = max(0, depth - 1)
                if block_end_depth is not None and depth == block_end_depth:
                    block_end_depth = None
    return deepest, counted


def check_size(tokens: Sequence[Token]) -> None:
    """Raise a 400 :class:`ProtocolError` for text too deep or too long to parse safely, or
    with a string literal that never ends (the lexer's ``UNTERMINATED`` token: no engine can
    parse it, and the rest of the text was not tokenized, see server.checks.lexer)."""
    for token in tokens:
        if token.kind is Kind.UNTERMINATED:
            raise ProtocolError(
                400,
                f"the string literal at character {token.start + 1} has no closing quote",
            )
    deepest, counted = measure(tokens)
    if deepest > MAX_NESTING:
        raise ProtocolError(
            400,
            f"the operation nests brackets {deepest} levels deep; "
            f"this endpoint allows at most {MAX_NESTING}",
        )
    if counted > MAX_TOKENS:
        raise ProtocolError(
            400,
            f"the operation has {counted} syntax elements outside VALUES/DATA blocks; "
            f"this endpoint allows at most {MAX_TOKENS} (put long lists of values in VALUES)",
        )
