"""Linked Data on the full ``kg serve`` (built dataset, pages, dumps) over real HTTP.

Every IRI the graph mints must dereference; content negotiation follows one Cool-URIs
pattern (303 See Other to a document); RDF clients (rdflib) and browsers both get what they
ask for; literals are escaped in HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
import requests
from live_server import RunningServer, start_server, stop_server
from rdflib import OWL, RDF, RDFS, Literal, URIRef

from kg import config
from kg.build import BuildResult
from tests.conftest import corpus_seeds

BASE = "https://seckg.example.org/"
SK = rdflib.Namespace(BASE + "ontology#")
ARMENIA = URIRef(BASE + "id/armenia")
HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture(scope="module")
def site(
    built: tuple[config.Paths, BuildResult], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    dist = str(built[0].dist)
    srv = start_server(
        tmp_path_factory.mktemp("site"),
        [],
        token=None,
        command=("-m", "kg.cli", "serve", "--dist", dist),
    )
    yield srv
    stop_server(srv)


def _minted(site: RunningServer) -> list[str]:
    query = (
        f"SELECT DISTINCT ?x WHERE {{ {{ ?x ?p ?o }} UNION {{ ?s ?p ?x }} "
        f'FILTER(isIRI(?x) && STRSTARTS(STR(?x), "{BASE}") && !CONTAINS(STR(?x), "#")) }}'
    )
    res = requests.post(
        site.sparql,
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    return sorted(b["x"]["value"] for b in res.json()["results"]["bindings"])


def test_every_minted_iri_dereferences(site: RunningServer) -> None:
    iris = _minted(site)
    assert len(iris) > 200
    failures = []
    for iri in iris:
        path = iri[len(BASE) :]
        first = requests.get(
            f"{site.base}/{path}",
            headers={"Accept": "text/turtle"},
            allow_redirects=False,
            timeout=10,
        )
        if first.status_code != 303:
            failures.append((iri, first.status_code))
            continue
        doc = requests.get(site.base + first.headers["Location"], timeout=10)
        if doc.status_code != 200 or not doc.headers["Content-Type"].startswith("text/turtle"):
            failures.append((iri, doc.status_code))
            continue
        graph = rdflib.Graph().parse(data=doc.text, format="turtle")
        if len(graph) == 0:
            failures.append((iri, "empty"))
    assert failures == []


@pytest.mark.parametrize(
    ("accept", "suffix", "media"),
    [
        ("text/turtle", ".ttl", "text/turtle"),
        ("application/ld+json", ".jsonld", "application/ld+json"),
        ("application/n-triples", ".nt", "application/n-triples"),
        ("application/rdf+xml", ".rdf", "application/rdf+xml"),
        ("text/html;q=0.5, text/turtle", ".ttl", "text/turtle"),
        ("text/turtle;q=0.2, text/html", "", "text/html"),
        ("*/*", "", "text/html"),
    ],
)
def test_content_negotiation(site: RunningServer, accept: str, suffix: str, media: str) -> None:
    res = requests.get(
        f"{site.base}/id/armenia", headers={"Accept": accept}, allow_redirects=False, timeout=10
    )
    assert res.status_code == 303
    assert res.headers["Location"] == f"/doc/id/armenia{suffix}"
    assert "Accept" in res.headers.get("Vary", "")
    doc = requests.get(site.base + res.headers["Location"], timeout=10)
    assert doc.status_code == 200
    assert doc.headers["Content-Type"].startswith(media)


def test_rdflib_parses_entity_iri(site: RunningServer) -> None:
    graph = rdflib.Graph().parse(f"{site.base}/id/armenia")
    assert (ARMENIA, RDFS.label, Literal("Armenia", lang="en")) in graph
    assert (ARMENIA, RDFS.label, Literal("Հայաստան", lang="hy")) in graph
    # the n-ary facts it takes part in come along, with their sources
    memberships = set(graph.subjects(SK.member, ARMENIA))
    assert URIRef(BASE + "id/membership/armenia-csto") in memberships
    periods = set(graph.subjects(SK.ofMembership, URIRef(BASE + "id/membership/armenia-csto")))
    assert len(periods) == 3
    prov = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    assert all(graph.value(p, prov) is not None for p in periods)
    # and every linked resource has its label
    assert graph.value(URIRef(BASE + "id/csto"), RDFS.label) is not None


def test_a_facts_document_carries_what_each_article_says(site: RunningServer) -> None:
    """Dereferencing a fact gives its attestations: which article, as of when, in which mode."""
    tenure = URIRef(BASE + "id/tenure/pashinyan-armenia-prime-minister")
    graph = rdflib.Graph().parse(str(tenure).replace(BASE, site.base + "/"))
    attestations = set(graph.subjects(SK.attests, tenure))
    prov = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    articles = {graph.value(a, prov) for a in attestations}
    assert len(attestations) == len(articles) == 4
    assert all(graph.value(a, SK.asOf) is not None for a in attestations)
    assert all(graph.value(a, SK.mode) is not None for a in attestations)


def test_ontology_iri_html_for_browsers_turtle_for_rdflib(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/ontology", headers=HTML, timeout=10)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert 'id="State"' in page.text and 'id="wasMemberOf"' in page.text
    graph = rdflib.Graph().parse(f"{site.base}/ontology")
    assert (SK.State, RDF.type, OWL.Class) in graph
    # a class IRI is a hash IRI: clients fetch the ontology document and land on the anchor
    assert (SK.State, RDFS.label, Literal("state", lang="en")) in graph


def test_entity_page(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/doc/id/armenia", timeout=10).text
    assert "<h1>Armenia</h1>" in page
    assert 'href="http://www.wikidata.org/entity/Q399"' in page
    assert 'class="timeline"' in page and 'class="network"' in page
    assert "frozen" in page and "reduced participation" in page
    # the page embeds Armenia's own statements (names, types, Wikidata), not the whole
    # document of its facts: that is one link away (bench/entity_page.py: it was 31 % of the
    # page's bytes and 30 % of its time on 105 articles)
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert script is not None
    card = rdflib.Graph().parse(data=script.group(1), format="json-ld")
    armenia = rdflib.URIRef("https://seckg.example.org/id/armenia")
    assert {s for s, _, _ in card} == {armenia}
    assert (armenia, RDFS.label, Literal("Armenia", lang="en")) in card
    for fmt in (".ttl", ".jsonld"):
        assert f'href="/doc/id/armenia{fmt}"' in page
    # the timeline as a list names each row once ("CSTO: frozen", not "CSTO: CSTO: frozen")
    listed = re.findall(r'<details class="alt-text">.*?</details>', page, re.S)
    assert listed and not re.search(r"· ([^<:]+): \1:", "".join(listed))
    full = rdflib.Graph().parse(f"{site.base}/doc/id/armenia.jsonld", format="json-ld")
    assert len(full) > 100 and all(t in full for t in card)


def test_article_page_lists_its_facts(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/doc/id/article/002_b6a23184027507e9", timeout=10).text
    assert "West Invites Armenia To Join NATO" in page
    assert "2023-09" in page and "month precision" in page
    assert "/doc/id/exercise/eagle-partner-2023" in page


def test_unknown_iri_is_404_not_500(site: RunningServer) -> None:
    for accept in ("text/html", "text/turtle"):
        res = requests.get(f"{site.base}/id/no-such-thing", headers={"Accept": accept}, timeout=10)
        assert res.status_code == 404
    page = requests.get(f"{site.base}/doc/id/no-such-thing", headers=HTML, timeout=10)
    assert page.status_code == 404 and "Not found" in page.text


def test_dumps_void_sitemap(site: RunningServer, built: tuple[config.Paths, BuildResult]) -> None:
    listing = requests.get(f"{site.base}/dumps/", timeout=10).text
    for path in built[0].dist.iterdir():
        assert f'href="/dumps/{path.name}"' in listing
    trig = requests.get(f"{site.base}/dumps/dataset.trig", timeout=10)
    assert trig.headers["Content-Type"].startswith("application/trig")
    assert trig.content == (built[0].dist / "dataset.trig").read_bytes()
    void = rdflib.Graph().parse(
        data=requests.get(f"{site.base}/.well-known/void", timeout=10).text, format="turtle"
    )
    vocab = rdflib.Namespace("http://rdfs.org/ns/void#")
    assert next(void.objects(None, vocab.sparqlEndpoint), None) is not None
    dumps = {str(o).rsplit("/", 1)[-1] for o in void.objects(None, vocab.dataDump)}
    assert {"dataset.trig", "dataset.nq", "asserted.ttl"} <= dumps
    sitemap = requests.get(
        f"{site.base}/sitemap.xml", headers={"Host": "evil.example"}, timeout=10
    ).text
    assert "/doc/id/armenia</loc>" in sitemap
    assert "evil.example" not in sitemap
    assert f"<loc>{config.BASE}doc/id/armenia</loc>" in sitemap


def test_literals_are_escaped(tmp_path: Path) -> None:
    data = tmp_path / "evil.trig"
    data.write_text(
        f"<{BASE}graph/x> {{ <{BASE}id/evil> a <{BASE}ontology#State> ; "
        f'<http://www.w3.org/2000/01/rdf-schema#label> "<script>alert(1)</script>"@en ; '
        f'<http://schema.org/description> "</script><img src=x onerror=alert(2)>"@en . }}\n'
    )
    srv = start_server(tmp_path, [data], token=None, command=("-m", "kg.cli", "serve"))
    try:
        page = requests.get(f"{srv.base}/doc/id/evil", timeout=10).text
    finally:
        stop_server(srv)
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert embedded is not None
    assert "<script>alert(1)</script>" in json.dumps(json.loads(embedded.group(1)))


def test_deployment_base_makes_iris_resolve_where_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built with SECKG_BASE set to where it is served, IRIs dereference to themselves."""
    import subprocess
    import sys

    from live_server import free_port

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    monkeypatch.setenv("SECKG_BASE", base)
    seeds = corpus_seeds(tmp_path).seeds  # the frozen corpus: a build of seconds, not minutes
    dist = tmp_path / "dist"
    env = {**__import__("os").environ, "PYTHONPATH": str(config.ROOT)}
    built = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "-q", "--seeds", str(seeds), "--dist", str(dist)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    srv = start_server(
        tmp_path, [], token=None, port=port, command=("-m", "kg.cli", "serve", "--dist", str(dist))
    )
    try:
        armenia = URIRef(base + "id/armenia")
        graph = rdflib.Graph().parse(str(armenia))
        assert (armenia, RDFS.label, Literal("Armenia", lang="en")) in graph
        # follow your nose: a linked IRI found in the document dereferences too
        csto = URIRef(base + "id/csto")
        assert (csto, RDFS.label, None) in graph
        assert len(rdflib.Graph().parse(str(csto))) > 10
        page = requests.get(str(armenia), headers=HTML, timeout=10)
        assert page.status_code == 200 and 'class="timeline"' in page.text
        vocab = rdflib.Graph().parse(base + "ontology")
        assert (URIRef(base + "ontology#State"), RDF.type, OWL.Class) in vocab
    finally:
        stop_server(srv)


