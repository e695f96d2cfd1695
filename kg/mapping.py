"""Map parsed seed files to an RDF dataset: one named graph per article.

Provenance is structural and exact: an article's graph holds only what that article's seed
file states. Every fact written there cites that article alone (``prov:wasDerivedFrom``) and
gets one attestation node saying how the article states it (mode, claimant, as of when, the
curator's summary). A fact several articles state is written, with the same id, in each of
their files, each with only what that article says; the graphs merge on the id.

All seed files become one JSON-LD document (a named graph object per graph) read by
pyoxigraph's JSON-LD parser in a single call: the context says what each key means, and
parsing fact by fact with rdflib's JSON-LD parser was the slowest part of a large build.
Problems are still reported by seed file and line: the error paths re-parse one seed at a
time to find the culprit.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml
from rdflib import URIRef

from kg import config, timebounds
from kg.errors import Location, SeedError
from kg.partialdates import day_bounds
from kg.seeds import SeedFile, Vocabulary, article_files, load_context, read_seed
from kg.store import select, value

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# Graphs per bulk load: one load of everything briefly doubled peak memory at 1M triples
# (1.6 GB against 0.8 GB in chunks of 1000 graphs, for 35% more time).
GRAPHS_PER_LOAD = 1000
# Parse seed files in worker processes from this many files on (a worker costs ~0.5 s to
# start; a file of ~250 triples ~10 ms to parse).
PARALLEL_MIN_FILES = 200
MAX_WORKERS = 4

# Keys of a curated fact that describe the article's statement of it, not the fact itself.
# Quantities of a deal, a partnership's trend and a statement's stance are among them: each
# article gives its own as of its date (deliveries grow, relations change, sources frame one
# statement differently), so a new article never contradicts an old one.
ATTESTATION_KEYS = (
    "summary",
    "dateNote",
    "reportedBy",
    "asOf",
    "asOfNoLaterThan",
    "mode",
    "claimant",
    "locator",
    "quantityOrdered",
    "quantityDelivered",
    # whether the relation is strengthening, stable or weakening is what this article says as
    # of its date: two articles may share one partnership and differ on its trend
    "trend",
    # how a statement sounds is how this article frames it: one statement, reported as
    # conciliatory by one article and as an accusation by another (036/055 and 075), keeps both
    "stance",
    # "about a hundred", "up to 40": how this article gives its figures of the fact (the
    # figures themselves are one per article graph, on the fact): another article may give
    # the same figure exactly
    "figureQualifier",
)
# A deal's (an agreement's) status is also the article's statement, as of its date: "signed"
# in one article and "delivered" in a later one are both true, each as of its own day. Only a
# membership status period keeps `status` on the fact: the status is what that fact is.
STATUS_ON_FACT = ("MembershipStatusPeriod",)
# What an article shows of a deal as of its date (status, numbers): its attestation is as of
# the article by default, even when the deal itself (an event) is bounded by a latest date.
AS_OF_KEYS = ("status", "quantityOrdered", "quantityDelivered")
DEFAULT_MODE = "code:mode-reported"
PLAN_MODE = "code:mode-plan"
_DERIVED = "derived by the build from the stated dates (docs/modelling.md)"
RESERVED_KEYS = {
    "sources": "each article's file states its own view of a fact (write the fact, with the "
    "same id, in every article file that states it, with only what that article says)",
    "attests": "the build links every fact to its attestation",
    "curatedIn": "the build records the seed file",
    **{
        key: _DERIVED
        for key in (
            "startEarliest startLatest endEarliest endLatest asOfEarliest asOfLatest "
            "publishedLatest"
        ).split()
    },
}


@dataclass
class Mapped:
    """The asserted dataset (named graphs in ``store``) and where every node id was written."""

    store: ox.Store
    origins: dict[URIRef, Location] = field(default_factory=dict)
    articles: dict[URIRef, URIRef] = field(default_factory=dict)  # article IRI -> graph IRI

    def graph_names(self) -> list[str]:
        """The asserted graphs: the reference graph and each article's, in a stable order."""
        return [str(config.REFERENCE_GRAPH), *sorted(str(g) for g in self.articles.values())]


def _expand(ref: str, context: dict[str, Any]) -> URIRef:
    """Expand an id the way the context does (relative to @base, or a compact IRI)."""
    prefix, sep, local = ref.partition(":")
    if sep and isinstance(context.get(prefix), str):
        return URIRef(context[prefix] + local)
    return URIRef(context["@base"] + ref)


