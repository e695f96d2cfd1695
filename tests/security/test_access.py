"""Access control for updates: the token check, its constant-time comparison, and why
another origin cannot drive an update from a browser.

Already covered in ``tests/server/test_safety.py``: no token → 401 with ``WWW-Authenticate``,
wrong token or scheme → 403, nothing changed and no CORS header in either case
(``test_update_needs_the_token``); updates off without a token
(``test_updates_are_disabled_without_a_token``); the right token applies the update, which
every worker sees (``test_update_is_seen_by_every_worker_and_changes_etags``). And in
``tests/server/test_http.py::test_cors_preflight_and_simple_requests``: the preflight of a
query does not list ``Authorization``.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

import pytest
import requests
from live_server import SAMPLE, TOKEN, RunningServer

import server.http.endpoint
from server import ServerConfig, create_app

INSERT = "INSERT DATA { GRAPH <urn:access> { <urn:s> <urn:p> <urn:o> } }"
ASK = "ASK { GRAPH <urn:access> { <urn:s> <urn:p> <urn:o> } }"
ORIGIN = {"Origin": "https://attacker.example"}
CORS_HEADERS = (
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Credentials",
    "Access-Control-Expose-Headers",
)


def _version(srv: RunningServer) -> str:
    return str(requests.get(srv.base + "/health", timeout=10).json()["version"])


# ------------------------------------------------------------ constant-time comparison
@pytest.fixture(scope="module")
def app_client():  # type: ignore[no-untyped-def]
    app = create_app(ServerConfig(files=(SAMPLE,), update_token=TOKEN))
    return app.test_client()


@pytest.mark.parametrize(
    ("supplied", "status"),
    [
        (TOKEN, 200),
        ("wrong", 403),  # a different length goes through the same comparison
        (TOKEN[:-1] + "X", 403),
        (TOKEN + "X", 403),
        ("", 403),
    ],
)
def test_token_is_compared_with_hmac_compare_digest(
    app_client, monkeypatch: pytest.MonkeyPatch, supplied: str, status: int
) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[bytes, bytes]] = []
    real: Callable[[bytes, bytes], bool] = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(server.http.endpoint.hmac, "compare_digest", spy)
    response = app_client.post(
        "/sparql",
        data={"update": INSERT},
        headers={"Authorization": f"Bearer {supplied}"},
    )
    assert response.status_code == status
    assert calls == [(supplied.encode(), TOKEN.encode())]


# --------------------------------------------------------------------- cross-origin
def test_no_cors_headers_on_any_update_response(sample_server: RunningServer) -> None:
    cases = [
        ({"update": INSERT}, {"Authorization": f"Bearer {TOKEN}"}, 200),
        ({"update": "INSERT DATA { <a:b> }"}, {"Authorization": f"Bearer {TOKEN}"}, 400),
        ({"update": INSERT}, {}, 401),
        ({"update": INSERT}, {"Authorization": "Bearer wrong-wrong"}, 403),
    ]
    for data, headers, status in cases:
        response = requests.post(
            sample_server.sparql, data=data, headers={**ORIGIN, **headers}, timeout=10
        )
        assert response.status_code == status
        assert not [h for h in CORS_HEADERS if h in response.headers], response.headers
    direct = requests.post(
        sample_server.sparql,
        data=INSERT.encode(),
        headers={**ORIGIN, "Content-Type": "application/sparql-update"},
        timeout=10,
    )
    assert direct.status_code == 401
    assert "Access-Control-Allow-Origin" not in direct.headers


def test_update_preflights_do_not_grant_authorization(sample_server: RunningServer) -> None:
    for url in (sample_server.sparql, sample_server.sparql + "?update=DROP%20ALL"):
        for requested in ("authorization", "Authorization, Content-Type", "content-type"):
            preflight = requests.options(
                url,
                headers={
                    **ORIGIN,
                    "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": requested,
                },
                timeout=10,
            )
            allowed = preflight.headers.get("Access-Control-Allow-Headers", "").lower()
            assert "authorization" not in allowed
            assert "Access-Control-Allow-Credentials" not in preflight.headers
            if "update=" in url:  # an update URL gets no CORS grant at all
                assert "Access-Control-Allow-Origin" not in preflight.headers


def test_a_cross_site_form_post_cannot_update(sample_server: RunningServer) -> None:
    """What an HTML form on another site can send without a preflight: form-encoded or
    text/plain bodies, the token (if it knows it) only as a field or URL parameter, never as
    an Authorization header. None of these changes anything."""
    version = _version(sample_server)
    attempts = [
        {"data": {"update": "DROP ALL"}},
        {"data": {"update": "DROP ALL", "access_token": TOKEN, "token": TOKEN}},
        {"data": {"update": "DROP ALL"}, "params": {"access_token": TOKEN}},
        {"data": f"update=DROP ALL&token={TOKEN}", "headers": {"Content-Type": "text/plain"}},
        {"data": "DROP ALL", "headers": {"Content-Type": "text/plain"}},
        {"data": {"update": "DROP ALL"}, "headers": {"Cookie": f"token={TOKEN}"}},
    ]
    for attempt in attempts:
        headers = {**ORIGIN, **attempt.pop("headers", {})}  # type: ignore[dict-item]
        response = requests.post(sample_server.sparql, headers=headers, timeout=10, **attempt)  # type: ignore[arg-type]
        assert response.status_code in (401, 415), (attempt, response.status_code)
        assert "Access-Control-Allow-Origin" not in response.headers
    assert _version(sample_server) == version
    assert requests.get(sample_server.base + "/health", timeout=10).json()["triples"] >= 64


def test_kg_serve_is_read_only_by_default(built_site: RunningServer) -> None:
    version = _version(built_site)
    for headers in ({}, {"Authorization": "Bearer anything-at-all"}):
        response = requests.post(
            built_site.sparql, data={"update": "DROP ALL"}, headers=headers, timeout=10
        )
        assert response.status_code == 403
    description = requests.get(built_site.sparql, timeout=10).text
    assert "SPARQL11Update" not in description
    assert requests.get(built_site.base + "/health", timeout=10).json()["updates"] is False
    assert _version(built_site) == version
