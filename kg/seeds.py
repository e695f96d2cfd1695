"""Read curated seed files (YAML) into JSON-LD node objects, remembering where each came from.

Why YAML read through a JSON-LD context: curators edit plain keys (``member: armenia``); the
context (``seeds/context.jsonld``) says declaratively what each key means in RDF, and the same
context serves the JSON-LD export. The only thing the context cannot say is a date's
precision, so date-typed keys are refined here: ``2023`` becomes an ``xsd:gYear``, ``2023-09``
an ``xsd:gYearMonth`` and ``2023-09-11`` an ``xsd:date``. Nothing is ever padded to a day.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg import config, partialdates
from kg.errors import Location, SeedError

XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass
class SeedFile:
    """One parsed seed file: its nodes and the line where each node id was written."""

    path: Path
    article: dict[str, Any] | None
    nodes: list[dict[str, Any]]
    lines: dict[str, int] = field(default_factory=dict)
    pending: list[int] = field(default_factory=list)  # lines of `review: pending` proposals


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
    the 1M-triple build) that records the line of every mapping as ``__line__`` and of each
    of its keys in ``__keys__``, and refuses a key written twice in one mapping (YAML says a
    duplicate key is an error; PyYAML silently keeps the last value)."""


class _DuplicateKey(yaml.MarkedYAMLError):
    """A key written twice in one mapping (reported like any YAML error, with its line)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    if len(mapping) != len(node.value):  # a key written twice: find it (error path only)
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise _DuplicateKey(
                    problem=f"duplicate key {key!r} (first written at line {seen[key]})",
                    problem_mark=key_node.start_mark,
                )
            if isinstance(key, str | int | float | bool):
                seen[key] = key_node.start_mark.line + 1
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__node__"] = node  # for the line of a key, looked up only when one is needed
    return mapping


def _key_line(node: yaml.MappingNode | None, key: Any, default: int) -> int:
    """The line where ``key`` is written in a mapping (its block's line if unknown).

    Looked up on demand: recording every key's line while loading made reading the seeds
    of a 100k-triple build 16% slower, and only errors and review markers need it.
    """
    if node is not None:
        for key_node, _ in node.value:
            if getattr(key_node, "value", None) == key:
                return key_node.start_mark.line + 1
    return default


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    """Keep ``2023-02-30`` as text: YAML's timestamp resolver would build a datetime and crash
    on an impossible date before we could say where it is; :func:`typed_date` checks it."""
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

# `review: pending` marks a drafted proposal that no curator has checked yet (see kg.draft).
REVIEW_KEY = "review"
_ALLOW_PENDING: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "allow_pending", default=False
)


@contextmanager
def pending_allowed() -> Iterator[None]:
    """Read seeds with unreviewed proposals (for ``kg validate FILE`` on a draft)."""
    token = _ALLOW_PENDING.set(True)
    try:
        yield
    finally:
        _ALLOW_PENDING.reset(token)


def typed_date(value: Any, where: Location, key: str) -> dict[str, str]:
    """A JSON-LD value object whose datatype records the date's precision."""
    if isinstance(value, dt.datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    try:
        date = partialdates.parse(text)
    except ValueError:
        raise SeedError(
            where, f"'{key}' must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}"
        ) from None
    try:
        date.check_calendar()
    except ValueError as exc:
        raise SeedError(where, f"'{key}': {text} is not a calendar date ({exc})") from None
    return {"@value": text, "@type": XSD + date.datatype}


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


@dataclass
class _Reading:
    """What :func:`_normalise` collects while walking one file."""

    path: Path
    vocab: Vocabulary
    lines: dict[str, int] = field(default_factory=dict)
    pending: list[int] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)

    def at(self, line: int) -> Location:
        return Location(self.path, line)


class _Where(Location):
    """The location of one key, its line looked up only if an error is reported."""

    _node: yaml.MappingNode | None
    _key: Any
    _default: int

    def __init__(self, path: Path, node: yaml.MappingNode | None, key: Any, line: int) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "_node", node)
        object.__setattr__(self, "_key", key)
        object.__setattr__(self, "_default", line)

    @property
    def line(self) -> int:
        return _key_line(self._node, self._key, self._default)


def _is_texts(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)
    )


