"""The checks wing: what is read from a query's or update's text before the engine sees it.

One scan of the text (``lexer``) feeds the policy checks (``guard``: SERVICE allow-list, no
LOAD), the size checks that keep the engine's parser from overflowing its stack (``limits``),
and the named graphs an update can write (``effect``). Text in, verdicts out: nothing here
touches the store, a process or HTTP.

May import: only ``server.errors`` (and the standard library). The data wing's remote store
reuses the lexer, so this wing sits below ``server.data`` (checked by ``lint-imports``).
"""
