"""A remote SPARQL 1.1 endpoint behind the query interface the server uses for its store.

``kg serve --store URL`` puts our server (UI, Linked Data pages, limits, caching, security)
in front of an existing engine (Fuseki, Oxigraph, Virtuoso, GraphDB, QLever, …) instead of
the embedded store. Results come back as SPARQL JSON or N-Triples and are parsed with
pyoxigraph, so everything downstream (formats, row cap, pages) is the same code as for the
embedded store. The remote default graph is expected to be the merge of the named graphs,
as ``kg push`` leaves it.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from typing import Any

import pyoxigraph as ox

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"


class RemoteError(OSError):
    """The remote endpoint could not be reached or failed (not the client's fault)."""


class RemoteStore:
    """Enough of pyoxigraph.Store's interface, answered by a remote SPARQL endpoint."""

    def __init__(self, query_url: str, update_url: str | None = None, timeout: float = 30.0):
        for url in (query_url, update_url):
            if url is not None and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise ValueError(f"remote store URL must be http(s): {url}")
        self.query_url = query_url
        self.update_url = update_url
        self.timeout = timeout

    def _post(self, url: str, body: bytes, content_type: str, accept: str) -> tuple[bytes, str]:
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={"Content-Type": content_type, "Accept": accept},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:2000].decode("utf-8", "replace").strip()
            if exc.code == 400:
                raise SyntaxError(detail or "the remote endpoint rejected the request") from None
            raise RemoteError(f"remote endpoint answered {exc.code}: {detail[:200]}") from None
        except (urllib.error.URLError, TimeoutError) as exc:
            raise RemoteError(f"remote endpoint unreachable: {exc}") from None

    def query(
        self,
        query: str,
        *,
        base_iri: str | None = None,
        default_graph: Sequence[ox.NamedNode] | None = None,
        named_graphs: Sequence[ox.NamedNode] | None = None,
        use_default_graph_as_union: bool = False,
    ) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
        """Evaluate remotely; SELECT/ASK give pyoxigraph results, CONSTRUCT a triple list."""
        params: list[tuple[str, str]] = [("query", query)]
        params += [("default-graph-uri", g.value) for g in default_graph or ()]
        params += [("named-graph-uri", g.value) for g in named_graphs or ()]
        body, content_type = self._post(
            self.query_url,
            urllib.parse.urlencode(params).encode(),
            "application/x-www-form-urlencoded",
            ACCEPT,
        )
        media = content_type.split(";", 1)[0].strip().lower()
        if media == "application/sparql-results+json":
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        if media in ("application/n-triples", "text/plain"):
            return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        raise RemoteError(f"remote endpoint answered an unexpected type: {media or 'none'}")

    def update(self, update: str, *, base_iri: str | None = None) -> None:
        if self.update_url is None:
            raise RemoteError("no update URL configured for the remote store")
        self._post(self.update_url, update.encode(), "application/sparql-update", "*/*")

    # -- the few Store methods the server uses besides query/update -------------------------

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        assert isinstance(result, ox.QuerySolutions)
        for row in result:
            if isinstance(row["g"], ox.NamedNode):
                yield row["g"]

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH <{graph.value}> {{ }} }}"))

    def quads_for_pattern(
        self, subject: Any, predicate: Any, obj: Any, graph: Any = None
    ) -> Iterator[ox.Quad]:
        """Only the form the Linked Data pages use: all triples of one named graph."""
        if subject is not None or predicate is not None or obj is not None:
            raise NotImplementedError("remote quads_for_pattern supports a whole graph only")
        if not isinstance(graph, ox.NamedNode):
            raise NotImplementedError("remote quads_for_pattern needs a named graph")
        result = self.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}"
        )
        for triple in result:  # type: ignore[union-attr]
            yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)

    def __len__(self) -> int:
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert isinstance(result, ox.QuerySolutions)
        return int(next(iter(result))["n"].value)

    def describe(self) -> str:
        return json.dumps({"query": self.query_url, "update": self.update_url})
