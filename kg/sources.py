"""Read the authored RDF inputs (ontology, code lists, shapes) as rdflib graphs."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg import config
from kg.errors import KgError, Location


def read_turtle(path: Path) -> Graph:
    """Parse a Turtle file, rebased to the configured public base IRI."""
    text = path.read_text(encoding="utf-8").replace(config.AUTHORED_BASE, config.BASE)
    graph = Graph()
    try:
        graph.parse(data=text, format="turtle", publicID=path.as_uri())
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise KgError(f"{Location(path)}: invalid Turtle: {exc}") from None
    return graph


def read_turtle_dir(directory: Path) -> Graph:
    """All ``*.ttl`` files of a directory merged, in name order."""
    merged = Graph()
    for path in sorted(directory.glob("*.ttl")):
        merged += read_turtle(path)
    return merged
