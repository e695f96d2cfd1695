"""Issue 20, finding 8: no response carries a URL built from the request's ``Host`` header.

Before, werkzeug's merge-slashes redirect (308) built an absolute ``Location`` from ``Host``:
``GET /assets//query.js`` with ``Host: evil.example`` answered
``Location: http://evil.example/assets/query.js`` (also ``/dumps//x``, ``/doc//id/armenia``).
"""

from __future__ import annotations

import http.client
from collections.abc import Iterator

import pytest
from live_server import SAMPLE, RunningServer, start_server, stop_server

EVIL = "evil.example"
PATHS = ["/assets//query.js", "/dumps//x", "/doc//id/armenia", "//sparql", "/id/%2F%2Fevil.example"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    running = start_server(tmp_path_factory.mktemp("host"), [SAMPLE])
    yield running
    stop_server(running)


@pytest.mark.parametrize("path", PATHS)
def test_no_redirect_names_the_host_header(server: RunningServer, path: str) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_host=True)
        conn.putheader("Host", EVIL)
        conn.endheaders()
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    location = response.getheader("Location") or ""
    assert EVIL not in location, (path, response.status, location)
    assert EVIL.encode() not in body or response.status == 404, (path, response.status)
    assert response.status < 500
