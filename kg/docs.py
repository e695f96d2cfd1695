"""HTML documentation of the ontology, generated with pyLODE at build time.

pyLODE names each term's section by its lower-cased label (``#state``, and ``#organization1``
where a class and a property share a name); our term IRIs are ``…/ontology#State``. We rename
each section to its IRI's local name so that a browser following a class or property IRI
lands on its place in the page. pyLODE 3.3.4 is the newest release that imports on Python
3.11 (3.4.1 fails at import; later ones need 3.12).
"""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path

from rdflib import Graph

_SECTION = re.compile(
    r'(<div class="[^"]*entity" id=")([^"]+)(">\s*<h3>.*?</h3>\s*<table>\s*<tr>\s*<th>IRI</th>'
    r"\s*<td>\s*<code>)([^<]+)(</code>)",
    re.S,
)


def ontology_html(ontology: Graph) -> bytes:
    """The pyLODE page for the ontology, with anchors equal to the terms' local names."""
    from pylode import OntPub  # imported here: it is slow and only the build needs it

    logging.getLogger("root").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ontology.ttl"
        ontology.serialize(path, format="turtle")
        html = OntPub(ontology=str(path)).make_html()
    renames: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        iri = match.group(4)
        local = iri.rsplit("#", 1)[-1] if "#" in iri else match.group(2)
        renames[match.group(2)] = local
        return f"{match.group(1)}{local}{match.group(3)}{iri}{match.group(5)}"

    html = _SECTION.sub(rename, html)
    for old, new in renames.items():
        html = html.replace(f'href="#{old}"', f'href="#{new}"')
    return html.encode("utf-8")
