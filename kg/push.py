"""``kg push URL``: load the built dataset into any SPARQL 1.1 Graph Store Protocol endpoint.

Each named graph is PUT (replaced) under its own name, and the default graph is PUT as the
merge of all of them — the same default graph the embedded store answers from — so a query
sent to the remote engine gives the answers it gives here. Only standard HTTP: works with
Fuseki/TDB2, Oxigraph, Virtuoso, GraphDB, QLever, Neptune.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.query import open_store

NTRIPLES = "application/n-triples"


def _put(url: str, triples: list[ox.Triple], timeout: float) -> None:
    body = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES) or b""
    request = urllib.request.Request(
        url, data=body, method="PUT", headers={"Content-Type": NTRIPLES}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:300].decode("utf-8", "replace")
        raise KgError(f"{url}: the store answered {exc.code}: {detail}") from None
    except (urllib.error.URLError, TimeoutError) as exc:
        raise KgError(f"{url}: cannot reach the store: {exc}") from None


def push(
    dist: Path,
    store_url: str,
    timeout: float = 120.0,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, int]:
    """PUT every graph of the built dataset; returns triples sent per graph ('' = default)."""
    if urllib.parse.urlsplit(store_url).scheme not in ("http", "https"):
        raise KgError(f"{store_url}: a Graph Store Protocol URL must be http(s)")
    store = open_store(dist)
    sent: dict[str, int] = {}
    separator = "&" if "?" in store_url else "?"
    for graph in sorted(store.named_graphs(), key=lambda g: g.value):
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
        target = f"{store_url}{separator}{urllib.parse.urlencode({'graph': graph.value})}"
        _put(target, triples, timeout)
        sent[graph.value] = len(triples)
        progress(f"PUT {graph.value}: {len(triples)} triples")
    default = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    _put(f"{store_url}{separator}default", default, timeout)
    sent[""] = len(default)
    progress(f"PUT default graph (merge of all graphs): {len(default)} triples")
    return sent
