"""The buffering front: whole requests in, whole responses out, no thread held by a slow client.

Why this exists (measured on this machine, loopback, see ``bench/RESULTS.md``): gunicorn's sync
workers read headers and bodies on the worker itself, so 4 slowloris sockets left 0/20 cheap
queries answered; granian's WSGI mode reads the body from the blocking thread too (8 slow
POST bodies pinned its 4 threads: 1/20 answered) and hands the app a *truncated* body when a
client half-closes before ``Content-Length`` (41 of 81 bytes arrived: the app saw 41 and
answered 200). Granian's ASGI mode, by contrast, receives bodies on its Rust/asyncio side.
This adapter therefore runs under granian's ASGI interface and:

1. receives the whole body asynchronously, with a deadline for the body and a minimum data
   rate, refusing a declared or streamed (chunked) body larger than the limit with 413
   *before* reading on, and a body shorter than its ``Content-Length`` with 400; a request
   with neither ``Content-Length`` nor ``Transfer-Encoding`` has no body (HTTP framing), so
   nothing is awaited for it (each ``receive`` is a hand-off from granian's Rust thread:
   skipping it took the seed CQ mix from 20.7-21.3 to 18.1-18.2 ms per sequential round and
   from ~2,350 to 2,620-2,660 req/s at c=8);
2. only then runs the Flask (WSGI) app on a thread of a bounded pool, with the body in
   memory; the app's response is collected whole on that thread;
3. writes the response from the event loop, so a client that never reads holds a socket and
   a buffer, never a thread.

Headers are read by granian itself (``--http1-header-read-timeout``), also off any thread.
Nothing here parses HTTP; granian does. It is a WSGI-over-ASGI bridge like ``a2wsgi``, but
buffering both ways (``a2wsgi`` streams the body into the WSGI thread, which is the defect).
"""

from __future__ import annotations

import asyncio
import io
import logging
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_to_bytes

from .edge import EDGE_KEY, Edge
from .environ import CLIENT_GONE_KEY, ROWS_KEY
from .lean import LeanCache, log_hit

log = logging.getLogger("server")

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


MAX_TARGET_BYTES = 8190  # request line: long queries belong in a POST body
MAX_HEADER_BYTES = 8190  # one header line
MAX_HEADERS = 100


@dataclass(frozen=True)
class FrontLimits:
    """How long and how much the front waits for and accepts from one client."""

    max_body_bytes: int
    body_timeout_s: float = 30.0  # the whole body must arrive within this time ...
    min_body_rate: float = 1024.0  # ... and, past the first second, at this many bytes/s
    threads: int = 32
    send_timeout_s: float = 10.0  # each SEND_PIECE of an answer must be taken within this
    client_answer_bytes: int = 64 * 1024 * 1024  # unwritten answer bytes held per address


# An answer is handed to granian in pieces this large. With pipeline_flush off (server.serve),
# granian's send waits once ~3 MB are queued for a connection that does not read (measured
# with 64 KiB pieces and a client with a 4 KiB receive buffer: pieces 40-60 waited until the
# client left; with pipeline_flush on, all 800 were queued at once), so what granian holds
# per connection is bounded, and the piece size sets the minimum rate with send_timeout_s.
SEND_PIECE = 64 * 1024


def _plain(status: int, message: str) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    body = (message.rstrip("\n") + "\n").encode()
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        (b"x-content-type-options", b"nosniff"),
        (b"connection", b"close"),
    ]
    return status, headers, body


