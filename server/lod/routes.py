"""Linked Data routes: Cool URIs with 303 See Other, content negotiation, pages, dumps.

Pattern (one, used everywhere): an IRI ``{base}id/x`` is served at ``/id/x``, which answers
``303 See Other`` to a document: ``/doc/id/x`` (HTML) for browsers, ``/doc/id/x.ttl`` /
``.jsonld`` / ``.nt`` / ``.rdf`` for RDF clients, chosen from ``Accept`` (q-values honoured).
Documents can also be linked directly by extension. The same holds for ``/code/…``,
``/graph/…`` and the ontology IRI ``/ontology`` (whose HTML is the pyLODE page; its class
and property IRIs are ``/ontology#Term`` and land on their anchors there).
"""

from __future__ import annotations

import gzip
import json
import mimetypes
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox
from flask import Blueprint, Response, abort, redirect, render_template, request, send_file
from markupsafe import Markup, escape
from werkzeug.urls import iri_to_uri
from werkzeug.wrappers import Response as BaseResponse

from kg.prefixes import PREFIXES

from ..formats import ResultKind, formats_for
from . import asof, entity, evidence, pictures, relations, sections, svg
from . import describe as rdfdoc
from .batch import labels_of
from .dates import precision, publication_bounds
from .ontology import ontology_view, property_labels
from .search import MAX_RESULTS, SearchError, VersionedIndex

HTML = "text/html"
AUTHORED_BASE = "https://seckg.example.org/"  # the base the page queries are written with
OFFERED = [HTML, *(media for _, media in rdfdoc.RDF_FORMATS.values())]
NAMESPACES = ("id", "code", "graph")
ISO_DATE = re.compile(r"\b\d{4}(?:-\d{2}){1,2}\b")  # a partial or whole date in a phrase


@dataclass(frozen=True)
class LinkedDataConfig:
    """Where the data's IRIs live and where the built files are."""

    base: str = "https://seckg.example.org/"
    dist: Path | None = None
    examples: list[dict[str, str]] = field(default_factory=list)

    @property
    def ontology_iri(self) -> str:
        return f"{self.base}ontology"


def _escape_json_for_script(data: bytes) -> str:
    """JSON-LD safe inside <script>: no '<' can close the element."""
    return data.decode("utf-8").replace("<", "\\u003c").replace(">", "\\u003e")


def valid_iri(iri: str) -> bool:
    """True if ``iri`` is an absolute IRI.

    Paths come from the URL and are pasted into SPARQL as ``<iri>`` by the page queries, so
    only text Oxigraph accepts as an IRI may get that far: it cannot contain ``>``, spaces or
    braces, so it cannot end the IRI and inject a pattern (``SERVICE`` would make the server
    fetch a URL). Anything else is simply not one of our resources: 404, not an error page.
    """
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def web_address(iri: str) -> bool:
    """True for an http(s) IRI: the only kind a page may turn into a link (issue 21, 1)."""
    scheme, colon, _ = iri.partition(":")
    return bool(colon) and scheme.lower() in ("http", "https")


# Every HTML page: scripts and styles only from this site, no inline script, no plugins, no
# framing, forms only to this site (issue 21, finding 1). The JSON data blocks in pages
# (<script type="application/json"> / ld+json) are not executed, so CSP leaves them alone.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# The pyLODE page among the dumps carries its CSS inline: styles (never scripts) allowed there.
DUMP_PAGE_POLICY = CONTENT_SECURITY_POLICY.replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)


PAGE_CACHE_ENTRIES = 1024
# Bytes too, per front process: at 1M triples a state's page is megabytes, and 80 cached
# pages per front took the server to PSS 1.65 GB after bench/endpoint.py (issue 12).
PAGE_CACHE_BYTES = 32 * 1024 * 1024
# HTML pages from this size on are sent gzipped to clients that accept it (the cache's byte
# bound counts the plain pages; their gzips are about a seventh more).
GZIP_FROM_BYTES = 2048
GZIP_LEVEL = 5  # Armenia's page: level 5 171 KB in ~37 ms, level 6 165 KB in ~46 ms
# A facet of /articles shows this many values (the commonest) and folds the rest: with 91
# outlets, most cited once, the outlet chips filled the first two screens at 400 px before
# the first article.
FACET_SHOWN = 12
# the /articles year facet's value for articles with publication bounds and no date
UNDATED = "undated"
# An entity page with more facts than this shows each fact's properties and sources folded
# (Armenia's page was ~14,800 px tall at 1400 px with everything open).
FOLD_AFTER_FACTS = 25


