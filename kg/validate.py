"""SHACL validation of the asserted facts, reported in a curator's terms.

Runs before reasoning so that inference can never hide an error (a missing type, say, that
OWL RL would otherwise derive from a domain axiom). The data graph is the asserted facts
merged with the ontology, so ``sh:targetClass`` and ``sh:class`` reach subclass instances
and the SKOS code lists (part of the ontology graph) can be checked.

Two engines give the same results: ``"sparql"`` (:mod:`kg.shacl`: the shapes compiled to
SPARQL queries over the build's pyoxigraph store) and ``"pyshacl"`` (the reference
implementation, slow at scale). The default, ``"auto"``, is the SPARQL engine, handing over
to pyshacl if the shapes use a feature the compiler does not implement, rather than skip a
constraint.
Only top-level results are reported: pyshacl also types the nested results it attaches
with ``sh:detail`` as validation results, which repeated every ``sh:node`` problem with
an unhelpful focus (the literal value itself).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from typing import Literal as TypingLiteral

import pyoxigraph as ox
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.term import Node

from kg import shacl
from kg.errors import Location
from kg.store import from_graph, to_rdflib

SH = Namespace("http://www.w3.org/ns/shacl#")
Engine = TypingLiteral["auto", "sparql", "pyshacl"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with the seed file and line of the fact at fault where known."""

    focus: Node
    path: str | None
    value: str | None
    message: str
    location: Location | None
    severity: str

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        prop = f" {self.path}:" if self.path else ""
        value = f" (got {self.value})" if self.value else ""
        return f"{where}{_short(self.focus)}:{prop} {self.message}{value}"


def _short(node: Node | None) -> str:
    if node is None:
        return ""
    text = str(node)
    for sep in ("/id/", "#", "/code/"):
        if sep in text:
            return text.split(sep, 1)[1]
    return text


def _violation(
    focus: Node,
    path: Node | None,
    value: Node | None,
    message: str,
    severity: Node | None,
    origins: dict[URIRef, Location],
) -> Violation:
    return Violation(
        focus=focus,
        path=_short(path) if isinstance(path, URIRef) else None,
        value=_short(value) if value is not None else None,
        message=message or "does not conform",
        location=origins.get(focus) if isinstance(focus, URIRef) else None,
        severity=_short(severity) if severity else "Violation",
    )


def _sorted(violations: Iterable[Violation]) -> list[Violation]:
    return sorted(
        violations,
        key=lambda v: (str(v.location), str(v.focus), v.path or "", v.message, v.value or ""),
    )


def validate(
    data: Graph,
    ontology: Graph,
    shapes: Graph,
    origins: dict[URIRef, Location],
    engine: Engine = "auto",
) -> list[Violation]:
    """All violations of ``shapes`` by ``data`` (empty list when it conforms)."""
    store = ox.Store()
    store.extend(
        ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
        for graph in (data, ontology)
        for t in from_graph(graph)
    )
    return validate_store(store, shapes, origins, engine)


def validate_store(
    store: ox.Store,
    shapes: Graph,
    origins: dict[URIRef, Location],
    engine: Engine = "auto",
) -> list[Violation]:
    """Violations by the data in ``store``: the merge of its default and named graphs."""
    if engine in ("auto", "sparql"):
        try:
            results = shacl.validate_store(store, shapes)
        except shacl.Unsupported:
            if engine == "sparql":
                raise
        else:
            if not any(r.severity == SH.Violation for r in results):
                return []
            return _sorted(
                _violation(
                    to_rdflib(r.focus),
                    r.path,
                    to_rdflib(r.value) if r.value is not None else None,
                    r.message,
                    r.severity,
                    origins,
                )
                for r in results
            )
    return _pyshacl(_dataset(store), shapes, origins)


def _dataset(store: ox.Store) -> Dataset:
    """The store's quads as an rdflib Dataset, named graphs kept: pyshacl validates the union
    (``default_union``) while the shapes' ``GRAPH ?g`` patterns still see each article graph
    (one article's dates and figures must agree; two articles may disagree)."""
    dataset = Dataset(default_union=True)
    for q in store.quads_for_pattern(None, None, None, None):
        graph = (
            dataset.default_graph
            if isinstance(q.graph_name, ox.DefaultGraph)
            else dataset.graph(URIRef(q.graph_name.value))
        )
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return dataset


@contextmanager
def _each_query_parsed_once() -> Iterator[None]:
    """While pyshacl runs, rdflib parses each SPARQL text once and reuses the parsed query.

    pyshacl hands rdflib the text of a SPARQL-based constraint once per focus node, and rdflib
    parses it every time. Measured (cProfile) on the generated seeds of
    tests/test_validate.py (4 articles, 3,412 triples): 1,988 parses, 47 of pyshacl's 59 s.
    A parsed and translated query is what rdflib's own ``prepareQuery`` returns for reuse with
    other bindings, so the results are the same."""
    from rdflib.plugins.sparql import processor

    original = processor.SPARQLProcessor.query
    parsed: dict[tuple[str, str | None, tuple[tuple[str, Any], ...]], Any] = {}

    def query(
        self: processor.SPARQLProcessor,
        str_or_query: Any,
        initBindings: Any = None,  # rdflib's parameter names
        initNs: Any = None,
        base: str | None = None,
        DEBUG: bool = False,
    ) -> Any:
        if isinstance(str_or_query, str):
            key = (str_or_query, base, tuple(sorted((initNs or {}).items())))
            if key not in parsed:
                parsed[key] = processor.translateQuery(
                    processor.parseQuery(str_or_query), base, initNs
                )
            str_or_query = parsed[key]
        return original(self, str_or_query, initBindings, initNs, base, DEBUG)

    processor.SPARQLProcessor.query = query  # type: ignore[method-assign, assignment]
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original  # type: ignore[method-assign]


def _pyshacl(data: Graph, shapes: Graph, origins: dict[URIRef, Location]) -> list[Violation]:
    from pyshacl import validate as shacl_validate  # slow import, only when needed

    with _each_query_parsed_once():
        conforms, report, _ = shacl_validate(
            data,
            shacl_graph=shapes,
            inference="none",
            advanced=True,
            allow_warnings=True,
        )
    if conforms:
        return []
    violations = []
    for result in report.objects(None, SH.result):
        message = report.value(result, SH.resultMessage)
        violations.append(
            _violation(
                report.value(result, SH.focusNode),
                report.value(result, SH.resultPath),
                report.value(result, SH.value),
                str(message) if message else "",
                report.value(result, SH.resultSeverity),
                origins,
            )
        )
    return _sorted(violations)


__all__ = ["Engine", "Violation", "validate", "validate_store"]
