"""Which front holds up against partial, slow and non-reading clients? (the choice in
``server/http/front.py``)

Runs one small Flask app (echoes the body length; ``/big`` returns 6 MB) under granian's
WSGI interface (4 blocking threads) and under granian's ASGI interface with our buffering
adapter (4 threads), one after the other on 127.0.0.1, and probes each the same way:

* a POST declaring ``Content-Length: 81`` that sends 41 bytes and half-closes: what does the
  app see?
* a 10 MB chunked body (limit 1 MiB): what status?
* three pipelined GETs (the last with ``Connection: close``): how many answers?
* 8 slowloris sockets, 8 clients not reading ``/big`` and 8 slow POST bodies, then 20
  sequential cheap GETs with a 2 s timeout: how many answered?

Bounded (a few seconds per front), loopback only.

    python bench/front_probe.py       # prints a Markdown table; add it to bench/history/runs.md
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
APP = """
import sys
sys.path.insert(0, {root!r})
from flask import Flask, request
app = Flask("probe")
app.config["MAX_CONTENT_LENGTH"] = 1_048_576

@app.route("/", methods=["GET", "POST"])
def root():
    return f"len={{len(request.get_data())}}\\n"

@app.route("/big")
def big():
    return "x" * 6_000_000

from server.http.front import BufferingFront, FrontLimits
asgi = BufferingFront(app, FrontLimits(max_body_bytes=1_048_576, threads=4))
"""


def exchange(port: int, data: bytes, half_close: bool = True, wait: float = 3) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:

        def send() -> None:
            try:
                sock.sendall(data)
                if half_close:
                    sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass

        sender = threading.Thread(target=send)
        sender.start()
        out = b""
        try:
            while chunk := sock.recv(65536):
                out += chunk
        except (TimeoutError, ConnectionResetError):
            pass
        sender.join(timeout=wait)
    return out


def probe(port: int) -> dict[str, str]:
    short = exchange(port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                     b"Content-Length: 81\r\n\r\n" + b"a" * 41)  # fmt: skip
    chunk = b"%x\r\n%s\r\n" % (65536, b"a" * 65536)
    chunked = exchange(port, b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                       + chunk * 160 + b"0\r\n\r\n", half_close=False)  # fmt: skip
    pipelined = exchange(port, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" * 2
                         + b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                         half_close=False)  # fmt: skip
    held = []
    for _ in range(8):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET / HTTP/1.1\r\n")
        held.append(s)
        s = socket.create_connection(("127.0.0.1", port))
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.sendall(b"GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
        held.append(s)
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                  b"Content-Length: 1000\r\n\r\na")  # fmt: skip
        held.append(s)
    answered, worst = 0, 0.0
    for _ in range(20):
        started = time.perf_counter()
        try:
            answered += requests.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200
        except requests.RequestException:
            pass
        worst = max(worst, time.perf_counter() - started)
    for s in held:
        s.close()
    status = short.split(b"\r\n", 1)[0].decode(errors="replace")
    seen = short.rsplit(b"\r\n\r\n", 1)[-1].strip().decode(errors="replace")
    return {
        "truncated body (41 of 81 bytes)": f"{status}, app saw `{seen or '-'}`",
        "10 MB chunked": chunked.split(b"\r\n", 1)[0].decode(errors="replace") or "no answer",
        "3 pipelined": f"{pipelined.count(b'HTTP/1.1 200')}/3 answered",
        "cheap GETs during 8+8+8 slow clients": f"{answered}/20 (worst {worst:.2f} s)",
    }


def run(interface: str, target: str, port: int, workdir: Path) -> dict[str, str]:
    argv = [sys.executable, "-m", "granian", "--interface", interface, "--host", "127.0.0.1",
            "--port", str(port), "--workers", "1",
            "--http1-header-read-timeout", "5000"]  # fmt: skip
    if interface == "wsgi":
        argv += ["--blocking-threads", "4"]
    server = subprocess.Popen([*argv, target], cwd=workdir, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                requests.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.1)
        return probe(port)
    finally:
        os.killpg(server.pid, 9)
        server.wait(timeout=10)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="seckg-front-") as tmp:
        Path(tmp, "probeapp.py").write_text(APP.format(root=str(ROOT)))
        results = {
            "granian WSGI (4 threads)": run("wsgi", "probeapp:app", 18120, Path(tmp)),
            "granian ASGI + server/http/front.py": run("asgi", "probeapp:asgi", 18121, Path(tmp)),
        }
    rows = list(next(iter(results.values())))
    print("| probe | " + " | ".join(results) + " |")
    print("|---|" + "---|" * len(results))
    for row in rows:
        print(f"| {row} | " + " | ".join(r[row] for r in results.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
