"""``kg push URL``: load the built dataset into any SPARQL 1.1 Graph Store Protocol endpoint.

Each named graph is PUT (replaced) under its own name, and the default graph is PUT as the
merge of all of them — the same default graph the embedded store answers from — so a query
sent to the remote engine gives the answers it gives here. Only standard HTTP: works with
Fuseki/TDB2, Oxigraph, Virtuoso, GraphDB, QLever, Neptune.

Stores whose default graph cannot be written get the merge in a named graph instead
(``--default-graph IRI``): Virtuoso answers a PUT to ``?default`` with "the endpoint is not
configured to have default graph", and its default graph is the bag union of everything it
holds anyway; ``kg serve --store`` then names that graph on each query (docs/scale-out.md).
Credentials for stores that want them (Virtuoso's ``/sparql-graph-crud-auth``) come from
``SECKG_STORE_USER``/``SECKG_STORE_PASSWORD`` (see :func:`kg.storelogin.store_opener`).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.query import open_store
from kg.storelogin import PASSWORD_ENV, USER_ENV, has_login, store_opener

NTRIPLES = "application/n-triples"


def _text(body: bytes) -> str:
    """The readable part of an error body (Virtuoso answers errors as HTML pages)."""
    text = re.sub(r"<[^>]*>", " ", body[:4000].decode("utf-8", "replace"))
    return " ".join(text.split())[:300]


def _put(
    opener: urllib.request.OpenerDirector,
    url: str,
    triples: list[ox.Triple],
    timeout: float,
    hint: str = "",
) -> None:
    body = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES) or b""
    request = urllib.request.Request(
        url, data=body, method="PUT", headers={"Content-Type": NTRIPLES}
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        raise KgError(f"{url}: the store answered {exc.code}: {_text(exc.read())}{hint}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, BrokenPipeError | ConnectionResetError):
            # Virtuoso answers a request it refuses before reading the body, and closes
            raise KgError(
                f"{url}: the store closed the connection during the upload, i.e. it refused "
                f"the request before reading it{hint}"
            ) from None
        raise KgError(f"{url}: cannot reach the store: {exc}") from None


def _authenticate(opener: urllib.request.OpenerDirector, store_url: str, timeout: float) -> None:
    """A body-less request first, so that the login is settled before any large PUT (a
    store that challenges before reading a body would otherwise cut the upload short)."""
    request = urllib.request.Request(store_url, method="HEAD")
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403):
            login = "the login was refused" if has_login() else "no login was given"
            raise KgError(
                f"{store_url}: the store answered {exc.code}: {login} (set {USER_ENV} and "
                f"{PASSWORD_ENV})"
            ) from None
        # other answers (400/404 for a bare Graph Store URL) are fine: the login is settled
    except (urllib.error.URLError, TimeoutError) as exc:
        raise KgError(f"{store_url}: cannot reach the store: {exc}") from None


def push(
    dist: Path,
    store_url: str,
    timeout: float = 120.0,
    progress: Callable[[str], None] = lambda _: None,
    default_graph: str | None = None,
) -> dict[str, int]:
    """PUT every graph of the built dataset; returns triples sent per graph ('' = default).

    ``default_graph``: the IRI of the named graph that receives the merge, for stores whose
    default graph cannot be written; by default the merge goes to the store's default graph.
    """
    if urllib.parse.urlsplit(store_url).scheme not in ("http", "https"):
        raise KgError(f"{store_url}: a Graph Store Protocol URL must be http(s)")
    if default_graph is not None:
        try:
            ox.NamedNode(default_graph)
        except ValueError:
            raise KgError(f"--default-graph needs an absolute IRI, got {default_graph!r}") from None
    opener = store_opener(store_url)
    _authenticate(opener, store_url, timeout)
    store = open_store(dist)
    sent: dict[str, int] = {}
    separator = "&" if "?" in store_url else "?"
    for graph in sorted(store.named_graphs(), key=lambda g: g.value):
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
        target = f"{store_url}{separator}{urllib.parse.urlencode({'graph': graph.value})}"
        if graph.value == default_graph:
            raise KgError(f"{default_graph}: already a named graph of the dataset")
        _put(opener, target, triples, timeout)
        sent[graph.value] = len(triples)
        progress(f"PUT {graph.value}: {len(triples)} triples")
    default = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    if default_graph is None:
        hint = (
            " (if the store's default graph cannot be written, e.g. Virtuoso: --default-graph IRI)"
        )
        _put(opener, f"{store_url}{separator}default", default, timeout, hint)
        progress(f"PUT default graph (merge of all graphs): {len(default)} triples")
    else:
        target = f"{store_url}{separator}{urllib.parse.urlencode({'graph': default_graph})}"
        _put(opener, target, default, timeout)
        progress(f"PUT {default_graph} (merge of all graphs): {len(default)} triples")
    sent[""] = len(default)
    return sent
