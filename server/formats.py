"""The result formats the endpoint speaks, as one table, and content negotiation over it.

A query's form decides which half of the table applies: SELECT/ASK produce SPARQL results,
CONSTRUCT/DESCRIBE produce RDF. Negotiation happens within that half, so a client that sends
one Accept header for every query form (rdflib's SPARQLStore sends
``application/sparql-results+xml, application/rdf+xml``) gets a sensible answer for each.
The ``format`` parameter (a short name or a media type) overrides Accept.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from pyoxigraph import QueryResultsFormat, RdfFormat
from werkzeug.datastructures import MIMEAccept


class ResultKind(Enum):
    """SPARQL results (SELECT, ASK) or an RDF graph (CONSTRUCT, DESCRIBE)."""

    RESULTS = "results"
    GRAPH = "graph"


KIND_OF_FORM: dict[str, ResultKind] = {
    "SELECT": ResultKind.RESULTS,
    "ASK": ResultKind.RESULTS,
    "CONSTRUCT": ResultKind.GRAPH,
    "DESCRIBE": ResultKind.GRAPH,
}

_W3C = "http://www.w3.org/ns/formats/"


@dataclass(frozen=True)
class Format:
    """One serialization: its media types, short names and the engine's serializer for it."""

    key: str
    kind: ResultKind
    media_types: tuple[str, ...]  # first one is what the response declares
    names: tuple[str, ...]  # values of the ``format`` request parameter
    w3c_iri: str  # for the service description (W3C "formats" namespace)
    engine: QueryResultsFormat | RdfFormat

    @property
    def results_engine(self) -> QueryResultsFormat:
        """The engine's serializer for solutions or a boolean (this format must be one)."""
        if not isinstance(self.engine, QueryResultsFormat):
            raise TypeError(f"{self.key} is not a query results format")
        return self.engine

    @property
    def rdf_engine(self) -> RdfFormat:
        """The engine's serializer for triples (this format must be a graph format)."""
        if not isinstance(self.engine, RdfFormat):
            raise TypeError(f"{self.key} is not an RDF format")
        return self.engine

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    @property
    def content_type(self) -> str:
        mt = self.media_type
        return f"{mt}; charset=utf-8" if mt.startswith("text/") else mt


FORMATS: tuple[Format, ...] = (
    # SELECT / ASK. The first entry of each kind is the default.
    Format("json", ResultKind.RESULTS, ("application/sparql-results+json", "application/json"),
           ("json", "srj"), _W3C + "SPARQL_Results_JSON", QueryResultsFormat.JSON),
    Format("xml", ResultKind.RESULTS,
           ("application/sparql-results+xml", "application/xml", "text/xml"),
           ("xml", "srx"), _W3C + "SPARQL_Results_XML", QueryResultsFormat.XML),
    Format("csv", ResultKind.RESULTS, ("text/csv",), ("csv",),
           _W3C + "SPARQL_Results_CSV", QueryResultsFormat.CSV),
    Format("tsv", ResultKind.RESULTS, ("text/tab-separated-values",), ("tsv",),
           _W3C + "SPARQL_Results_TSV", QueryResultsFormat.TSV),
    # CONSTRUCT / DESCRIBE (and the service description).
    # Turtle is a subset of N3, so it also answers requests for N3.
    Format("turtle", ResultKind.GRAPH,
           ("text/turtle", "application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3"),
           ("turtle", "ttl", "n3"), _W3C + "Turtle", RdfFormat.TURTLE),
    Format("ntriples", ResultKind.GRAPH, ("application/n-triples",), ("ntriples", "nt"),
           _W3C + "N-Triples", RdfFormat.N_TRIPLES),
    Format("rdfxml", ResultKind.GRAPH, ("application/rdf+xml", "application/xml", "text/xml"),
           ("rdfxml", "rdf", "xml"), _W3C + "RDF_XML", RdfFormat.RDF_XML),
    Format("jsonld", ResultKind.GRAPH, ("application/ld+json", "application/json"),
           ("jsonld", "json-ld", "json"), _W3C + "JSON-LD", RdfFormat.JSON_LD),
    Format("nquads", ResultKind.GRAPH, ("application/n-quads",), ("nquads", "nq"),
           _W3C + "N-Quads", RdfFormat.N_QUADS),
    Format("trig", ResultKind.GRAPH, ("application/trig",), ("trig",),
           _W3C + "TriG", RdfFormat.TRIG),
)  # fmt: skip


def formats_for(kind: ResultKind) -> tuple[Format, ...]:
    return tuple(f for f in FORMATS if f.kind is kind)


def supported_media_types(kind: ResultKind) -> list[str]:
    return [f.media_type for f in formats_for(kind)]


def by_parameter(kind: ResultKind, value: str) -> Format | None:
    """Resolve a ``format`` parameter: a short name or any of a format's media types."""
    wanted = value.split(";", 1)[0].strip().lower()
    for fmt in formats_for(kind):
        if wanted in fmt.names or wanted in fmt.media_types:
            return fmt
    return None


def _quality(accept: MIMEAccept, media_type: str, *, wildcards: bool) -> float:
    """Quality the client gives ``media_type``: from its most specific matching range."""
    main, _, sub = media_type.partition("/")
    best: tuple[int, float] = (-1, 0.0)
    for value, quality in accept:
        rng = value.split(";", 1)[0].strip().lower()
        r_main, _, r_sub = rng.partition("/")
        if rng == media_type:
            specificity = 2
        elif wildcards and r_main == main and r_sub == "*":
            specificity = 1
        elif wildcards and rng in ("*/*", "*"):
            specificity = 0
        else:
            continue
        if (specificity, quality) > best:
            best = (specificity, quality)
    return best[1]


def negotiate(
    kind: ResultKind, format_params: tuple[str, ...], accept: MIMEAccept
) -> Format | None:
    """Pick the response format; ``None`` means nothing acceptable (answer 406).

    Precedence: the first ``format`` parameter that names a format of this kind, then the
    Accept header, then the kind's default when no Accept header was sent. A ``format``
    value that does not fit is ignored rather than refused: SPARQLWrapper sends its
    ``format=`` for every query form (``format=turtle`` on a SELECT, ``format=json`` with
    ``Accept: */*`` on a CONSTRUCT). Within Accept, q-values decide and ties go to table
    order; wildcards count for a format's main media type only, so ``*/*;q=0.9`` does not
    let a generic alias such as ``application/json`` outrank an explicitly lowered
    ``application/sparql-results+json``.
    """
    candidates = formats_for(kind)
    for value in format_params:
        fmt = by_parameter(kind, value)
        if fmt is not None:
            return fmt
    if not accept:
        return candidates[0]
    best: Format | None = None
    best_q = 0.0
    for fmt in candidates:
        q = max(_quality(accept, mt, wildcards=(i == 0)) for i, mt in enumerate(fmt.media_types))
        if q > best_q:
            best, best_q = fmt, q
    return best
