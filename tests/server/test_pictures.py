"""The SVG pictures and the search table as plain functions (the browser test measures them
as rendered; these pin the rules that make them legible and honest)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from functools import partial

from server.lod import svg
from server.lod.entity import StatusView, shorten
from server.lod.pictures import membership_stances, status_pictures, strained_since
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


def _axis(root: ET.Element) -> Callable[[float], float]:
    """Year -> x as the picture's own axis labels say (two ticks fix the linear scale), so
    the positions below are checked against what a reader sees, not against ``svg.x``."""
    ticks = [
        (float("".join(t.itertext())), float(t.get("x", "nan")))
        for t in root.iter(SVG + "text")
        if t.get("class") == "tick"
    ]
    (y0, x0), (y1, x1) = ticks[0], ticks[-1]
    return lambda year: x0 + (year - y0) / (y1 - y0) * (x1 - x0)


def _calendar(day: date) -> float:
    """A day's start as a fractional year, from the calendar (not from server.lod.dates)."""
    first = date(day.year, 1, 1)
    return day.year + (day - first).days / (date(day.year + 1, 1, 1) - first).days


def _dot_x(links: dict[str | None, ET.Element], href: str) -> float:
    return float(links[href].find(SVG + "circle").get("cx"))  # type: ignore[union-attr, arg-type]


def _bracket_x(links: dict[str | None, ET.Element], href: str) -> float:
    """The x of a bound's upright stroke (``M x+d,y H x V …``)."""
    path = links[href].find(f"{SVG}g/{SVG}path").get("d")  # type: ignore[union-attr]
    return float(re.match(r"M[-\d.]+,[-\d.]+ H([-\d.]+)", path).group(1))  # type: ignore


def test_a_claimed_status_never_heads_the_tie_over_a_reported_one() -> None:
    """An article relaying what someone said of a membership (mode claim) is evidence of the
    saying: a later claim is added beside the reported status, in its own words, never in
    its place; with nothing reported, the claim heads the tie, said to be one."""
    frozen = StatusView("CSTO", "frozen", "/f", as_of=[("2025-09-11", "/article/1")])
    reduced = StatusView("CSTO", "reduced participation", "/r", claimed=[("2025-11-27", "/a/2")])
    assert membership_stances([frozen, reduced]) == {
        "CSTO": "frozen, last attested 2025-09-11; reduced participation claimed 2025-11-27"
    }
    # an older claim adds nothing to newer reported evidence
    old_claim = StatusView("CSTO", "reduced participation", "/r", claimed=[("2024-01", "/a/3")])
    assert membership_stances([frozen, old_claim]) == {"CSTO": "frozen, last attested 2025-09-11"}
    # a claim of the reported status itself adds nothing either
    same = StatusView("CSTO", "frozen", "/f2", claimed=[("2025-12", "/a/4")])
    assert membership_stances([frozen, same]) == {"CSTO": "frozen, last attested 2025-09-11"}
    # reported active with a later claim of a strain: the strain is said, as a claim
    active = StatusView("CSTO", "active", "/a", as_of=[("2019", "/a/5")])
    assert membership_stances([active, reduced]) == {
        "CSTO": "reduced participation claimed 2025-11-27"
    }
    assert strained_since([active, reduced]) == {"CSTO": "2025-11-27"}
    # the claim is drawn on the timeline as a claim
    marks, _ = status_pictures([frozen, reduced], lambda iri: iri)
    assert [m.label for m in marks] == ["CSTO: frozen", "CSTO: claimed reduced participation"]


def test_points_sit_inside_the_span_their_date_names() -> None:
    """Each mark where its date puts it on the axis: a point in the middle of the year, month
    or day it names (with the span drawn from its start to its end), "no later than" at the
    end of its date's span, "no earlier than" at its start."""
    marks = [
        svg.Mark("Events", "2019", "a year", "/y"),
        svg.Mark("Events", "2019", "over by", "/b", bound="by"),
        svg.Mark("Events", "2020-03", "begun after", "/a", bound="after"),
        svg.Mark("Events", "2020-10", "a month", "/m"),
        svg.Mark("Events", "2021-05-20", "a day", "/d"),
        svg.Mark("Events", "2021-08", "over by August", "/c", bound="by"),
    ]
    for width in (svg.WIDE, svg.NARROW):
        root = ET.fromstring(svg.timeline(marks, [], width))
        x = _axis(root)
        tolerance = abs(x(2020) - x(2019)) / 120  # about three days
        links = {a.get("href"): a for a in root.iter(SVG + "a")}
        dot, bracket = partial(_dot_x, links), partial(_bracket_x, links)
        expected = {
            dot("/y"): (_calendar(date(2019, 1, 1)) + _calendar(date(2020, 1, 1))) / 2,
            dot("/m"): (_calendar(date(2020, 10, 1)) + _calendar(date(2020, 11, 1))) / 2,
            dot("/d"): (_calendar(date(2021, 5, 20)) + _calendar(date(2021, 5, 21))) / 2,
            bracket("/b"): _calendar(date(2020, 1, 1)),  # no later than 2019: its end
            bracket("/a"): _calendar(date(2020, 3, 1)),  # no earlier than March: its start
            bracket("/c"): _calendar(date(2021, 9, 1)),  # no later than August: its end
        }
        for drawn, year in expected.items():
            assert abs(drawn - x(year)) < tolerance, (width, drawn, year, x(year))
        spans = sorted(
            (float(e.get("x1", "nan")), float(e.get("x2", "nan")))
            for e in root.iter(SVG + "line")
            if e.get("class") == "span"
        )
        month = (_calendar(date(2020, 10, 1)), _calendar(date(2020, 11, 1)))
        # a span no wider than its dot (11 px: a day; a month on a narrow screen) is not drawn
        wanted = [s for s in [(2019.0, 2020.0), month] if x(s[1]) - x(s[0]) > 11]
        assert len(spans) == len(wanted) >= 1
        for (x0, x1), (y0, y1) in zip(spans, wanted, strict=True):
            assert abs(x0 - x(y0)) < tolerance and abs(x1 - x(y1)) < tolerance
    assert "happened no later than" in _texts(svg.timeline(marks, []))


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


def test_the_axis_ends_with_the_last_year_drawn() -> None:
    """The axis runs from the first year a date names to the end of the last one, and no
    further: "no earlier than December 2021" does not add an empty 2022."""
    marks = [
        svg.Mark("Events", "2019", "a year", "/y"),
        svg.Mark("Events", "2021-12", "begun after", "/a", bound="after"),
    ]
    root = ET.fromstring(svg.timeline(marks, [], svg.WIDE))
    ticks = [
        int("".join(t.itertext())) for t in root.iter(SVG + "text") if t.get("class") == "tick"
    ]
    assert (ticks[0], ticks[-1]) == (2019, 2022), ticks
