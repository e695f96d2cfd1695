"""The prefixes every part of the project offers: one table, used by the exports, `kg query`,
the endpoint's serialisers and the query page.

Why per-kind prefixes: entity ids are paths (``post/armenia-defence-minister``) and ``/`` is
not allowed in a SPARQL prefixed name, so ``id:post/armenia-defence-minister`` is a syntax
error. ``post:armenia-defence-minister`` (``post:`` = ``<base>id/post/``) is legal and reads
the same way; the IRIs themselves do not change.
"""

from __future__ import annotations

from kg import config

# The id kinds minted by the seeds (``<kind>/<slug>``); each gets a prefix of the same name.
ID_KINDS = (
    "agreement article attestation base deal deployment event exercise exhibition leadership "
    "meeting membership participation partnership post situation size statement status summit "
    "tenure visit"
).split()

COMMON = {
    "sk": str(config.SK),
    "id": str(config.ID),
    "code": str(config.CODE),
    "graph": str(config.GRAPH),
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "time": "http://www.w3.org/2006/time#",
    "wd": "http://www.wikidata.org/entity/",
}

KINDS = {kind: f"{config.ID}{kind}/" for kind in ID_KINDS}

PREFIXES: dict[str, str] = {**COMMON, **KINDS}


def sparql_prologue(prefixes: dict[str, str] = PREFIXES) -> str:
    """``PREFIX`` lines for every prefix (what `kg query` and the query page offer)."""
    return "".join(f"PREFIX {name}: <{ns}>\n" for name, ns in prefixes.items())
