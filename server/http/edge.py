"""The edge: our own TCP layer in front of granian, so that a half-closing client is answered.

Why this exists (issue 20, finding 10; measured on loopback): a client that sends a whole
request and then shuts down its sending side (``shutdown(SHUT_WR)``, as ``nc -N`` and some
HTTP/1.0 clients do) got no answer at all - for ``/health``, a cached ``ASK`` and a POST
alike, and from a bare ASGI app under granian too. Granian 2.8 builds hyper's HTTP/1
connection without ``half_close(true)`` and has no option for it; hyper then treats the EOF
on a busy connection as an incomplete message and closes it (``mid_message_detect_eof``).

So each front accepts the public connections itself, on its own asyncio loop, and relays
them to granian on a private loopback port:

* the client's EOF is held back (that is what hyper cannot take) while answers keep coming:
  it is passed on to granian once nothing came back for ``grace_s`` after it, and the client
  is closed when granian closes its side. TCP cannot tell a half-close from a client that
  closed and left, so the grace bounds the work done for a gone client (granian then sees
  the EOF, the front the disconnect, and the executor is stopped, as before:
  ``tests/reliability/test_disconnect.py``), and a body cut short still gets its 400; an
  answer that starts within the grace reaches a half-closed client whole;
* granian sees the relay's address, so the relay tells the front who the client is: it adds
  one header line, ``x-seckg-edge: <secret> <relaying front's PID> <address> <port>``, after
  the first request line of each connection (no other parsing), and the front maps the
  relay's port to that for the connection's later requests (:meth:`Edge.client_of`). The
  secret is random per server, so a client cannot claim another address; the header never
  reaches the app;
* draining (a reload or a shutdown, :meth:`server.http.front.BufferingFront.drain`): a
  front stops accepting (the others take the queue) and every front answers the
  connections it relays with ``Connection: close``, so each ends after an answer, never
  between a request and its answer;
* both directions pause reading when the other side does not take data (asyncio's flow
  control), and the private sockets have small buffers, so a client that does not read still
  stalls granian's send and meets the front's send deadline.

Cost, measured on this machine (``bench/edge.py``, the same server through the edge and
through granian's private port, alternating; loaded by other sessions): 10-30 % fewer cached
``ASK`` answers per second at 8 clients (median of rounds 3,654 vs 4,074, 3,722 vs 5,102 and,
after the drain and replay, 2,640 vs 3,748), +0.05-0.1 ms median latency at one client. Paid
for every request, for a client that half-closes; a Python relay is what granian's options
leave (``bench/history/runs.md``).
"""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import os
import secrets
import socket
from dataclasses import dataclass, field
from typing import Any

HEADER = b"x-seckg-edge"
RELAY_BUFFER = 64 * 1024  # SO_SNDBUF/SO_RCVBUF of the private sockets (bounds what they hold)
REPLAY_MAX = 16 * 1024  # unanswered bytes kept to send again (a GET fits; see upstream_closed)


EDGE_KEY = "seckg.edge"  # scope key: the PID of the front whose edge relays the connection
DRAIN_SLOTS = 16


