"""A loopback TCP listener that counts every connection made to it: the SSRF canary.

It counts at the TCP level (``accept``), not HTTP requests, so "zero" really means no
connection was opened, whatever protocol a fetcher would have spoken. Anyone who does connect
gets a minimal valid HTTP answer, so a fetcher never hangs the test.
"""

from __future__ import annotations

import socket
import threading
import time

ANSWER = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/ld+json\r\nContent-Length: 2\r\n"
    b"Connection: close\r\n\r\n{}"
)


class Canary:
    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.2)
        self.port: int = self._sock.getsockname()[1]
        self.connections = 0
        self._lock = threading.Lock()
        self._running = True
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self) -> None:
        while self._running:
            try:
                conn, _ = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            with self._lock:
                self.connections += 1
            try:
                conn.settimeout(1.0)
                conn.recv(65536)
                conn.sendall(ANSWER)
            except OSError:
                pass
            finally:
                conn.close()

    def count_after(self, settle: float = 0.1) -> int:
        """Connections so far, after a moment for the accept thread (a fetch made while
        serving a request has connected before the response arrives)."""
        time.sleep(settle)
        with self._lock:
            return self.connections

    def close(self) -> None:
        self._running = False
        self._thread.join(timeout=2)
        self._sock.close()
