"""The HTTP wing: where a request arrives and its answer leaves.

No query text from a client is ever evaluated in a front (issue 20, finding 0: a front must
survive any query text, and only an executor has a deadline and a big stack); see
docs/endpoint.md.

A request walks through it in this order: the buffering granian front (``front``) reads it
whole; a repeated GET may be answered from the front's memo (``lean``, bytes already
computed); everything else goes to the Flask app (``app``: routes,
headers, rate limit in ``ratelimit``, access log), whose ``/sparql`` handler (``endpoint``)
parses the request (``protocol``), answers cheap refusals and cache hits (``cache``), the
service description (``description``), and hands the query to the checks and the executors.
``environ`` holds the keys the front and the app pass each other.

The endpoint lives here, not at the top, because the app calls it and it speaks Flask; the
wings it drives all sit below.

May import: ``server.lod``, ``server.execution``, ``server.data``, ``server.checks`` and the
shared modules ``server.config``, ``server.errors``, ``server.formats``; never ``server.serve``
or ``server.options`` (checked by ``lint-imports``, see ``[tool.importlinter]``).
"""
