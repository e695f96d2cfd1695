"""Errors that map to an HTTP status and a message that is safe to show to the client."""

from __future__ import annotations


class ProtocolError(Exception):
    """A request the endpoint refuses; ``message`` is sent to the client verbatim."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class OperationTimeout(Exception):
    """The query or update did not finish within the configured time limit."""
