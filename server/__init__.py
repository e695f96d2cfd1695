"""SPARQL 1.1 endpoint for the security-relations knowledge graph.

``serve()`` runs the production server (gunicorn, pre-forked workers, real query timeouts);
``create_app()`` builds the Flask app alone for tests and embedding. See docs/endpoint.md.
"""

from .app import create_app
from .config import ServerConfig
from .loader import DataLoadError
from .serve import serve

__all__ = ["DataLoadError", "ServerConfig", "create_app", "serve"]
