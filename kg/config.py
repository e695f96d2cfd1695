"""Configuration in one place: IRIs, namespaces and file locations.

The public base IRI is the one thing a deployment changes (set ``SECKG_BASE`` when building);
every minted IRI, graph name and the ontology IRI derive from it, so the server can map any
request path under the base back to a graph node.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rdflib import Namespace

ROOT = Path(__file__).resolve().parent.parent
BASE = os.environ.get("SECKG_BASE", "https://seckg.example.org/")

SK = Namespace(f"{BASE}ontology#")
ID = Namespace(f"{BASE}id/")
CODE = Namespace(f"{BASE}code/")
GRAPH = Namespace(f"{BASE}graph/")
ONTOLOGY_IRI = f"{BASE}ontology"
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")

ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
INFERRED_GRAPH = GRAPH["inferred"]

# The ontology and shapes are written with this base; a deployment with another base gets
# them rewritten at load time (see kg.sources.read_turtle).
AUTHORED_BASE = "https://seckg.example.org/"


@dataclass(frozen=True)
class Paths:
    """Where the inputs and outputs of a build live (overridable for tests)."""

    seeds: Path = ROOT / "seeds"
    ontology: Path = ROOT / "ontology"
    shapes: Path = ROOT / "shapes"
    dist: Path = ROOT / "dist"

    @property
    def context(self) -> Path:
        return self.seeds / "context.jsonld"

    @property
    def reference(self) -> Path:
        return self.seeds / "reference.yaml"

    @property
    def articles(self) -> Path:
        return self.seeds / "articles"


def article_graph(article_iri: str) -> str:
    """Named graph holding one article's facts: graph/article/<id>."""
    return f"{GRAPH}{article_iri.removeprefix(str(ID))}"