class BodyRefused(Exception):
    """The body cannot be accepted; carries the response to send instead."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.response = _plain(status, message)


def check_head(scope: Scope) -> None:
    """414 for a request target, 431 for a header line or a header count beyond the limits.

    Granian's parser allows up to ~400 KiB of head; these are the limits we document (and
    the ones gunicorn enforced before), checked before anything else is done.
    """
    target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") + 1
    if target > MAX_TARGET_BYTES:
        raise BodyRefused(
            414, f"the request target is longer than {MAX_TARGET_BYTES} bytes; use POST"
        )
    headers = scope.get("headers", ())
    if len(headers) > MAX_HEADERS:
        raise BodyRefused(431, f"more than {MAX_HEADERS} request headers")
    for name, value in headers:
        if len(name) + len(value) + 2 > MAX_HEADER_BYTES:
            raise BodyRefused(431, f"a request header line is longer than {MAX_HEADER_BYTES} bytes")


def body_framing(scope: Scope) -> tuple[bool, int | None]:
    """Whether the request has a body, and its ``Content-Length`` as an int (one pass over
    the headers). A request with neither ``Content-Length`` nor ``Transfer-Encoding`` has
    none (HTTP/1.1 framing); 400 if ``Content-Length`` is not a single decimal number."""
    values: list[bytes] = []
    streamed = False
    for key, value in scope.get("headers", ()):
        name = key.lower()
        if name == b"content-length":
            values.append(value)
        elif name == b"transfer-encoding":
            streamed = True
    if not values:
        return streamed, None
    text = b",".join(values).decode("latin-1").strip()
    if not text.isdigit():
        raise BodyRefused(400, "Content-Length must be one non-negative decimal number")
    return True, int(text)


DRAIN_MAX_BYTES = 16 * 1_048_576
DRAIN_LEAST_S = 1.0  # a stopping front answers with "Connection: close" at least this long


async def read_body(receive: Receive, declared: int | None, limits: FrontLimits) -> bytes:
    """The whole request body, or :class:`BodyRefused` (nothing is run then).

    A body over the limit is still read and discarded, up to ``DRAIN_MAX_BYTES`` and within
    the body deadline, before the 413 is sent: closing a connection with unread data makes
    the kernel reset it, and a client still sending would lose the answer (measured: a
    10 MB chunked body then saw a reset instead of the 413).
    """
    too_large = declared is not None and declared > limits.max_body_bytes
    if too_large and declared is not None and declared > DRAIN_MAX_BYTES:
        raise _too_large(limits)
    buffer = bytearray()
    size = 0
    started = time.monotonic()
    while True:
        elapsed = time.monotonic() - started
        # Time left: the overall body deadline, and the minimum rate past the first seconds.
        allowed = min(limits.body_timeout_s, 2.0 + size / limits.min_body_rate)
        remaining = allowed - elapsed
        if remaining <= 0:
            raise BodyRefused(408, "the request body arrived too slowly")
        try:
            message = await asyncio.wait_for(receive(), remaining)
        except TimeoutError:
            raise BodyRefused(408, "the request body arrived too slowly") from None
        except Exception:  # granian raises when the body ends before Content-Length
            raise BodyRefused(
                400, "the request body ended before its Content-Length; nothing was run"
            ) from None
        if message["type"] == "http.disconnect":
            # The body ended early (a half-close before Content-Length, or a dropped
            # connection). Nothing runs; a client that still listens is told why.
            raise BodyRefused(
                400, "the request body ended before its Content-Length; nothing was run"
            )
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limits.max_body_bytes:
            too_large = True
            buffer.clear()
        if not too_large:
            buffer += chunk
        if too_large and size > DRAIN_MAX_BYTES:
            raise _too_large(limits)
        if not message.get("more_body", False):
            break
    if too_large:
        raise _too_large(limits)
    if declared is not None and size != declared:
        raise BodyRefused(
            400,
            f"the request body has {size} bytes but Content-Length says {declared}; "
            "nothing was run",
        )
    return bytes(buffer)


def _too_large(limits: FrontLimits) -> BodyRefused:
    return BodyRefused(
        413, f"the request body is larger than the limit of {limits.max_body_bytes} bytes"
    )


def wsgi_environ(scope: Scope, body: bytes) -> dict[str, Any]:
    """The PEP 3333 environ for an ASGI HTTP scope whose body is already in memory."""
    raw_path = scope.get("raw_path")
    path = unquote_to_bytes(raw_path.split(b"?", 1)[0]) if raw_path else scope["path"].encode()
    server = scope.get("server") or ("127.0.0.1", 80)
    client = scope.get("client") or ("", 0)
    environ: dict[str, Any] = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": "",
        "PATH_INFO": path.decode("latin-1"),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1]),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "REMOTE_ADDR": str(client[0]),
        "REMOTE_PORT": str(client[1]),
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": io.BytesIO(body),
        "wsgi.input_terminated": True,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for name, value in scope.get("headers", ()):
        key = name.decode("latin-1").upper().replace("-", "_")
        text = value.decode("latin-1")
        if key == "CONTENT_TYPE":
            environ["CONTENT_TYPE"] = text
            continue
        if key in ("CONTENT_LENGTH", "TRANSFER_ENCODING"):
            continue  # the body is complete and its length is the real one
        key = "HTTP_" + key
        environ[key] = f"{environ[key]},{text}" if key in environ else text
    return environ


def run_wsgi(app: WSGIApp, environ: dict[str, Any]) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """Call the WSGI app and collect its whole response (status, headers, body)."""
    started: list[Any] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        started[:] = [status, headers]
        return lambda data: None  # the legacy write() callable; Flask never uses it

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
    status, headers = started
    encoded = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    return int(status.split(" ", 1)[0]), encoded, body


class BufferingFront:
    """ASGI application that buffers requests and responses around a WSGI app."""

    def __init__(
        self,
        app: WSGIApp,
        limits: FrontLimits,
        lean: LeanCache | None = None,
        edge: Edge | None = None,
    ) -> None:
        self.app = app
        self.edge = edge  # the public side, relayed to granian (server.http.edge)
        self.limits = limits
        self.lean = lean  # repeated cacheable GETs answered without the app (server.http.lean)
        self.pool = ThreadPoolExecutor(limits.threads, thread_name_prefix="wsgi")
        self.held: dict[str, int] = {}  # address -> answer bytes not yet written (loop only)
        self.active = 0  # requests being handled (loop only)
        self.draining = False

    async def drain(self, then: Callable[[], None], limit_s: float) -> None:
        """Stop this front without dropping a request, then call ``then`` (granian's own
        shutdown). Why: granian's shutdown closes idle keep-alive connections at once, and a
        client that sent its next request just then lost it (issue 20, finding 9: 14
        RemoteDisconnected in 86,770 requests over 3 reloads). So first: stop accepting
        (the other fronts take new connections), answer every request with ``Connection:
        close`` - the connections this front relays, wherever they are served, and those
        it serves - and wait until no request runs here and no connection is relayed from
        here, at most ``limit_s``, at least ``DRAIN_LEAST_S``: granian's connections from
        the other fronts' relays are not counted here, and in that time each one in use has
        had its last answer. A connection still idle then is closed as the idle timeout
        would close it. A second signal ends the wait."""
        if self.draining:
            then()
            return
        self.draining = True
        if self.edge is not None:
            self.edge.begin_draining()
        started = time.monotonic()
        least = min(DRAIN_LEAST_S, limit_s)
        while time.monotonic() < started + limit_s and (
            time.monotonic() < started + least
            or self.active
            or (self.edge is not None and self.edge.open)
        ):
            await asyncio.sleep(0.05)
        log.info(
            "front drained in %.2f s (%d request(s) running, %d connection(s) relayed)",
            time.monotonic() - started,
            self.active,
            self.edge.open if self.edge is not None else 0,
        )
        then()

    def _closing(self, scope: Scope) -> bool:
        """Whether this answer is the connection's last (its front or its relay drains)."""
        if self.draining:
            return True
        pid = scope.get(EDGE_KEY)
        return pid is not None and self.edge is not None and self.edge.is_draining(pid)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send, self.edge)
            return
        if scope["type"] != "http":
            return
        if self.edge is not None:
            scope = self.edge.client_of(scope)
        self.active += 1
        try:
            await self._handle(scope, receive, send)
        finally:
            self.active -= 1

    async def _handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            check_head(scope)
            has_body, declared = body_framing(scope)
            body = await read_body(receive, declared, self.limits) if has_body else b""
        except BodyRefused as refused:
            await self._deliver(send, scope, *refused.response)
            return
        address = _address(scope)
        if self.held.get(address, 0) >= self.limits.client_answer_bytes:
            # Answers already made for this address are not read yet: make no more.
            mib = self.limits.client_answer_bytes // (1024 * 1024)
            status, headers, payload = _plain(
                429, f"this address has {mib} MiB of answers it has not read yet; retry later"
            )
            headers.append((b"retry-after", b"1"))
            await self._deliver(send, scope, status, headers, payload)
            return
        lean_key = self.lean.key(scope) if self.lean is not None and not body else None
        if lean_key is not None:
            assert self.lean is not None
            started = time.perf_counter()
            entry, version = self.lean.get(lean_key)
            if entry is not None:
                payload = b"" if scope["method"] == "HEAD" else entry.body
                await self._deliver(send, scope, entry.status, entry.headers, payload)
                log_hit(scope, entry, started)
                return
        environ = wsgi_environ(scope, body)
        loop = asyncio.get_running_loop()
        # Set when the client disconnects while its request runs: the endpoint then stops
        # the executor working for nobody (server.execution.executors.ExecutorClient.run).
        gone = threading.Event()
        environ[CLIENT_GONE_KEY] = gone
        watcher = asyncio.ensure_future(_watch_disconnect(receive, gone))
        try:
            status, headers, payload = await loop.run_in_executor(
                self.pool, run_wsgi, self.app, environ
            )
        except Exception:  # the app renders its own errors; this is a bug in the bridge
            log.exception("front: the application failed")
            status, headers, payload = _plain(500, "500 Internal Server Error")
        finally:
            watcher.cancel()
        if lean_key is not None:
            assert self.lean is not None
            self.lean.put(lean_key, version, status, headers, payload, environ.get(ROWS_KEY))
        if gone.is_set():
            return
        if scope["method"] == "HEAD":
            payload = b""
        await self._deliver(send, scope, status, headers, payload)

    async def _deliver(
        self, send: Send, scope: Scope, status: int, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> None:
        """Write an answer in pieces, each within ``send_timeout_s`` (else the connection is
        dropped), counting its bytes against its address until it is written.

        Why: granian's ``send`` waits while the client does not read (see SEND_PIECE), so a
        per-piece deadline is a write deadline with a minimum rate, and the count bounds
        what one address can pin."""
        address = _address(scope)
        size = len(body)
        self.held[address] = self.held.get(address, 0) + size
        if self._closing(scope) and (b"connection", b"close") not in headers:
            headers = [*headers, (b"connection", b"close")]
        try:
            await send({"type": "http.response.start", "status": status, "headers": headers})
            view = memoryview(body)
            for start in range(0, max(size, 1), SEND_PIECE):
                piece = bytes(view[start : start + SEND_PIECE])
                last = start + SEND_PIECE >= size
                message = {"type": "http.response.body", "body": piece, "more_body": not last}
                try:
                    await asyncio.wait_for(send(message), self.limits.send_timeout_s)
                except TimeoutError:
                    log.warning(
                        "front: dropped an answer of %d bytes to %s: not read for %g s",
                        size,
                        address,
                        self.limits.send_timeout_s,
                    )
                    return
        except OSError:
            return  # the client went away
        finally:
            left = self.held.get(address, 0) - size
            if left > 0:
                self.held[address] = left
            else:
                self.held.pop(address, None)


def _address(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else ""


async def _watch_disconnect(receive: Receive, gone: threading.Event) -> None:
    """After the body, the next ASGI message is the disconnect (if the client leaves)."""
    try:
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                gone.set()
                return
    except asyncio.CancelledError:
        raise
    except Exception:
        gone.set()  # the connection broke


async def _lifespan(receive: Receive, send: Send, edge: Edge | None) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            if edge is not None:
                await edge.start()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            if edge is not None:
                edge.stop_accepting()
            await send({"type": "lifespan.shutdown.complete"})
            return
