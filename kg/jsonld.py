"""JSON-LD output compacted with the seeds' own context, written without a JSON-LD library.

Why: rdflib's JSON-LD serializer (and its compaction) was one of the slow stages at scale,
and pyoxigraph writes only expanded JSON-LD. Our context is small and regular -- terms with
``@type: @id``, a datatype, a language, or a language map -- so compaction is a table
lookup: a value goes under a term in short form only when the term's coercion gives back
exactly that RDF term, and otherwise as an explicit value object (``{"@value", "@type"}``
or ``{"@id"}``), which JSON-LD never coerces. Relative ids are used only where resolving
them against ``@base`` is unambiguous. ``tests/test_export.py`` parses the output back with
two JSON-LD processors and compares it with the N-Quads dump.

Layout: one node object per line, nodes sorted by IRI, keys and values sorted, so that the
file diffs well and is byte-identical across builds.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.export import Sink

# A term of our data: pyoxigraph also types RDF 1.2 triple terms in these places, never used here.
Term = ox.NamedNode | ox.BlankNode | ox.Literal

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_SIMPLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_SAFE_RELATIVE = re.compile(r"^[A-Za-z0-9_~-][A-Za-z0-9._~/-]*$")


class Compactor:
    """Compaction tables derived once from a JSON-LD context (no remote contexts)."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.context = context
        self.base = context.get("@base", "")
        self.vocab = context.get("@vocab", "")
        self.prefixes = sorted(
            (
                (iri, name)
                for name, iri in context.items()
                if isinstance(iri, str) and not name.startswith("@") and iri[-1:] in "/#"
            ),
            key=lambda item: (-len(item[0]), item[1]),
        )
        self.terms = {name for name in context if not name.startswith("@")}
        self.by_iri: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
        for name, definition in sorted(context.items()):
            if name.startswith("@") or not isinstance(definition, dict):
                continue
            if definition.get("@id", "").startswith("@"):
                continue
            self.by_iri[self.expand(definition["@id"])].append((name, definition))
        self._iris: dict[str, str] = {}
        self._rules: dict[tuple[str, tuple[str, str]], tuple[str, str]] = {}
        self._names: dict[str, str] = {}
        self.aliases = {
            definition: name
            for name, definition in sorted(context.items())
            if definition in ("@id", "@type")
        }

    def expand(self, value: str) -> str:
        """A term definition's IRI: compact IRI, vocab-relative or absolute."""
        prefix, sep, local = value.partition(":")
        if sep and isinstance(self.context.get(prefix), str) and not local.startswith("//"):
            return self.context[prefix] + local
        if sep:
            return value
        return self.vocab + value

    def iri(self, term: ox.NamedNode | ox.BlankNode) -> str:
        """An @id value: relative to @base, a compact IRI, or absolute."""
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        value = term.value
        cached = self._iris.get(value)
        if cached is None:
            cached = self._iris[value] = self._compact_id(value)
        return cached

    def _compact_id(self, value: str) -> str:
        if self.base and value.startswith(self.base):
            rest = value[len(self.base) :]
            if _SAFE_RELATIVE.match(rest) and not re.search(r"(^|/)\.\.?(/|$)", rest):
                return rest
        return self._prefixed(value)

    def _prefixed(self, value: str) -> str:
        for iri, name in self.prefixes:
            if value.startswith(iri) and len(value) > len(iri):
                local = value[len(iri) :]
                if not local.startswith("//"):
                    return f"{name}:{local}"
        return value

    def vocab_name(self, value: str) -> str:
        """A type or key: a vocab-relative name where safe, else a compact or full IRI."""
        cached = self._names.get(value)
        if cached is None:
            cached = self._names[value] = self._vocab_name(value)
        return cached

    def _vocab_name(self, value: str) -> str:
        if self.vocab and value.startswith(self.vocab):
            local = value[len(self.vocab) :]
            if _SIMPLE_NAME.match(local) and local not in self.terms:
                return local
        return self._prefixed(value)

    def value_object(self, term: Term) -> dict[str, str]:
        if isinstance(term, ox.Literal):
            if term.language:
                return {"@language": term.language, "@value": term.value}
            if term.datatype.value == XSD_STRING:
                return {"@value": term.value}
            return {"@type": self._prefixed(term.datatype.value), "@value": term.value}
        return {"@id": self.iri(term)}

    def place(self, predicate: str, term: Term) -> tuple[str, Any, str | None]:
        """(key, compacted value, language-map tag or None) for one property value."""
        if isinstance(term, ox.Literal):
            kind = ("@language", term.language) if term.language else ("@type", term.datatype.value)
        else:
            kind = ("@id", "")
        rule = self._rules.get((predicate, kind))
        if rule is None:
            rule = self._rules[(predicate, kind)] = self._rule(predicate, kind)
        key, mode = rule
        if mode == "iri":
            return key, self.iri(term), None  # type: ignore[arg-type]
        if mode == "lexical":
            return key, term.value, None
        if mode == "map":
            return key, term.value, term.language  # type: ignore[union-attr]
        return key, self.value_object(term), None

    def _rule(self, predicate: str, kind: tuple[str, str]) -> tuple[str, str]:
        """Where values of one kind go: (key, "iri" | "lexical" | "map" | "object")."""
        what, detail = kind
        candidates = self.by_iri.get(predicate, [])
        for name, definition in candidates:
            coerce = definition.get("@type")
            if definition.get("@container") == "@language":
                if what == "@language":
                    return name, "map"
                continue
            if coerce == "@id":
                if what == "@id":
                    return name, "iri"
            elif coerce is not None:
                if what == "@type" and detail == self.expand(coerce):
                    return name, "lexical"
            elif "@language" in definition:
                if what == "@language" and detail == definition["@language"]:
                    return name, "lexical"
            elif what == "@type" and detail == XSD_STRING:
                return name, "lexical"
        plain = [n for n, d in candidates if d.get("@container") != "@language"]
        return (plain[0] if plain else self.vocab_name(predicate)), "object"

    def node(self, subject: ox.NamedNode | ox.BlankNode, pairs: Iterable[tuple[str, Term]]) -> dict:
        values: dict[str, list[Any]] = defaultdict(list)
        maps: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        type_key = self.aliases.get("@type", "@type")
        for predicate, obj in pairs:
            if predicate == RDF_TYPE and isinstance(obj, ox.NamedNode | ox.BlankNode):
                name = (
                    self.vocab_name(obj.value) if isinstance(obj, ox.NamedNode) else self.iri(obj)
                )
                values[type_key].append(name)
                continue
            key, value, lang = self.place(predicate, obj)
            if lang is None:
                values[key].append(value)
            else:
                maps[key][lang].append(value)
        out: dict[str, Any] = {self.aliases.get("@id", "@id"): self.iri(subject)}
        for key, items in values.items():
            out[key] = items[0] if len(items) == 1 else sorted(items, key=_sort_key)
        for key, by_lang in maps.items():
            out[key] = {
                lang: (sorted(v)[0] if len(v) == 1 else sorted(v))
                for lang, v in sorted(by_lang.items())
            }
        return dict(sorted(out.items()))


