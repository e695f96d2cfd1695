"""The data wing: the RDF the server answers from, and how it survives restarts and updates.

``loader`` reads the files (and refuses hostile ones); ``dataset`` is the store with its
hash-chain version and its updates; ``snapshots`` keeps one read-only on-disk store per
version that every process shares; ``journal`` records applied updates for the other processes
and for restarts; ``state`` is the directory that holds both; ``remote`` puts an external
SPARQL engine behind the same query interface instead of the embedded store.

May import: ``server.checks`` (the remote store reuses the lexer) and the shared
``server.config``, ``server.errors``, ``server.formats``; never ``server.http``,
``server.execution``, ``server.lod`` or ``server.serve`` (checked by ``lint-imports``).
"""
