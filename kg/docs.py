"""HTML documentation of the ontology, generated with pyLODE at build time.

pyLODE names each term's section by its lower-cased label (``#state``, and ``#organization1``
where a class and a property share a name); our term IRIs are ``…/ontology#State``. We rename
each section to its IRI's local name so that a browser following a class or property IRI
lands on its place in the page. pyLODE 3.3.4 is the newest release that imports on Python
3.11 (3.4.1 fails at import; later ones need 3.12).

A process renders each ontology once: the page depends on the ontology's bytes alone (the
child runs with a fixed hash seed), and the child costs about a second (0.9 s at load 5-7;
3.0 of the 3.6 s of a build of the five-article fixture corpus at load 11, cProfile), which
every build of a process that builds more than once repeated (test_build, test_export and
test_evidence build 12 times; now they render 3 times).
"""

from __future__ import annotations

import hashlib
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


_PAGES: dict[bytes, bytes] = {}  # sha256 of an ontology's Turtle -> its page


def ontology_html(ontology_ttl: Path) -> bytes:
    """The pyLODE page for the ontology (a Turtle file), anchored at the terms' local names;
    rendered once per process for the same bytes (see the module's docstring)."""
    key = hashlib.sha256(ontology_ttl.read_bytes()).digest()
    if key not in _PAGES:
        _PAGES[key] = _render_in_child(ontology_ttl)
    return _PAGES[key]


def forget_rendered() -> None:
    """Render afresh from now on (a test that checks that two renderings are identical)."""
    _PAGES.clear()


def _render_in_child(ontology_ttl: Path) -> bytes:
    """pyLODE embeds a JSON-LD block whose order follows Python's per-process string hashing,
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
