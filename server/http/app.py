"""The Flask application: routes, cross-cutting headers, error pages and the access log.

Every response leaves through :func:`_finish`, which adds ``Vary: Accept``, CORS headers for
query traffic (never for updates) and writes one access-log line. Every error, including
unexpected ones, is rendered as a short plain-text message: no HTML error pages, no
tracebacks, no file paths.
"""

from __future__ import annotations

import hashlib
import logging
import time

from flask import Flask, Response, g, redirect, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse

from ..config import ServerConfig
from ..data.dataset import Dataset
from ..data.journal import Journal
from ..data.loader import LoadedData, load_files
from ..data.remote import RemoteError, RemoteStore
from ..errors import ProtocolError
from ..execution.admission import Admission, AdmissionSettings
from ..execution.executors import ExecutorClient
from ..lod.routes import LinkedDataConfig, blueprint
from .cache import ResponseCache
from .endpoint import CORS_EXPOSED, Endpoint
from .environ import CLIENT_GONE_KEY, ROWS_KEY
from .lean import LeanCache
from .logline import loggable
from .protocol import has_param
from .ratelimit import RateLimiter, default_burst, retry_after

access_log = logging.getLogger("server.access")
log = logging.getLogger("server")

SPARQL_PATH = "/sparql"
HEALTH_PATH = "/health"
ASSETS_PREFIX = "/assets/"  # server.lod's static files (static_url_path)
LEAN_EXTENSION = "seckg_lean"
CORS_METHODS = "GET, POST, OPTIONS"
CORS_HEADERS = "Accept, Content-Type, If-None-Match"


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    response = Response(message.rstrip("\n") + "\n", status=status, mimetype="text/plain")
    response.headers["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _load(config: ServerConfig) -> LoadedData:
    """The embedded store with the files loaded, or a remote store when one is configured."""
    if config.store_url:
        store = RemoteStore(
            config.store_url,
            config.store_update_url,
            config.timeout,
            graph_namespace=config.public_base + "graph/",
            row_limit=config.row_limit,
        )
        version = hashlib.sha256(store.describe().encode()).hexdigest()[:32]
        return LoadedData(store=store, version=f"remote-{version}")  # type: ignore[arg-type]
    return load_files(config.files)


def create_app(
    config: ServerConfig,
    data: LoadedData | None = None,
    *,
    dataset: Dataset | None = None,
    executors: ExecutorClient | None = None,
) -> Flask:
    """Build the WSGI app; ``data`` or ``dataset`` lets a caller reuse a loaded store.

    With ``executors`` (:func:`server.serve`), queries and updates run in executor processes
    behind fair admission; without, on a thread of this process.
    """
    if dataset is None:
        loaded = data if data is not None else _load(config)
        journal = Journal(config.journal_path) if config.journal_path else None
        dataset = Dataset(loaded.store, loaded.version, journal)
    cache = (
        ResponseCache(config.cache_max_entries, config.cache_max_bytes)
        if config.response_cache
        else None
    )
    admission = (
        Admission(
            AdmissionSettings(
                heavy=config.heavy_executors,
                cheap=config.cheap_executors,
                queue=config.queue,
                queue_wait_s=config.queue_wait_s,
                client_concurrent=config.client_concurrent,
                client_seconds=config.client_seconds,
                cheap_s=config.cheap_ms / 1000.0,
            ),
            executors.settings.socket_dir / "admission.lock",
        )
        if executors is not None
        else None
    )
    endpoint = Endpoint(config, dataset, cache, executors, admission)

    limiter = (
        RateLimiter(config.rate_limit, config.rate_burst or default_burst(config.rate_limit))
        if config.rate_limit
        else None
    )

    app = Flask("server")
    # werkzeug answers a path with '//' by a 308 whose Location is absolute and built from
    # the request's Host header (issue 20, finding 8: Host: evil.example -> Location:
    # http://evil.example/...). No URL is ever built from Host: such paths are a plain 404.
    app.url_map.merge_slashes = False
    app.config.update(MAX_CONTENT_LENGTH=config.max_body_bytes, PROPAGATE_EXCEPTIONS=False)
    app.extensions["sparql_endpoint"] = endpoint
    if config.response_cache and limiter is None:
        # Read by server.serve: the front answers repeated cacheable GETs itself.
        endpoint.lean = LeanCache(dataset, config.cache_max_entries, config.cache_max_bytes)
        app.extensions[LEAN_EXTENSION] = endpoint.lean

    @app.before_request
    def _start() -> Response | None:
        g.started = time.perf_counter()
        g.rows = None
        g.cors = request.method in ("GET", "HEAD", "OPTIONS") and not has_param(
            request.query_string, "update"
        )
        if limiter is not None and request.path != HEALTH_PATH:
            wait = limiter.check(request.remote_addr or "")
            if wait is not None:
                return _text(
                    429,
                    "too many requests from this address; retry later",
                    {"Retry-After": retry_after(wait)},
                )
        endpoint.dataset.sync()
        # Linked Data pages and dumps; not the static assets a page loads in parallel (a
        # browser opens up to 6 connections: they would meet --client-concurrent).
        if request.path not in (SPARQL_PATH, HEALTH_PATH) and not request.path.startswith(
            ASSETS_PREFIX
        ):
            gone = request.environ.get(CLIENT_GONE_KEY)
            if gone is not None and gone.is_set():
                # Queued behind other work and its client already left: render nothing
                # (issue 20, finding 11: 400 fire-and-forget requests rendered 141 pages).
                return _text(499, "the client closed the connection")
            if endpoint.admission is not None:
                endpoint.admission.begin_page(request.remote_addr or "")  # 429 if over
                g.page_cpu = time.thread_time()
        return None

    @app.teardown_request
    def _end_page(exc: BaseException | None) -> None:
        started = g.pop("page_cpu", None)
        if started is not None and endpoint.admission is not None:
            endpoint.admission.end_page(request.remote_addr or "", time.thread_time() - started)

    @app.route(SPARQL_PATH, methods=["GET", "POST", "OPTIONS"])
    def sparql() -> BaseResponse:
        if request.method == "OPTIONS":
            return _preflight()
        if _browser_without_operation():
            return redirect("/", code=303)  # the query page; clients get the description
        return endpoint.handle(request)

    app.register_blueprint(
        blueprint(
            lambda: endpoint.dataset.store,
            LinkedDataConfig(config.public_base, config.dist_dir, list(config.examples)),
            version=(lambda: endpoint.dataset.version) if config.response_cache else None,
        )
    )

    @app.route(HEALTH_PATH, methods=["GET"])
    def health() -> Response:
        return endpoint.health()

    @app.errorhandler(ProtocolError)
    def _protocol_error(exc: ProtocolError) -> Response:
        return _text(exc.status, exc.message, exc.headers)

    @app.errorhandler(RemoteError)
    def _remote_error(exc: RemoteError) -> Response:
        log.warning("remote store: %s", exc)
        return _text(502, f"502 Bad Gateway: {exc}")

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Response:
        headers = {k: v for k, v in exc.get_headers() if k.lower() == "allow"}
        if exc.code == 404 and request.path != SPARQL_PATH and _wants_html():
            body = render_template("notfound.html", iri=None, path=request.path)
            return Response(body, status=404, mimetype="text/html")
        return _text(exc.code or 500, f"{exc.code} {exc.name}", headers)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return _text(500, "500 Internal Server Error")

    @app.after_request
    def _finish(response: Response) -> Response:
        response.vary.add("Accept")
        # Error bodies echo request text (a path, a query's syntax error) as text/plain;
        # forbid browsers to sniff them into HTML.
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if g.get("cors", False):
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Expose-Headers"] = CORS_EXPOSED
        started = g.get("started")
        elapsed_ms = (time.perf_counter() - started) * 1000 if started else 0.0
        rows = g.get("rows")
        request.environ[ROWS_KEY] = rows  # for the front's lean path (server.http.lean)
        access_log.info(
            "%s %s %d %.1fms rows=%s",
            loggable(request.method),
            loggable(request.path),
            response.status_code,
            elapsed_ms,
            "-" if rows is None else rows,
        )
        return response

    return app


def _wants_html() -> bool:
    """True when the client names text/html itself (a browser), not via a wildcard."""
    return any(value == "text/html" and q > 0 for value, q in request.accept_mimetypes)


def _browser_without_operation() -> bool:
    """A browser opening /sparql with no query or update: it wants the query page, not the
    RDF service description (which SPARQL clients still get, by Accept)."""
    return (
        request.method == "GET"
        and _wants_html()  # first: SPARQL clients rarely name text/html, so this is the cheap no
        and not any(has_param(request.query_string, name) for name in ("query", "update"))
    )


def _preflight() -> Response:
    response = Response(status=204)
    response.headers["Access-Control-Allow-Methods"] = CORS_METHODS
    response.headers["Access-Control-Allow-Headers"] = CORS_HEADERS
    response.headers["Access-Control-Max-Age"] = "86400"
    response.headers["Allow"] = CORS_METHODS
    return response
