"""Evaluate one SPARQL query on the store and serialize the answer, honouring the row cap.

Serialization is always done by Oxigraph's own serializers. Oxigraph cannot serialize "the
first N solutions" of a result, so SELECT solutions are first collected (at most N+1, which
also tells whether the result was truncated), written as SPARQL TSV (whose terms are exactly
the N-Triples forms Oxigraph prints for its terms), parsed back by Oxigraph and serialized in
the negotiated format. CONSTRUCT/DESCRIBE triples are capped the same way before
``pyoxigraph.serialize``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import IO, Any, TypedDict, cast

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    Store,
    Triple,
    parse_query_results,
    serialize,
)

from ..errors import ProtocolError
from ..formats import Format, ResultKind


@dataclass(frozen=True)
class QueryJob:
    """Everything needed to evaluate a query, independent of HTTP."""

    text: str
    base_iri: str | None
    default_graphs: tuple[str, ...] | None  # None: not given by the protocol
    named_graphs: tuple[str, ...] | None
    row_limit: int


@dataclass(frozen=True)
class QueryOutcome:
    body: bytes
    format: Format
    rows: int
    truncated: bool


class _Dataset(TypedDict, total=False):
    default_graph: list[NamedNode | BlankNode | DefaultGraph]
    named_graphs: list[NamedNode | BlankNode]


def _dataset_arguments(job: QueryJob) -> _Dataset:
    """Protocol dataset > FROM/FROM NAMED in the query > the store's default graph.

    The default graph already holds the merge of all named graphs (see loader), so no
    union option is needed; Oxigraph's would count a triple once per graph holding it.
    """
    if job.default_graphs is not None or job.named_graphs is not None:
        return {
            "default_graph": [NamedNode(g) for g in job.default_graphs or ()],
            "named_graphs": [NamedNode(g) for g in job.named_graphs or ()],
        }
    return {}


class _Enough(Exception):
    """Raised by :class:`_LineSink` to stop Oxigraph's writer once enough rows are out."""


class _LineSink(io.RawIOBase):
    """A binary sink for Oxigraph's TSV writer that keeps what it is given and stops it
    (raises) once ``lines`` complete lines have been written."""

    def __init__(self, lines: int) -> None:
        self.parts: list[bytes] = []
        self.lines = 0
        self.limit = lines
        self.stopped = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.parts.append(chunk)
        self.lines += chunk.count(b"\n")
        if self.lines >= self.limit:
            self.stopped = True
            raise _Enough()
        return len(chunk)


def serialize_solutions(
    solutions: QuerySolutions, fmt: Format, row_limit: int
) -> tuple[bytes, int, bool]:
    """Serialize at most ``row_limit`` solutions; return body, row count, truncated flag.

    Oxigraph writes the solutions as TSV (one line per solution: TSV escapes line breaks in
    literals) into a sink that stops it after ``row_limit + 1`` rows, so a huge result is
    never written out; the first ``row_limit`` rows are parsed back and written in the
    negotiated format. All native: the Python loop over solutions this replaces took ~3 ms
    of the 6.6 ms of CQ 14 on 100k triples (639 rows; bench/RESULTS.md, issue 12).
    """
    sink = _LineSink(row_limit + 2)  # the header, row_limit rows, and one more
    try:
        solutions.serialize(cast(IO[bytes], sink), format=QueryResultsFormat.TSV)  # write() only
    except _Enough:
        pass
    except OSError:
        if not sink.stopped:
            raise
    lines = b"".join(sink.parts).split(b"\n")
    lines.pop()  # after the last line break: "" or the start of a line cut short
    header, rows = lines[0], lines[1:]
    truncated = len(rows) > row_limit
    del rows[row_limit:]
    tsv = b"\n".join([header, *rows]) + b"\n"
    parsed = parse_query_results(tsv, QueryResultsFormat.TSV)
    assert isinstance(parsed, QuerySolutions)
    body = parsed.serialize(format=fmt.results_engine)
    assert body is not None  # no output given: serialize returns the bytes
    return body, len(rows), truncated


def serialize_triples(
    triples: Iterable[Triple], fmt: Format, row_limit: int, prefixes: dict[str, str] | None = None
) -> tuple[bytes, int, bool]:
    capped = list(islice(triples, row_limit + 1))
    truncated = len(capped) > row_limit
    del capped[row_limit:]
    body = serialize(capped, format=fmt.rdf_engine, prefixes=prefixes or None)
    return body or b"", len(capped), truncated


def evaluate(
    store: Store,
    job: QueryJob,
    choose: Callable[[ResultKind], Format | None],
    prefixes: dict[str, str] | None = None,
) -> QueryOutcome:
    """Run the query and serialize it in the format ``choose`` picks for its result kind."""
    result = store.query(job.text, base_iri=job.base_iri, **_dataset_arguments(job))
    # a remote store (server.data.remote) returns CONSTRUCT results as a plain list of triples
    graph = isinstance(result, QueryTriples | list)
    kind = ResultKind.GRAPH if graph else ResultKind.RESULTS
    fmt = choose(kind)
    if fmt is None:
        raise ProtocolError(406, "no acceptable result format")
    if isinstance(result, QueryBoolean):
        body = result.serialize(format=fmt.results_engine)
        assert body is not None  # no output given: serialize returns the bytes
        return QueryOutcome(body, fmt, 1, False)
    if isinstance(result, QuerySolutions):
        body, rows, truncated = serialize_solutions(result, fmt, job.row_limit)
    else:
        body, rows, truncated = serialize_triples(result, fmt, job.row_limit, prefixes)
    return QueryOutcome(body, fmt, rows, truncated)
