"""Run SPARQL on the built dataset with Oxigraph's engine (fast, and never fetches the web).

The default graph is the RDF merge of all named graphs, as on the endpoint. It is
materialised into the store's default graph rather than asked for with Oxigraph's
``use_default_graph_as_union``: that option (like ``FROM a FROM b``) returns a triple once
per graph holding it, and a fact cited by three articles sits in three graphs, so joins
multiplied rows. ``asserted_only`` leaves the inferred graph out of the merge, so a
question can be answered with and without OWL RL.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import config
from kg.errors import KgError
from kg.union import merge_into_default

DATASET_FILE = "dataset.trig"


@dataclass
class Table:
    """A SELECT result as plain Python: variable names and rows of (optional) terms."""

    variables: list[str]
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]]


def open_store(dist: Path, asserted_only: bool = False) -> ox.Store:
    """An in-memory store with the built dataset and its merged default graph."""
    path = dist / DATASET_FILE
    if not path.exists():
        raise KgError(f"{path}: no built dataset; run 'kg build' first")
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    merge_into_default(store, frozenset({str(config.INFERRED_GRAPH)} if asserted_only else ()))
    return store


def run(
    store: ox.Store, query: str, prefixes: dict[str, str] | None = None
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Evaluate a query; syntax errors become KgError with the parser's message.

    ``prefixes`` are declared for the query without being written into it (so the parser's
    line and column numbers still match what the user typed).
    """
    try:
        return store.query(query, prefixes=prefixes)
    except SyntaxError as exc:
        raise KgError(syntax_message(query, str(exc), prefixes or {})) from None
    except OSError as exc:
        raise KgError(f"query failed: {exc}") from None


_POSITION = re.compile(r"error at (\d+):(\d+)")
_PNAME_BEFORE = re.compile(r"([A-Za-z][\w.-]*)?:[^\s:]*\s*$")


def syntax_message(query: str, message: str, prefixes: dict[str, str]) -> str:
    """The parser's message in a user's terms: an undeclared prefix is named as such, and the
    parser's list of expected characters (a screen of Unicode ranges) is cut short."""
    position = _POSITION.search(message)
    if "Prefix not found" in message and position:
        line, column = int(position[1]), int(position[2])
        lines = query.splitlines() or [""]
        before = lines[min(line, len(lines)) - 1][: max(column - 1, 0)]
        pname = _PNAME_BEFORE.search(before)
        name = (pname[1] or "") if pname else None
        if name is not None:
            offered = ", ".join(sorted(prefixes)) or "none"
            return (
                f"unknown prefix {name}: at line {line}, column {before.rfind(name + ':') + 1}; "
                f"declare it (PREFIX {name}: <...>) or use one of the prefixes kg query "
                f"declares for you: {offered}"
            )
    head, sep, _ = message.partition(" expected one of ")
    if sep and len(message) > 200:
        return f"SPARQL syntax error: {head.rstrip(',:')} (unexpected text here)"
    return f"SPARQL syntax error: {message}"


def select(store: ox.Store, query: str) -> Table:
    """A SELECT query's result as a Table."""
    result = run(store, query)
    if not isinstance(result, ox.QuerySolutions):
        raise KgError("expected a SELECT query")
    names = [v.value for v in result.variables]
    return Table(names, [[sol[n] for n in names] for sol in result])


def term_text(term: object) -> str:
    """A readable form of a term: local names for our IRIs, lexical forms for literals."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for ns in (str(config.ID), str(config.SK), str(config.CODE), str(config.GRAPH)):
            if term.value.startswith(ns):
                return term.value[len(ns) :]
        return term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


SOLUTION_FORMATS = ("table", "json", "csv", "tsv", "xml")
GRAPH_FORMATS = ("turtle", "ntriples")


def render(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str | None) -> str:
    """Text output for the CLI, always ending in a newline.

    SELECT/ASK results go out as table, json, csv, tsv or xml and CONSTRUCT/DESCRIBE results
    as turtle or ntriples; asking for a format of the other kind is an error rather than a
    silent switch. ``None`` picks the natural one (table, or turtle for a graph).
    """
    if isinstance(result, ox.QueryTriples):
        fmt = fmt or "turtle"
        if fmt not in GRAPH_FORMATS:
            raise KgError(
                f"--format {fmt} is for SELECT/ASK results, but this query returns a graph "
                f"(CONSTRUCT/DESCRIBE); use --format {' or '.join(GRAPH_FORMATS)}"
            )
        rdf = {"ntriples": ox.RdfFormat.N_TRIPLES}.get(fmt, ox.RdfFormat.TURTLE)
        return _newline(result.serialize(format=rdf))
    fmt = fmt or "table"
    if fmt not in SOLUTION_FORMATS:
        kind = "ASK" if isinstance(result, ox.QueryBoolean) else "SELECT"
        raise KgError(
            f"--format {fmt} is for graphs (CONSTRUCT/DESCRIBE), but this is a {kind} query; "
            f"use --format {', '.join(SOLUTION_FORMATS)}"
        )
    formats = {
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
        "tsv": ox.QueryResultsFormat.TSV,
    }
    if isinstance(result, ox.QueryBoolean):
        if fmt in ("json", "xml"):
            return _newline(result.serialize(format=formats[fmt]))
        return str(bool(result)).lower() + "\n"
    if fmt in formats:
        return _newline(result.serialize(format=formats[fmt]))
    names = [v.value for v in result.variables]
    rows = [[term_text(sol[n]) for n in names] for sol in result]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = lambda cells: " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))  # noqa: E731
    out = [line(names), "-+-".join("-" * w for w in widths), *(line(r) for r in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _newline(data: bytes | None) -> str:
    """Serialized results as text ending in a newline (no output file given: bytes come back)."""
    assert data is not None
    text = data.decode("utf-8")
    return text if text.endswith("\n") else text + "\n"
