"""HTML documentation of the ontology, generated with pyLODE at build time.

pyLODE names each term's section by its lower-cased label (``#state``, and ``#organization1``
where a class and a property share a name); our term IRIs are ``…/ontology#State``. We rename
each section to its IRI's local name so that a browser following a class or property IRI
lands on its place in the page. pyLODE 3.3.4 is the newest release that imports on Python
3.11 (3.4.1 fails at import; later ones need 3.12).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from kg.errors import KgError

_SECTION = re.compile(
    r'(<div class="[^"]*entity" id=")([^"]+)(">\s*<h3>.*?</h3>\s*<table>\s*<tr>\s*<th>IRI</th>'
    r"\s*<td>\s*<code>)([^<]+)(</code>)",
    re.S,
)


def ontology_html(ontology_ttl: Path) -> bytes:
    """The pyLODE page for the ontology (a Turtle file), anchored at the terms' local names.

    pyLODE embeds a JSON-LD block whose order follows Python's per-process string hashing,
    so it runs in a child process with a fixed ``PYTHONHASHSEED``: same ontology, same bytes.
    """
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [sys.executable, "-m", "kg.docs", str(ontology_ttl)],
        capture_output=True,
        env=env,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        raise KgError(f"{ontology_ttl}: pyLODE failed: {done.stderr.decode()[-500:]}")
    return done.stdout


def _render(ontology_ttl: Path) -> bytes:
    from pylode import OntPub  # imported here: it is slow and only the build needs it

    logging.getLogger().setLevel(logging.WARNING)
    html = OntPub(ontology=str(ontology_ttl)).make_html()
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


if __name__ == "__main__":
    sys.stdout.buffer.write(_render(Path(sys.argv[1])))
