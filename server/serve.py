"""Run the endpoint under gunicorn: one master that loads the data, pre-forked sync workers.

Why this shape: the store is loaded once in the master (``preload_app``) and workers are
forked from it, sharing its memory copy-on-write, so replacing a worker is instant. That is
what makes the query timeout real: a worker whose query misses the deadline answers 503 and
then exits (see :mod:`server.runner`), and the master forks a fresh one. Sync workers handle
one request at a time, so other workers keep serving while one is busy. Gunicorn's own
``timeout`` is set above the query timeout as a backstop for a worker that hangs anyway.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from .app import create_app
from .config import DEFAULT_MAX_BODY_BYTES, DEFAULT_ROW_LIMIT, DEFAULT_TIMEOUT_S, ServerConfig

log = logging.getLogger("server")


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    """Gunicorn driven from Python with an already-built app and explicit settings."""

    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self._app = app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self._app


def gunicorn_options(host: str, port: int, workers: int, timeout: float) -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}",
        "workers": max(1, workers),
        "worker_class": "sync",
        "preload_app": True,
        # Backstop only: our own deadline fires first and recycles the worker.
        "timeout": int(timeout) + 10,
        "graceful_timeout": 5,
        "limit_request_line": 8190,  # long GET queries (gunicorn's maximum)
        "control_socket_disable": True,
        "accesslog": None,  # the app writes its own access line with the row count
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "seckg-sparql",
    }


def _configure_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO,
            stream=sys.stderr,
            format="%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s",
        )


def serve(
    files: Sequence[Path],
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = DEFAULT_TIMEOUT_S,
    update_token: str | None = None,
    row_limit: int = DEFAULT_ROW_LIMIT,
    service_allowlist: tuple[str, ...] = (),
    workers: int = 2,
    *,
    response_cache: bool = True,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    dist_dir: Path | None = None,
    examples: tuple[dict[str, str], ...] = (),
    store_url: str | None = None,
    store_update_url: str | None = None,
    public_base: str = "https://seckg.example.org/",
    rate_limit: float | None = None,
    rate_burst: int | None = None,
) -> None:
    """Load ``files`` and serve SPARQL on ``host:port`` until SIGINT/SIGTERM."""
    _configure_logging()
    state_dir = Path(tempfile.mkdtemp(prefix="seckg-sparql-"))
    master_pid = os.getpid()
    try:
        config = ServerConfig(
            files=tuple(files),
            timeout=timeout,
            update_token=update_token,
            row_limit=row_limit,
            service_allowlist=tuple(service_allowlist),
            max_body_bytes=max_body_bytes,
            recycle_worker_on_timeout=True,
            journal_path=None if store_url else state_dir / "updates.journal",
            dist_dir=dist_dir,
            examples=examples,
            store_url=store_url,
            store_update_url=store_update_url,
            public_base=public_base,
            rate_limit=rate_limit,
            rate_burst=rate_burst,
            # the remote data can change behind our back: do not serve cached answers
            response_cache=response_cache and store_url is None,
        )
        app = create_app(config)
        log.info("serving %d file(s) on http://%s:%d/sparql", len(config.files), host, port)
        _Gunicorn(app, gunicorn_options(host, port, workers, timeout)).run()
    except SystemExit as exc:
        # Gunicorn leaves its main loop with SystemExit, in the master on shutdown and in
        # each worker process when it ends; only the master returns normally from serve().
        if os.getpid() != master_pid or exc.code not in (0, None):
            raise
    finally:
        if os.getpid() == master_pid:
            shutil.rmtree(state_dir, ignore_errors=True)
