"""Which named graphs a SPARQL update can change, read from its tokens.

Why: an update's effect (the quads it added and removed, which the journal records and every
other process replays) was found by comparing the whole store before and after it. On the
1M-triple benchmark graph that built three Python sets of 2M quads: every update, even one
inserting a single triple, ran ~20 s and then failed with 413 at the executor's 1 GiB
memory cap. Curated updates name their graphs (an article's graph), so when the text says
which named graphs its operations write, only those graphs are compared.

The reading is deliberately conservative: ``None`` - compare everything - whenever a
template may write the default graph (a triple outside ``GRAPH`` without ``WITH``), a graph is
a variable or a relative IRI, an operation reads ``DEFAULT``/``NAMED``/``ALL``, or anything
appears that this reading does not know. It may name more graphs than the update changes
(never fewer): ``tests/server/test_effect.py`` checks every case against the whole-store
comparison.
"""

from __future__ import annotations

from collections.abc import Sequence

from .guard import resolve_iri
from .lexer import Kind, Scan, Token, is_prefix_declaration, scan, skip_word


def written_graphs(source: Scan | str) -> frozenset[str] | None:
    """The named graphs the update can change, or ``None`` if that is not known."""
    tokens = (source if isinstance(source, Scan) else scan(source)).tokens
    prefixes: dict[str, str] = {}
    graphs: set[str] = set()
    with_graph: str | None = None  # WITH <g> of the current operation
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        if token.kind is Kind.PUNCT and token.text == ";":
            with_graph, i = None, i + 1
            continue
        if token.kind is not Kind.NAME:
            return None
        word = token.upper
        if word == "PREFIX" and is_prefix_declaration(tokens, i):
            prefixes[tokens[i + 1].text[:-1]] = tokens[i + 2].text[1:-1]
            i += 3
        elif word == "BASE" and i + 1 < n and tokens[i + 1].kind is Kind.IRI:
            i += 2  # a relative graph IRI does not resolve below: the answer is then None
        elif word == "WITH":
            with_graph = _graph_at(tokens, i + 1, prefixes)
            if with_graph is None:
                return None
            i += 2
        elif word in ("INSERT", "DELETE"):
            j = skip_word(tokens, i + 1, "DATA", "WHERE")
            end = _block_end(tokens, j)
            if end is None:
                return None
            written = _template_graphs(tokens[j + 1 : end], prefixes, with_graph)
            if written is None:
                return None
            graphs |= written
            i = end + 1
        elif word == "USING":
            i = skip_word(tokens, i + 1, "NAMED") + 1  # read by WHERE: nothing written to it
        elif word == "WHERE":
            end = _block_end(tokens, i + 1)
            if end is None:
                return None
            i = end + 1  # a pattern, read only
        elif word in ("CLEAR", "DROP"):
            j = skip_word(tokens, i + 1, "SILENT")
            if j >= n or tokens[j].kind is not Kind.NAME or tokens[j].upper != "GRAPH":
                return None  # DEFAULT, NAMED, ALL
            graph = _graph_at(tokens, j + 1, prefixes)
            if graph is None:
                return None
            graphs.add(graph)
            i = j + 2
        elif word == "CREATE":
            j = skip_word(tokens, i + 1, "SILENT")
            if j + 1 >= n or tokens[j].upper != "GRAPH":
                return None
            i = j + 2  # an empty graph: no quad changes
        elif word in ("ADD", "MOVE", "COPY"):
            j = skip_word(tokens, i + 1, "SILENT")
            source_graph, j = _graph_ref(tokens, j, prefixes)
            if source_graph is None or j >= n or tokens[j].upper != "TO":
                return None
            target_graph, j = _graph_ref(tokens, j + 1, prefixes)
            if target_graph is None:
                return None
            graphs |= {source_graph, target_graph}
            i = j
        else:
            return None  # LOAD (refused anyway) or something not known here
    return frozenset(graphs)


def _template_graphs(
    block: Sequence[Token], prefixes: dict[str, str], with_graph: str | None
) -> set[str] | None:
    """Graphs a quad template writes: its ``GRAPH <g> { }`` groups, and ``WITH``'s graph for
    triples outside them (the default graph without ``WITH``: then ``None``)."""
    graphs: set[str] = set()
    k = 0
    while k < len(block):
        token = block[k]
        if token.kind is Kind.NAME and token.upper == "GRAPH":
            graph = _graph_at(block, k + 1, prefixes)
            end = _block_end(block, k + 2)
            if graph is None or end is None:
                return None
            graphs.add(graph)
            k = end + 1
        elif token.kind is Kind.PUNCT and token.text in ("{", "}"):
            return None  # a group that is not a GRAPH block
        else:  # part of a triple outside GRAPH
            if with_graph is None:
                return None
            graphs.add(with_graph)
            k += 1
    return graphs


def _graph_at(tokens: Sequence[Token], i: int, prefixes: dict[str, str]) -> str | None:
    return resolve_iri(tokens[i], prefixes) if i < len(tokens) else None


def _graph_ref(tokens: Sequence[Token], i: int, prefixes: dict[str, str]) -> tuple[str | None, int]:
    """``GRAPH? iri`` as in ADD/MOVE/COPY; ``DEFAULT`` (or anything else) gives ``None``."""
    i = skip_word(tokens, i, "GRAPH")
    return _graph_at(tokens, i, prefixes), i + 1


def _block_end(tokens: Sequence[Token], i: int) -> int | None:
    """The index of the ``}`` closing the ``{`` at ``i``; ``None`` if there is none."""
    if i >= len(tokens) or tokens[i].kind is not Kind.PUNCT or tokens[i].text != "{":
        return None
    depth = 0
    for k in range(i, len(tokens)):
        token = tokens[k]
        if token.kind is Kind.PUNCT:
            if token.text == "{":
                depth += 1
            elif token.text == "}":
                depth -= 1
                if depth == 0:
                    return k
    return None