def test_cached_pages_follow_updates(
    built: tuple[config.Paths, BuildResult], tmp_path: Path
) -> None:
    """Pages are cached per dataset version: after an update the page shows the new data."""
    from live_server import TOKEN

    srv = start_server(
        tmp_path, [], token=TOKEN, command=("-m", "kg.cli", "serve", "--dist", str(built[0].dist))
    )
    try:
        before = [requests.get(f"{srv.base}/doc/id/armenia", timeout=10).text for _ in range(4)]
        assert all("Armenia-renamed" not in page for page in before)
        update = (
            f"INSERT DATA {{ GRAPH <{BASE}graph/reference> {{ <{ARMENIA}> "
            f'<http://schema.org/description> "Armenia-renamed"@en }} }}'
        )
        res = requests.post(
            srv.sparql,
            data={"update": update},
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=10,
        )
        assert res.status_code in (200, 204), res.text
        after = [requests.get(f"{srv.base}/doc/id/armenia", timeout=10).text for _ in range(4)]
        assert all("Armenia-renamed" in page for page in after)  # every worker, no stale copy
    finally:
        stop_server(srv)


def test_kg_serve_builds_first_when_there_is_no_dist(tmp_path: Path) -> None:
    """The README's first command: a fresh clone has no dist/, and `kg serve` builds it (here
    the frozen corpus's seeds, which build in seconds; the live ones build in live_built)."""
    paths = corpus_seeds(tmp_path)
    command = ("-m", "kg.cli", "serve", "--seeds", str(paths.seeds), "--dist", str(paths.dist))
    dist = paths.dist
    srv = start_server(tmp_path, [], token=None, command=command)
    try:
        assert (dist / "dataset.trig").exists()
        assert requests.get(f"{srv.base}/", timeout=10).status_code == 200
        assert requests.get(f"{srv.base}/doc/id/armenia", timeout=10).status_code == 200
    finally:
        stop_server(srv)