@dataclass
class Edge:
    """Where the fronts accept and where granian listens; shared by every front (forked)."""

    listener: socket.socket  # the public socket, bound by the master, inherited by fronts
    upstream_port: int  # granian's private port on 127.0.0.1
    grace_s: float = 1.0
    max_line: int = 1 << 20  # a first line longer than this is passed on untouched
    secret: bytes = field(default_factory=lambda: secrets.token_hex(16).encode())
    # relay port -> (client address, PID of the relaying front); per front process
    peers: dict[int, tuple[tuple[str, int], int]] = field(default_factory=dict)
    server: asyncio.AbstractServer | None = None
    open: int = 0  # client connections this process relays
    drained: bool = False  # this process began draining: it never accepts again

    def __post_init__(self) -> None:
        self.public = tuple(self.listener.getsockname()[:2])  # what clients connect to
        # PIDs of the fronts that are draining, in memory shared by every front (made here,
        # in the master, before granian forks them): a connection relayed by a draining
        # front is answered with "Connection: close" by whichever front serves it.
        self.draining = multiprocessing.RawArray(ctypes.c_long, DRAIN_SLOTS)

    async def start(self) -> None:
        """Accept the public connections on this process's loop (called at lifespan start)."""
        if self.drained:  # stopped while starting (server.serve._drain_on_stop): stay out
            return
        loop = asyncio.get_running_loop()
        self.server = await loop.create_server(
            lambda: _Downstream(self), sock=self.listener, backlog=2048
        )

    def stop_accepting(self) -> None:
        """Leave the public socket to the other fronts: connections not accepted yet wait in
        its queue (the master keeps it open), none is refused."""
        if self.server is not None:
            self.server.close()
            self.server = None

    def begin_draining(self) -> None:
        """Stop accepting and say so to every front (a slot of a front that is gone is reused)."""
        self.drained = True
        self.stop_accepting()
        me = os.getpid()
        for slot in range(DRAIN_SLOTS):
            pid = self.draining[slot]
            if pid == me:
                return
            if pid == 0 or not _alive(pid):
                self.draining[slot] = me
                return

    def is_draining(self, pid: int) -> bool:
        return pid in self.draining[:]

    def client_of(self, scope: dict[str, Any]) -> dict[str, Any]:
        """``scope`` as the client made it: its address and the public socket's (granian saw
        the relay's and its private port), without our header, with the relaying front's
        PID under :data:`EDGE_KEY`. A header that does not carry the secret is dropped."""
        headers = scope.get("headers", ())
        client = scope.get("client")
        found = None
        kept = []
        for name, value in headers:
            if name == HEADER:
                if found is None:
                    found = value
                continue
            kept.append((name, value))
        scope = {**scope, "headers": kept, "server": self.public}
        if client is None:
            return scope
        if found is not None:
            secret, _, rest = found.partition(b" ")
            if secrets.compare_digest(secret, self.secret):
                pid, host, port = (rest.decode("latin-1").split(" ") + ["", "", ""])[:3]
                peer = (host, int(port) if port.isdigit() else 0)
                self.peers[client[1]] = (peer, int(pid) if pid.isdigit() else 0)
        known = self.peers.get(client[1])
        if known is not None:
            scope["client"], scope[EDGE_KEY] = known
        return scope


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _whole_get(data: bytes) -> bool:
    """Whether ``data`` (a connection's unanswered bytes) starts with a GET or HEAD whose
    head is complete (empty lines before a request line are allowed by HTTP/1.1)."""
    request = data.lstrip(b"\r\n")
    return request.startswith((b"GET ", b"HEAD ")) and (
        b"\r\n\r\n" in request or b"\n\n" in request
    )


