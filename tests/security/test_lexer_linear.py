"""Issue 20, finding 5: the lexer is linear on every input, and its work is charged to the
client.

Before, ``server/checks/lexer.py``'s token pattern was quadratic on an unterminated string
(three double quotes then repeated backslash-quotes: 20k repeats 7.45 s, a 1 MB body ~78 min)
and on runs like ``a.a.a.`` (a prefixed-name prefix retried at every letter); and it ran in the
front before admission, so per-client limits did not apply.

Timing is judged as a ratio between two sizes of the same shape (linear: ~8x for 8x the
input; quadratic: ~64x), each the best of five runs, the smaller one grown until it takes a
millisecond (at most 4,000 repeats: past ~50k repeats of one token, Python's regular
expression engine itself grows a little faster than linearly, memory effects), so that the
machine's load and timer resolution cancel out.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st
from live_server import SAMPLE, RunningServer, start_server, stop_server

from server.checks.lexer import Kind, tokenize

SMALL = 2000  # repeats of the shape's unit to start from
GROWTH = 8  # the larger input is this many times the smaller
LINEAR_RATIO = 24.0  # 8x the input: linear ~8, quadratic ~64
MIN_SECONDS = 0.001  # the smaller input is grown until it takes this long ...
MAX_SMALL = 4_000  # ... up to this many repeats

SHAPES: dict[str, Callable[[int], str]] = {
    "long string, escaped quotes": lambda n: '"""' + '\\"' * n,
    "long string, single quotes": lambda n: "'''" + "\\'" * n,
    "short string, escaped quotes": lambda n: '"' + '\\"' * n,
    "short strings unterminated per line": lambda n: ('"' + "\\a" * 20 + "\n") * (n // 20),
    "quote runs": lambda n: '"a' * n,
    "dotted name run": lambda n: "a." * n,
    "dashed name run": lambda n: "a-" * n,
    "dotted local name": lambda n: "a:" + "a." * n,
    "non-ASCII dotted run": lambda n: "é." * n,
    "open IRIs": lambda n: "<a" * n,
    "variables": lambda n: "?a" * n,
    "language tag run": lambda n: "@a" + "-a" * n + "-",
    "blank node run": lambda n: "_:a" + ".a" * n,
    "percent escapes": lambda n: "a:" + "%4" * n,
    "backslashes": lambda n: "a:" + "\\" * n,
    "numbers": lambda n: "1." * n,
    "comment lines": lambda n: "#a\n" * n,
}


def _best(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.thread_time()  # CPU time: other jobs on the machine do not count
        tokenize(text)
        best = min(best, time.thread_time() - started)
    return best


def _ratio(make: Callable[[int], str]) -> float:
    """Time for GROWTH times the input over the time for the input."""
    n = SMALL
    small = _best(make(n))
    while small < MIN_SECONDS and n < MAX_SMALL:
        n *= 2
        small = _best(make(n))
    return _best(make(n * GROWTH)) / max(small, 1e-5)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_time_per_byte_is_bounded(shape: str) -> None:
    ratio = _ratio(SHAPES[shape])
    assert ratio < LINEAR_RATIO, f"{shape}: {ratio:.1f}x the time for {GROWTH}x the input"


@settings(max_examples=30, deadline=None)
@given(
    unit=st.text(alphabet="\"'\\<>:._-a@?#é1%\n ", min_size=1, max_size=6),
    head=st.sampled_from(['"""', "'''", '"', "'", "<", "a:", "", "_:", "@a"]),
)
def test_random_shapes_are_linear(unit: str, head: str) -> None:
    ratio = _ratio(lambda n: head + unit * (n // len(unit)))
    assert ratio < LINEAR_RATIO, (head, unit, ratio)


def test_tokens_of_ordinary_text_are_unchanged() -> None:
    text = (
        'PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:a.b "a\\"b" , """x""y""" , \'c\' ; '
        "ex:p _:b1 . FILTER(?x-ex:q > 1.5e3) } # note"
    )
    kinds = [(t.kind, t.text) for t in tokenize(text)]
    assert (Kind.PNAME, "ex:a.b") in kinds
    assert (Kind.STRING, '"a\\"b"') in kinds
    assert (Kind.STRING, '"""x""y"""') in kinds
    assert (Kind.PNAME, "ex:q") in kinds
    assert not any(k is Kind.UNTERMINATED for k, _ in kinds)
    assert [t.kind for t in tokenize('"""abc')] == [Kind.UNTERMINATED]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    running = start_server(
        tmp_path, [SAMPLE], extra_args=["--client-seconds", "1", "--max-body", "1048576"]
    )
    yield running
    stop_server(running)


def test_an_unterminated_string_gets_a_clear_400(server: RunningServer) -> None:
    body = 'ASK { ?s ?p """' + '\\"' * 100_000
    started = time.monotonic()
    response = requests.post(
        server.sparql,
        data=body.encode(),
        headers={"Content-Type": "application/sparql-query"},
        timeout=60,
    )
    assert response.status_code == 400, response.text
    assert "no closing quote" in response.text
    assert time.monotonic() - started < 10  # before: ~8 minutes of front CPU


def test_the_pre_parse_is_charged_to_the_client(server: RunningServer) -> None:
    # ~1 MB of tokens: refused by the size limit after the lexer ran, never reaching an
    # executor; each costs the front tens of ms of CPU. With 1 s per minute, the client's
    # account runs dry and it gets 429s instead of more lexing.
    body = "ASK { " + "?a " * 300_000 + "}"
    statuses = []
    for _ in range(60):
        response = requests.post(
            server.sparql,
            data=body.encode(),
            headers={"Content-Type": "application/sparql-query"},
            timeout=60,
        )
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    assert 429 in statuses, statuses
    assert set(statuses) <= {400, 429}, statuses
