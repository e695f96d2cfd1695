"""The execution wing: running a query with a deadline, a memory cap and a fair share.

``admission`` decides whether and in which lane a query runs (per-client limits, a bounded
queue, a cheap lane for known-fast texts); ``executors`` are the pre-forked processes that
evaluate it and are ended at the deadline; ``execute`` evaluates and serializes one query on
the store with the row cap; ``runner`` gives it a big-stack thread; ``procs`` (die with the
parent, names, memory caps) and ``allocator`` (restart on mimalloc) are the process hygiene
the server's processes share.

May import: ``server.data`` and the shared ``server.config``, ``server.errors``,
``server.formats``; never ``server.http``, ``server.lod`` or ``server.serve`` (checked by
``lint-imports``).
"""