def blueprint(
    store: Callable[[], ox.Store],
    config: LinkedDataConfig,
    version: Callable[[], str] | None = None,
) -> Blueprint:
    """The Linked Data routes. With ``version`` (the dataset version), rendered documents
    are cached per worker until the data changes: a page runs ~20-30 queries, however many
    facts it shows (server/lod/batch.py)."""
    bp = Blueprint(
        "lod",
        __name__,
        template_folder="templates",
        static_folder="static",
        static_url_path="/assets",
    )

    def query(text: str) -> Any:
        """Run one of our page queries, with our vocabulary moved to the deployment's base."""
        if config.base != AUTHORED_BASE:
            text = text.replace(AUTHORED_BASE, config.base)
        return store().query(text)

    def local(iri: str) -> str:
        """The path on this server for one of our IRIs (other web addresses stay absolute).

        Every href a template writes from the data goes through here, so an IRI that is not
        an http(s) address (``javascript:…``, ``data:…``) never becomes a link target: it
        gets an empty href (the page itself), and the text beside it still shows the IRI.
        """
        if not web_address(iri):
            return ""
        if iri == config.ontology_iri:
            return "/doc/ontology"
        if iri.startswith(config.ontology_iri + "#"):
            return "/doc/ontology#" + iri.split("#", 1)[1]
        if iri.startswith(config.base):
            return "/doc/" + iri[len(config.base) :]
        return iri

    @bp.after_app_request
    def content_security_policy(response: Response) -> Response:
        if response.mimetype == HTML:
            dump = request.path.startswith("/dumps/") and request.path != "/dumps/"
            policy = DUMP_PAGE_POLICY if dump else CONTENT_SECURITY_POLICY
            response.headers["Content-Security-Policy"] = policy
        return response

    @bp.app_template_filter("grouped")
    def grouped(text: str) -> str:
        """A whole number of 5+ digits with thin-space thousands ("41 500 000"); else as is."""
        if text.isdigit() and len(text) > 4:
            return f"{int(text):,}".replace(",", "\u2009")
        return text

    @bp.app_template_filter("dated")
    def dated(text: str) -> Markup:
        """A date phrase whose dates never break at their hyphens ("no later than
        2025-03-08"): on a phone the phrase wraps between words (it is nowrap on a wide
        screen, and a 355 px phrase overflowed a 400 px page)."""
        return Markup(ISO_DATE.sub(lambda m: f'<span class="nw">{m[0]}</span>', str(escape(text))))

    def anchor(iri: str) -> str:
        """A fact's element id: its path under id/ ("membership-russia-csto"), unique on a
        page where two kinds of fact share a last segment."""
        rest = iri[len(config.base + "id/") :] if iri.startswith(config.base + "id/") else iri
        return rest.replace("/", "-")

    index = VersionedIndex(query, version)
    prop_labels: dict[str, dict[str, str]] = {}

    def labels_of_properties() -> dict[str, str]:
        key = version() if version is not None else ""
        if key not in prop_labels:
            prop_labels.clear()
            prop_labels[key] = {
                iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]: label
                for iri, label in property_labels(query).items()
            }
        return prop_labels[key]

    def known(iri: str) -> bool:
        return valid_iri(iri) and (
            iri == config.ontology_iri or rdfdoc.is_graph(store(), iri) or entity.exists(query, iri)
        )

    def not_found(iri: str) -> Response:
        if request.accept_mimetypes.best_match(OFFERED, default=HTML) == HTML:
            body = render_template("notfound.html", iri=iri)
            return Response(body, status=404, mimetype=HTML)
        return Response(f"Not found: {iri}\n", status=404, mimetype="text/plain")

    def see_other(path: str) -> BaseResponse:
        iri = config.base + path
        if not known(iri):
            return not_found(iri)
        best = request.accept_mimetypes.best_match(OFFERED, default=HTML)
        target = f"/doc/{path}" if best == HTML else f"/doc/{path}.{rdfdoc.MEDIA_TO_EXT[best]}"
        response = redirect(target, code=303)
        response.headers["Vary"] = "Accept"
        return response

    @bp.get("/id/<path:path>")
    def id_iri(path: str) -> BaseResponse:
        return see_other(f"id/{path}")

    @bp.get("/code/<path:path>")
    def code_iri(path: str) -> BaseResponse:
        return see_other(f"code/{path}")

    @bp.get("/graph/<path:path>")
    def graph_iri(path: str) -> BaseResponse:
        return see_other(f"graph/{path}")

    @bp.get("/ontology")
    @bp.get("/ontology/<version>")  # the owl:versionIRI: this server holds that one version
    def ontology_iri(version: str | None = None) -> BaseResponse:
        return see_other("ontology")

    pages: OrderedDict[tuple[str, str], Response] = OrderedDict()
    held = [0]  # bytes of the cached bodies
    guard = threading.Lock()  # the front's Flask threads share the cache

    zipped: dict[tuple[str, str], bytes] = {}  # the gzip of a cached page, made once

    def encoded(response: Response, key: tuple[str, str] | None) -> Response:
        """An HTML page gzipped for a client that accepts it (``Vary: Accept-Encoding``).
        Armenia's page is 1.2 MB as HTML and 171 KB gzipped (level 5, ~37 ms once; a
        cached page's gzip is kept with it). ``response`` is never changed: it may be the
        cached one."""
        if response.status_code != 200 or response.direct_passthrough:
            return response
        if response.mimetype != HTML or len(response.get_data()) < GZIP_FROM_BYTES:
            return response
        # a copy of the headers: Response(headers=Headers) shares the object, and a
        # Content-Encoding set here would stay on the cached page for every later client
        out = Response(response.get_data(), status=200, headers=list(response.headers))
        out.vary.add("Accept-Encoding")
        if request.accept_encodings["gzip"] <= 0:
            return out
        body = zipped.get(key) if key is not None else None
        if body is None:
            body = gzip.compress(response.get_data(), GZIP_LEVEL, mtime=0)
            with guard:
                if key is not None and key in pages:
                    zipped[key] = body
        out.set_data(body)
        out.headers["Content-Encoding"] = "gzip"
        return out

    @bp.get("/doc/<path:path>")
    def document(path: str) -> Response:
        if version is None:
            return encoded(render_document(path), None)
        key = (path, version())
        with guard:
            cached = pages.get(key)
            if cached is not None:
                pages.move_to_end(key)
        if cached is not None:
            return encoded(cached, key)
        response = render_document(path)
        if response.status_code == 200 and not response.direct_passthrough:
            size = len(response.get_data())
            with guard:
                if size <= PAGE_CACHE_BYTES // 8 and key not in pages:  # a huge page: not kept
                    pages[key] = response
                    held[0] += size
                    while len(pages) > PAGE_CACHE_ENTRIES or held[0] > PAGE_CACHE_BYTES:
                        gone, evicted = pages.popitem(last=False)
                        held[0] -= len(evicted.get_data())
                        zipped.pop(gone, None)
        return encoded(response, key)

    def render_document(path: str) -> Response:
        stem, dot, ext = path.rpartition(".")
        if dot and ext in rdfdoc.RDF_FORMATS and "/" not in ext:
            return rdf_document(stem, ext)
        return html_document(path)

    def rdf_document(path: str, ext: str) -> Response:
        iri = config.base + path
        if not valid_iri(iri):
            return not_found(iri)
        if path == "ontology":
            triples = rdfdoc.describe(store(), config.base + "graph/ontology", query)
        else:
            triples = rdfdoc.describe(store(), iri, query)
        if not triples:
            return not_found(iri)
        _, media = rdfdoc.RDF_FORMATS[ext]
        response = Response(rdfdoc.serialize(triples, ext), mimetype=media)
        # Header values must be Latin-1: an IRI with Armenian letters goes out as its URI.
        response.headers["Content-Location"] = iri_to_uri(f"/doc/{path}.{ext}")
        response.headers["Link"] = f'<{iri_to_uri(iri)}>; rel="describes"'
        return response

    def html_document(path: str) -> Response:
        iri = config.base + path
        if path == "ontology":
            onto = ontology_view(query, config.ontology_iri)
            pylode = config.dist is not None and (config.dist / "ontology.html").exists()
            body = render_template("ontology.html", onto=onto, local=local, has_pylode=pylode)
            return Response(body, mimetype=HTML)
        if not known(iri):
            return not_found(iri)
        if rdfdoc.is_graph(store(), iri):
            return Response(graph_page(iri, path), mimetype=HTML)
        jsonld = _escape_json_for_script(
            rdfdoc.serialize(rdfdoc.card(store(), iri, query), "jsonld")
        )
        # The types first: an article's page shows its facts as it gives them, never the
        # entity view (which read every fact of the article a second time).
        types = entity.types_of(query, iri)
        if "NewsArticle" in types:
            return Response(article_page(iri, path, jsonld), mimetype=HTML)
        view = entity.entity_view(query, iri, types)
        marks, periods = pictures.timeline_data(view, local)
        stances = pictures.membership_stances(view.statuses)
        spans = pictures.tie_dates(view)
        since = pictures.strained_since(view.statuses)
        ties = [
            svg.Tie(
                local(other),
                label,
                kind,
                local(other),
                stances.get(label, "") if kind == "membership" else "",
                spans.get(other, ()),
                since.get(label, "") if kind == "membership" else "",
                relations.STRAINED if kind == "membership" and label in stances else "",
            )
            for other, label, kind in view.partners
        ]
        ties = pictures.with_relations(ties, relations.relations(query, iri), local)
        names = labels_of_properties()
        inferred = sum(d.inferred for fs in view.facts.values() for f in fs for d in f.details)
        body = render_template(
            "entity.html",
            view=view,
            plabel=lambda name: names.get(name, name),
            inferred_count=inferred,
            fold=sum(len(fs) for fs in view.facts.values()) > FOLD_AFTER_FACTS,
            partner_count=len({t.partner for t in ties}),
            doc=f"/doc/{path}",
            jsonld=jsonld,
            local=local,
            timeline=svg.timeline_figure(marks, periods),
            network=svg.network_figure(view.label, ties),
            article_count=evidence.article_count,
            disagreements=lambda f: evidence.disagreements(f, names),
            contested=evidence.contested(view),
            anchor=anchor,
            by_year=sections.by_year,
        )
        return Response(body, mimetype=HTML)

    def graph_page(iri: str, path: str) -> str:
        """A named graph: its size, the article it holds, its data to download or query."""
        size = sum(1 for _ in store().quads_for_pattern(None, None, None, ox.NamedNode(iri)))
        article = None
        if "/graph/article/" in iri:
            article_iri = iri.replace("/graph/article/", "/id/article/", 1)
            article = (article_iri, entity.label_of(query, article_iri))
        name = iri[len(config.base + "graph/") :]
        return render_template(
            "graph.html",
            iri=iri,
            name=name,
            title=f"Facts of “{article[1]}”" if article else f"Named graph {name}",
            triples=size,
            article=article,
            doc=f"/doc/{path}",
            query=f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }} LIMIT 200",
            local=local,
        )

    def article_page(iri: str, path: str, jsonld: str) -> str:
        rows = list(
            query(f"""{entity.PREFIXES}
            SELECT ?h ?d ?lo ?hi ?note ?pub ?author ?file ?url ?lang WHERE {{
              <{iri}> schema:headline ?h ; sk:seedFile ?file .
              OPTIONAL {{ <{iri}> schema:datePublished ?d }}
              OPTIONAL {{ <{iri}> sk:publishedNoEarlierThan ?lo }}
              OPTIONAL {{ <{iri}> sk:publishedNoLaterThan ?hi }}
              OPTIONAL {{ <{iri}> sk:dateNote ?note }}
              OPTIONAL {{ <{iri}> schema:publisher ?pub }}
              OPTIONAL {{ <{iri}> schema:author ?author }}
              OPTIONAL {{ <{iri}> schema:url ?url }}
              OPTIONAL {{ <{iri}> schema:inLanguage ?lang }}
            }} LIMIT 1""")
        )
        row = rows[0]
        value = lambda name: row[name].value if row[name] is not None else ""  # noqa: E731
        publisher = (value("pub"), entity.label_of(query, value("pub"))) if value("pub") else None
        mentioned = [
            r["m"].value
            for r in query(f"{entity.PREFIXES}SELECT ?m WHERE {{ <{iri}> schema:mentions ?m }}")
        ]
        names = labels_of(query, mentioned)
        mentions = sorted((m, names[m]) for m in mentioned)
        graph = config.base + "graph/" + iri[len(config.base + "id/") :]
        return render_template(
            "article.html",
            headline=value("h"),
            published=value("d"),
            precision=precision(value("d")) if value("d") else "",
            undated=(
                publication_bounds(value("lo"), value("hi"))
                if not value("d") and (value("lo") or value("hi"))
                else ""
            ),
            date_note=value("note"),
            publisher=publisher,
            author=value("author"),
            seed_file=value("file"),
            url=value("url"),
            language=value("lang"),
            graph=graph,
            facts=entity.article_facts(query, iri),
            mentions=mentions,
            doc=f"/doc/{path}",
            jsonld=jsonld,
            local=local,
        )

    @bp.get("/articles")
    def articles() -> Response:
        """The source articles, filterable by outlet, year and language, each with counts
        (issue 19, item 5). The filters are compared in Python, never put into SPARQL."""
        rows = query(f"""{entity.PREFIXES}
            SELECT ?a ?h ?d ?lo ?hi ?pub ?pubLabel ?lang ?url (COUNT(DISTINCT ?f) AS ?n) WHERE {{
              ?a a sk:NewsArticle ; schema:headline ?h .
              OPTIONAL {{ ?a schema:datePublished ?d }}
              OPTIONAL {{ ?a sk:publishedNoEarlierThan ?lo }}
              OPTIONAL {{ ?a sk:publishedNoLaterThan ?hi }}
              OPTIONAL {{ ?a schema:publisher ?pub
                         OPTIONAL {{ ?pub rdfs:label ?pubLabel FILTER (LANG(?pubLabel) = "en") }} }}
              OPTIONAL {{ ?a schema:inLanguage ?lang }}
              OPTIONAL {{ ?a schema:url ?url }}
              OPTIONAL {{ ?f prov:wasDerivedFrom ?a ; a sk:Fact }}
            }} GROUP BY ?a ?h ?d ?lo ?hi ?pub ?pubLabel ?lang ?url
            ORDER BY DESC(COALESCE(?d, ?lo, ?hi)) ?a""")
        items: dict[str, dict[str, Any]] = {}
        for r in rows:
            iri = r["a"].value
            if iri in items:  # a second label or url: the first row stands
                continue
            pub = r["pub"].value if r["pub"] is not None else ""
            low, high = (r[k].value if r[k] is not None else "" for k in ("lo", "hi"))
            undated = r["d"] is None and bool(low or high)  # bounds only: never a year
            items[iri] = {
                "iri": iri,
                "headline": r["h"].value,
                "date": r["d"].value if r["d"] else "",
                "undated": publication_bounds(low, high) if undated else "",
                "year": r["d"].value[:4] if r["d"] else (UNDATED if undated else ""),
                "outlet": pub.rsplit("/", 1)[-1] if pub else "",
                "outlet_label": r["pubLabel"].value if r["pubLabel"] else "",
                "outlet_iri": pub,
                "language": r["lang"].value if r["lang"] else "",
                "url": r["url"].value if r["url"] else "",
                "facts": int(r["n"].value),
                "graph": local(article_graph(iri)),
            }
        every = list(items.values())
        chosen = {
            name: request.args.get(name, "").strip()[:100] for name in ("outlet", "year", "lang")
        }
        field_of = {"outlet": "outlet", "year": "year", "lang": "language"}

        def keep(item: dict[str, Any], skip: str = "") -> bool:
            return all(
                not value or item[field_of[name]] == value
                for name, value in chosen.items()
                if name != skip
            )

        # facet -> (the values shown, the values folded), each (value, label, count)
        facets: dict[str, tuple[list[tuple[str, str, int]], list[tuple[str, str, int]]]] = {}
        for name, key in field_of.items():
            counts: dict[str, int] = {}
            labels: dict[str, str] = {}
            for item in every:
                if keep(item, skip=name):  # counts under the other filters
                    counts[item[key]] = counts.get(item[key], 0) + 1
                    if name == "outlet":
                        labels[item[key]] = item["outlet_label"] or item[key]
            order = (
                sorted(counts, key=lambda v: (-counts[v], v))
                if name != "year"  # years newest first, then the undated articles
                else sorted(counts, key=lambda v: (v != UNDATED, v), reverse=True)
            )
            values = [(v, labels.get(v, v), counts[v]) for v in order]
            top = values[:FACET_SHOWN]
            top += [v for v in values[FACET_SHOWN:] if v[0] == chosen[name]]  # kept in sight
            facets[name] = (top, [v for v in values if v not in top])
        shown = [item for item in every if keep(item)]

        def link(**change: str) -> str:
            params = {k: v for k, v in {**chosen, **change}.items() if v}
            return "/articles" + (f"?{urlencode(params)}" if params else "")

        body = render_template(
            "articles.html",
            articles=shown,
            total=len(every),
            facets=facets,
            chosen=chosen,
            link=link,
            local=local,
        )
        return Response(body, mimetype=HTML)

    def article_graph(article: str) -> str:
        return config.base + "graph/" + article[len(config.base + "id/") :]

    def search_text() -> tuple[str, int]:
        """The ``q`` and ``limit`` parameters, strictly decoded (invalid UTF-8 is a 400)."""
        try:
            pairs = parse_qsl(
                request.query_string.decode("latin-1"), encoding="utf-8", errors="strict"
            )
        except UnicodeDecodeError:
            raise SearchError("the search text is not valid UTF-8") from None
        params: dict[str, str] = {}
        for name, value in pairs:
            params.setdefault(name, value)
        limit_text = params.get("limit", "20")
        if not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_RESULTS:
            raise SearchError(f"limit must be a whole number from 1 to {MAX_RESULTS}")
        return params.get("q", ""), int(limit_text)

    @bp.get("/search.json")
    def search_api() -> Response:
        try:
            text, limit = search_text()
            hits = index.get().search(text, limit)
        except SearchError as exc:
            error = json.dumps({"error": str(exc)}, ensure_ascii=False)
            return Response(error + "\n", status=400, mimetype="application/json")
        body = {
            "query": text,
            "results": [
                {
                    "iri": h.iri,
                    "label": h.label,
                    "type": h.type,
                    "matched": h.matched,
                    "alias": h.alias,
                    "date": h.date,
                    "description": entity.shorten(h.about, 120),
                    "page": local(h.iri),
                }
                for h in hits
            ],
        }
        return Response(json.dumps(body, ensure_ascii=False) + "\n", mimetype="application/json")

    @bp.get("/memberships-as-of.json")
    def memberships_as_of() -> Response:
        """``?entity=id/armenia&day=2023-06-30``: the state's memberships on that day, in the
        words of the model's as-of rule (server/lod/asof.py); the entity page's date field."""

        def error(message: str, status: int) -> Response:
            body = json.dumps({"error": message}, ensure_ascii=False) + "\n"
            return Response(body, status=status, mimetype="application/json")

        path = request.args.get("entity", "")
        try:
            day = asof.parse_day(request.args.get("day", ""))
        except ValueError as exc:
            return error(str(exc), 400)
        iri = config.base + path
        if not path.startswith("id/") or not valid_iri(iri) or not known(iri):
            return error(f"no entity {path[:80]!r}", 404)
        try:
            answers = asof.memberships_on(query, iri, day)
        except (OSError, RuntimeError) as exc:  # the rule's CQ file missing or changed
            return error(f"the as-of rule is not available here: {exc}", 503)
        rows = [
            {
                "organization": a.organization,
                "organizationLabel": a.organization_label,
                "page": local(a.organization),
                "status": a.status,
                "answer": a.answer,
                "evidence": a.evidence,
                "monthsBefore": a.months_before,
                "source": local(a.source),
                "sourceLabel": a.source_label,
                "endedBy": local(a.ended_by) if a.ended_by else "",
                "endedByLabel": a.ended_by_label,
                "attestedAfterEndBy": local(a.attested_after_end_by)
                if a.attested_after_end_by
                else "",
                "attestedAfterEndByLabel": a.attested_after_end_by_label,
            }
            for a in answers
        ]
        body = {"entity": iri, "day": day.isoformat(), "memberships": rows}
        return Response(json.dumps(body, ensure_ascii=False) + "\n", mimetype="application/json")

    @bp.get("/search")
    def search_page() -> Response:
        text, error, hits = "", "", []
        try:
            text, limit = search_text()
            if text.strip():
                hits = index.get().search(text, limit)
        except SearchError as exc:
            error = str(exc)
        body = render_template(
            "search.html",
            search_text=text[:200],
            error=error,
            hits=hits,
            local=local,
            shorten=entity.shorten,
        )
        return Response(body, status=400 if error else 200, mimetype=HTML)

    @bp.get("/entities")
    def entities() -> Response:
        groups = index.get().by_type()
        body = render_template("entities.html", groups=groups, local=local)
        return Response(body, mimetype=HTML)

    @bp.get("/favicon.ico")
    def favicon() -> Response:
        response = bp.send_static_file("favicon.svg")
        response.mimetype = "image/svg+xml"
        return response

    @bp.get("/")
    def home() -> Response:
        examples = config.examples
        page_config = {
            "base": config.base,
            "prefixes": PREFIXES,
            "formats": {
                "results": [f.names[0] for f in formats_for(ResultKind.RESULTS)],
                "graph": [f.names[0] for f in formats_for(ResultKind.GRAPH)],
            },
        }
        return Response(
            render_template(
                "query.html",
                examples=examples,
                prefixes=PREFIXES,
                examples_json=_escape_json_for_script(json.dumps(examples).encode()),
                config_json=_escape_json_for_script(json.dumps(page_config).encode()),
                default_query=examples[0]["query"]
                if examples
                else "SELECT * WHERE { ?s ?p ?o } LIMIT 10",
            ),
            mimetype=HTML,
        )

    def dump_files() -> list[Path]:
        if config.dist is None or not config.dist.is_dir():
            return []
        # Hidden files are the server's own (the pin's ".in-use" lock: issue 20, finding
        # 10), never data: neither listed nor served.
        return sorted(
            p for p in config.dist.iterdir() if p.is_file() and not p.name.startswith(".")
        )

    @bp.get("/dumps/")
    def dumps() -> Response:
        files = [(p.name, _media_type(p), p.stat().st_size) for p in dump_files()]
        return Response(render_template("dumps.html", files=files), mimetype=HTML)

    @bp.get("/dumps/<name>")
    def dump(name: str) -> Response:
        match = next((p for p in dump_files() if p.name == name), None)
        if match is None:
            abort(404)
        return send_file(match, mimetype=_media_type(match), conditional=True)

    @bp.get("/.well-known/void")
    def void() -> Response:
        path = config.dist / "void.ttl" if config.dist else None
        if path is None or not path.exists():
            abort(404)
        response = send_file(path, mimetype="text/turtle", conditional=True)
        response.headers["Link"] = '</sparql>; rel="http://rdfs.org/ns/void#sparqlEndpoint"'
        return response

    @bp.get("/sitemap.xml")
    def sitemap() -> Response:
        # The public base, never the request's Host header: a sitemap built from Host would
        # let any client plant its own domain in a cached, crawled document.
        root = config.base.rstrip("/")
        rows = query(
            f"SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(isIRI(?s) && "
            f'STRSTARTS(STR(?s), "{config.base}id/")) }} ORDER BY ?s'
        )
        urls = ["/", "/articles", "/entities", "/doc/ontology", "/dumps/"] + [
            local(r["s"].value) for r in rows
        ]
        body = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ]
        body += [f"<url><loc>{xml_escape(root + u)}</loc></url>" for u in urls]
        body.append("</urlset>")
        return Response("\n".join(body) + "\n", mimetype="application/xml")

    return bp


def _media_type(path: Path) -> str:
    table = {
        ".ttl": "text/turtle",
        ".nt": "application/n-triples",
        ".nq": "application/n-quads",
        ".trig": "application/trig",
        ".jsonld": "application/ld+json",
        ".json": "application/json",
        ".html": "text/html",
        ".rdf": "application/rdf+xml",
    }
    return (
        table.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    )
