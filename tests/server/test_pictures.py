"""The SVG pictures and the search table as plain functions (the browser test measures them
as rendered; these pin the rules that make them legible and honest)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from server.lod import svg
from server.lod.entity import StatusView, shorten
from server.lod.pictures import status_pictures
from server.lod.search import Entry, SearchError, SearchIndex, fold

SVG = "{http://www.w3.org/2000/svg}"


def _texts(picture: str) -> list[str]:
    root = ET.fromstring(picture)
    return ["".join(t.itertext()) for t in root.iter(SVG + "text")]


def test_wrap_and_shorten_never_cut_words() -> None:
    lines = svg.wrap("Collective Security Treaty Organization", 13, 120)
    assert " ".join(lines) == "Collective Security Treaty Organization"
    assert all(len(line) * 13 * svg.CHAR_EM <= 120 for line in lines)
    assert (
        shorten("Armenia reinforces Western military alliances", 30)
        == "Armenia reinforces Western…"
    )
    assert shorten("short", 30) == "short"


def test_statuses_are_bands_only_from_a_known_start_and_points_as_of() -> None:
    statuses = [
        StatusView("CSTO", "active", "/a", starts=["2019"]),
        StatusView("CSTO", "reduced participation", "/b", starts=["2023"]),
        StatusView("CSTO", "frozen", "/c", as_of=[("2024-02", "/article/1")]),
    ]
    marks, periods = status_pictures(statuses, lambda iri: iri)
    assert [(p.label, p.ended_by, p.end is None) for p in periods] == [
        ("active", True, False),  # over no later than the next known start
        ("reduced participation", False, True),  # nothing later is known to start: open
    ]
    assert [(m.date, m.attested, m.status) for m in marks] == [("2024-02", True, "frozen")]
    more = [svg.Mark("Statements", "2023-11", f"s{i}", f"/s{i}") for i in range(4)]
    more.append(svg.Mark("Statements", "2019-10-29", "<b>&", "/x"))
    for width in (svg.WIDE, svg.NARROW):
        picture = svg.timeline(marks + more, periods, width)
        texts = _texts(picture)  # well-formed XML, escaped text
        assert "<b>&" in " ".join(ET.fromstring(picture).itertext())
        labels = re.findall(r'class="band-label"[^>]*>([^<]+)<', picture)
        assert "active" in labels
        assert {"reduced participation", "frozen"} <= set(texts)  # the legend names them
        assert picture.count('linearGradient id="open-') == 1  # the open status fades
        assert picture.count('class="ended-by"') == 1
        # four statements from one month share one dot that says so
        assert re.search(r'class="count"[^>]*>4<', picture)
        assert f'viewBox="0 0 {width} ' in picture
    assert svg.timeline([svg.Mark("x", "undated", "y", "/y")], []) == ""


def test_points_sit_inside_the_span_their_date_names() -> None:
    year = svg.Mark("Events", "2019", "a year", "/y")
    by = svg.Mark("Events", "2019", "over by", "/b", bound="by")
    picture = svg.timeline([year, by], [], svg.WIDE)
    root = ET.fromstring(picture)
    span = next(e for e in root.iter(SVG + "line") if e.get("class") == "span")
    dot = next(e for e in root.iter(SVG + "circle") if e.get("class") == "mark")
    x0, x1, cx = float(span.get("x1")), float(span.get("x2")), float(dot.get("cx"))
    assert x0 < cx < x1 and abs(cx - (x0 + x1) / 2) < 0.2  # mid-2019, with 2019 drawn
    bracket = next(e for e in root.iter(SVG + "g") if e.get("class") == "mark bound-by")
    assert bracket.find(SVG + "path") is not None
    assert "happened no later than" in _texts(picture)


def test_network_bundles_parallel_ties() -> None:
    ties = [svg.Tie("/r", "Russia", kind, "/r") for kind in ("base", "membership", "agreement")]
    ties.append(svg.Tie("/f", "France", "arms deal", "/f"))
    for width in (640, svg.NARROW):
        picture = svg.network("Armenia", ties, width)
        root = ET.fromstring(picture)
        edges = [e for e in root.iter() if e.get("class") == "tie"]
        assert len(edges) == 2  # one per partner
        assert "agreement, base, membership" in " ".join(_texts(picture))
        assert root.find(SVG + "desc") is not None and root.find(SVG + "title") is not None
    figure = svg.network_figure("Armenia", ties)
    assert figure.count("<svg") == 2 and "The partners as a list (2)" in figure


def test_search_folds_case_and_accents_and_ranks() -> None:
    assert fold("PAPIKYÁN") == fold("papikyan") == "papikyan"
    entries = [
        Entry(
            "p",
            "Suren Papikyan",
            ["Person"],
            [
                ("Suren Papikyan", fold("Suren Papikyan"), False),
                ("Suren Papikian", fold("Suren Papikian"), True),
            ],
        ),
        Entry(
            "v",
            "Papikyan's visit",
            ["Visit"],
            [("Papikyan's visit", fold("Papikyan's visit"), False)],
        ),
    ]
    index = SearchIndex(entries)
    assert [h.iri for h in index.search("papik")] == ["p", "v"]
    hit = index.search("Papikian")[0]
    assert hit.iri == "p" and hit.alias and hit.matched == "Suren Papikian"
    for bad in ("", "   ", "x" * 201):
        try:
            index.search(bad)
        except SearchError:
            continue
        raise AssertionError(f"{bad!r} was accepted")


def test_periods_are_drawn_only_between_known_bounds() -> None:
    year = (2019.0, 2020.0)  # "2019": the start lies somewhere in that year
    periods = [
        svg.Period("Posts", "open", "/a", year),
        svg.Period("Posts", "ended", "/b", (2020.0, 2020.0), (2022.5, 2022.5)),
        svg.Period("Posts", "ended by", "/c", (2021.0, 2021.0), (2023.0, 2023.0), ended_by=True),
    ]
    marks = [svg.Mark("Posts", "2023-11", "reported", "/d", attested=True)]
    picture = svg.timeline(marks, periods, svg.WIDE)
    root = ET.fromstring(picture)
    cls = [e.get("class") for e in root.iter()]
    assert picture.count('id="open-') == 1  # only the period with no end fades
    assert cls.count("ended-by") == 1  # a bracket where only "no later than" is known
    assert cls.count("band-uncertain") == 1  # the year-precision start is pale across 2019
    hollow = [e for e in root.iter(SVG + "circle") if e.get("class") == "mark attested"]
    assert len(hollow) == 1 and hollow[0].get("fill") == "#fff"
    # the legend says what hollow is
    assert "attested (an article shows it holding then" in " ".join(_texts(picture))
