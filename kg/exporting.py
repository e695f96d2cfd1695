"""Re-serialize the built dataset in any RDF format for ``kg export``.

Every part (dataset, asserted, inferred, ontology) exports in every format: a triple format
gets the part's graphs merged, a quad format (TriG, N-Quads, JSON-LD) keeps their names.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg import config
from kg.build import PREFIXES
from kg.errors import KgError
from kg.export import serialize_dataset, serialize_graph
from kg.formats import lookup
from kg.query import DATASET_FILE
from kg.seeds import load_context

PARTS = {
    "inferred": [config.INFERRED_GRAPH],
    "ontology": [config.ONTOLOGY_GRAPH],
}


def export_built(dist: Path, format_name: str, part: str) -> bytes:
    """The built dataset (or one part of it) in the requested format."""
    try:
        fmt = lookup(format_name)
    except KeyError as exc:
        raise KgError(str(exc.args[0])) from None
    path = dist / DATASET_FILE
    if not path.exists():
        raise KgError(f"{path}: no built dataset; run 'kg build' first")
    ds = Dataset()
    ds.parse(path, format="trig")
    context = load_context(config.Paths().context)
    graphs = {URIRef(g.identifier): g for g in ds.graphs() if len(g)}
    if part == "dataset":
        if not fmt.quads:
            raise KgError(
                f"{fmt.name} cannot hold named graphs; use --graph asserted/inferred/"
                "ontology, or a quad format (trig, nquads, jsonld)"
            )
        return serialize_dataset(graphs, fmt, PREFIXES, context)
    if part == "asserted":
        excluded = {URIRef(config.INFERRED_GRAPH), URIRef(config.ONTOLOGY_GRAPH)}
        names = [n for n in graphs if n not in excluded]
    else:
        names = [URIRef(n) for n in PARTS[part] if URIRef(n) in graphs]
    if fmt.quads:  # a quad format keeps the part's graph names (N-Quads needs them)
        return serialize_dataset({n: graphs[n] for n in names}, fmt, PREFIXES, context)
    union = Graph()
    for name in names:
        for triple in graphs[name]:
            union.add(triple)
    return serialize_graph(union, fmt, PREFIXES, context)
