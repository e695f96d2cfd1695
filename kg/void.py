"""A VoID + DCAT description of the built dataset: counts per graph and links to the dumps."""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, XSD

from kg import config
from kg.formats import FORMATS

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")


def describe(
    graph_sizes: dict[URIRef, int],
    dump_files: dict[str, str],
    classes: dict[URIRef, int],
    version: str,
) -> Graph:
    """The dataset description. ``dump_files`` maps file name -> format name."""
    g = Graph()
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    g.bind("dct", DCTERMS)
    ds = URIRef(f"{config.BASE}dataset")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("Security-relations knowledge graph", lang="en")))
    g.add(
        (
            ds,
            DCTERMS.description,
            Literal(
                "Curated facts from news articles about Armenia's security relations, with "
                "per-article provenance and an OWL 2 RL inferred graph.",
                lang="en",
            ),
        )
    )
    g.add((ds, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    g.add((ds, DCTERMS.hasVersion, Literal(version)))
    g.add((ds, VOID.sparqlEndpoint, URIRef(f"{config.BASE}sparql")))
    g.add((ds, VOID.uriSpace, Literal(str(config.ID))))
    g.add((ds, VOID.vocabulary, URIRef(str(config.SK))))
    g.add((ds, VOID.triples, Literal(sum(graph_sizes.values()), datatype=XSD.integer)))
    for name, size in sorted(graph_sizes.items()):
        sub = URIRef(f"{name}#void")
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, VOID.triples, Literal(size, datatype=XSD.integer)))
        g.add((sub, URIRef("http://www.w3.org/ns/sparql-service-description#name"), name))
    for cls, count in sorted(classes.items()):
        part = URIRef(f"{config.BASE}dataset#class-{str(cls).rsplit('#', 1)[-1]}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    for file_name, fmt_name in sorted(dump_files.items()):
        url = URIRef(f"{config.BASE}dumps/{file_name}")
        g.add((ds, VOID.dataDump, url))
        g.add((ds, DCAT.distribution, url))
        g.add((url, RDF.type, DCAT.Distribution))
        g.add((url, DCAT.downloadURL, url))
        g.add((url, DCAT.mediaType, Literal(FORMATS[fmt_name].media_type)))
    return g