# ------------------------------------------------------------------ the web front (issue 9)


def _search(site: RunningServer, raw_query: str) -> requests.Response:
    """GET /search.json with a query string sent byte for byte (no client re-encoding)."""
    return requests.get(f"{site.base}/search.json?{raw_query}", timeout=10)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("pashin", "Nikol Pashinyan"),
        ("Papikian", "Suren Papikyan"),  # the alias article 001 uses
        ("papikyan", "Suren Papikyan"),
        ("PAPIKY%C3%81N", "Suren Papikyan"),  # accents and case do not matter
        ("%D0%9F%D0%B0%D1%88%D0%B8%D0%BD", "Nikol Pashinyan"),  # "Пашин": the Russian label
        ("csto", "Collective Security Treaty Organization"),  # an alias, exactly
    ],
)
def test_search_finds_by_label_and_alias(site: RunningServer, text: str, label: str) -> None:
    res = _search(site, f"q={text}")
    assert res.status_code == 200 and res.headers["Content-Type"] == "application/json"
    first = res.json()["results"][0]
    assert first["label"] == label
    assert first["type"] in {"Person", "Alliance"}
    page = requests.get(site.base + first["page"], timeout=10)
    assert page.status_code == 200 and f"<h1>{label}</h1>" in page.text


def test_search_ranks_people_before_facts_named_after_them(site: RunningServer) -> None:
    results = _search(site, "q=pashinyan").json()["results"]
    assert results[0]["label"] == "Nikol Pashinyan"
    assert len(results) > 3 and all(r["type"] != "Person" for r in results[1:])


