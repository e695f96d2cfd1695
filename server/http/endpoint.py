"""Request handling for ``/sparql`` and ``/health``: the glue between protocol, engine and HTTP.

The order of work for a query is chosen so that cheap refusals come first and the expensive
part runs last, under the deadline: parse the request, apply the SERVICE/LOAD policy,
negotiate the format (406 before any evaluation), compute the ETag (304 and cache hits
without evaluation), and only then evaluate and serialize in a bounded thread.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from flask import Request, Response, g
from pyoxigraph import serialize
from werkzeug.datastructures import MIMEAccept

from ..checks import guard, lexer, limits
from ..checks.effect import written_graphs
from ..config import ServerConfig
from ..data.dataset import Dataset
from ..errors import OperationTimeout, ProtocolError
from ..execution.admission import Admission, text_key
from ..execution.execute import QueryJob, QueryOutcome, evaluate
from ..execution.executors import (
    ExecutorClient,
    ExecutorLost,
    ExecutorsUnavailable,
    Job,
    OperationAbandoned,
    OperationOutOfMemory,
    Reply,
    executors_alive,
    format_of,
)
from ..execution.runner import run_bounded
from ..formats import KIND_OF_FORM, Format, ResultKind, negotiate, supported_media_types
from .cache import CachedResponse, ResponseCache
from .description import PREFIXES, describe
from .environ import CLIENT_GONE_KEY
from .lean import LeanCache
from .protocol import Operation, parse_operation


@dataclass(frozen=True)
class QueryPlan:
    """A query as the endpoint will run it (:meth:`Endpoint.plan`)."""

    job: QueryJob
    chosen: Format | None  # None: the query form is only known once it is evaluated
    etag: str | None
    prefixes: dict[str, str]


TRUNCATED_HEADER = "X-SPARQL-Truncated"
ROW_LIMIT_HEADER = "X-SPARQL-Row-Limit"
CORS_EXPOSED = f"ETag, {TRUNCATED_HEADER}, {ROW_LIMIT_HEADER}"

T = TypeVar("T")


def not_acceptable(kind: ResultKind) -> ProtocolError:
    offered = ", ".join(supported_media_types(kind))
    return ProtocolError(406, f"none of the requested formats is available; offered: {offered}")


# Texts up to this length have their analysis memoised; longer ones (POST bodies up to
# --max-body) are analysed every time, so the memo holds at most ~512 x 16 KiB.
ANALYSIS_MEMO_MAX_TEXT = 16_384


@functools.lru_cache(maxsize=512)
def _analyse_memo(
    text: str, allowlist: tuple[str, ...]
) -> tuple[tuple[tuple[str, str], ...], str | None]:
    scanned = lexer.scan(text)  # the one token stream every check below reads
    limits.check_size(scanned.tokens)
    guard.check_operation(scanned, allowlist, update=False)
    _, prefixes, _ = scanned.prologue
    return tuple(prefixes.items()), scanned.form


def analyse_query(text: str, allowlist: tuple[str, ...]) -> tuple[dict[str, str], str | None]:
    """Apply the size limits and the SERVICE/LOAD policy; return the query's prefixes and form.

    Memoised per text because the pure-Python lexer was the largest cost of our own code in
    a cache hit (~10 % of a worker's CPU on the competency-question mix), and clients send
    the same texts again and again. A refused query raises every time (``lru_cache`` does
    not keep exceptions). Each call gets its own prefix dict.
    """
    analyse = _analyse_memo if len(text) <= ANALYSIS_MEMO_MAX_TEXT else _analyse_memo.__wrapped__
    pairs, form = analyse(text, allowlist)
    return dict(pairs), form


@dataclass
class Endpoint:
    """``/sparql`` and ``/health``.

    With ``executors`` (the served set-up, :func:`server.serve`), queries and updates run in
    executor processes behind ``admission``; without (``create_app`` alone: embedding, the
    Flask test client), on a thread of this process with the same deadline, which answers
    on time but cannot stop the abandoned work.
    """

    config: ServerConfig
    dataset: Dataset
    cache: ResponseCache | None
    executors: ExecutorClient | None = None
    admission: Admission | None = None
    lean: LeanCache | None = None  # the front's memo of whole answers (server.http.lean)

    # ----------------------------------------------------------------- entry point
    def handle(self, request: Request) -> Response:
        operation = parse_operation(request)
        if operation is None:
            g.cors = True
            return self.service_description(request)
        g.cors = operation.kind == "query"
        try:
            if operation.kind == "update":
                return self.update(request, operation)
            return self.query(request, operation)
        except OperationTimeout:
            return self.timed_out()
        except OperationOutOfMemory:
            return self.out_of_memory()
        except OperationAbandoned:  # nobody reads this answer
            raise ProtocolError(499, "the client closed the connection") from None
        except ExecutorsUnavailable:
            raise ProtocolError(
                503,
                "no query executor is running right now (it is being restarted); retry",
                {"Retry-After": "1"},
            ) from None
        except ExecutorLost:
            raise ProtocolError(
                503,
                "the process running this operation stopped unexpectedly and was replaced; "
                "retry (an update may have been applied just before; /health's version tells)",
                {"Retry-After": "1"},
            ) from None

    # ----------------------------------------------------------------------- query
    def plan(self, op: Operation, accept: MIMEAccept, base_url: str) -> QueryPlan:
        """Analyse the query, negotiate its format (406 if none fits) and derive its ETag:
        kept apart from :meth:`handle` so that it can be measured and tested on its own."""
        prefixes, form = analyse_query(op.text, self.config.service_allowlist)
        kind = KIND_OF_FORM.get(form) if form else None
        chosen: Format | None = None
        if kind is not None:
            chosen = negotiate(kind, op.format_params, accept)
            if chosen is None:
                raise not_acceptable(kind)
        job = QueryJob(
            text=op.text,
            base_iri=self.config.base_iri or base_url,
            default_graphs=op.default_graphs,
            named_graphs=op.named_graphs,
            row_limit=self.config.row_limit,
        )
        etag = self._etag(job, chosen) if chosen is not None else None
        return QueryPlan(job, chosen, etag, prefixes)

    def keep(self, plan: QueryPlan, outcome: QueryOutcome) -> CachedResponse:
        """The answer as the response cache holds it, put there when it may be reused."""
        cached = CachedResponse(
            outcome.body, outcome.format.content_type, outcome.rows, outcome.truncated
        )
        if self.cache is not None and plan.etag and outcome.format is plan.chosen:
            self.cache.put(plan.etag, cached)
        return cached

    def _charged(self, request: Request, work: Callable[[], T]) -> T:
        """Run the front's own pre-parse (lexer and checks) on the client's account.

        Why: it runs before admission, so per-client limits did not apply to it - 16 bodies
        that were slow to tokenize, from one address, ran at once (issue 20, finding 5). A
        client whose time is used up gets its 429 before the text is read; the CPU time it
        costs is charged like executor time."""
        if self.admission is None:
            return work()
        client = request.remote_addr or ""
        self.admission.check(client)
        started = time.thread_time()  # this thread's CPU: what this request cost the front
        try:
            return work()
        finally:
            self.admission.record(client, None, time.thread_time() - started, finished=True)

    def query(self, request: Request, op: Operation) -> Response:
        plan = self._charged(
            request, lambda: self.plan(op, request.accept_mimetypes, request.base_url)
        )
        job, chosen, etag, prefixes = plan.job, plan.chosen, plan.etag, plan.prefixes
        if etag and request.method in ("GET", "HEAD") and request.if_none_match.contains_weak(etag):
            response = Response(status=304)
            self._cache_headers(response, etag)
            return response
        cached = self.cache.get(etag) if (self.cache is not None and etag) else None
        if cached is None:
            accept = request.accept_mimetypes  # read here: the request is thread-local

            def choose(actual: ResultKind) -> Format | None:
                if chosen is not None and chosen.kind is actual:
                    return chosen
                fmt = negotiate(actual, op.format_params, accept)
                if fmt is None:
                    raise not_acceptable(actual)
                return fmt

            if self.executors is not None:
                outcome = self._execute_query(request, op, job, chosen, prefixes)
            else:
                outcome = self._bounded(lambda: evaluate(self.dataset.store, job, choose, prefixes))
            cached = self.keep(plan, outcome)
        g.rows = cached.rows
        response = Response(cached.body, status=200, content_type=cached.content_type)
        if cached.truncated:
            response.headers[TRUNCATED_HEADER] = "true"
            response.headers[ROW_LIMIT_HEADER] = str(self.config.row_limit)
        if etag:
            self._cache_headers(response, etag)
        return response

    def _etag(self, job: QueryJob, fmt: Format) -> str:
        key = json.dumps(
            [
                self.dataset.version,
                job.text,
                job.default_graphs,
                job.named_graphs,
                job.base_iri,
                job.row_limit,
                fmt.key,
            ]
        )
        return hashlib.sha256(key.encode()).hexdigest()[:32]

    @staticmethod
    def _cache_headers(response: Response, etag: str) -> None:
        response.set_etag(etag)
        # Data can change through updates: caches may store, but must revalidate.
        response.headers["Cache-Control"] = "no-cache"

    # ---------------------------------------------------------------------- update
    def _checked_update(self, text: str) -> lexer.Scan:
        scanned = lexer.scan(text)  # the one token stream every check below reads
        limits.check_size(scanned.tokens)
        guard.check_operation(scanned, self.config.service_allowlist, update=True)
        return scanned

    def update(self, request: Request, op: Operation) -> Response:
        self._authorize(request)
        scanned = self._charged(request, lambda: self._checked_update(op.text))
        text = guard.apply_update_dataset(
            scanned, list(op.using_graphs), list(op.using_named_graphs)
        )
        base_iri = self.config.base_iri or request.base_url
        graphs = written_graphs(scanned)  # USING clauses added above write nothing
        if self.executors is not None:
            job = Job("update", text, base_iri, self.config.timeout, graphs=graphs)
            self._dispatch(request, job, None)
            self.dataset.sync()  # this process sees the update before it answers
        else:
            self._bounded(lambda: self.dataset.update(text, base_iri, graphs))
        response = Response("update applied\n", status=200, mimetype="text/plain")
        response.headers["Cache-Control"] = "no-store"
        return response

    def _authorize(self, request: Request) -> None:
        token = self.config.update_token
        if not token:
            raise ProtocolError(403, "updates are disabled on this endpoint")
        header = request.headers.get("Authorization", "")
        if not header:
            raise ProtocolError(
                401,
                "updates need an 'Authorization: Bearer <token>' header",
                {"WWW-Authenticate": 'Bearer realm="sparql-update"'},
            )
        scheme, _, supplied = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            supplied.strip().encode(), token.encode()
        ):
            raise ProtocolError(403, "the update token is not valid")

    # --------------------------------------------------------- service description
    def service_description(self, request: Request) -> Response:
        format_params = tuple(request.args.getlist("format"))
        fmt = negotiate(ResultKind.GRAPH, format_params, request.accept_mimetypes)
        if fmt is None:
            raise not_acceptable(ResultKind.GRAPH)
        # From configuration or the listening socket, never from Host (issue 20, finding 8).
        endpoint = self.config.base_iri or (
            f"{request.scheme}://{request.environ.get('SERVER_NAME', '127.0.0.1')}:"
            f"{request.environ.get('SERVER_PORT', '80')}{request.path}"
        )
        triples = describe(endpoint, self.dataset.stats(), self.config)
        body = serialize(triples, format=fmt.rdf_engine, prefixes=PREFIXES) or b""
        response = Response(body, status=200, content_type=fmt.content_type)
        response.headers["Cache-Control"] = "no-cache"
        return response

    # ---------------------------------------------------------------------- health
    def health(self) -> Response:
        stats = self.dataset.stats()
        body = {
            "status": "ok",
            "triples": stats.total,
            "graphs": len(stats.graphs),
            "version": self.dataset.version,
            "updates": self.config.updates_enabled,
        }
        status = 200
        if self.admission is not None:
            body["executors"] = self.admission.snapshot()
        if self.executors is not None:
            # Unready (503) while a lane has no executor that can take work, saying which.
            settings = self.executors.settings
            alive = executors_alive(settings)
            body["executors_alive"] = alive
            missing = [
                f"no {lane} executor running ({count} configured)"
                for lane, count in settings.configured().items()
                if count > 0 and alive[lane] == 0
            ]
            if missing:
                body["status"] = "unavailable"
                body["missing"] = missing
                status = 503
        if self.lean is not None:
            body["lean_hits"] = self.lean.hits  # this front process's answers without Flask
        response = Response(json.dumps(body) + "\n", status=status, mimetype="application/json")
        response.headers["Cache-Control"] = "no-store"
        return response

    # ------------------------------------------------------------------- executors
    def _execute_query(
        self,
        request: Request,
        op: Operation,
        job: QueryJob,
        chosen: Format | None,
        prefixes: dict[str, str],
    ) -> QueryOutcome:
        work = Job(
            "query",
            job.text,
            job.base_iri,
            self.config.timeout,
            query=job,
            accept=request.headers.get("Accept", ""),
            format_params=op.format_params,
            chosen=(chosen.kind.value, chosen.key) if chosen is not None else None,
            prefixes=prefixes,
        )
        reply = self._dispatch(request, work, text_key(job.text))
        assert reply.format is not None
        return QueryOutcome(reply.body, format_of(reply.format), reply.rows, reply.truncated)

    def _dispatch(self, request: Request, job: Job, key: bytes | None) -> Reply:
        """Admit the operation, run it on an executor, and account for its time."""
        assert self.executors is not None and self.admission is not None
        client = request.remote_addr or ""
        with self.admission.slot(client, key) as lane:
            started = time.monotonic()
            finished = False
            try:
                reply = self.executors.run(lane, job, request.environ.get(CLIENT_GONE_KEY))
                finished = True
            finally:
                self.admission.record(client, key, time.monotonic() - started, finished=finished)
        if reply.status != 200:
            raise ProtocolError(reply.status, reply.message)
        return reply

    # --------------------------------------------------------------------- helpers
    def _bounded(self, work: Callable[[], T]) -> T:
        """Run engine work under the deadline; engine errors become client errors."""
        try:
            return run_bounded(work, self.config.timeout)
        except SyntaxError as exc:
            raise ProtocolError(400, f"syntax error: {exc}") from None
        except (ValueError, RuntimeError) as exc:
            raise ProtocolError(400, f"evaluation error: {str(exc)[:500]}") from None

    def timed_out(self) -> Response:
        """503 for a missed deadline; with executors, the one that ran it has been replaced."""
        seconds = f"{self.config.timeout:g}"
        response = Response(
            f"the operation exceeded the time limit of {seconds} s and was stopped\n",
            status=503,
            mimetype="text/plain",
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    def out_of_memory(self) -> Response:
        """413 for an operation that went past the per-operation memory cap."""
        response = Response(
            "the operation needed more memory than this endpoint allows per operation "
            f"({self.config.query_memory_mb} MiB) and was stopped\n",
            status=413,
            mimetype="text/plain",
        )
        response.headers["Cache-Control"] = "no-store"
        return response
