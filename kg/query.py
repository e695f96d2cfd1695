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
import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import config
from kg.errors import KgError
from server.loader import merge_into_default

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


def run(store: ox.Store, query: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Evaluate a query; syntax errors become KgError with the parser's message."""
    try:
        return store.query(query)
    except SyntaxError as exc:
        raise KgError(f"SPARQL syntax error: {exc}") from None
    except OSError as exc:
        raise KgError(f"query failed: {exc}") from None


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


def render(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> str:
    """Text output for the CLI: table, json, csv, tsv, xml (SELECT/ASK) or turtle/ntriples."""
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        return json.dumps({"head": {}, "boolean": value}) if fmt == "json" else str(value).lower()
    if isinstance(result, ox.QueryTriples):
        rdf = {"ntriples": ox.RdfFormat.N_TRIPLES}.get(fmt, ox.RdfFormat.TURTLE)
        return result.serialize(format=rdf).decode("utf-8")
    formats = {
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
        "tsv": ox.QueryResultsFormat.TSV,
    }
    if fmt in formats:
        return result.serialize(format=formats[fmt]).decode("utf-8")
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
