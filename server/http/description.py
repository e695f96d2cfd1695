"""The SPARQL 1.1 Service Description served at ``GET /sparql`` without a query.

It tells a client, in RDF, what this endpoint is: its URL, the languages and result formats
it supports, its features (notably that the default graph is the union of all graphs) and
the default dataset with every named graph and its VoID triple count.
"""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from ..config import ServerConfig
from ..data.dataset import DatasetStats
from ..formats import FORMATS

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
SIMPLE_ENTAILMENT = NamedNode("http://www.w3.org/ns/entailment/Simple")

PREFIXES = {
    "sd": SD,
    "void": VOID,
    "formats": "http://www.w3.org/ns/formats/",
    "ent": "http://www.w3.org/ns/entailment/",
}


def _sd(name: str) -> NamedNode:
    return NamedNode(SD + name)


def _count(n: int) -> Literal:
    return Literal(str(n), datatype=XSD_INTEGER)


def describe(endpoint: str, stats: DatasetStats, config: ServerConfig) -> list[Triple]:
    """Triples of the service description for the endpoint at URL ``endpoint``."""
    service = NamedNode(endpoint)
    dataset, default_graph = BlankNode("dataset"), BlankNode("defaultGraph")
    triples = [
        Triple(service, RDF_TYPE, _sd("Service")),
        Triple(service, _sd("endpoint"), service),
        Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        Triple(service, _sd("defaultEntailmentRegime"), SIMPLE_ENTAILMENT),
        Triple(service, _sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, _sd("Dataset")),
        Triple(dataset, _sd("defaultGraph"), default_graph),
        Triple(default_graph, RDF_TYPE, _sd("Graph")),
        Triple(default_graph, NamedNode(VOID + "triples"), _count(stats.total)),
    ]
    if config.updates_enabled:
        triples.append(Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    if config.service_allowlist:
        triples.append(Triple(service, _sd("feature"), _sd("BasicFederatedQuery")))
    triples.extend(Triple(service, _sd("resultFormat"), NamedNode(f.w3c_iri)) for f in FORMATS)
    for i, (name, count) in enumerate(stats.graphs.items()):
        named, graph = BlankNode(f"namedGraph{i}"), BlankNode(f"graph{i}")
        triples += [
            Triple(dataset, _sd("namedGraph"), named),
            Triple(named, RDF_TYPE, _sd("NamedGraph")),
            Triple(named, _sd("name"), NamedNode(name)),
            Triple(named, _sd("graph"), graph),
            Triple(graph, RDF_TYPE, _sd("Graph")),
            Triple(graph, NamedNode(VOID + "triples"), _count(count)),
        ]
    # Group by subject (stable), so Turtle output reads as one block per resource.
    first_seen: dict[str, int] = {}
    for i, triple in enumerate(triples):
        first_seen.setdefault(str(triple.subject), i)
    return sorted(triples, key=lambda t: first_seen[str(t.subject)])
