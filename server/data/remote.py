"""A remote SPARQL 1.1 endpoint behind the query interface the server uses for its store.

``kg serve --store URL`` puts our server (UI, Linked Data pages, limits, caching, security)
in front of an existing engine (Fuseki, Oxigraph, Virtuoso, GraphDB, QLever, …) instead of
the embedded store. Results come back as SPARQL JSON or N-Triples and are parsed with
pyoxigraph, so everything downstream (formats, row cap, pages) is the same code as for the
embedded store.

The remote default graph must be the *set* merge of the named graphs, as ``kg push`` leaves
it. Engines whose default graph cannot be written (Virtuoso: its default graph is the bag
union of every graph it holds, system graphs included) get the merge in a named graph
instead, named by the protocol's own ``default-graph-uri`` parameter on the store URL
(``--store 'http://…/sparql?default-graph-uri=…/graph/merged'``). Then every query that brings
no dataset of its own (no protocol parameters, no ``FROM``) is sent with that default graph
and with our named graphs as ``named-graph-uri``, so ``GRAPH ?g`` sees exactly the graphs the
embedded store has (Virtuoso would otherwise range over all of its graphs).

Engine quirks handled here, each found against Virtuoso Open Source 7.2 (docs/scale-out.md):
``ASK`` answered as a one-row ``SELECT`` of ``__ASK_RETVAL`` (turned back into a boolean);
blank nodes in JSON results written ``nodeID://b10000`` (not a valid label; rewritten);
``CONSTRUCT`` asked with a results ``Accept`` answered in a non-standard JSON (so graph
queries ask for N-Triples only); ``GRAPH ?g { }`` answering one empty row and
``SELECT DISTINCT ?g`` taking seconds (graphs are listed with a triple pattern and
``GROUP BY``); and partial "anytime" answers sent with status 200 and an
``X-SQL-State`` header when the engine's own time limit is hit (refused, never served as
complete); and answers cut at the engine's ``ResultSetMaxRows`` (flagged by an
``X-SPARQL-MaxRows`` header): harmless when the cut is above our own row cap, which then
truncates and says so, refused when it is not (the answer would look complete).

Credentials for stores that want them (Virtuoso's ``/sparql-auth`` for updates, its Graph
Store endpoint ``/sparql-graph-crud-auth`` for ``kg push``) come from the environment,
``SECKG_STORE_USER`` and ``SECKG_STORE_PASSWORD``, so they never appear in a process list or
a shell history; HTTP Basic and Digest are both answered.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from typing import Any

import pyoxigraph as ox

from kg.storelogin import store_opener

from ..checks.lexer import scan

RESULTS_ACCEPT = "application/sparql-results+json"
GRAPH_ACCEPT = "application/n-triples"
ASK_VARIABLE = "__ASK_RETVAL"  # Virtuoso's column for an ASK answer
PARTIAL_HEADER = "X-SQL-State"  # Virtuoso: an "anytime" query stopped early, answer incomplete
BNODE_IRI = "nodeID://"  # Virtuoso: the form of a blank node in SPARQL JSON results
MAX_ROWS_HEADER = "X-SPARQL-MaxRows"  # Virtuoso: the answer was cut at its ResultSetMaxRows
# How long the list of named graphs is reused: an update through another worker process (or
# straight to the store) that adds or drops a graph is seen after at most this long.
NAMED_GRAPHS_TTL_S = 10.0


def _boolean(value: str) -> ox.QueryBoolean:
    parsed = ox.parse_query_results(
        f'{{"head":{{}},"boolean":{value}}}', ox.QueryResultsFormat.JSON
    )
    assert isinstance(parsed, ox.QueryBoolean)
    return parsed


_TRUE, _FALSE = _boolean("true"), _boolean("false")


class RemoteError(OSError):
    """The remote endpoint could not be reached or failed (not the client's fault)."""


def split_dataset(url: str) -> tuple[str, list[str], list[str]]:
    """Split ``default-graph-uri``/``named-graph-uri`` off a store URL; keep the rest."""
    parts = urllib.parse.urlsplit(url)
    params = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    defaults = [v for k, v in params if k == "default-graph-uri"]
    named = [v for k, v in params if k == "named-graph-uri"]
    rest = [(k, v) for k, v in params if k not in ("default-graph-uri", "named-graph-uri")]
    return parts._replace(query=urllib.parse.urlencode(rest)).geturl(), defaults, named


class RemoteStore:
    """Enough of pyoxigraph.Store's interface, answered by a remote SPARQL endpoint.

    ``graph_namespace`` is where our named graphs live (``<base>graph/``): with a default
    graph given on the URL, the remote graphs under it (other than the default graph) are
    the named graphs every query is sent with. ``row_limit`` is the server's row cap, for
    telling a harmless engine-side cut from one that would pass for a complete answer.
    """

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        timeout: float = 30.0,
        graph_namespace: str | None = None,
        row_limit: int | None = None,
    ):
        for url in (query_url, update_url):
            if url is not None and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise ValueError(f"remote store URL must be http(s): {url}")
        self.query_url, self.default_graphs, self.given_named = split_dataset(query_url)
        self.update_url = update_url
        self.timeout = timeout
        self.graph_namespace = graph_namespace
        self.row_limit = row_limit
        self._named: tuple[float, list[str]] | None = None
        self._lock = threading.Lock()
        self._opener = store_opener(self.query_url)
        self._update_opener = store_opener(update_url) if update_url else None

    def _post(
        self,
        url: str,
        body: bytes,
        content_type: str,
        accept: str,
        opener: urllib.request.OpenerDirector,
    ) -> tuple[bytes, str]:
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={"Content-Type": content_type, "Accept": accept},
        )
        try:
            with opener.open(request, timeout=self.timeout) as response:
                if response.headers.get(PARTIAL_HEADER):
                    raise RemoteError(
                        "remote endpoint stopped the query early and sent a partial answer "
                        f"({PARTIAL_HEADER}: {response.headers[PARTIAL_HEADER]})"
                    )
                self._check_cut(response.headers.get(MAX_ROWS_HEADER))
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:2000].decode("utf-8", "replace").strip()
            if exc.code == 400:
                raise SyntaxError(detail or "the remote endpoint rejected the request") from None
            raise RemoteError(f"remote endpoint answered {exc.code}: {detail[:200]}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            raise RemoteError(f"remote endpoint unreachable: {exc}") from None

    def _check_cut(self, max_rows: str | None) -> None:
        """Refuse an answer the engine cut at or below our row cap (it would look complete)."""
        if max_rows is None:
            return
        cut = int(max_rows) if max_rows.strip().isdigit() else 0
        if self.row_limit is None or cut <= self.row_limit:
            raise RemoteError(
                f"remote endpoint cut the answer at {max_rows.strip()} rows, not above this "
                f"server's row limit ({self.row_limit}); raise the store's limit "
                "(Virtuoso: [SPARQL] ResultSetMaxRows)"
            )

    # -- the dataset each query is sent with ----------------------------------------------
    def _named_graph_list(self) -> list[str]:
        """Our named graphs on the remote store (looked up again after updates and TTL)."""
        if self.given_named:
            return self.given_named
        with self._lock:
            now = time.monotonic()
            if self._named is None or now - self._named[0] > NAMED_GRAPHS_TTL_S:
                prefix = self.graph_namespace or ""
                found = self._select_graphs(())
                graphs = [g for g in found if g.startswith(prefix) and g not in self.default_graphs]
                self._named = (now, sorted(graphs))
            return self._named[1]

    def _dataset(
        self,
        query: str,
        default_graph: Sequence[ox.NamedNode] | None,
        named_graphs: Sequence[ox.NamedNode] | None,
    ) -> list[tuple[str, str]]:
        if default_graph is not None or named_graphs is not None:
            return [("default-graph-uri", g.value) for g in default_graph or ()] + [
                ("named-graph-uri", g.value) for g in named_graphs or ()
            ]
        if not self.default_graphs or "FROM" in scan(query).names:
            return []  # the store's own default graph, or the query's FROM clauses
        return [("default-graph-uri", g) for g in self.default_graphs] + [
            ("named-graph-uri", g) for g in self._named_graph_list()
        ]

    def _select_graphs(self, dataset: Sequence[tuple[str, str]]) -> list[str]:
        # ``GRAPH ?g { }`` answers one empty row on Virtuoso, and ``SELECT DISTINCT ?g`` over
        # a triple pattern took 1.3-4 s there on the seed graph: GROUP BY takes 20-50 ms
        params = [("query", "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"), *dataset]
        result = self._send(params, "SELECT")
        assert isinstance(result, ox.QuerySolutions)
        return [row["g"].value for row in result if isinstance(row["g"], ox.NamedNode)]

    # -- the Store interface ---------------------------------------------------------------
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
        params = [("query", query), *self._dataset(query, default_graph, named_graphs)]
        return self._send(params, scan(query).form)

    def _send(
        self, params: list[tuple[str, str]], form: str | None
    ) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
        graph = form in ("CONSTRUCT", "DESCRIBE")
        body, content_type = self._post(
            self.query_url,
            urllib.parse.urlencode(params).encode(),
            "application/x-www-form-urlencoded",
            GRAPH_ACCEPT if graph else f"{RESULTS_ACCEPT}, {GRAPH_ACCEPT};q=0.9",
            self._opener,
        )
        media = content_type.split(";", 1)[0].strip().lower()
        try:
            if media == RESULTS_ACCEPT and not graph:
                result = ox.parse_query_results(_bnodes(body), format=ox.QueryResultsFormat.JSON)
                return _as_boolean(result) if form == "ASK" else result
            if media in (GRAPH_ACCEPT, "text/plain") and form != "ASK":
                return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        except (SyntaxError, ValueError) as exc:  # the store's answer is broken, not the query
            raise RemoteError(f"remote endpoint sent an answer we cannot read: {exc}") from None
        raise RemoteError(f"remote endpoint answered an unexpected type: {media or 'none'}")

    def update(self, update: str, *, base_iri: str | None = None) -> None:
        if self.update_url is None or self._update_opener is None:
            raise RemoteError("no update URL configured for the remote store")
        try:
            self._post(
                self.update_url,
                update.encode(),
                "application/sparql-update",
                "*/*",
                self._update_opener,
            )
        finally:
            with self._lock:
                self._named = None  # an update may add or drop graphs

    # -- the few Store methods the server uses besides query/update -------------------------

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        if self.default_graphs:
            graphs = self._named_graph_list()
        else:
            graphs = self._select_graphs(())
        for iri in graphs:
            yield ox.NamedNode(iri)

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        if self.default_graphs:
            return graph.value in self._named_graph_list()
        return bool(self.query(f"ASK {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}"))

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
        return json.dumps(
            {"query": self.query_url, "update": self.update_url, "default": self.default_graphs}
        )


def _bnodes(body: bytes) -> bytes:
    """Blank nodes as SPARQL JSON labels; Virtuoso sends ``nodeID://b10000``, not a label."""
    if BNODE_IRI.encode() not in body:
        return body
    data = json.loads(body)
    for row in data.get("results", {}).get("bindings", ()):
        for term in row.values():
            if term.get("type") == "bnode" and term.get("value", "").startswith(BNODE_IRI):
                term["value"] = term["value"][len(BNODE_IRI) :]
    return json.dumps(data).encode()


def _as_boolean(result: ox.QuerySolutions | ox.QueryBoolean) -> ox.QueryBoolean:
    """An ASK answer; Virtuoso sends it as a table of ``__ASK_RETVAL`` (one row of 1 for true)."""
    if isinstance(result, ox.QueryBoolean):
        return result
    rows = list(result)
    variables = [v.value for v in result.variables]
    if variables == [ASK_VARIABLE] and not rows:
        return _FALSE  # "false" is sent as no row at all
    if variables == [ASK_VARIABLE] and len(rows) == 1:
        value = rows[0][ASK_VARIABLE]
        if isinstance(value, ox.Literal) and value.value in ("1", "0", "true", "false"):
            return _TRUE if value.value in ("1", "true") else _FALSE
    raise RemoteError("remote endpoint answered an ASK query with a result table")
