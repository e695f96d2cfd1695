"""Map parsed seed files to an RDF dataset: one named graph per article.

Provenance is structural: an article's facts live in that article's named graph, and every
typed node (a fact) also carries ``prov:wasDerivedFrom`` the article(s) that state it, so the
source survives when graphs are merged. A fact that several articles state (``sources:``) is
written into each of their graphs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import OWL, RDF, Dataset, Graph, URIRef

from kg import config
from kg.errors import Location, SeedError
from kg.seeds import SeedFile, Vocabulary, article_files, load_context, read_seed


@dataclass
class Mapped:
    """The asserted dataset plus where every node id was written (for error messages)."""

    dataset: Dataset
    origins: dict[URIRef, Location] = field(default_factory=dict)
    articles: dict[URIRef, URIRef] = field(default_factory=dict)  # article IRI -> graph IRI


def _to_graph(nodes: list[dict[str, Any]], context: dict[str, Any]) -> Graph:
    graph = Graph()
    doc = {"@context": context, "@graph": nodes}
    graph.parse(data=json.dumps(doc), format="json-ld")
    return graph


def _add(dataset: Dataset, graph_iri: URIRef, triples: Graph) -> None:
    target = dataset.graph(graph_iri)
    for triple in triples:
        target.add(triple)


def _expand(ref: str, context: dict[str, Any]) -> URIRef:
    """Expand an id the way the context does (relative to @base, or a compact IRI)."""
    prefix, sep, local = ref.partition(":")
    if sep and isinstance(context.get(prefix), str):
        return URIRef(context[prefix] + local)
    return URIRef(context["@base"] + ref)


def _cite(node: Any, sources: list[str]) -> None:
    """Give every typed node (a fact) in this subtree its sources."""
    if isinstance(node, list):
        for item in node:
            _cite(item, sources)
    elif isinstance(node, dict):
        if "type" in node:
            node["sources"] = sources
        for key, value in node.items():
            if key != "sources":
                _cite(value, sources)


def _check_types(graph: Graph, classes: set[URIRef], seed: SeedFile, context: dict) -> None:
    for subject, cls in graph.subject_objects(RDF.type):
        if cls not in classes:
            line = next(
                (ln for ref, ln in seed.lines.items() if _expand(ref, context) == subject), None
            )
            local = str(cls).rsplit("#", 1)[-1]
            raise SeedError(
                Location(seed.path, line), f"unknown type {local!r} (not a class of the ontology)"
            )


def _record_origins(mapped: Mapped, seed: SeedFile, context: dict[str, Any]) -> None:
    for ref, line in seed.lines.items():
        mapped.origins.setdefault(_expand(ref, context), Location(seed.path, line))


def map_seeds(paths: config.Paths, ontology: Graph) -> Mapped:
    """Read every seed file and build the asserted dataset (reference + article graphs)."""
    context = load_context(paths.context)
    vocab = Vocabulary.from_context(context)
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    mapped = Mapped(Dataset())

    reference = read_seed(paths.reference, vocab)
    ref_graph = _to_graph(reference.nodes, context)
    _check_types(ref_graph, classes, reference, context)
    _add(mapped.dataset, config.REFERENCE_GRAPH, ref_graph)
    _record_origins(mapped, reference, context)

    seeds = [read_seed(path, vocab) for path in article_files(paths.articles)]
    if not seeds:
        raise SeedError(Location(paths.articles), "no article seed files (*.yaml) found")
    for seed in seeds:
        assert seed.article is not None
        iri = _expand(seed.article["id"], context)
        mapped.articles[iri] = URIRef(config.article_graph(str(iri)))

    for seed in seeds:
        _map_article(mapped, seed, context, classes, paths)
    return mapped


def _map_article(
    mapped: Mapped,
    seed: SeedFile,
    context: dict[str, Any],
    classes: set[URIRef],
    paths: config.Paths,
) -> None:
    assert seed.article is not None
    article = dict(seed.article)
    own_ref = article["id"]
    article["curatedIn"] = seed_path_of(seed.path, paths.seeds.parent)
    article_graph = _to_graph([article], context)
    _check_types(article_graph, classes, seed, context)
    _add(mapped.dataset, mapped.articles[_expand(own_ref, context)], article_graph)

    for fact in seed.nodes:
        extra = fact.pop("sources", [])
        extra = extra if isinstance(extra, list) else [extra]
        sources = [own_ref, *[s for s in extra if s != own_ref]]
        graphs = []
        for ref in sources:
            graph_iri = mapped.articles.get(_expand(str(ref), context))
            if graph_iri is None:
                line = seed.lines.get(fact["id"])
                raise SeedError(
                    Location(seed.path, line), f"'sources' names unknown article {ref!r}"
                )
            graphs.append(graph_iri)
        _cite(fact, sources)
        fact_graph = _to_graph([fact], context)
        _check_types(fact_graph, classes, seed, context)
        for graph_iri in graphs:
            _add(mapped.dataset, graph_iri, fact_graph)
    _record_origins(mapped, seed, context)


def seed_path_of(path: Path, root: Path) -> str:
    """A seed file's path as shown to curators (relative to the project when possible)."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
