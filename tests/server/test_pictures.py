"""The SVG pictures and the search table as plain functions (the browser test measures them
as rendered; these pin the rules that make them legible and honest)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from server.lod import svg
from server.lod.entity import shorten
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


def test_timeline_bars_points_and_open_ends() -> None:
    bands = [
        svg.Band("CSTO", "2019", "active", "/a"),
        svg.Band("CSTO", "2023", "reduced participation", "/b"),
        svg.Band("CSTO", "2024-02", "frozen", "/c"),
    ]
    marks = [svg.Mark("Statements", "2023-11", f"s{i}", f"/s{i}") for i in range(4)]
    marks.append(svg.Mark("Statements", "2019-10-29", "<b>&", "/x"))
    for width in (svg.WIDE, svg.NARROW):
        picture = svg.timeline(marks, bands, width)
        texts = _texts(picture)  # well-formed XML, escaped text
        assert "<b>&" in " ".join(ET.fromstring(picture).itertext())
        # the short 2023-2024 bar cannot hold its words: they are in the legend, not clipped
        labels = re.findall(r'class="band-label"[^>]*>([^<]+)<', picture)
        assert "reduced participation" not in labels and "active" in labels
        assert "reduced participation" in texts  # legend
        # only the last status, with no end, fades out
        assert picture.count('linearGradient id="open-') == 1
        # four statements from one month share one dot that says so
        assert re.search(r'class="count"[^>]*>4<', picture)
        assert f'viewBox="0 0 {width} ' in picture
    assert svg.timeline([svg.Mark("x", "undated", "y", "/y")], []) == ""


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
    picture = svg.timeline(marks, [], svg.WIDE, periods)
    root = ET.fromstring(picture)
    cls = [e.get("class") for e in root.iter()]
    assert picture.count('id="open-') == 1  # only the period with no end fades
    assert cls.count("ended-by") == 1  # a bracket where only "no later than" is known
    assert cls.count("band-uncertain") == 1  # the year-precision start is pale across 2019
    hollow = [e for e in root.iter(SVG + "circle") if e.get("class") == "mark attested"]
    assert len(hollow) == 1 and hollow[0].get("fill") == "#fff"
    assert "reported as of" in " ".join(_texts(picture))  # the legend says what hollow is
