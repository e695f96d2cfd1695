"""Map parsed seed files to an RDF dataset: one named graph per article.

Provenance is structural: an article's facts live in that article's named graph, and every
typed node (a fact) also carries ``prov:wasDerivedFrom`` the article(s) that state it, so the
source survives when graphs are merged. A fact that several articles state (``sources:``) is
written into each of their graphs.

All seed files become one JSON-LD document (a named graph object per graph) read by
pyoxigraph's JSON-LD parser in a single call: the context says what each key means, and
parsing fact by fact with rdflib's JSON-LD parser was the slowest part of a large build.
Problems are still reported by seed file and line: the error paths re-parse one seed at a
time to find the culprit.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from kg import config
from kg.errors import Location, SeedError
from kg.seeds import SeedFile, Vocabulary, article_files, load_context, read_seed

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# Graphs per bulk load: one load of everything briefly doubled peak memory at 1M triples
# (1.6 GB against 0.8 GB in chunks of 1000 graphs, for 35% more time).
GRAPHS_PER_LOAD = 1000
# Parse seed files in worker processes from this many files on (a worker costs ~0.5 s to
# start; a file of ~250 triples ~10 ms to parse).
PARALLEL_MIN_FILES = 200
MAX_WORKERS = 4


@dataclass
class Mapped:
    """The asserted dataset (named graphs in ``store``) and where every node id was written."""

    store: ox.Store
    origins: dict[URIRef, Location] = field(default_factory=dict)
    articles: dict[URIRef, URIRef] = field(default_factory=dict)  # article IRI -> graph IRI

    def graph_names(self) -> list[str]:
        """The asserted graphs: the reference graph and each article's, in a stable order."""
        return [str(config.REFERENCE_GRAPH), *sorted(str(g) for g in self.articles.values())]


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


