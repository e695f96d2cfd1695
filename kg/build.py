"""The build pipeline: facts → RDF → SHACL → OWL 2 RL → exports, one way, stage by stage."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, URIRef

from kg import config, export, void
from kg.docs import ontology_html
from kg.errors import KgError
from kg.formats import FORMATS
from kg.mapping import Mapped, map_seeds
from kg.reason import closure
from kg.seeds import load_context
from kg.sources import read_turtle_dir
from kg.validate import Violation, validate

PREFIXES = {
    "sk": str(config.SK),
    "id": str(config.ID),
    "code": str(config.CODE),
    "graph": str(config.GRAPH),
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}

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


class ValidationFailed(KgError):
    """SHACL found violations; the build stops before reasoning and publishes nothing."""

    def __init__(self, violations: list[Violation]) -> None:
        super().__init__(f"{len(violations)} SHACL violation(s)")
        self.violations = violations


@dataclass
class Loaded:
    """The inputs of a build, read and mapped."""

    ontology: Graph
    shapes: Graph
    mapped: Mapped
    context: dict[str, Any]

    def asserted(self) -> Graph:
        """Union of the reference graph and every article graph."""
        union = Graph()
        for graph in self.mapped.dataset.graphs():
            for triple in graph:
                union.add(triple)
        return union


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
    """Read ontology, shapes and seeds; map the seeds to the asserted dataset."""
    ontology = read_turtle_dir(paths.ontology)
    shapes = read_turtle_dir(paths.shapes)
    context = load_context(paths.context)
    return Loaded(ontology, shapes, map_seeds(paths, ontology), context)


def check(loaded: Loaded) -> list[Violation]:
    """SHACL violations of the asserted facts."""
    return validate(loaded.asserted(), loaded.ontology, loaded.shapes, loaded.mapped.origins)


def _graphs(loaded: Loaded, inferred: Graph) -> dict[URIRef, Graph]:
    graphs: dict[URIRef, Graph] = {URIRef(config.ONTOLOGY_GRAPH): loaded.ontology}
    for graph in loaded.mapped.dataset.graphs():
        if len(graph):
            graphs[URIRef(graph.identifier)] = graph
    graphs[URIRef(config.INFERRED_GRAPH)] = inferred
    return graphs


def summarise(loaded: Loaded, asserted: Graph, inferred: Graph) -> dict[str, Any]:
    """Counts that a curator checks after a build (deterministic: no timings)."""
    prov = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    classes = Counter(str(o) for o in asserted.objects(None, RDF.type))
    per_article = {}
    for article, graph_iri in sorted(loaded.mapped.articles.items()):
        facts = {s for s in asserted.subjects(prov, article)}
        per_article[str(article)] = {
            "facts": len(facts),
            "triples": len(loaded.mapped.dataset.graph(graph_iri)),
        }
    return {
        "asserted_triples": len(asserted),
        "inferred_triples": len(inferred),
        "ontology_triples": len(loaded.ontology),
        "classes": dict(sorted(classes.items())),
        "articles": per_article,
    }


def build(paths: config.Paths, progress: Callable[[str], None] = lambda _: None) -> BuildResult:
    """Run the whole pipeline and publish ``paths.dist`` atomically; raise on any problem."""
    timings: dict[str, float] = {}
    with _timed(timings, "load+map"):
        loaded = load(paths)
        asserted = loaded.asserted()
    progress(f"mapped {len(asserted)} asserted triples")
    with _timed(timings, "validate"):
        violations = check(loaded)
    if violations:
        raise ValidationFailed(violations)
    progress("SHACL: no violations")
    with _timed(timings, "reason"):
        inferred = closure(asserted, loaded.ontology)
    progress(f"OWL 2 RL: {len(inferred)} inferred triples")
    with _timed(timings, "serialize"):
        files = render(loaded, asserted, inferred)
    version = export.digest(files)
    summary = {"version": version, **summarise(loaded, asserted, inferred)}
    files["summary.json"] = (json.dumps(summary, indent=2, sort_keys=True) + "\n").encode()
    with _timed(timings, "publish"):
        output = export.publish(files, paths.dist)
    return BuildResult(version, summary, timings, output)


def render(loaded: Loaded, asserted: Graph, inferred: Graph) -> dict[str, bytes]:
    """Every output file's bytes (a pure function of the inputs)."""
    graphs = _graphs(loaded, inferred)
    parts = {"asserted": asserted, "inferred": inferred, "ontology": loaded.ontology}
    files: dict[str, bytes] = {}
    for name, (what, fmt_name) in OUTPUTS.items():
        fmt = FORMATS[fmt_name]
        if what == "dataset":
            files[name] = export.serialize_dataset(graphs, fmt, PREFIXES, loaded.context)
        else:
            files[name] = export.serialize_graph(parts[what], fmt, PREFIXES, loaded.context)
    sizes = {name: len(graph) for name, graph in graphs.items()}
    classes = Counter(o for o in asserted.objects(None, RDF.type) if isinstance(o, URIRef))
    dumps = {name: fmt for name, (_, fmt) in OUTPUTS.items()}
    description = void.describe(sizes, dumps, dict(classes), export.digest(files))
    files["void.ttl"] = export.serialize_graph(description, FORMATS["turtle"], PREFIXES)
    files["ontology.html"] = ontology_html(loaded.ontology)
    return files
