"""What every response carries, and what file-serving routes never serve.

Escaping of literals in the HTML pages is ``tests/server/test_linked_data.py::
test_literals_are_escaped``; XML results ``test_hostile_files.py::
test_xml_markup_in_data_is_escaped_in_xml_results``.
"""

from __future__ import annotations

import pytest
import requests
from leaks import leaked
from live_server import RunningServer

ROUTES = [
    "/sparql?query=ASK%20%7B%7D",
    "/sparql?query=SELECT",  # 400
    "/sparql",  # service description
    "/health",
    "/",
    "/articles",
    "/doc/id/armenia",
    "/doc/id/armenia.ttl",
    "/id/armenia",  # 303
    "/doc/id/%3Cscript%3Ealert(1)%3C/script%3E",  # 404 echoing the path
    "/nothing",  # 404
    "/dumps/",
    "/dumps/void.ttl",
    "/assets/style.css",
]


@pytest.mark.parametrize("path", ROUTES)
def test_every_response_forbids_content_sniffing(built_site: RunningServer, path: str) -> None:
    """Error bodies echo request text as text/plain; ``nosniff`` stops a browser from
    rendering such a body as HTML."""
    response = requests.get(built_site.base + path, allow_redirects=False, timeout=10)
    assert response.status_code < 500
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert not leaked(response)


def test_a_reflected_path_is_never_html_unescaped(built_site: RunningServer) -> None:
    for accept in ("text/html", "text/turtle"):
        response = requests.get(
            built_site.base + "/doc/id/%3Cscript%3Ealert(1)%3C/script%3E",
            headers={"Accept": accept},
            timeout=10,
        )
        assert response.status_code == 404
        if response.headers["Content-Type"].startswith("text/html"):
            assert b"<script>alert(1)" not in response.content
        else:
            assert response.headers["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize(
    "path",
    [
        "/dumps/../../../../etc/passwd",
        "/dumps/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/dumps/%2e%2e/%2e%2e/etc/passwd",
        "/dumps/..\\..\\etc\\passwd",
        "/dumps//etc/passwd",
        "/dumps/%00void.ttl",
        "/assets/../../../../etc/passwd",
        "/assets/..%2F..%2F..%2Fetc%2Fpasswd",
        "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/assets/../routes.py",
        "/assets/..%2Froutes.py",
        "/doc/../../etc/passwd",
    ],
)
def test_file_routes_serve_nothing_outside_their_directory(
    built_site: RunningServer, path: str
) -> None:
    response = requests.get(built_site.base + path, allow_redirects=False, timeout=10)
    assert response.status_code in (301, 308, 400, 404), response.status_code
    assert b"root:x:0:0" not in response.content
    assert b"def blueprint" not in response.content
    assert not leaked(response)