def _normalise(node: Any, reading: _Reading, line: int) -> Any:
    """Strip line markers, type dates, check keys, and record the line of every node id.

    Unknown keys are refused rather than mapped through ``@vocab``, so a typo such as
    ``memeber`` is an error naming the line instead of a silently invented property; keys
    starting with ``@`` are refused so a seed cannot pull in a remote JSON-LD context.
    Every error names the line of the key at fault, not of the block it sits in.
    """
    if isinstance(node, list | dict):
        # An alias makes the loader hand out the same container twice; nested aliases stand
        # for exponentially many nodes (a "billion laughs"), and seeds never need them.
        if id(node) in reading.seen:
            at = reading.at(node.get("__line__", line) if isinstance(node, dict) else line)
            raise SeedError(at, "invalid YAML: anchors and aliases (*name) are not allowed")
        reading.seen.add(id(node))
    if isinstance(node, list):
        return [_normalise(item, reading, line) for item in node]
    if not isinstance(node, dict):
        return node
    line = node.pop("__line__", line)
    yaml_node = node.pop("__node__", None)
    vocab = reading.vocab
    if "id" in node:
        ref = node["id"]
        if not isinstance(ref, str) or not ref:
            raise SeedError(
                reading.at(_key_line(yaml_node, "id", line)), "'id' must be a non-empty string"
            )
        if ref in reading.lines:
            raise SeedError(
                reading.at(_key_line(yaml_node, "id", line)),
                f"duplicate id {ref!r}: this file already has a block with it at line "
                f"{reading.lines[ref]}; write each id once per file",
            )
        reading.lines[ref] = line
    out: dict[str, Any] = {}
    for key, value in node.items():
        at = _Where(reading.path, yaml_node, key, line)
        if key == REVIEW_KEY:
            if value != "pending":
                raise SeedError(
                    at,
                    f"'review' can only be 'pending' (got {value!r}); delete the line "
                    "once the proposal is reviewed",
                )
            reading.pending.append(_key_line(yaml_node, key, line))
            continue
        if not isinstance(key, str) or key not in vocab.terms:
            raise SeedError(
                at, f"unknown key {key!r} (allowed keys are the terms of seeds/context.jsonld)"
            )
        if key in vocab.dates:
            values = value if isinstance(value, list) else [value]
            out[key] = [typed_date(v, at, key) for v in values]
        elif key in vocab.numbers:
            out[key] = typed_number(value, vocab.numbers[key], at, key)
        elif key in vocab.maps:
            if isinstance(value, dict):
                value = {k: v for k, v in value.items() if k not in ("__line__", "__node__")}
            if not isinstance(value, dict) or not all(map(_is_texts, value.values())):
                raise SeedError(at, f"'{key}' must map language tags to text (or lists of text)")
            out[key] = value
        else:
            out[key] = _normalise(value, reading, line)
    return out


def _decode(path: Path) -> str:
    """The file as text; a byte that is not UTF-8 is named by line and column."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedError(Location(path), "file not found") from None
    except OSError as exc:
        raise SeedError(Location(path), f"cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise SeedError(
            Location(path, line),
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} at column {column} "
            f"({exc.reason}); save the file as UTF-8",
        ) from None


def read_seed(path: Path, vocab: Vocabulary) -> SeedFile:
    """Parse one seed file; errors name the file and line.

    A file with proposals still marked ``review: pending`` is refused (with their count and
    lines) unless read inside :func:`pending_allowed`.
    """
    text = _decode(path)
    try:
        raw = yaml.load(text, Loader=_LineLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise SeedError(Location(path, line), f"invalid YAML: {problem}") from None
    if not isinstance(raw, dict):
        raise SeedError(
            Location(path, 1), "expected a mapping with 'article'/'facts' or 'entities'"
        )
    reading = _Reading(path, vocab)
    top = raw.get("__node__")
    body = _normalise(raw, reading, 1)
    unknown = set(body) - {"article", "facts", "entities"}
    if unknown:
        first = min(unknown, key=lambda k: _key_line(top, k, 1))
        raise SeedError(
            Location(path, _key_line(top, first, 1)),
            f"unknown top-level key(s): {', '.join(sorted(unknown))}",
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
    if reading.pending and not _ALLOW_PENDING.get():
        raise SeedError(Location(path, reading.pending[0]), pending_message(reading.pending))
    return SeedFile(
        path=path, article=article, nodes=nodes, lines=reading.lines, pending=reading.pending
    )


def read_blocks(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An article file's ``article`` block and fact blocks as written (keys and values as the
    curator typed them, each mapping with its ``__line__``), for the reviewer's warnings that
    read what a block says rather than the graph it maps to (``kg.audit_blocks``). A file that
    is not a readable article file gives nothing: ``kg validate`` reports it on its own."""
    try:
        raw = yaml.load(_decode(path), Loader=_LineLoader)  # noqa: S506
    except (yaml.YAMLError, SeedError):
        return {}, []
    if not isinstance(raw, dict) or not isinstance(raw.get("article"), dict):
        return {}, []
    facts = raw.get("facts")
    blocks = [b for b in facts if isinstance(b, dict)] if isinstance(facts, list) else []
    return raw["article"], blocks


def pending_message(lines: list[int]) -> str:
    """How many proposals still await review, and where."""
    n = len(lines)
    where = ", ".join(str(x) for x in lines[:20]) + (" …" if n > 20 else "")
    return (
        f"{n} proposal{'s' if n != 1 else ''} still marked 'review: pending' "
        f"(line{'s' if n != 1 else ''} {where}); check each against the article, then delete "
        "its 'review: pending' line (or the whole block if it is wrong)"
    )


def article_files(articles_dir: Path) -> Iterator[Path]:
    """Article seed files in a stable order (so builds are deterministic)."""
    yield from sorted(articles_dir.glob("*.yaml"))


def duplicate_articles(files: list[Path], vocab: Vocabulary) -> SeedError | None:
    """The first article id that two files claim (their graphs would silently merge).

    Only called on the error path (when fewer article graphs than files came out of mapping),
    so the happy path of a large build reads no file twice.
    """
    first: dict[str, Location] = {}
    with pending_allowed():
        for path in files:
            seed = read_seed(path, vocab)
            ref = str((seed.article or {}).get("id", ""))
            where = Location(path, seed.lines.get(ref))
            if ref in first:
                return SeedError(
                    where,
                    f"duplicate id {ref!r}: {first[ref]} already uses it for its article; "
                    "every article file needs its own article id",
                )
            first[ref] = where
    return None
