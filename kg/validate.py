"""SHACL validation of the asserted facts, reported in a curator's terms.

Runs before reasoning so that inference can never hide an error (a missing type, say, that
OWL RL would otherwise derive from a domain axiom). pyshacl gets the ontology as
``ont_graph`` so ``sh:targetClass`` reaches subclass instances; the SKOS code lists are part
of the ontology graph, which is merged into the data graph for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.term import Node

from kg.errors import Location

SH = Namespace("http://www.w3.org/ns/shacl#")


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


def validate(
    data: Graph, ontology: Graph, shapes: Graph, origins: dict[URIRef, Location]
) -> list[Violation]:
    """All violations of ``shapes`` by ``data`` (empty list when it conforms)."""
    merged = Graph()
    for triple in data:
        merged.add(triple)
    for triple in ontology:
        merged.add(triple)
    conforms, report, _ = shacl_validate(
        merged,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    if conforms:
        return []
    violations = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        message = report.value(result, SH.resultMessage)
        severity = report.value(result, SH.resultSeverity)
        violations.append(
            Violation(
                focus=focus,
                path=_short(path) if isinstance(path, URIRef) else None,
                value=_short(value) if value is not None else None,
                message=str(message) if message else "does not conform",
                location=origins.get(focus) if isinstance(focus, URIRef) else None,
                severity=_short(severity) if severity else "Violation",
            )
        )
    return sorted(
        violations, key=lambda v: (str(v.location), str(v.focus), v.path or "", v.message)
    )


__all__ = ["Violation", "validate"]
