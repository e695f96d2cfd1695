"""The HTTP wing: where a request arrives and its answer leaves.

A request walks through it in this order: the buffering granian front (``front``) reads it
whole; a repeated GET may be answered from the front's memo (``lean``) and a known-fast query
by the front itself (``inline``); everything else goes to the Flask app (``app``: routes,
headers, rate limit in ``ratelimit``, access log), whose ``/sparql`` handler (``endpoint``)
parses the request (``protocol``), answers cheap refusals and cache hits (``cache``), the
service description (``description``), and hands the query to the checks and the executors.
``environ`` holds the keys the front and the app pass each other.

The endpoint lives here, not at the top, because the app and the inline path call it and it
speaks Flask; the wings it drives all sit below.

May import: ``server.lod``, ``server.execution``, ``server.data``, ``server.checks`` and the
shared modules ``server.config``, ``server.errors``, ``server.formats``; never ``server.serve``
or ``server.options`` (checked by ``lint-imports``, see ``[tool.importlinter]``).
"""