@pytest.mark.parametrize(
    "raw",
    [
        "q=%22%7D%20UNION%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20%23",  # "} UNION { ?s ?p ?o } #
        "q=.*%5B(%5C",  # regex metacharacters: .*[(\
        "q=%3E%20SERVICE%20%3Chttp%3A%2F%2F127.0.0.1%3A1%2F%3E",  # > SERVICE <http://...>
        "q=%27%22%3C%3E%26",  # quotes and markup
        "q=a&q=b",  # repeated: the first counts
        "q=%00",
    ],
)
def test_search_odd_input_is_answered_not_injected(site: RunningServer, raw: str) -> None:
    res = _search(site, raw)
    assert res.status_code in (200, 400), res.text
    body = res.json()
    assert ("results" in body) != ("error" in body)
    if "results" in body:
        assert body["results"] == [] or raw == "q=a&q=b"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("q=", "type a name"),
        ("q=%20%20", "type a name"),
        ("", "type a name"),
        ("q=" + "x" * 201, "at most 200"),
        ("q=%FF%FE", "not valid UTF-8"),
        ("q=armenia&limit=0", "limit must be"),
        ("q=armenia&limit=lots", "limit must be"),
    ],
)
def test_search_bad_input_gets_a_clear_400(site: RunningServer, raw: str, message: str) -> None:
    res = _search(site, raw)
    assert res.status_code == 400
    assert message in res.json()["error"]
    page = requests.get(f"{site.base}/search?{raw}", timeout=10)
    if message == "type a name":  # the page itself: an empty search form, no error
        assert page.status_code == 200 and "<form" in page.text and "alert" not in page.text
    else:
        assert page.status_code == 400 and message in page.text and "<form" in page.text


