"""The login for an external SPARQL store, from the environment, for Basic and Digest.

Shared by ``kg push`` (the Graph Store Protocol) and ``kg serve --store`` (the server's remote
store, ``server.data.remote``); it lives in ``kg`` because ``kg`` never imports ``server``
(only the CLI that starts it does: ``[tool.importlinter]`` in pyproject.toml). The login comes
from ``SECKG_STORE_USER`` and ``SECKG_STORE_PASSWORD`` so it never appears in a process list
or a shell history.
"""

from __future__ import annotations

import os
import urllib.request
from http.client import HTTPMessage
from typing import Any

USER_ENV = "SECKG_STORE_USER"
PASSWORD_ENV = "SECKG_STORE_PASSWORD"  # noqa: S105 - the name of a variable, not a secret


class _SigningDigestHandler(urllib.request.HTTPDigestAuthHandler):
    """Digest authentication that, once challenged, signs every later request up front.

    Why: Virtuoso answers 401 before it reads a request body, and closes; a ``kg push`` body
    larger than the socket buffers (the merged seed graph, ~1 MB) then fails with a broken
    pipe before urllib's handler can answer the challenge. Signing up front (with the
    challenge of a body-less request made first) avoids the 401 altogether.
    """

    def __init__(self, manager: urllib.request.HTTPPasswordMgr) -> None:
        super().__init__(manager)
        self._challenge: dict[str, str] | None = None

    def http_error_auth_reqed(
        self, auth_header: str, host: str, req: urllib.request.Request, headers: HTTPMessage
    ) -> Any:  # the retried response (typeshed says None; urllib returns it)
        scheme, _, challenge = headers.get(auth_header, "").partition(" ")
        if scheme.lower() == "digest":
            items = filter(None, urllib.request.parse_http_list(challenge))
            self._challenge = urllib.request.parse_keqv_list(list(items))
        return super().http_error_auth_reqed(auth_header, host, req, headers)

    def http_request(self, req: urllib.request.Request) -> urllib.request.Request:
        if self._challenge is not None and not req.has_header("Authorization"):
            signature = self.get_authorization(req, self._challenge)
            if signature:
                req.add_unredirected_header(self.auth_header, f"Digest {signature}")
        return req

    https_request = http_request


def store_opener(url: str) -> urllib.request.OpenerDirector:
    """A URL opener that answers Basic and Digest challenges with the environment's login
    (and, after the first Digest challenge, signs requests before they are sent)."""
    handlers: list[urllib.request.BaseHandler] = []
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user and password is not None:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, user, password)
        handlers += [
            urllib.request.HTTPBasicAuthHandler(manager),
            _SigningDigestHandler(manager),
        ]
    return urllib.request.build_opener(*handlers)


def has_login() -> bool:
    """Whether the environment gives a login for the store."""
    return bool(os.environ.get(USER_ENV)) and os.environ.get(PASSWORD_ENV) is not None
