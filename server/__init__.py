"""SPARQL 1.1 endpoint for the security-relations knowledge graph.

``serve()`` runs the production server (a buffering granian front, query executor processes
with deadlines and memory caps, fair admission, a durable update journal);
``create_app()`` builds the Flask app alone for tests and embedding. See docs/endpoint.md.
"""

from typing import Any

__all__ = ["DataLoadError", "ServerConfig", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    """Import lazily: ``kg``'s argument parser needs only :mod:`server.options`, not Flask."""
    if name == "create_app":
        from .http.app import create_app

        return create_app
    if name == "ServerConfig":
        from .config import ServerConfig

        return ServerConfig
    if name == "DataLoadError":
        from .data.loader import DataLoadError

        return DataLoadError
    if name == "serve":
        from .serve import serve

        return serve
    raise AttributeError(name)
