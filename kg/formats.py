"""The RDF export formats, table-driven: one row per file format the build and CLI write."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str  # CLI name
    rdflib: str  # rdflib serializer name
    extension: str
    media_type: str
    quads: bool  # can hold named graphs


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", "turtle", "ttl", "text/turtle", False),
        Format("ntriples", "nt", "nt", "application/n-triples", False),
        Format("jsonld", "json-ld", "jsonld", "application/ld+json", True),
        Format("trig", "trig", "trig", "application/trig", True),
        Format("nquads", "nquads", "nq", "application/n-quads", True),
        Format("rdfxml", "xml", "rdf", "application/rdf+xml", False),
    )
}
ALIASES = {"ttl": "turtle", "nt": "ntriples", "json-ld": "jsonld", "nq": "nquads", "xml": "rdfxml"}


def lookup(name: str) -> Format:
    """A format by CLI name or common alias; KeyError lists the choices."""
    key = ALIASES.get(name.lower(), name.lower())
    if key not in FORMATS:
        raise KeyError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[key]