def _json(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


def _parse(doc: dict[str, Any]) -> Iterator[ox.Quad]:
    return ox.parse(_json(doc), format=ox.RdfFormat.JSON_LD)


def _record_origins(mapped: Mapped, seed: SeedFile, context: dict[str, Any]) -> None:
    for ref, line in seed.lines.items():
        mapped.origins.setdefault(_expand(ref, context), Location(seed.path, line))


@dataclass
class Seeds:
    """Every seed file of a build, read and checked, with the article graph names."""

    context: dict[str, Any]
    reference: SeedFile
    articles: list[SeedFile]
    graphs: dict[URIRef, URIRef]  # article IRI -> graph IRI

    def all(self) -> list[SeedFile]:
        return [self.reference, *self.articles]


def read_seeds(paths: config.Paths) -> Seeds:
    """Read the reference file and every article file (in build order)."""
    context = load_context(paths.context)
    vocab = Vocabulary.from_context(context)
    reference = read_seed(paths.reference, vocab)
    articles = _read_many(list(article_files(paths.articles)), vocab)
    if not articles:
        raise SeedError(Location(paths.articles), "no article seed files (*.yaml) found")
    graphs = {}
    for seed in articles:
        assert seed.article is not None
        iri = _expand(seed.article["id"], context)
        graphs[iri] = URIRef(config.article_graph(str(iri)))
    return Seeds(context, reference, articles, graphs)


def _read_many(files: list[Path], vocab: Vocabulary) -> list[SeedFile]:
    """Parse many seed files, on every core when there are enough to pay for the workers.

    YAML parsing is pure Python (PyYAML without libyaml is the norm here) and dominated
    mapping at scale: about 50 s of a 1M-triple build on one core. Results come back in
    file order, and the first bad file (in that order) is the one reported, as before.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if workers < 2 or len(files) < PARALLEL_MIN_FILES:
        return [read_seed(path, vocab) for path in files]
    context = multiprocessing.get_context("spawn")  # no fork: the parent may hold a store
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        chunk = max(1, len(files) // (workers * 8))
        results = list(pool.map(_read_one, files, itertools.repeat(vocab), chunksize=chunk))
    out = []
    for result in results:
        if isinstance(result, SeedFile):
            out.append(result)
        else:  # SeedError does not pickle: it travels as (location, message)
            location, message = result
            raise SeedError(location, message)
    return out


def _read_one(path: Path, vocab: Vocabulary) -> SeedFile | tuple[Location, str]:
    try:
        return read_seed(path, vocab)
    except SeedError as exc:
        return exc.location, str(exc).removeprefix(f"{exc.location}: ")


def document(seeds: Seeds, paths: config.Paths) -> dict[str, Any]:
    """One JSON-LD document with a named graph object per graph (reference, articles)."""
    graphs: dict[str, list[dict[str, Any]]] = {str(config.REFERENCE_GRAPH): seeds.reference.nodes}
    for seed in seeds.articles:
        for graph_iri, node in _article_nodes(seeds, seed, paths):
            graphs.setdefault(graph_iri, []).append(node)
    return {
        "@context": seeds.context,
        "@graph": [{"@id": name, "@graph": nodes} for name, nodes in graphs.items()],
    }


def map_seeds(paths: config.Paths, classes: set[str], store: ox.Store | None = None) -> Mapped:
    """Read every seed file into ``store`` (reference graph + one graph per article).

    ``classes`` are the ontology's class IRIs: a ``type`` outside them is a seed error.
    """
    seeds = read_seeds(paths)
    doc = document(seeds, paths)
    mapped = Mapped(store if store is not None else ox.Store(), articles=seeds.graphs)
    graphs = doc["@graph"]
    try:  # parsed and loaded in Rust: no Python object per quad
        for start in range(0, len(graphs), GRAPHS_PER_LOAD):
            chunk = {"@context": doc["@context"], "@graph": graphs[start : start + GRAPHS_PER_LOAD]}
            mapped.store.bulk_load(_json(chunk), format=ox.RdfFormat.JSON_LD)
    except SyntaxError:
        _locate_parse_error(seeds.all(), seeds.context)
        raise
    _check_types(mapped.store, classes, seeds.all(), seeds.context)
    for seed in seeds.all():
        _record_origins(mapped, seed, seeds.context)
    return mapped


def _article_nodes(
    seeds: Seeds, seed: SeedFile, paths: config.Paths
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(graph IRI, node) pairs of one article file: its article node, then its facts."""
    context = seeds.context
    assert seed.article is not None
    article = dict(seed.article)
    own_ref = article["id"]
    article["curatedIn"] = seed_path_of(seed.path, paths.seeds.parent)
    yield str(seeds.graphs[_expand(own_ref, context)]), article

    for fact in seed.nodes:
        extra = fact.pop("sources", [])
        extra = extra if isinstance(extra, list) else [extra]
        sources = [own_ref, *[s for s in extra if s != own_ref]]
        graphs = []
        for ref in sources:
            graph_iri = seeds.graphs.get(_expand(str(ref), context))
            if graph_iri is None:
                line = seed.lines.get(fact["id"])
                raise SeedError(
                    Location(seed.path, line), f"'sources' names unknown article {ref!r}"
                )
            graphs.append(str(graph_iri))
        _cite(fact, sources)
        for graph_iri in graphs:
            yield graph_iri, fact


def _seed_nodes(seed: SeedFile) -> list[dict[str, Any]]:
    return ([seed.article] if seed.article else []) + list(seed.nodes)


def _check_types(
    store: ox.Store, classes: set[str], seeds: list[SeedFile], context: dict[str, Any]
) -> None:
    """Refuse a ``type`` that is not a class of the ontology, naming its file and line."""
    used = store.query(f"SELECT DISTINCT ?c WHERE {{ GRAPH ?g {{ ?s <{RDF_TYPE}> ?c }} }}")
    if all(row["c"].value in classes for row in used):
        return
    for seed in seeds:  # the error path: find the first seed (in build order) at fault
        for node in _seed_nodes(seed):
            for q in _parse({"@context": context, "@graph": [node]}):
                if q.predicate.value == RDF_TYPE and q.object.value not in classes:
                    line = next(
                        (
                            ln
                            for ref, ln in seed.lines.items()
                            if str(_expand(ref, context)) == q.subject.value
                        ),
                        None,
                    )
                    local = q.object.value.rsplit("#", 1)[-1]
                    raise SeedError(
                        Location(seed.path, line),
                        f"unknown type {local!r} (not a class of the ontology)",
                    )


def _locate_parse_error(seeds: list[SeedFile], context: dict[str, Any]) -> None:
    """Turn a JSON-LD/IRI syntax error into a SeedError naming the node's file and line."""
    for seed in seeds:
        for node in _seed_nodes(seed):
            try:
                list(_parse({"@context": context, "@graph": [node]}))
            except SyntaxError as exc:
                ref = node.get("id")
                raise SeedError(Location(seed.path, seed.lines.get(ref)), str(exc)) from None


def seed_path_of(path: Path, root: Path) -> str:
    """A seed file's path as shown to curators (relative to the project when possible)."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
