"""The build pipeline: facts → RDF → SHACL → OWL 2 RL → exports, one way, stage by stage.

Every stage works on one pyoxigraph store (see :mod:`kg.store` for its layout) so that a
build of a million triples never copies them into rdflib: measured at 1M asserted triples,
rdflib's in-memory graph alone took longer to load than this whole pipeline needs.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg import config, export, jsonld, void
from kg import sources as rdf_sources
from kg import store as kstore
from kg.consistency import disjointness_violations
from kg.docs import ontology_html
from kg.errors import KgError
from kg.mapping import Mapped, map_seeds
from kg.prefixes import PREFIXES
from kg.reason import Reasoner, infer, no_gc
from kg.seeds import Vocabulary, article_files, duplicate_articles, load_context
from kg.validate import Engine, Violation, validate_store

# file name -> (what it holds, format name)
OUTPUTS: dict[str, tuple[str, str]] = {
    "dataset.trig": ("dataset", "trig"),
    "dataset.nq": ("dataset", "nquads"),
    "dataset.jsonld": ("dataset", "jsonld"),
    "asserted.ttl": ("asserted", "turtle"),
    "asserted.nt": ("asserted", "ntriples"),
    "inferred.ttl": ("inferred", "turtle"),
    "inferred.nt": ("inferred", "ntriples"),
    "ontology.ttl": ("ontology", "turtle"),
}

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
SK_ATTESTS = f"{config.SK}attests"


class ValidationFailed(KgError):
    """SHACL (before reasoning) or the disjointness check (after it) found violations; the
    build stops and publishes nothing."""

    def __init__(self, violations: list[Violation], kind: str = "SHACL") -> None:
        super().__init__(f"{len(violations)} {kind} violation(s)")
        self.violations = violations


@dataclass
class Loaded:
    """The inputs of a build, read and mapped into one store."""

    store: ox.Store
    ontology: list[ox.Triple]
    shapes: Graph
    mapped: Mapped
    context: dict[str, Any]
    _asserted_size: int | None = field(default=None, repr=False)

    def asserted_size(self) -> int:
        """How many distinct triples the reference and article graphs hold together."""
        if self._asserted_size is None:
            self._asserted_size = _count_distinct(self.store, self.mapped.graph_names())
        return self._asserted_size

    def asserted(self) -> Graph:
        """Union of the reference graph and every article graph, as an rdflib Graph.

        For small data and callers that want rdflib; the build itself never copies the
        facts out of the store.
        """
        return kstore.to_graph(self._asserted_triples())

    def _asserted_triples(self) -> Iterator[ox.Triple]:
        for name in self.mapped.graph_names():
            yield from kstore.graph_triples(self.store, name)

    def write_asserted_nquads(self, path: Path) -> int:
        """The asserted named graphs as sorted N-Quads (for feeding other tools)."""
        with path.open("wb") as out:
            written = export.write_nquads(out, self.store, self.mapped.graph_names())
        return sum(len(lines) for lines in written.values())


@dataclass
class BuildResult:
    version: str
    summary: dict[str, Any]
    timings: dict[str, float] = field(default_factory=dict)
    output: Path | None = None


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - start


def load(paths: config.Paths) -> Loaded:
    """Read ontology, shapes and seeds; map the seeds into a store (plus the ontology graph)."""
    ontology = kstore.read_turtle_dir(paths.ontology)
    shapes = rdf_sources.read_turtle_dir(paths.shapes)
    context = load_context(paths.context)
    classes = {
        t.subject.value
        for t in ontology
        if t.predicate.value == RDF_TYPE
        and kstore.value(t.object) == OWL_CLASS
        and isinstance(t.subject, ox.NamedNode)
    }
    store = ox.Store()
    with no_gc():
        mapped = map_seeds(paths, classes, store)
    files = list(article_files(paths.articles))
    if len(mapped.articles) != len(files):  # two files claim one article id
        error = duplicate_articles(files, Vocabulary.from_context(context))
        if error is not None:
            raise error
    kstore.add_graph(store, str(config.ONTOLOGY_GRAPH), ontology)
    return Loaded(store, ontology, shapes, mapped, context)


def check(loaded: Loaded, engine: Engine = "auto") -> list[Violation]:
    """SHACL violations of the asserted facts (merged with the ontology)."""
    return validate_store(loaded.store, loaded.shapes, loaded.mapped.origins, engine)


def build(
    paths: config.Paths,
    progress: Callable[[str], None] = lambda _: None,
    reasoner: Reasoner = "rules",
    validator: Engine = "auto",
) -> BuildResult:
    """Run the whole pipeline and publish ``paths.dist`` atomically; raise on any problem.

    ``reasoner="owlrl"`` and ``validator="pyshacl"`` select the slow reference
    implementations (same results; for checking the fast ones).
    """
    timings: dict[str, float] = {}
    with _timed(timings, "load+map"):
        loaded = load(paths)
        asserted_size = loaded.asserted_size()
    progress(f"mapped {asserted_size} asserted triples")
    with _timed(timings, "validate"):
        violations = check(loaded, validator)
    if violations:
        raise ValidationFailed(violations)
    progress("SHACL: no violations")
    with _timed(timings, "reason"):
        graphs = [*loaded.mapped.graph_names(), str(config.ONTOLOGY_GRAPH)]
        inferred = infer(loaded.store, graphs, reasoner)
        kstore.add_graph(loaded.store, str(config.INFERRED_GRAPH), inferred)
        clashes = disjointness_violations(loaded.store, loaded.mapped.origins)
    if clashes:
        raise ValidationFailed(clashes, "disjointness")
    progress(f"OWL 2 RL: {len(inferred)} inferred triples, no disjointness clash")
    del inferred
    with _timed(timings, "serialize"):
        summary = summarise(loaded)
        staging = export.Staging(paths.dist)
        try:
            version = render(loaded, staging)
            summary = {"version": version, **summary}
            staging.write(
                "summary.json", (json.dumps(summary, indent=2, sort_keys=True) + "\n").encode()
            )
        except BaseException:
            staging.discard()
            raise
    with _timed(timings, "publish"):
        output = staging.publish()
    return BuildResult(version, summary, timings, output)


def _count_distinct(store: ox.Store, graphs: list[str]) -> int:
    values = " ".join(f"<{g}>" for g in graphs)
    rows = kstore.select(
        store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
        f"VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} }}",
    )
    return int(next(iter(rows))["n"].value)


def summarise(loaded: Loaded) -> dict[str, Any]:
    """Counts that a curator checks after a build (deterministic: no timings)."""
    store = loaded.store
    asserted = " ".join(f"<{g}>" for g in loaded.mapped.graph_names())
    classes = {kstore.value(c): n for c, n in asserted_classes(loaded).items()}
    facts = {
        row["a"].value: int(row["n"].value)
        for row in kstore.select(
            store,
            f"SELECT ?a (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?g {{ {asserted} }} "
            f"GRAPH ?g {{ ?att <{SK_ATTESTS}> ?s ; <{PROV_DERIVED}> ?a }} }} GROUP BY ?a",
        )
    }
    sizes = kstore.graph_sizes(store)
    per_article = {
        str(article): {"facts": facts.get(str(article), 0), "triples": sizes.get(str(graph), 0)}
        for article, graph in sorted(loaded.mapped.articles.items())
    }
    return {
        "asserted_triples": loaded.asserted_size(),
        "inferred_triples": sizes.get(str(config.INFERRED_GRAPH), 0),
        "ontology_triples": sizes.get(str(config.ONTOLOGY_GRAPH), 0),
        "classes": dict(sorted(classes.items())),
        "articles": per_article,
    }


def render(loaded: Loaded, staging: export.Staging) -> str:
    """Write every output file into ``staging``; return the dataset version (a content hash).

    Streaming, to keep memory flat at scale: the store dumps each graph as N-Triples, Python
    sorts its lines and appends them to dataset.nq (graph by graph, in name order); the
    other dataset formats are then written by re-reading dataset.nq, and the Turtle files by
    re-reading the N-Triples files, so no output is ever held in memory whole.
    """
    store = loaded.store
    export.canonicalize_store(store)
    asserted = set(loaded.mapped.graph_names())
    inferred_name, ontology_name = str(config.INFERRED_GRAPH), str(config.ONTOLOGY_GRAPH)
    merged: set[bytes] = set()
    with no_gc():
        with staging.open("dataset.nq") as out:
            written = export.write_nquads(out, store, [*asserted, inferred_name, ontology_name])
        sizes = {URIRef(name): len(lines) for name, lines in written.items()}
        for name in asserted:
            merged.update(written.pop(name, ()))
        with staging.open("asserted.nt") as out:
            export.write_lines(out, sorted(merged))
        del merged
    graph_of = {"inferred": inferred_name, "ontology": ontology_name}
    jsonld_job = _start_jsonld(staging, loaded.context, sum(sizes.values()))

    def triples(what: str) -> Iterator[ox.Quad]:
        if what == "asserted":
            return export.parse_file(staging.path / "asserted.nt", ox.RdfFormat.N_TRIPLES)
        return export.parse_lines(written.get(graph_of[what], []))

    try:
        _write_parts(loaded, staging, triples, written, graph_of, skip_jsonld=bool(jsonld_job))
        if jsonld_job:
            staging.adopt("dataset.jsonld", jsonld_job[1].result())
    finally:
        if jsonld_job:  # also on error: wait for the writer before staging is discarded
            jsonld_job[0].shutdown(wait=True)
    assert set(staging.hashes) == set(OUTPUTS), sorted(staging.hashes)
    written.clear()

    classes = {
        URIRef(c.value): n
        for c, n in asserted_classes(loaded).items()
        if isinstance(c, ox.NamedNode)
    }
    dumps = {name: fmt for name, (_, fmt) in OUTPUTS.items()}
    description = void.describe(sizes, dumps, classes, staging.digest())
    void_nt = ox.serialize(kstore.from_graph(description), format=ox.RdfFormat.N_TRIPLES)
    assert void_nt is not None  # no output given: serialize returns the bytes
    void_lines = sorted(line for line in void_nt.split(b"\n") if line)
    with staging.open("void.ttl") as out:
        export.write_turtle(out, export.parse_lines(void_lines), PREFIXES | _VOID_PREFIXES)
    staging.write("ontology.html", ontology_html(staging.path / "ontology.ttl"))
    return staging.digest()


def _write_parts(
    loaded: Loaded,
    staging: export.Staging,
    triples: Callable[[str], Iterator[ox.Quad]],
    written: dict[str, export.Lines],
    graph_of: dict[str, str],
    skip_jsonld: bool,
) -> None:
    """The outputs not yet in ``staging``: Turtle, N-Triples, TriG (and JSON-LD)."""
    for name, (what, fmt) in OUTPUTS.items():
        if name in staging.hashes or (skip_jsonld and fmt == "jsonld"):
            continue
        with staging.open(name) as out:
            if fmt == "turtle":
                export.write_turtle(out, triples(what), PREFIXES)
            elif fmt == "ntriples":
                export.write_lines(out, written.get(graph_of[what], []))
            elif fmt == "trig":
                nq = export.parse_file(staging.path / "dataset.nq", ox.RdfFormat.N_QUADS)
                export.write_trig(out, nq, PREFIXES)
            elif fmt == "jsonld":
                nq = export.parse_file(staging.path / "dataset.nq", ox.RdfFormat.N_QUADS)
                jsonld.write(out, nq, loaded.context)
            else:  # pragma: no cover - OUTPUTS lists only the formats above
                raise KgError(f"no writer for {name}")


# Write dataset.jsonld in a second process from this many quads on (starting one costs
# ~0.5 s; the JSON-LD writer is Python-bound and takes ~10 s per million quads).
PARALLEL_JSONLD_QUADS = 200_000


def _start_jsonld(
    staging: export.Staging, context: dict[str, Any], quads: int
) -> tuple[ProcessPoolExecutor, Future[bytes]] | None:
    """Start writing dataset.jsonld from dataset.nq in another process, if worth it."""
    if quads < PARALLEL_JSONLD_QUADS or (os.cpu_count() or 1) < 2:
        return None
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    future = pool.submit(
        jsonld.write_file, staging.path / "dataset.nq", staging.path / "dataset.jsonld", context
    )
    return pool, future


_VOID_PREFIXES = {
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
}


def asserted_classes(loaded: Loaded) -> dict[kstore.Term, int]:
    """Asserted instances per rdf:type object (distinct subjects over the article graphs)."""
    values = " ".join(f"<{g}>" for g in loaded.mapped.graph_names())
    rows = kstore.select(
        loaded.store,
        f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
        f"GRAPH ?g {{ ?s <{RDF_TYPE}> ?c }} }} GROUP BY ?c",
    )
    return {row["c"]: int(row["n"].value) for row in rows}