def _sort_key(value: Any) -> tuple[int, str]:
    """Strings first, in order; value objects by their JSON text."""
    if isinstance(value, str):
        return 0, value
    return 1, json.dumps(value, sort_keys=True, ensure_ascii=False)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def write(out: Sink, quads: Iterable[ox.Quad], context: dict[str, Any]) -> None:
    """A JSON-LD document of named graphs, streamed to ``out``.

    ``quads`` must come grouped by graph, then by subject (graph-major sorted N-Quads).
    """
    compactor = Compactor(context)
    id_key = json.dumps(compactor.aliases.get("@id", "@id"))
    context_text = json.dumps(context, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(('{\n  "@context": ' + context_text + ',\n  "@graph": [').encode())
    graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None = None
    subject: ox.NamedNode | ox.BlankNode | None = None
    pairs: list[tuple[str, Term]] = []
    first_graph = first_node = True
    chunk: list[str] = []

    def flush_node() -> None:
        nonlocal first_node
        if subject is not None:
            indent = "\n      " if isinstance(graph, ox.NamedNode) else "\n    "
            text = _dump(compactor.node(subject, pairs))
            chunk.append(("" if first_node else ",") + indent + text)
            first_node = False
            if len(chunk) >= 4096:
                out.write("".join(chunk).encode())
                chunk.clear()

    def close_graph() -> None:
        flush_node()
        if isinstance(graph, ox.NamedNode):
            chunk.append("\n    ]}")

    for quad in quads:
        if quad.graph_name != graph:
            close_graph()
            graph, subject, pairs = quad.graph_name, None, []
            if isinstance(graph, ox.NamedNode):  # default-graph nodes stay at the top level
                name = json.dumps(compactor.iri(graph))
                chunk.append(
                    ("" if first_graph else ",") + f'\n    {{{id_key}: {name}, "@graph": ['
                )
                first_node = True
            elif not first_graph:
                first_node = False
            first_graph = False
        if isinstance(quad.subject, ox.Triple) or isinstance(quad.object, ox.Triple):
            raise TypeError(f"an RDF 1.2 triple term has no JSON-LD 1.1 form: {quad}")
        if quad.subject != subject:
            flush_node()
            subject, pairs = quad.subject, []
        pairs.append((quad.predicate.value, quad.object))
    close_graph()
    chunk.append("\n  ]\n}\n")
    out.write("".join(chunk).encode())


def write_file(nquads: Path, target: Path, context: dict[str, Any]) -> bytes:
    """JSON-LD of an N-Quads file (graph-major order) into ``target``; its SHA-256.

    A plain function of paths so that the build can run it in a second process: it is the
    only writer that is Python-bound, and at 1M triples the longest.
    """
    sha = hashlib.sha256()
    with open(target, "wb") as fh:

        class _Out:
            def write(self, data: bytes, /) -> int:
                sha.update(data)
                return fh.write(data)

        write(_Out(), ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS), context)
        fh.flush()
        os.fsync(fh.fileno())
    return sha.digest()
