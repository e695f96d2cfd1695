"""``kg validate FILE``: check one article seed file (a reviewed draft, or a new file) fast.

The file is checked in the company of the reference entities and the other article files
(its facts may point at entities and events defined there), but only problems in the file
itself, or in the reference entities (a curator adds an article's new entities there, and a
build refuses a bad one: a government body without its country passed ``kg validate FILE``
and stopped ``kg build`` on 2026-12-06), are reported, and nothing is reasoned over or
written: the whole of it is the load and SHACL stages of a build. Proposals still marked
``review: pending`` are read and checked like the rest, and counted, so a curator can
validate while reviewing.

The file may be anywhere. A file outside the articles directory with the article id and the
seed file (the text as read) of an article file there is a copy of that article being edited,
and is checked in place of that file (the result says so); another article that takes an id
already in use, or two files inside the directory with one article id, is an error, as in a
build.
"""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg import config
from kg.audit import Warning_
from kg.errors import Location, SeedError
from kg.seeds import (
    Vocabulary,
    article_files,
    load_context,
    pending_allowed,
    read_seed,
)
from kg.validate import Engine, Violation


@dataclass
class FileCheck:
    """What ``kg validate FILE`` found."""

    violations: list[Violation]
    pending: list[int]
    facts: int
    replaces: Path | None = None  # the article file this one was checked in place of
    warnings: list[Warning_] = dataclasses.field(default_factory=list)  # kg.audit's, this file's


def validate_file(path: Path, paths: config.Paths, engine: Engine = "auto") -> FileCheck:
    """SHACL violations located in ``path``, and its pending proposals' lines."""
    from kg.build import check, load  # the pipeline's own stages, imported when needed

    vocab = Vocabulary.from_context(load_context(paths.context))
    with pending_allowed():
        seed = read_seed(path, vocab)  # syntax, keys, dates: fails fast, before any RDF
    if seed.article is None:
        raise SeedError(Location(path, 1), "not an article file (it has no 'article' block)")
    own = str(seed.article.get("id", ""))
    others = [f for f in article_files(paths.articles) if f.resolve() != path.resolve()]
    inside = path.resolve().parent == paths.articles.resolve()
    replaces = None
    with pending_allowed():
        for other in list(others):
            theirs = read_seed(other, vocab).article or {}
            if theirs.get("id") != own:
                continue
            same_text = theirs.get("seedFile") == seed.article.get("seedFile")
            if inside or not same_text:
                raise SeedError(
                    Location(path, seed.lines.get(own)),
                    f"duplicate id {own!r}: {other} already uses it for its article; "
                    "every article file needs its own article id",
                )
            others.remove(other)  # a copy of that article from elsewhere: check it instead
            replaces = other
    with tempfile.TemporaryDirectory(prefix="kg-validate-") as tmp:
        seeds = Path(tmp) / "seeds"
        (seeds / "articles").mkdir(parents=True)
        (seeds / "context.jsonld").symlink_to(paths.context.resolve())
        (seeds / "reference.yaml").symlink_to(paths.reference.resolve())
        for other in others:
            (seeds / "articles" / other.name).symlink_to(other.resolve())
        mine = seeds / "articles" / f"~{path.name}"  # sorts last: build order unchanged
        mine.symlink_to(path.resolve())
        scratch = config.Paths(seeds=seeds, ontology=paths.ontology, shapes=paths.shapes)
        try:
            with pending_allowed():
                loaded = load(scratch)
                violations = check(loaded, engine)
        except SeedError as exc:  # name the curator's file, not our symlink
            if exc.location.path == mine:
                message = str(exc).removeprefix(f"{exc.location}: ")
                raise SeedError(Location(path, exc.location.line), message) from None
            raise
    reference = seeds / "reference.yaml"
    located = [
        dataclasses.replace(v, location=Location(path, v.location.line))
        for v in violations
        if v.location is not None and v.location.path == mine
    ] + [  # an entity the curator added for this file: the build would refuse it too
        dataclasses.replace(v, location=Location(paths.reference, v.location.line))
        for v in violations
        if v.location is not None and v.location.path == reference
    ]
    from kg import audit

    own_warnings = [
        dataclasses.replace(w, where=Location(path, w.where.line))
        for w in audit.warnings(loaded.store, loaded.mapped.origins)
        if w.where is not None and w.where.path == mine
    ]
    return FileCheck(located, seed.pending, len(seed.nodes), replaces, own_warnings)
