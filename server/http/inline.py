"""Known-fast queries answered by the front itself: no Flask dispatch, no executor round trip.

Why: on the seed graph an uncached query cost the front ~1.25 ms of CPU (measured with
``wrk`` and ``/proc/<pid>/stat`` at 8 clients: 7.6 CPU-seconds in the two fronts for 6,056
answers) against ~0.2 ms in the executor and ~0.1 ms for a lean (memoised) answer; the
profile (``py-spy --gil``) put ~60 % in the Flask dispatch around the endpoint and ~25 % in
the event-loop/thread-pool hand-offs and the executor wire. ``oxigraph serve`` answers the
same question mix with ~0.5 ms of CPU per request, so the uncached target (>= 0.5x) could
not be met by trimming that path, only by not taking it.

Which queries: a query *text* whose last run, on the same dataset version, took at most
``inline_ms`` (10 ms by default) - learnt from the executor's own CPU time for that text, and
re-checked on every inline run (a run over the bound forgets the text). The work is then
bounded by what the same text on the same data cost before, so it runs on the front's event
loop, on the front's own view of the data's snapshot (which Linked Data pages read already).
Anything new, slow, changed (another version), conditional (``If-None-Match``), not a plain
``GET``/``HEAD`` of ``/sparql``, or failing in any way goes the normal way (Flask, executor,
deadline), which also renders every error. With ``--rate-limit`` (applied in Flask) or a
remote store, this path is off; ``--inline-ms 0`` turns it off.

Equality with the Flask answer - status, every header in order, body - is what
``tests/server/test_inline.py`` checks, case by case, against a server with this path off.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header, quote_etag
from werkzeug.wsgi import get_current_url

from ..errors import ProtocolError
from ..execution.admission import text_key
from ..execution.execute import evaluate
from ..formats import Format, ResultKind
from .cache import CachedResponse
from .endpoint import (
    CORS_EXPOSED,
    ROW_LIMIT_HEADER,
    TRUNCATED_HEADER,
    Endpoint,
    QueryPlan,
    not_acceptable,
)
from .protocol import operation_of, parse_params

INLINE_PATH = "/sparql"
Headers = list[tuple[bytes, bytes]]
# version, method, query string, Accept, Host, scheme, server name, server port
_RequestKey = tuple[str, str, bytes, Any, Any, Any, Any, Any]
# Request targets are at most 8 KiB (server.http.front), so this bounds the memo to ~8 MiB.
PLANS_REMEMBERED = 512


@dataclass(frozen=True)
class InlineAnswer:
    status: int
    headers: Headers
    body: bytes
    rows: int


class InlineQueries:
    """Per front process: which texts are fast on which version, and answering them."""

    def __init__(self, endpoint: Endpoint, max_ms: float, remembered: int = 4096) -> None:
        self.endpoint = endpoint
        self.max_s = max_ms / 1000.0
        self.remembered = remembered
        self._fast: OrderedDict[bytes, str] = OrderedDict()  # text key -> version
        # The request as this path reads it -> (text key, plan): a repeated request is not
        # parsed, negotiated and hashed again (see _plan_of). Only the event loop touches it.
        self._plans: OrderedDict[_RequestKey, tuple[bytes, QueryPlan]] = OrderedDict()
        self._lock = threading.Lock()  # learn() runs on Flask threads, answer() on the loop
        self.hits = 0

    # ------------------------------------------------------------------ knowledge
    def learn(self, text: str, version: str, cpu_s: float) -> None:
        """Record how long ``text`` took on ``version`` (an executor's CPU time)."""
        self._note(text_key(text), version, cpu_s)

    def _note(self, key: bytes, version: str, seconds: float) -> None:
        with self._lock:
            if seconds > self.max_s:
                self._fast.pop(key, None)
                return
            self._fast[key] = version
            self._fast.move_to_end(key)
            while len(self._fast) > self.remembered:
                self._fast.popitem(last=False)

    def _is_fast(self, key: bytes, version: str) -> bool:
        with self._lock:
            return self._fast.get(key) == version

    # ------------------------------------------------------------------- answering
    def _plan_of(
        self, method: str, query_string: bytes, environ: dict[str, Any], version: str
    ) -> tuple[bytes, QueryPlan] | None:
        """The query's text key and plan, remembered per request as far as they depend on it.

        Why: profiled in process on the seed CQ mix, parsing the query string, negotiating
        and hashing the ETag were ~0.1 of the ~0.65 ms an inline answer cost (the engine
        ~0.4). The plan depends on the version (the ETag), the query string, Accept and
        the request URL (the base IRI) - all in the key - and nothing else.
        """
        request: _RequestKey = (
            version,
            method,
            query_string,
            environ.get("HTTP_ACCEPT"),
            environ.get("HTTP_HOST"),
            environ.get("wsgi.url_scheme"),
            environ.get("SERVER_NAME"),
            environ.get("SERVER_PORT"),
        )
        found = self._plans.get(request)
        if found is not None:
            self._plans.move_to_end(request)
            return found
        op = operation_of(parse_params(query_string), method)
        if op is None or op.kind != "query":
            return None
        key = text_key(op.text)
        if not self._is_fast(key, version):
            return None  # not planned here: the app will plan it
        plan = self.endpoint.plan(
            op,
            parse_accept_header(environ.get("HTTP_ACCEPT"), MIMEAccept),
            get_current_url(environ, strip_querystring=True),
        )
        if plan.chosen is None or plan.etag is None:
            return None  # the form is not known before evaluation: the app decides
        found = (key, plan)
        self._plans[request] = found
        while len(self._plans) > PLANS_REMEMBERED:
            self._plans.popitem(last=False)
        return found

    def answer(self, scope: dict[str, Any], environ: dict[str, Any]) -> InlineAnswer | None:
        """The answer for a known-fast query, or ``None``: then the app answers as usual."""
        method = scope.get("method")
        if method not in ("GET", "HEAD") or scope.get("path") != INLINE_PATH:
            return None
        query_string = scope.get("query_string") or b""
        if not query_string or "HTTP_IF_NONE_MATCH" in environ:
            return None
        dataset = self.endpoint.dataset
        with dataset.steady() as steady:
            if not steady:  # an update or replay is under way in this process
                return None
            try:
                return self._answer(method, query_string, environ, dataset.version)
            except ProtocolError:
                return None  # the app renders the error (and re-checks everything)

    def _answer(
        self, method: str, query_string: bytes, environ: dict[str, Any], version: str
    ) -> InlineAnswer | None:
        found = self._plan_of(method, query_string, environ, version)
        if found is None:
            return None
        key, plan = found
        if not self._is_fast(key, version):
            return None
        endpoint = self.endpoint
        client = environ.get("REMOTE_ADDR", "")
        admission = endpoint.admission
        if admission is not None and not admission.admits(client):
            return None  # over its limits: the app refuses it with 429
        chosen, etag = plan.chosen, plan.etag
        assert chosen is not None and etag is not None  # _plan_of keeps no other plan
        cached = endpoint.cache.get(etag) if endpoint.cache is not None else None
        if cached is None:

            def choose(actual: ResultKind) -> Format:
                if actual is not chosen.kind:
                    raise not_acceptable(actual)  # a form/kind surprise: let the app decide
                return chosen

            store = endpoint.dataset.store  # opened (once per version) outside the count
            started = time.thread_time()  # this thread's CPU: the Flask threads' is not ours
            outcome = evaluate(store, plan.job, choose, plan.prefixes)
            spent = time.thread_time() - started
            self._note(key, version, spent)
            if admission is not None:  # charged to the client like executor time
                admission.record(client, None, spent, finished=True)
            cached = endpoint.keep(plan, outcome)
        self.hits += 1
        return InlineAnswer(
            200, _headers(cached, etag, endpoint.config.row_limit), cached.body, cached.rows
        )


def _headers(cached: CachedResponse, etag: str, row_limit: int) -> Headers:
    """The header list the Flask app sends for this answer, in its order (see app._finish)."""
    headers = [
        (b"content-type", cached.content_type.encode("latin-1")),
        (b"content-length", str(len(cached.body)).encode()),
    ]
    if cached.truncated:
        headers.append((TRUNCATED_HEADER.lower().encode(), b"true"))
        headers.append((ROW_LIMIT_HEADER.lower().encode(), str(row_limit).encode()))
    headers += [
        (b"etag", quote_etag(etag).encode("latin-1")),
        (b"cache-control", b"no-cache"),
        (b"vary", b"Accept"),
        (b"x-content-type-options", b"nosniff"),
        (b"access-control-allow-origin", b"*"),
        (b"access-control-expose-headers", CORS_EXPOSED.encode()),
    ]
    return headers