def test_entity_index_lists_entities_by_type(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/entities", timeout=10).text
    assert 'id="Person"' in page and 'id="State"' in page
    assert 'href="/doc/id/suren-papikyan"' in page and 'href="/doc/id/armenia"' in page
    assert "/doc/id/tenure/" not in page  # fact nodes are reached from their entities


def test_browser_on_sparql_gets_the_query_page_clients_the_description(
    site: RunningServer,
) -> None:
    browser = requests.get(site.sparql, headers=HTML, allow_redirects=False, timeout=10)
    assert browser.status_code == 303 and browser.headers["Location"].endswith("/")
    for accept in ("*/*", "text/turtle"):
        client = requests.get(site.sparql, headers={"Accept": accept}, timeout=10)
        assert client.status_code == 200 and client.headers["Content-Type"].startswith(
            "text/turtle"
        )
    query = requests.get(site.sparql, params={"query": "ASK {}"}, headers=HTML, timeout=10)
    assert query.status_code in (200, 406) and "<html" not in query.text


def test_html_404_favicon_and_search_box_everywhere(site: RunningServer) -> None:
    missing = requests.get(f"{site.base}/no/such/page", headers=HTML, timeout=10)
    assert missing.status_code == 404 and missing.headers["Content-Type"].startswith("text/html")
    assert 'action="/search"' in missing.text and "/no/such/page" in missing.text
    plain = requests.get(f"{site.base}/no/such/page", timeout=10)
    assert plain.status_code == 404 and plain.headers["Content-Type"].startswith("text/plain")
    icon = requests.get(f"{site.base}/favicon.ico", timeout=10)
    assert icon.status_code == 200 and icon.headers["Content-Type"].startswith("image/svg+xml")
    for path in ("/", "/articles", "/entities", "/doc/ontology", "/doc/id/armenia", "/dumps/"):
        page = requests.get(site.base + path, headers=HTML, timeout=10).text
        assert 'action="/search"' in page and 'rel="icon"' in page, path


def test_articles_newest_first_with_fact_counts_and_graph_data(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/articles", timeout=10).text
    dates = re.findall(r'<td class="date">([^<]+)</td>', page)
    assert len(dates) == 5 and dates == sorted(dates, reverse=True)
    counts = [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', page)]
    assert len(counts) == 5 and all(n > 0 for n in counts)
    link = re.search(r'href="(/doc/graph/article/[^"]+\.ttl)"', page)
    assert link is not None
    graph = rdflib.Graph().parse(
        data=requests.get(site.base + link.group(1), timeout=10).text, format="turtle"
    )
    assert len(graph) > 20
    # the graph's own page says what it holds and links its article and its data
    page = requests.get(site.base + link.group(1)[: -len(".ttl")], timeout=10).text
    assert f"{len(graph)} triples" in page and 'href="/doc/id/article/' in page


def test_ontology_page_has_its_title_iri_and_the_site_nav(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/doc/ontology", headers=HTML, timeout=10).text
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title is not None and title.group(1).startswith("Security-relations knowledge graph")
    assert f'<code class="wrap">{BASE}ontology</code>' in page
    assert 'aria-label="Site"' in page and 'href="/entities"' in page
    assert 'id="State"' in page and 'id="MembershipStatus"' in page


def test_entity_page_labels_inferred_marks_dates_per_article(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/doc/id/armenia", timeout=10).text
    assert 'aria-label="On this page"' in page and "Memberships (" in page
    assert ">ofMembership<" not in page and ">participantActor<" not in page
    assert ">participant actor<" in page  # the ontology's label
    assert 'class="value inferred"' in page and 'id="hide-inferred"' in page
    # a tenure attested by several articles: each article with the date it reports it as of
    tenure = requests.get(
        f"{site.base}/doc/id/tenure/pashinyan-armenia-prime-minister", timeout=10
    ).text
    said = re.findall(r'<li class="attestation">(.*?)</li>', tenure, re.S)
    assert len(said) >= 3
    assert all('class="source"' in a and "attests it as of" in a for a in said)
    # a statement: who said it, about what, when, and per which article
    person = requests.get(f"{site.base}/doc/id/nikol-pashinyan", timeout=10).text
    statement = re.search(
        r'<li class="fact statement"[^>]*>(.*?)</li>\s*(?=<li|</ul>)', person, re.S
    )
    assert statement is not None
    head = statement.group(1)
    assert "Nikol Pashinyan</a></span>" in head and " said" in head and 'class="source"' in head


def test_kg_serve_prints_the_query_page_url(site: RunningServer) -> None:
    assert f"query page: http://127.0.0.1:{site.port}/ " in site.log()


def test_organization_timeline_has_its_members_status_bands(site: RunningServer) -> None:
    page = requests.get(f"{site.base}/doc/id/csto", timeout=10).text
    # a status an article relays as someone's claim is drawn as one ("claimed frozen")
    assert re.search(r"Armenia: (claimed )?frozen: attested 2024-02", page)
    assert "Armenia: reduced participation: attested 2023" in page


def test_pages_say_what_the_evidence_says_of_posts(site: RunningServer) -> None:
    """A post known from attestations is "last attested" at its latest evidence, never "as of"
    or "held"; a former one "ended by" its bound; an undated one "no later than" its bound."""

    def head(person: str, tenure: str) -> str:
        page = requests.get(f"{site.base}/doc/id/{person}", timeout=10).text
        found = re.search(rf'<li class="fact[^"]*" id="tenure-{tenure}">(.*?)</li>', page, re.S)
        assert found is not None, person
        return _text(found.group(1))

    assert "last attested 2019-10-29" in head("davit-tonoyan", "tonoyan-armenia-defence-minister")
    assert "ended by 2019" in head("robert-kocharyan", "kocharyan-armenia-president")
    undated = head("yuri-khatchaturov", "khatchaturov-csto-secretary-general")
    assert "attested, undated, no later than 2019" in undated
    # Pashinyan: attested as of 2019-10-29, 2023-09, 2023-11 and 2024; the latest is the head
    assert "last attested 2024" in head("nikol-pashinyan", "pashinyan-armenia-prime-minister")
    person = requests.get(f"{site.base}/doc/id/davit-tonoyan", timeout=10).text
    assert ">Posts <" in person and "Posts held" not in _text(person)
    # the fact's own line (its name and date phrase, before its kind) never says "as of"; the
    # article's line below it may ("attests it as of 2019-10-29": what that article says)
    line = head("davit-tonoyan", "tonoyan-armenia-defence-minister").split("Tenure")[0]
    assert "last attested 2019-10-29" in line and "as of" not in line and "held" not in line


def _text(html: str) -> str:
    """What a reader sees of a piece of page: each date sits in its own nowrap span."""
    return re.sub(r"<[^>]+>", "", html)


def test_pages_are_sent_gzipped_to_clients_that_accept_it(site: RunningServer) -> None:
    """Armenia's page is 1.2 MB of HTML on 128 articles (171 KB gzipped); a client that
    accepts gzip gets it gzipped, one that does not gets the same page plain."""
    import gzip
    import http.client
    from urllib.parse import urlsplit

    where = urlsplit(site.base)

    def get(path: str, encoding: str) -> tuple[dict[str, str], bytes]:
        conn = http.client.HTTPConnection(where.hostname or "", where.port, timeout=30)
        conn.request("GET", path, headers={"Accept": "text/html", "Accept-Encoding": encoding})
        answer = conn.getresponse()
        body, headers = answer.read(), {k.lower(): v for k, v in answer.getheaders()}
        conn.close()
        assert answer.status == 200, (path, answer.status)
        return headers, body

    for path in ("/doc/id/armenia", "/doc/id/armenia"):  # rendered, then from the cache
        zipped_headers, zipped = get(path, "gzip, deflate")
        plain_headers, plain = get(path, "identity")
        assert zipped_headers.get("content-encoding") == "gzip"
        assert "content-encoding" not in plain_headers
        assert "Accept-Encoding" in zipped_headers.get("vary", "")
        assert "Accept-Encoding" in plain_headers.get("vary", "")
        assert gzip.decompress(zipped) == plain and len(zipped) < len(plain) / 3
    turtle_headers, _ = get("/doc/id/armenia.ttl", "gzip")
    assert "content-encoding" not in turtle_headers  # only the HTML pages