class _Downstream(asyncio.Protocol):
    """The client's connection."""

    def __init__(self, edge: Edge) -> None:
        self.edge = edge
        self.transport: asyncio.Transport | None = None
        self.upstream: _Upstream | None = None
        self.early = bytearray()  # what arrived before the upstream connection was made
        self.head = bytearray()  # the first request line, until it is complete
        self.first_line = True
        self.eof = False
        self.eof_passed = False
        self.closed = False
        self.timer: asyncio.TimerHandle | None = None
        # What was sent to granian since its last byte back, kept to send again on a new
        # connection if granian closes this one without answering (see upstream_closed).
        self.unanswered = bytearray()
        self.retries = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.edge.open += 1
        peer = transport.get_extra_info("peername") or ("", 0)
        self.tag = b"%s: %s %d %s %d\r\n" % (
            HEADER, self.edge.secret, os.getpid(), str(peer[0]).encode(), peer[1]
        )  # fmt: skip
        asyncio.ensure_future(self._connect())

    async def _connect(self, again: bytes = b"") -> None:
        loop = asyncio.get_running_loop()
        try:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, RELAY_BUFFER)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RELAY_BUFFER)
            sock.setblocking(False)
            await loop.sock_connect(sock, ("127.0.0.1", self.edge.upstream_port))
            _, upstream = await loop.create_connection(lambda: _Upstream(self), sock=sock)
        except OSError:
            self.close()
            return
        if self.closed:
            upstream.close()
            return
        self.upstream = upstream
        if again:
            self._forward(again)
        if self.early:
            early, self.early = bytes(self.early), bytearray()
            self._forward(early)
            if self.transport is not None:
                self.transport.resume_reading()
        if self.eof:
            self._arm()

    def data_received(self, data: bytes) -> None:
        if self.upstream is None:
            self.early += data
            if len(self.early) > self.edge.max_line and self.transport is not None:
                self.transport.pause_reading()  # until granian's side is there
            return
        self._forward(data)

    def _forward(self, data: bytes) -> None:
        """Pass ``data`` on, with our header after the connection's first request line."""
        assert self.upstream is not None
        if self.first_line:
            self.head += data
            start = len(self.head) - len(self.head.lstrip(b"\r\n"))  # empty lines first
            end = self.head.find(b"\n", start)
            if end < 0 and len(self.head) <= self.edge.max_line:
                return  # the request line is not complete yet
            raw = bytes(self.head)
            self.head = bytearray()
            self.first_line = False
            self._keep(raw)  # as the client sent it: a replay adds its own header line
            self.upstream.write(raw[: end + 1] + self.tag + raw[end + 1 :] if end >= 0 else raw)
            return
        self._keep(data)
        self.upstream.write(data)

    def _keep(self, data: bytes) -> None:
        if len(self.unanswered) <= REPLAY_MAX:
            self.unanswered += data

    def eof_received(self) -> bool:
        """The client will send no more: keep the connection open for the answers."""
        self.eof = True
        if self.upstream is not None:
            self._arm()
        return True

    def _arm(self) -> None:
        """Pass the client's EOF on once nothing came back for ``grace_s`` after it."""
        if self.timer is not None:
            self.timer.cancel()
        loop = asyncio.get_running_loop()
        self.timer = loop.call_later(self.edge.grace_s, self._pass_eof)

    def _pass_eof(self) -> None:
        """Granian then does what it did before the edge: an unfinished body is refused
        (400, nothing run), a query still running for a client that may be gone is stopped,
        an idle connection is closed - and then the client's side is closed too."""
        if self.upstream is not None and not self.closed:
            self.eof_passed = True
            self.upstream.write_eof()

    def answered(self, data: bytes) -> None:
        self.unanswered.clear()
        if self.transport is None or self.closed:
            return
        self.transport.write(data)
        if self.eof:
            self._arm()

    def pause_writing(self) -> None:  # the client does not read: stop reading granian
        if self.upstream is not None:
            self.upstream.pause()

    def resume_writing(self) -> None:
        if self.upstream is not None:
            self.upstream.resume()

    def upstream_closed(self, upstream: _Upstream) -> None:
        """Granian closed its side. Usually the client's side follows; but a stopping front
        closes the connections it accepted and has not read from yet (they reach it until
        it stops), and a client whose GET was not even read by it would lose it. So
        what was sent since granian's last byte back - nothing of it answered, so nothing
        of it run - is sent again on a new connection, if it is a GET or HEAD (never an
        update: whatever happened to it, it is not sent twice) whose head is complete, at
        most twice.

        Only a complete head: granian also closes a connection whose head did not end
        within ``--header-timeout``, and sending that unfinished head again gave it a new
        deadline, twice - an unfinished GET head was held three times the header timeout
        (measured: 6.0 s with ``--header-timeout 2``, a POST's 2.0 s; issue 20's slowloris
        regression, ``tests/reliability/test_silent_connections.py``). A client still
        writing its head when a front stops is closed as the header timeout would close it.
        """
        if upstream is not self.upstream or self.closed:
            return
        again = bytes(self.unanswered)
        if self.eof_passed or self.retries >= 2 or len(again) > REPLAY_MAX or not _whole_get(again):
            self.close()
            return
        self.retries += 1
        self.upstream = None
        self.unanswered = bytearray()
        self.first_line, self.head = True, bytearray()  # the new connection gets our header
        asyncio.ensure_future(self._connect(again))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.edge.open -= 1
        if self.timer is not None:
            self.timer.cancel()
        if self.upstream is not None:
            self.upstream.close()

    def close(self) -> None:
        self.closed = True
        if self.timer is not None:
            self.timer.cancel()
        if self.transport is not None:
            self.transport.close()  # after what is buffered is written
        if self.upstream is not None:
            self.upstream.close()


class _Upstream(asyncio.Protocol):
    """The relay's connection to granian for one client connection."""

    def __init__(self, downstream: _Downstream) -> None:
        self.downstream = downstream
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def write(self, data: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(data)

    def write_eof(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write_eof()

    def data_received(self, data: bytes) -> None:
        self.downstream.answered(data)

    def eof_received(self) -> bool:
        self.downstream.upstream_closed(self)  # granian is done with this connection
        return False

    def pause_writing(self) -> None:  # granian does not read (a body it refused): wait
        if self.downstream.transport is not None:
            self.downstream.transport.pause_reading()

    def resume_writing(self) -> None:
        if self.downstream.transport is not None and not self.downstream.closed:
            self.downstream.transport.resume_reading()

    def pause(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.pause_reading()

    def resume(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.resume_reading()

    def connection_lost(self, exc: Exception | None) -> None:
        self.downstream.upstream_closed(self)

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()
