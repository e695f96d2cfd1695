"""Read curated seed files (YAML) into JSON-LD node objects, remembering where each came from.

Why YAML read through a JSON-LD context: curators edit plain keys (``member: armenia``); the
context (``seeds/context.jsonld``) says declaratively what each key means in RDF, and the same
context serves the JSON-LD export. The only thing the context cannot say is a date's
precision, so date-typed keys are refined here: ``2023`` becomes an ``xsd:gYear``, ``2023-09``
an ``xsd:gYearMonth`` and ``2023-09-11`` an ``xsd:date``. Nothing is ever padded to a day.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg import config
from kg.errors import Location, SeedError

XSD = "http://www.w3.org/2001/XMLSchema#"
_PARTIAL_DATES = (
    (re.compile(r"^-?\d{4}$"), "gYear"),
    (re.compile(r"^-?\d{4}-(0[1-9]|1[0-2])$"), "gYearMonth"),
    (re.compile(r"^-?\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"), "date"),
)


@dataclass
class SeedFile:
    """One parsed seed file: its nodes and the line where each node id was written."""

    path: Path
    article: dict[str, Any] | None
    nodes: list[dict[str, Any]]
    lines: dict[str, int] = field(default_factory=dict)


def load_context(path: Path) -> dict[str, Any]:
    """The JSON-LD context object, rebased if the deployment uses another base IRI."""
    text = path.read_text(encoding="utf-8").replace(config.AUTHORED_BASE, config.BASE)
    try:
        context = json.loads(text)["@context"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise SeedError(Location(path), f"not a JSON-LD context: {exc}") from None
    if not isinstance(context, dict):
        # a URL or a list would make the JSON-LD processor fetch or merge other contexts
        raise SeedError(Location(path), "'@context' must be one inline object (no URLs, no lists)")
    return context


def date_terms(context: dict[str, Any]) -> set[str]:
    """Keys whose values are dates (declared ``"@type": "xsd:date"`` in the context)."""
    return {k for k, v in context.items() if isinstance(v, dict) and v.get("@type") == "xsd:date"}


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader (libyaml's when installed: PyYAML's pure-Python parser was two thirds of
    the 1M-triple build) that records the line of every mapping as ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def typed_date(value: Any, where: Location, key: str) -> dict[str, str]:
    """A JSON-LD value object whose datatype records the date's precision."""
    if isinstance(value, dt.datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    for pattern, datatype in _PARTIAL_DATES:
        if pattern.match(text):
            return {"@value": text, "@type": XSD + datatype}
    raise SeedError(where, f"'{key}' must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")


@dataclass(frozen=True)
class Vocabulary:
    """What a seed file may say: the context's terms, and which of them are dates."""

    terms: frozenset[str]
    dates: frozenset[str]
    maps: frozenset[str]
    numbers: dict[str, str]  # term -> full XSD datatype IRI

    @classmethod
    def from_context(cls, context: dict[str, Any]) -> Vocabulary:
        terms = {k for k in context if not k.startswith("@")} | {"article", "facts", "entities"}
        maps = {k for k, v in context.items() if isinstance(v, dict) and "@container" in v}
        numbers = {
            k: XSD + v["@type"].removeprefix("xsd:")
            for k, v in context.items()
            if isinstance(v, dict) and v.get("@type") in ("xsd:integer", "xsd:decimal")
        }
        return cls(frozenset(terms), frozenset(date_terms(context)), frozenset(maps), numbers)


def typed_number(value: Any, datatype: str, where: Location, key: str) -> dict[str, str]:
    """A JSON-LD value object for a count or amount.

    JSON-LD does not apply a term's ``@type`` to native JSON numbers, so ``41500000`` would
    silently become an xsd:integer where the context says xsd:decimal; we type it here.
    """
    integer = datatype.endswith("integer")
    ok = isinstance(value, int) if integer else isinstance(value, int | float)
    if isinstance(value, bool) or not ok:
        kind = "a whole number" if integer else "a number"
        raise SeedError(where, f"'{key}' must be {kind}, got {value!r}")
    return {"@value": str(value), "@type": datatype}


def _normalise(
    node: Any, vocab: Vocabulary, path: Path, lines: dict[str, int], line: int, seen: set[int]
) -> Any:
    """Strip line markers, type dates, check keys, and record the line of every node id.

    Unknown keys are refused rather than mapped through ``@vocab``, so a typo such as
    ``memeber`` is an error naming the line instead of a silently invented property; keys
    starting with ``@`` are refused so a seed cannot pull in a remote JSON-LD context.
    """
    if isinstance(node, list | dict):
        # An alias makes the loader hand out the same container twice; nested aliases stand
        # for exponentially many nodes (a "billion laughs"), and seeds never need them.
        if id(node) in seen:
            where = Location(path, node.get("__line__", line) if isinstance(node, dict) else line)
            raise SeedError(where, "invalid YAML: anchors and aliases (*name) are not allowed")
        seen.add(id(node))
    if isinstance(node, list):
        return [_normalise(item, vocab, path, lines, line, seen) for item in node]
    if not isinstance(node, dict):
        return node
    line = node.pop("__line__", line)
    if "id" in node:
        if not isinstance(node["id"], str) or not node["id"]:
            raise SeedError(Location(path, line), "'id' must be a non-empty string")
        lines.setdefault(node["id"], line)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if not isinstance(key, str) or key not in vocab.terms:
            raise SeedError(
                Location(path, line),
                f"unknown key {key!r} (allowed keys are the terms of seeds/context.jsonld)",
            )
        if key in vocab.dates:
            values = value if isinstance(value, list) else [value]
            out[key] = [typed_date(v, Location(path, line), key) for v in values]
        elif key in vocab.numbers:
            out[key] = typed_number(value, vocab.numbers[key], Location(path, line), key)
        elif key in vocab.maps:
            if isinstance(value, dict):
                value = {k: v for k, v in value.items() if k != "__line__"}
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise SeedError(Location(path, line), f"'{key}' must map language tags to text")
            out[key] = value
        else:
            out[key] = _normalise(value, vocab, path, lines, line, seen)
    return out


def read_seed(path: Path, vocab: Vocabulary) -> SeedFile:
    """Parse one seed file; errors name the file and line."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506
    except FileNotFoundError:
        raise SeedError(Location(path), "file not found") from None
    except UnicodeDecodeError as exc:
        raise SeedError(Location(path), f"not UTF-8 text: {exc.reason}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise SeedError(Location(path, line), f"invalid YAML: {problem}") from None
    if not isinstance(raw, dict):
        raise SeedError(
            Location(path, 1), "expected a mapping with 'article'/'facts' or 'entities'"
        )
    lines: dict[str, int] = {}
    body = _normalise(raw, vocab, path, lines, 1, set())
    unknown = set(body) - {"article", "facts", "entities"}
    if unknown:
        raise SeedError(
            Location(path, 1), f"unknown top-level key(s): {', '.join(sorted(unknown))}"
        )
    nodes = body.get("facts", body.get("entities", []))
    if not isinstance(nodes, list):
        raise SeedError(Location(path, 1), "'facts'/'entities' must be a list")
    for node in nodes:
        if not isinstance(node, dict) or "id" not in node:
            raise SeedError(Location(path), f"every fact needs an 'id' (got {node!r:.80})")
    article = body.get("article")
    if "facts" in body and not isinstance(article, dict):
        raise SeedError(Location(path, 1), "an article file needs an 'article' block")
    return SeedFile(path=path, article=article, nodes=nodes, lines=lines)


def article_files(articles_dir: Path) -> Iterator[Path]:
    """Article seed files in a stable order (so builds are deterministic)."""
    yield from sorted(articles_dir.glob("*.yaml"))