def _json(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


def _parse(doc: dict[str, Any]) -> Iterator[ox.Quad]:
    return ox.parse(_json(doc), format=ox.RdfFormat.JSON_LD)


def _record_origins(mapped: Mapped, seed: SeedFile, context: dict[str, Any]) -> None:
    """Where each node id (and each attestation) was written; a fact stated in several
    article files is reported at the first, naming the others."""
    article_ref = seed.article["id"] if seed.article else None
    for ref, line in seed.lines.items():
        here = Location(seed.path, line)
        iris = [_expand(ref, context)]
        if article_ref is not None and ref != article_ref:
            iris.append(_expand(attestation_id(article_ref, ref), context))
        for iri in iris:
            known = mapped.origins.get(iri)
            mapped.origins[iri] = here if known is None else known.with_also(here)


@dataclass
class Seeds:
    """Every seed file of a build, read and checked, with the article graph names."""

    context: dict[str, Any]
    reference: SeedFile
    articles: list[SeedFile]
    graphs: dict[URIRef, URIRef]  # article IRI -> graph IRI

    def all(self) -> list[SeedFile]:
        return [self.reference, *self.articles]


def read_seeds(paths: config.Paths) -> Seeds:
    """Read the reference file and every article file (in build order)."""
    context = load_context(paths.context)
    vocab = Vocabulary.from_context(context)
    reference = read_seed(paths.reference, vocab)
    articles = _read_many(list(article_files(paths.articles)), vocab)
    if not articles:
        raise SeedError(Location(paths.articles), "no article seed files (*.yaml) found")
    graphs = {}
    for seed in articles:
        assert seed.article is not None
        iri = _expand(seed.article["id"], context)
        graphs[iri] = URIRef(config.article_graph(str(iri)))
    return Seeds(context, reference, articles, graphs)


def _read_many(files: list[Path], vocab: Vocabulary) -> list[SeedFile]:
    """Parse many seed files, on every core when there are enough to pay for the workers.

    YAML parsing is pure Python (PyYAML without libyaml is the norm here) and dominated
    mapping at scale: about 50 s of a 1M-triple build on one core. Results come back in
    file order, and the first bad file (in that order) is the one reported, as before.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if workers < 2 or len(files) < PARALLEL_MIN_FILES:
        return [read_seed(path, vocab) for path in files]
    context = multiprocessing.get_context("spawn")  # no fork: the parent may hold a store
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        chunk = max(1, len(files) // (workers * 8))
        results = list(pool.map(_read_one, files, itertools.repeat(vocab), chunksize=chunk))
    out = []
    for result in results:
        if isinstance(result, SeedFile):
            out.append(result)
        else:  # SeedError does not pickle: it travels as (location, message)
            location, message = result
            raise SeedError(location, message)
    return out


def _read_one(path: Path, vocab: Vocabulary) -> SeedFile | tuple[Location, str]:
    try:
        return read_seed(path, vocab)
    except SeedError as exc:
        return exc.location, str(exc).removeprefix(f"{exc.location}: ")


def document(seeds: Seeds, paths: config.Paths) -> dict[str, Any]:
    """One JSON-LD document with a named graph object per graph (reference, articles)."""
    graphs: dict[str, list[dict[str, Any]]] = {str(config.REFERENCE_GRAPH): seeds.reference.nodes}
    for seed in seeds.articles:
        for graph_iri, node in _article_nodes(seeds, seed, paths):
            graphs.setdefault(graph_iri, []).append(node)
    return {
        "@context": seeds.context,
        "@graph": [{"@id": name, "@graph": nodes} for name, nodes in graphs.items()],
    }


def map_seeds(paths: config.Paths, classes: set[str], store: ox.Store | None = None) -> Mapped:
    """Read every seed file into ``store`` (reference graph + one graph per article).

    ``classes`` are the ontology's class IRIs: a ``type`` outside them is a seed error.
    """
    seeds = read_seeds(paths)
    doc = document(seeds, paths)
    mapped = Mapped(store if store is not None else ox.Store(), articles=seeds.graphs)
    graphs = doc["@graph"]
    try:  # parsed and loaded in Rust: no Python object per quad
        for start in range(0, len(graphs), GRAPHS_PER_LOAD):
            chunk = {"@context": doc["@context"], "@graph": graphs[start : start + GRAPHS_PER_LOAD]}
            mapped.store.bulk_load(_json(chunk), format=ox.RdfFormat.JSON_LD)
    except SyntaxError:
        _locate_parse_error(seeds.all(), seeds.context)
        raise
    _check_types(mapped.store, classes, seeds.all(), seeds.context)
    _check_mentions(mapped.store, seeds.articles, seeds.context)
    for seed in seeds.all():
        _record_origins(mapped, seed, seeds.context)
    return mapped


def _article_nodes(
    seeds: Seeds, seed: SeedFile, paths: config.Paths
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(graph IRI, node) pairs of one article file: its article node, then for every fact
    the fact's own triples and its attestation, all in this article's graph only."""
    context = seeds.context
    assert seed.article is not None
    article = dict(seed.article)
    own_ref = article["id"]
    article["curatedIn"] = seed_path_of(seed.path, paths.seeds.parent)
    language = article.get("inLanguage")
    if isinstance(language, str) and isinstance(article.get("headline"), str):
        # the page's own headline is in the page's language; a headline the curator wrote
        # (headlineNote says why: the text as read has none) is in the curators' English
        if "headlineNote" not in article:
            article["headline"] = {"@value": article["headline"], "@language": language}
    graph_iri = str(seeds.graphs[_expand(own_ref, context)])
    published = article.get("datePublished")
    # an article whose text, page and address give no date has bounds instead: what it shows
    # holding is attested "no later than" its upper bound, or undated without one
    no_later = None if published else article.get("publishedNoLaterThan")
    upper: Any = published or no_later
    if upper:  # its last day, once, for the shapes' "after publication" checks
        first = upper[0] if isinstance(upper, list) else upper
        try:
            _, last = day_bounds(first["@value"])
        except ValueError as exc:
            raise SeedError(Location(seed.path, seed.lines.get(own_ref)), str(exc)) from None
        article["publishedLatest"] = timebounds.typed_day(last)
    yield graph_iri, article
    for fact in seed.nodes:
        where = Location(seed.path, seed.lines.get(fact["id"]))
        if isinstance(language, str) and isinstance(fact.get("quote"), str):
            # a quote is the page's own words, in the page's language
            fact = {**fact, "quote": {"@value": fact["quote"], "@language": language}}
        fact_node, attestation = split_fact(fact, own_ref, published, where, no_later)
        yield graph_iri, fact_node
        yield graph_iri, attestation


def split_fact(
    fact: dict[str, Any],
    article_ref: str,
    published: Any,
    where: Location,
    published_no_later_than: Any = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """One curated fact block -> (the fact node, this article's attestation of it).

    What describes the world (type, participants, event dates) stays on the fact; what
    describes this article's statement of it (mode, claimant, reportedBy, as-of date, the
    curator's summary and date note) goes on the attestation. Both cite only this article,
    so an article's graph never holds what another article said.
    """
    for key in fact:
        if key in RESERVED_KEYS:
            raise SeedError(where, f"'{key}' is not written by curators: {RESERVED_KEYS[key]}")
    if "type" not in fact:
        raise SeedError(
            where,
            f"{fact['id']!r} has no 'type': an article file holds only facts (typed nodes), so "
            "that each carries its source; shared entities and their properties belong in "
            "reference.yaml",
        )
    on_attestation: tuple[str, ...] = ATTESTATION_KEYS
    if fact["type"] not in STATUS_ON_FACT:
        on_attestation = (*ATTESTATION_KEYS, "status")
    node = {k: v for k, v in fact.items() if k not in on_attestation}
    node["sources"] = [article_ref]
    try:
        bounds = timebounds.fact_bounds(node)
    except ValueError as exc:
        raise SeedError(where, str(exc)) from None
    node.update({key: timebounds.typed_day(day) for key, day in bounds.items()})

    attestation: dict[str, Any] = {
        "id": attestation_id(article_ref, fact["id"]),
        "type": "Attestation",
        "attests": fact["id"],
        "sources": [article_ref],
        "mode": fact.get("mode", DEFAULT_MODE),
    }
    attestation.update({k: fact[k] for k in on_attestation if k in fact and k != "mode"})
    # By default an article shows a fact as of its own date, unless it says the fact was over
    # by then (an end, a latest date, `former: true`: a former office is not attested as held)
    # or that it held at an undated earlier time (`asOfNoLaterThan`). A deal's status and
    # numbers are shown as of the article even when the deal (an event) has a latest date.
    ended = "endDate" in fact or "latestDate" in fact or fact.get("former") is True
    ended = ended and not any(key in attestation for key in AS_OF_KEYS)
    undated = attestation.get("asOfNoLaterThan")
    if undated and "asOf" in attestation:
        raise SeedError(
            where,
            "'asOf' and 'asOfNoLaterThan' together: give the date the article shows the fact "
            "holding (asOf), or, when it gives none, the date it held by (asOfNoLaterThan)",
        )
    # A plan ("will take office on 1 May") is not shown holding as of the article either.
    planned = attestation["mode"] == PLAN_MODE
    as_of = attestation.get("asOf") or (None if ended or undated or planned else published)
    if not (as_of or ended or undated or planned) and published_no_later_than:
        # an undated article: "as of the article" is only "no later than" its upper bound
        undated = published_no_later_than
        attestation["asOfNoLaterThan"] = undated
    try:
        if as_of:
            as_of = as_of if isinstance(as_of, list) else [as_of]
            attestation["asOf"] = as_of
            for key, day in timebounds.as_of_bounds(as_of[0]["@value"]).items():
                attestation[key] = timebounds.typed_day(day)
        elif undated:
            undated = undated if isinstance(undated, list) else [undated]
            last = timebounds.as_of_bounds(undated[0]["@value"])["asOfLatest"]
            attestation["asOfLatest"] = timebounds.typed_day(last)
    except ValueError as exc:
        raise SeedError(where, str(exc)) from None
    return node, attestation


def attestation_id(article_ref: str, fact_id: str) -> str:
    """``attestation/<article>.<kind>.<slug>``: one per (fact, article), and a legal SPARQL
    local name after the ``attestation:`` prefix (no ``/``)."""
    article = article_ref.removeprefix("article/")
    return f"attestation/{article}.{fact_id.replace('/', '.')}"


def _seed_nodes(seed: SeedFile) -> list[dict[str, Any]]:
    return ([seed.article] if seed.article else []) + list(seed.nodes)


def _check_types(
    store: ox.Store, classes: set[str], seeds: list[SeedFile], context: dict[str, Any]
) -> None:
    """Refuse a ``type`` that is not a class of the ontology, naming its file and line."""
    used = select(store, f"SELECT DISTINCT ?c WHERE {{ GRAPH ?g {{ ?s <{RDF_TYPE}> ?c }} }}")
    if all(value(row["c"]) in classes for row in used):
        return
    for seed in seeds:  # the error path: find the first seed (in build order) at fault
        for node in _seed_nodes(seed):
            for q in _parse({"@context": context, "@graph": [node]}):
                if q.predicate.value == RDF_TYPE and value(q.object) not in classes:
                    line = next(
                        (
                            ln
                            for ref, ln in seed.lines.items()
                            if str(_expand(ref, context)) == value(q.subject)
                        ),
                        None,
                    )
                    local = value(q.object).rsplit("#", 1)[-1]
                    raise SeedError(
                        Location(seed.path, line),
                        f"unknown type {local!r} (not a class of the ontology)",
                    )


_UNNAMED_MENTIONS = f"""
SELECT DISTINCT ?article ?mentioned WHERE {{
  GRAPH ?g {{ ?article <{config.SCHEMA}mentions> ?mentioned }}
  FILTER NOT EXISTS {{ GRAPH ?h {{ ?mentioned <{RDF_TYPE}> ?type }} }}
}}"""


def _check_mentions(store: ox.Store, seeds: list[SeedFile], context: dict[str, Any]) -> None:
    """Refuse a mention that names nothing: no entity of reference.yaml and no fact of any
    article file has that id (a typo such as ``armenai`` would otherwise pass unnoticed)."""
    unnamed = {
        (row["article"].value, row["mentioned"].value) for row in select(store, _UNNAMED_MENTIONS)
    }
    if not unnamed:
        return
    for seed in seeds:  # the error path: the first article (in build order) at fault
        article = seed.article or {}
        iri = str(_expand(article.get("id", ""), context))
        mentions = article.get("mentions", [])
        for ref in mentions if isinstance(mentions, list) else [mentions]:
            if isinstance(ref, str) and (iri, str(_expand(ref, context))) in unnamed:
                raise SeedError(
                    Location(seed.path, _item_line(seed.path, "mentions", ref)),
                    f"mentions {ref!r}, which names no entity or fact (no entity of "
                    "reference.yaml and no fact of any article file has that id): check the "
                    "spelling, or add the entity to reference.yaml",
                )


def _item_line(path: Path, key: str, value: str) -> int | None:
    """The line of ``value`` in the article block's ``key`` list (error path only)."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return None
    for block_key, block in getattr(root, "value", []):
        if block_key.value != "article" or not isinstance(block, yaml.MappingNode):
            continue
        for item_key, items in block.value:
            if item_key.value != key:
                continue
            nodes = items.value if isinstance(items, yaml.SequenceNode) else [items]
            for node in nodes:
                if getattr(node, "value", None) == value:
                    return int(node.start_mark.line) + 1
            return int(item_key.start_mark.line) + 1
    return None


def _locate_parse_error(seeds: list[SeedFile], context: dict[str, Any]) -> None:
    """Turn a JSON-LD/IRI syntax error into a SeedError naming the node's file and line."""
    for seed in seeds:
        for node in _seed_nodes(seed):
            try:
                list(_parse({"@context": context, "@graph": [node]}))
            except SyntaxError as exc:
                ref = node.get("id")
                line = seed.lines.get(ref) if isinstance(ref, str) else None
                raise SeedError(Location(seed.path, line), str(exc)) from None


def seed_path_of(path: Path, root: Path) -> str:
    """A seed file's path as shown to curators (relative to the project when possible)."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
