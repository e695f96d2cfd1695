"""Server-side SVG pictures: a timeline of an entity's dated facts and its partner network.

Pure functions from plain data to SVG text, so they are easy to test and need nothing at
run time (no CDN, no JavaScript). Every text is escaped; every mark links to its fact.

Legibility is designed in rather than left to scaling: each picture is drawn twice, for a
wide (820 px) and a narrow (380 px) box, and the page shows the one that fits (CSS), so text
stays at 12-13 px on a phone instead of being scaled down to 4 px. Row labels sit above
their row across the whole width and wrap at word boundaries; text inside a bar is drawn only
when its estimated width fits the bar (the browser test measures the real text boxes).
Points that would overlap are stacked. Each figure has a title, a description and a plain
list of what it shows (the text alternative).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from .dates import as_year, bounds

STATUS_COLOURS = {
    "active": "#2e7d32",
    "reduced participation": "#f9a825",
    "frozen": "#c62828",
    "withdrawn": "#424242",
}
TIE_COLOURS = {
    "membership": "#1565c0",
    "partnership": "#2e7d32",
    "exercise": "#6a1b9a",
    "arms deal": "#ef6c00",
    "base": "#827717",
    "deployment": "#ad1457",
    "meeting": "#00838f",
    "visit": "#00838f",
    "statement": "#616161",
    "agreement": "#4e342e",
    "armed conflict": "#4a0000",
}
MIXED = "#455a64"
ONE_DAY = 1.5 / 365  # in years: a bound no wider than a day (with rounding) is a known day
WIDE, NARROW = 940, 380  # WIDE: the content width of a 980 px page (issue 21, 9)
CHAR_EM = 0.62  # a generous average advance of a sans-serif character, in em


def text_width(text: str, size: float) -> float:
    """Estimated rendered width; generous so that estimated fits really fit."""
    return len(text) * size * CHAR_EM


def wrap(text: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width`` px, broken between words (a single long word stays whole)."""
    limit = max(1, int(width / (size * CHAR_EM)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


@dataclass(frozen=True)
class Mark:
    """A point in time in a named lane: an event's date (filled dot) or the date an article
    attests a fact at (``attested``: hollow dot) - a point, never the start of a period and
    never "held since" or "held until" (docs/modelling.md, "As of a day")."""

    lane: str
    date: str
    label: str
    href: str
    attested: bool = False
    colour: str = ""  # a status's colour (legend: the status); default dark grey
    status: str = ""
    bound: str = ""  # "by": happened no later than ``date``; "after": no earlier than


def _where(mark: Mark) -> tuple[float, float, float] | None:
    """(x-year, span start, span end) of a mark: a bound sits at its edge of the date's span,
    a point in the middle of it (a "2019" event is somewhere in 2019, not on 1 January)."""
    span = bounds(mark.date)
    if span is None:
        return None
    if mark.bound == "by":
        return span[1], span[1], span[1]
    if mark.bound == "after":
        return span[0], span[0], span[0]
    return (span[0] + span[1]) / 2, span[0], span[1]


@dataclass(frozen=True)
class Period:
    """Something that lasted, drawn only between the bounds known.

    ``start`` and ``end`` are (earliest, latest) fractional years: the span of a partial
    date, or the derived day bounds. Certain time is solid, the uncertainty inside a bound is
    pale; no end at all fades out (open); ``ended_by`` means only "no later than end[1]"
    is known, drawn pale up to a bracket.
    """

    lane: str
    label: str
    href: str
    start: tuple[float, float]
    end: tuple[float, float] | None = None
    ended_by: bool = False
    colour: str = "#546e7a"
    tip: str = ""


@dataclass(frozen=True)
class Tie:
    """An edge from the page's entity to a partner."""

    partner: str
    label: str
    kind: str
    href: str
    # what the latest evidence says of the tie when it is not plain cooperation, in the as-of
    # words of docs/modelling.md ("frozen, last attested 2024-02"); drawn dashed, in red
    stance: str = ""
    dates: tuple[str, ...] = ()  # every date of the facts behind the tie (its time span)
    stance_from: str = ""  # the first date evidence gives the stance (for "as of D")
    # "strained" (a frozen membership, a weakening partnership, critical or warning words) or
    # "adversarial" (opposite sides of an armed conflict): server/lod/relations.py
    tone: str = ""


def _span(group: Sequence[Tie]) -> tuple[str, str]:
    """The first and last date of a bundle's facts ("" if none is dated)."""
    dates = sorted(d for t in group for d in t.dates)
    return (dates[0], dates[-1]) if dates else ("", "")


def _span_attrs(group: Sequence[Tie]) -> str:
    first, last = _span(group)
    return f' data-first="{escape(first)}" data-last="{escape(last)}"' if first else ""


def _span_text(group: Sequence[Tie]) -> str:
    first, last = _span(group)
    if not first:
        return ""
    return first[:4] if first[:4] == last[:4] else f"{first[:4]}–{last[:4]}"


def _svg_open(cls: str, width: float, height: float, title: str, desc: str) -> list[str]:
    ident = f"{cls}-{int(width)}"
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{cls}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family="sans-serif">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(desc)}</desc>',
    ]


# When 19 in 20 of a timeline's dates fall in its last years, the years before them are
# drawn compressed into a shaded strip at the left, behind a break on the axis. Armenia's
# page drew 1992-2026 at one scale for three early agreements; its other dates, 2018-2026,
# got a fifth of the width, so their dots stacked into a picture 2,364 px tall.
CROWD = 0.95  # the share of dates that decides where the full scale begins
SPARSE_SHARE = 0.12  # the width the compressed early years get
LEAD_YEARS = 5  # fewer sparse years than this: no break, one scale


def _knee(years: Sequence[float], lo: int, hi: int) -> int | None:
    """The year the full scale begins at, or None for one scale throughout: the year of the
    earliest of the latest ``CROWD`` of the dates, when the years before it are at least
    :data:`LEAD_YEARS` and half the span."""
    ordered = sorted(years)
    knee = math.floor(ordered[int(len(ordered) * (1 - CROWD))])
    if knee - lo >= LEAD_YEARS and knee - lo >= (hi - lo) / 2:
        return knee
    return None


def _ticks(lo: int, hi: int, span_px: float) -> list[int]:
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if span_px / ((hi - lo) / s) >= 44)
    return [y for y in range(lo, hi + 1) if y % step == 0 or y in (lo,)]


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_ticks(lo: int, hi: int, span_px: float) -> list[tuple[float, str]]:
    """Month ticks inside the years when a short span leaves room for them (a one-year
    exercise then reads "Sep", not just "2023" and "2024"): (fractional year, label)."""
    per_month = span_px / ((hi - lo) * 12)
    step = next((s for s in (1, 2, 3, 6) if per_month * s >= 34), None)
    if step is None:
        return []
    return [(year + m / 12, MONTHS[m]) for year in range(lo, hi) for m in range(step, 12, step)]


TICK_GAP = 6.0  # px kept free between two labels of the axis


def _tick_labels(
    years: Sequence[tuple[float, str, str]],
    months: Sequence[tuple[float, str]],
    knee: int | None,
    size: int,
) -> list[tuple[float, str, str, str]]:
    """The axis labels that fit, as (x, text, anchor, class): years first, each ``(x, text,
    anchor)`` as given; the year the full scale begins at (``knee``) moves
    right of its break when centring it would touch the first year (at 400 px the
    compressed strip is 44 px wide and "1990" and "2018" touched); a month or a year that
    would still touch a kept label is left out (its grid line stays)."""
    kept: list[tuple[float, float]] = []
    out: list[tuple[float, str, str, str]] = []

    def box(tx: float, text: str, anchor: str, font: float) -> tuple[float, float]:
        w = text_width(text, font)
        x0 = tx if anchor == "start" else tx - w if anchor == "end" else tx - w / 2
        return x0, x0 + w

    def free(b: tuple[float, float]) -> bool:
        return all(b[1] + TICK_GAP <= k[0] or k[1] + TICK_GAP <= b[0] for k in kept)

    for tx, text, anchor in years:
        moved = [(tx + 3, "start")] if text == str(knee) and anchor == "middle" else []
        tries = [(tx, anchor), *moved]
        for at, how in tries:
            b = box(at, text, how, size - 1)
            if free(b):
                kept.append(b)
                out.append((at, text, how, "tick"))
                break
    for tx, text in months:
        b = box(tx, text, "middle", size - 2)
        if free(b):
            kept.append(b)
            out.append((tx, text, "middle", "tick month"))
    return out


def _levels(spans: Sequence[tuple[float, float]], gap: float) -> list[int]:
    """A level (sub-row) for each (x0, x1) span so that spans on one level never touch:
    greedy interval colouring, left edges first."""
    edges: list[float] = []
    out = [0] * len(spans)
    for i in sorted(range(len(spans)), key=lambda k: spans[k]):
        x0, x1 = spans[i]
        level = next((n for n, edge in enumerate(edges) if x0 - edge >= gap), None)
        if level is None:
            edges.append(0.0)
            level = len(edges) - 1
        edges[level] = x1
        out[i] = level
    return out


Cluster = tuple[str, str, list[Mark]]  # (element id, lane, the marks one dot stands for)


def _timeline_svg(
    marks: Sequence[Mark],
    periods: Sequence[Period],
    width: int,
    found: list[Cluster] | None = None,
) -> str:
    placed = {id(m): w for m in marks if (w := _where(m)) is not None}
    dated_marks = [(m, placed[id(m)][0]) for m in marks if id(m) in placed]
    years = [y for m, _ in dated_marks for y in placed[id(m)][1:]]
    for p in periods:
        years += [p.start[0], p.start[1]] + (list(p.end) if p.end else [])
    lo, hi = math.floor(min(years)), math.ceil(max(years) + 1e-9)
    hi = max(hi, lo + 1)
    if any(p.end is None for p in periods):
        hi = max(hi, math.floor(max(years)) + 1)
    lanes = list(dict.fromkeys([p.lane for p in periods] + [m.lane for m, _ in dated_marks]))
    size = 13 if width <= NARROW else 12
    pad, r = 10, 5.5
    left, right = pad + r, width - pad - r

    knee = _knee(years, lo, hi)
    split = left + SPARSE_SHARE * (right - left) if knee is not None else left
    start = knee if knee is not None else lo

    def x(year: float) -> float:
        if knee is not None and year < knee:  # the compressed early years
            return left + (year - lo) / (knee - lo) * (split - left)
        return split + (year - start) / (hi - start) * (right - split)

    body: list[str] = []
    defs: list[str] = []
    y = 8.0 + size + 8  # the years are written above the rows too: readable on the first screen
    for lane_no, lane in enumerate(lanes):
        for line in wrap(lane, size, width - 2 * pad):
            y += size + 2
            body.append(
                f'<text class="lane" x="{pad}" y="{y:.1f}" font-size="{size}" '
                f'font-weight="600" fill="#37474f">{escape(line)}</text>'
            )
        y += 5
        lane_periods = sorted((p for p in periods if p.lane == lane), key=lambda p: p.start)
        spans = []
        for p in lane_periods:
            stop = p.end[1] if p.end else hi
            spans.append((x(p.start[0]), max(x(stop), x(p.start[0]) + 4)))
        levels = _levels(spans, -0.5)  # a status may start where the previous one ends
        for j, (p, level) in enumerate(zip(lane_periods, levels, strict=True)):
            body.append(
                _period(p, x, y + level * 22, hi, size, f"open-{width}-{lane_no}-{j}", defs)
            )
        if lane_periods:
            y += (max(levels) + 1) * 22 + 2
        lane_marks = sorted(
            ((m, yr) for m, yr in dated_marks if m.lane == lane), key=lambda t: t[1]
        )
        if lane_marks:
            # marks closer than a dot's width share one dot that says how many it holds
            clusters: list[list[tuple[Mark, float]]] = []
            for mark, year in lane_marks:
                cx = x(year)
                last = clusters[-1][0][0] if clusters else None
                same_kind = last is not None and (last.attested, last.colour, last.bound) == (
                    mark.attested,
                    mark.colour,
                    mark.bound,
                )
                if same_kind and cx - clusters[-1][0][1] < 2 * r + 1:
                    clusters[-1].append((mark, cx))
                else:
                    clusters.append([(mark, cx)])
            centres = [sum(c for _, c in cl) / len(cl) for cl in clusters]
            radii = [r if len(cl) == 1 else r + 3.5 for cl in clusters]
            extents = []
            for cluster, c, rr in zip(clusters, centres, radii, strict=True):
                first = cluster[0][0]
                lo_x, hi_x = c - rr, c + rr
                if first.bound == "by":
                    lo_x, hi_x = c - 21, c + 2
                elif first.bound == "after":
                    lo_x, hi_x = c - 2, c + 21
                elif len(cluster) == 1:  # a single point shows the span of its date
                    _, s0, s1 = placed[id(first)]
                    lo_x, hi_x = min(lo_x, x(s0)), max(hi_x, x(s1))
                extents.append((lo_x, hi_x))
            levels = _levels(extents, 2)
            for cluster, cx, rr, level in zip(clusters, centres, radii, levels, strict=True):
                cy = y + r + 4 + level * (2 * r + 9)
                first = cluster[0][0]
                # a dot that stands for several facts links to their list under the picture,
                # so a tap (or the list, by keyboard) shows them: a tooltip needs a mouse
                target = first.href
                if len(cluster) > 1 and found is not None:
                    cid = f"cluster-{width}-{len(found) + 1}"
                    found.append((cid, lane, [m for m, _ in cluster]))
                    target = f"#{cid}"
                if first.bound:
                    what = "no later than" if first.bound == "by" else "no earlier than"
                    tip = "; ".join(f"{m.label}: {what} {m.date}" for m, _ in cluster)
                    d = -5 if first.bound == "by" else 5
                    body.append(
                        f'<a tabindex="-1" href="{escape(target)}">'
                        f'<g class="mark bound-{first.bound}">'
                        f'<line x1="{cx:.1f}" y1="{y + r + 4:.1f}" x2="{cx - 4 * d:.1f}" '
                        f'y2="{y + r + 4:.1f}" stroke="#b0bec5" stroke-width="2"/>'
                        f'<path d="M{cx + d:.1f},{y + 3:.1f} H{cx:.1f} V{y + 2 * r + 5:.1f} '
                        f'H{cx + d:.1f}" fill="none" stroke="#263238" stroke-width="2.2"/>'
                        f'<rect x="{cx - 6:.1f}" y="{y + 2:.1f}" width="12" height="{2 * r + 4}" '
                        f'fill="#fff" fill-opacity="0"><title>{escape(tip)}</title></rect></g></a>'
                    )
                    continue
                hollow = first.attested
                what = "attested" if hollow else "on"
                tip = "; ".join(f"{m.label}: {what} {m.date}" for m, _ in cluster)
                colour = first.colour or "#37474f"
                fill, ink = ("#fff", "#263238") if hollow else (colour, "#fff")
                width_ = 2.6 if first.colour else 1.6
                dot = (
                    f'<circle class="mark{" attested" if hollow else ""}" cx="{cx:.1f}" '
                    f'cy="{cy:.1f}" r="{rr}" fill="{fill}" stroke="{colour}" '
                    f'stroke-width="{width_ if hollow else 1}">'
                    f"<title>{escape(tip)}</title></circle>"
                )
                if len(cluster) == 1:
                    _, s0, s1 = placed[id(first)]
                    if x(s1) - x(s0) > 2 * rr:  # the span a partial date covers
                        body.append(
                            f'<line class="span" x1="{x(s0):.1f}" y1="{cy:.1f}" x2="{x(s1):.1f}" '
                            f'y2="{cy:.1f}" stroke="{colour}" stroke-opacity="0.35" '
                            'stroke-width="3" stroke-linecap="round"/>'
                        )
                    body.append(f'<a tabindex="-1" href="{escape(first.href)}">{dot}</a>')
                else:
                    body.append(
                        f'<a tabindex="-1" href="{escape(target)}">'
                        f'<g class="cluster">{dot}<text class="count" x="{cx:.1f}" '
                        f'y="{cy + 3.5:.1f}" font-size="10" text-anchor="middle" fill="{ink}">'
                        f"{len(cluster)}<title>{escape(tip)}</title></text></g></a>"
                    )
            y += (max(levels) + 1) * (2 * r + 9) + 4
        y += 6
    axis_y = y + 4
    grid = [
        f'<line x1="{left}" y1="{axis_y:.1f}" x2="{right}" y2="{axis_y:.1f}" stroke="#90a4ae"/>'
    ]
    ticks: list[str] = []
    if knee is not None:  # the compressed years: shaded, behind a break on the axis
        grid.append(
            f'<rect class="axis-compressed" x="{left}" y="4" width="{split - left:.1f}" '
            f'height="{axis_y - 4:.1f}" fill="#eceff1" fill-opacity="0.6">'
            f"<title>{lo} to {knee}: compressed (few dates)</title></rect>"
            f'<path class="axis-break" d="M{split - 5:.1f},{axis_y + 5:.1f} '
            f'l4,-10 M{split:.1f},{axis_y + 5:.1f} l4,-10" '
            'stroke="#455a64" stroke-width="1.5" fill="none"/>'
        )
    month_ticks = _month_ticks(start, hi, right - split)
    years_ticked = [lo] + _ticks(knee, hi, right - split) if knee is not None else None
    year_ticks = years_ticked or _ticks(lo, hi, right - left)
    for tx in [x(when) for when, _ in month_ticks]:
        grid.append(
            f'<line x1="{tx:.1f}" y1="{size + 8}" x2="{tx:.1f}" y2="{axis_y + 2:.1f}" '
            'stroke="#f5f7f8"/>'
        )
    for tx in [x(year) for year in year_ticks]:
        grid.append(
            f'<line x1="{tx:.1f}" y1="4" x2="{tx:.1f}" y2="{axis_y + 4:.1f}" stroke="#cfd8dc"/>'
        )
    labels = _tick_labels(
        [
            (x(year), str(year), "start" if year == lo else "end" if year == hi else "middle")
            for year in year_ticks
        ],
        [(x(when), month) for when, month in month_ticks],
        knee,
        size,
    )
    for tx, text, anchor, cls in labels:
        weight = ' font-weight="600"' if cls == "tick" else ""
        font, fill = (size - 1, "#455a64") if cls == "tick" else (size - 2, "#546e7a")
        for ty in (size + 4, axis_y + 18):
            ticks.append(
                f'<text class="{cls}" x="{tx:.1f}" y="{ty:.1f}" font-size="{font}" '
                f'text-anchor="{anchor}" fill="{fill}"{weight}>{text}</text>'
            )
    height = axis_y + 26
    keys: list[tuple[str, str]] = []  # (colour, status) named in the legend
    for p in periods:
        if p.colour in STATUS_COLOURS.values() and (p.colour, p.label) not in keys:
            keys.append((p.colour, p.label))
    for m, _ in dated_marks:
        if m.colour and m.status and (m.colour, m.status) not in keys:
            keys.append((m.colour, m.status))
    swatches = [
        (f'<rect x="0" y="0" width="12" height="12" fill="{colour}"/>', label)
        for colour, label in keys
    ]
    if any(m.bound == "by" for m, _ in dated_marks):
        swatches.append(
            (
                '<path d="M7,0 H12 V12 H7" fill="none" stroke="#263238" stroke-width="2"/>',
                "happened no later than",
            )
        )
    if any(m.bound == "after" for m, _ in dated_marks):
        swatches.append(
            (
                '<path d="M5,0 H0 V12 H5" fill="none" stroke="#263238" stroke-width="2"/>',
                "began no earlier than",
            )
        )
    if any(not m.attested and not m.colour and not m.bound for m, _ in dated_marks):
        swatches.append(
            (
                '<line x1="0" y1="6" x2="12" y2="6" stroke="#37474f" stroke-opacity="0.35" '
                'stroke-width="3"/><circle cx="6" cy="6" r="4" fill="#37474f"/>',
                "date of an event (the line: the month or year it names)",
            )
        )
    if any(m.attested and not m.colour for m, _ in dated_marks):
        swatches.append(
            (
                '<circle cx="6" cy="6" r="4.5" fill="#fff" stroke="#37474f" stroke-width="1.6"/>',
                "attested (an article shows it holding then; a point, not a period)",
            )
        )
    if any(
        p.start[1] - p.start[0] > 0.01 or (p.end and not p.ended_by and p.end[1] - p.end[0] > 0.01)
        for p in periods
    ):
        swatches.append(
            (
                '<rect x="0" y="2" width="12" height="8" fill="#546e7a" fill-opacity="0.3"/>',
                "pale: when in that month or year is not known",
            )
        )
    if any(p.end is None for p in periods):
        swatches.append(
            (
                f'<rect x="0" y="2" width="12" height="8" fill="url(#legend-open-{width})"/>',
                "no end known",
            )
        )
        defs.append(
            f'<linearGradient id="legend-open-{width}"><stop offset="0" stop-color="#546e7a"/>'
            f'<stop offset="1" stop-color="#546e7a" stop-opacity="0.1"/></linearGradient>'
        )
    if any(p.ended_by for p in periods):
        swatches.append(
            (
                '<rect x="0" y="2" width="10" height="8" fill="#546e7a" fill-opacity="0.3"/>'
                '<line x1="11" y1="0" x2="11" y2="12" stroke="#263238" stroke-width="2"/>',
                "ended, no later than",
            )
        )
    legend: list[str] = []
    if swatches:
        lx, ly = float(pad), height + 4
        for swatch, label in swatches:
            step = 16 + text_width(label, size - 1) + 14
            if lx + step > width - pad and lx > pad:
                lx, ly = float(pad), ly + size + 8
            legend.append(
                f'<g transform="translate({lx:.1f} {ly:.1f})">{swatch}</g>'
                f'<text class="legend" x="{lx + 16:.1f}" y="{ly + 10.5:.1f}" '
                f'font-size="{size - 1}">{escape(label)}</text>'
            )
            lx += step
        height = ly + size + 10
    desc = (
        f"{len(dated_marks)} dates and {len(periods)} periods from {lo} to {hi - 1}"
        + (f" (the years before {knee} compressed at the left)" if knee is not None else "")
        + ", one row "
        "per kind of fact or organization. Filled dots are dates of events, hollow dots the "
        "dates at which articles attest a fact (not that it held before or after); bars are "
        "periods between their known bounds."
    )
    out = _svg_open("timeline", width, height, "Timeline of dated facts", desc)
    if defs:
        out.append("<defs>" + "".join(defs) + "</defs>")
    out += grid + body + ticks + legend + ["</svg>"]
    return "\n".join(out)


def _period(
    p: Period,
    x: Callable[[float], float],
    y: float,
    hi: float,
    size: int,
    gid: str,
    defs: list[str],
) -> str:
    """One period's bar: solid where certain, pale within a bound's uncertainty, fading when
    open, pale up to a bracket when only "ended no later than" is known."""
    parts: list[str] = []
    s0, s1 = x(p.start[0]), x(p.start[1])
    if p.start[1] - p.start[0] <= ONE_DAY:  # a known day is certain, not a pale day
        s1 = s0
    tip = escape(p.tip or p.label)
    if p.end is None:  # open: solid from the latest start, fading out to the axis end
        e0 = e1 = x(hi)
        defs.append(
            f'<linearGradient id="{gid}"><stop offset="0.55" stop-color="{p.colour}"/>'
            f'<stop offset="1" stop-color="{p.colour}" stop-opacity="0.1"/></linearGradient>'
        )
        solid = (s1, max(e0, s1 + 4), f"url(#{gid})")
    elif p.ended_by:  # only "ended no later than": pale up to a bracket
        e0 = e1 = x(p.end[1])
        solid = (s1, max(e1, s1 + 4), p.colour)
    else:
        e0, e1 = x(p.end[0]), x(p.end[1])
        if p.end[1] - p.end[0] <= ONE_DAY:
            e0 = e1
        solid = (s1, max(e0, s1 + 4), p.colour)
    x0, x1, fill = solid
    opacity = ' fill-opacity="0.3"' if p.ended_by else ""
    parts.append(
        f'<rect class="band" x="{x0:.1f}" y="{y:.1f}" width="{x1 - x0:.1f}" height="18" '
        f'fill="{fill}"{opacity}><title>{tip}</title></rect>'
    )
    if s1 - s0 > 0.5:
        parts.append(
            f'<rect class="band-uncertain" x="{s0:.1f}" y="{y:.1f}" width="{s1 - s0:.1f}" '
            f'height="18" fill="{p.colour}" fill-opacity="0.3"><title>{tip}</title></rect>'
        )
    if p.end is not None and not p.ended_by and e1 - e0 > 0.5:
        parts.append(
            f'<rect class="band-uncertain" x="{e0:.1f}" y="{y:.1f}" width="{e1 - e0:.1f}" '
            f'height="18" fill="{p.colour}" fill-opacity="0.3"><title>{tip}</title></rect>'
        )
    if p.ended_by:
        parts.append(
            f'<path class="ended-by" d="M{e1 - 4:.1f},{y:.1f} H{e1:.1f} V{y + 18:.1f} '
            f'H{e1 - 4:.1f}" fill="none" stroke="#263238" stroke-width="2"/>'
        )
    if text_width(p.label, size - 1) + 8 <= x1 - x0:
        dark = p.colour in ("#f9a825",) or p.ended_by
        parts.append(
            f'<text class="band-label" x="{x0 + 4:.1f}" y="{y + 13:.1f}" font-size="{size - 1}" '
            f'fill="{"#000" if dark else "#fff"}">{escape(p.label)}</text>'
        )
    return f'<a tabindex="-1" href="{escape(p.href)}">' + "".join(parts) + "</a>"


def timeline(
    marks: Sequence[Mark],
    periods: Sequence[Period],
    width: int = WIDE,
    clusters: list[Cluster] | None = None,
) -> str:
    """One SVG timeline (``width`` wide); empty string if nothing is dated. With
    ``clusters``, each dot that stands for several facts links to ``#<id>`` and is added
    there (``cluster_list`` writes them)."""
    if not periods and not [m for m in marks if as_year(m.date) is not None]:
        return ""
    return _timeline_svg(marks, periods, width, clusters)


def cluster_list(clusters: Sequence[Cluster]) -> str:
    """The facts of each shared dot, one entry per dot (the ``id`` its dot links to)."""
    if not clusters:
        return ""
    entries = []
    for cid, lane, marks in clusters:
        dates = sorted({m.date for m in marks})
        when = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
        facts = "".join(
            f'<li><a href="{escape(m.href)}">{escape(m.label)}</a> '
            f'<span class="date">{"attested " if m.attested else ""}{escape(m.date)}</span></li>'
            for m in marks
        )
        entries.append(
            f'<li id="{cid}" tabindex="-1"><strong>{escape(when)}</strong> · {escape(lane)}: '
            f"{len(marks)} facts<ul>{facts}</ul></li>"
        )
    return (
        f'<details class="clusters"><summary>The {len(clusters)} dots that stand for several '
        f"facts</summary><ol>{''.join(entries)}</ol></details>"
    )


def _in_row(m: Mark) -> str:
    """A mark's label with its row's name, once: a status mark's label already names its
    row ("Collective Security Treaty Organization: frozen")."""
    return m.label if m.label.startswith(m.lane + ": ") else f"{m.lane}: {m.label}"


def timeline_figure(marks: Sequence[Mark], periods: Sequence[Period]) -> str:
    """The timeline for wide and narrow screens, with its text alternative; '' if undated."""
    wide_dots: list[Cluster] = []
    narrow_dots: list[Cluster] = []
    wide = timeline(marks, periods, WIDE, wide_dots)
    if not wide:
        return ""
    narrow = timeline(marks, periods, NARROW, narrow_dots)
    spans = list(periods)
    items = sorted(
        [(p.start[0], f"{p.lane}: {p.tip or p.label}", p.href) for p in spans]
        + [
            (
                as_year(m.date) or 0.0,
                f"{m.date} · {_in_row(m)}" + (" (attested)" if m.attested else ""),
                m.href,
            )
            for m in marks
        ]
    )
    listing = "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for _, t, h in items)
    return (
        '<figure class="picture">'
        f'<div class="wide-only">{wide}</div><div class="narrow-only">{narrow}</div>'
        "<figcaption>Hover a mark for its fact, tap it to open it; a number counts the facts "
        "one dot stands for: tap it for their list. Keyboard: the lists below have every mark "
        "and every shared dot.</figcaption>"
        f'<div class="wide-only">{cluster_list(wide_dots)}</div>'
        f'<div class="narrow-only">{cluster_list(narrow_dots)}</div>'
        f'<details class="alt-text"><summary>The timeline as a list ({len(items)})</summary>'
        f"<ul>{listing}</ul></details></figure>"
    )


def _bundles(ties: Sequence[Tie]) -> dict[str, list[Tie]]:
    """The ties to each partner, one bundle (one drawn edge) per partner, in first-seen order."""
    bundles: dict[str, list[Tie]] = {}
    for tie in ties:
        bundles.setdefault(tie.href, []).append(tie)
    return bundles


def _bundle_style(group: Sequence[Tie]) -> tuple[list[str], str, int, str]:
    """A bundle's kinds, colour (one kind's colour, or the mixed one), tie count and tooltip."""
    kinds = sorted({t.kind for t in group})
    colour = TIE_COLOURS.get(kinds[0], MIXED) if len(kinds) == 1 else MIXED
    count = len(group)
    tone = _tone(group)
    said = {t.kind: t.stance for t in group if t.stance}
    detailed = [f"{k} ({said[k]})" if k in said else k for k in kinds]
    if tone:  # under the name only the tone and the kinds; what was said is in the tooltip
        colour = TONE_COLOURS[tone]
        kinds = [f"{tone}: {kinds[0]}", *kinds[1:]]
    tip = f"{group[0].label}: {count} tie{'s' if count > 1 else ''} ({', '.join(detailed)})"
    if _span_text(group):
        tip += f", dated {_span_text(group)}"
    return kinds, colour, count, tip


STRAINED = "#c62828"  # a frozen membership, a weakening partnership, critical words
ADVERSARIAL = "#4a0000"  # opposite sides of an armed conflict
TONE_COLOURS = {"strained": STRAINED, "adversarial": ADVERSARIAL}
TONE_DASHES = {"strained": "7 5", "adversarial": "2 4"}
TONE_LEGEND = {
    "adversarial": "adversarial: opposite sides of an armed conflict",
    "strained": "strained: frozen membership, weakening partnership or critical words",
}


def _tone(group: Sequence[Tie]) -> str:
    """A bundle's tone: adversarial before strained before plain cooperation ("")."""
    tones = {t.tone for t in group}
    return next((t for t in ("adversarial", "strained") if t in tones), "")


def _plain_colour(group: Sequence[Tie]) -> str:
    kinds = {t.kind for t in group}
    return TIE_COLOURS.get(next(iter(kinds)), MIXED) if len(kinds) == 1 else MIXED


def _dash(group: Sequence[Tie]) -> str:
    """The dash of a strained or adversarial tie, the first day of its evidence (before it,
    "as of D" draws the tie plain, in ``data-plain``'s colour)."""
    tone = _tone(group)
    if not tone:
        return ""
    since = min((t.stance_from for t in group if t.tone == tone and t.stance_from), default="")
    return (
        f' stroke-dasharray="{TONE_DASHES[tone]}" data-tone="{tone}"'
        f' data-plain="{_plain_colour(group)}"'
        + (f' data-strained-from="{escape(since)}"' if since else "")
    )


def _legend(
    bundles: Sequence[Sequence[Tie]], width: int, size: int, top: float
) -> tuple[list[str], float]:
    """The legend names only what an edge is drawn as: the kinds of the plain bundles (a
    bundle of several kinds is grey), then the tones used, with their dashes."""
    plain = [g for g in bundles if not _tone(g)]
    entries = [
        (kind, TIE_COLOURS[kind], "")
        for kind in sorted({g[0].kind for g in plain if len({t.kind for t in g}) == 1})
    ]
    if any(len({t.kind for t in g}) > 1 for g in plain):
        entries.append(("several kinds", MIXED, ""))
    used = {_tone(g) for g in bundles}
    entries += [(TONE_LEGEND[t], TONE_COLOURS[t], TONE_DASHES[t]) for t in TONE_LEGEND if t in used]
    legend: list[str] = []
    lx, ly = 10.0, top
    for text, colour, dash in entries:
        w = 24 + text_width(text, size - 1) + 12
        if lx + w > width - 10 and lx > 10:
            lx, ly = 10.0, ly + size + 8
        legend.append(
            f'<line x1="{lx:.1f}" y1="{ly - 3:.1f}" x2="{lx + 18:.1f}" y2="{ly - 3:.1f}" '
            f'stroke="{colour}" stroke-width="4"'
            + (f' stroke-dasharray="{dash}"' if dash else "")
            + f'/><text class="legend" x="{lx + 22:.1f}" y="{ly:.1f}" font-size="{size - 1}">'
            f"{escape(text)}</text>"
        )
        lx += w
    return legend, ly


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two (x, y, width, height) boxes overlap."""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


LEADER_FROM = 18.0  # px between a partner's dot and its label beyond which a line joins them


def _leader(px: float, py: float, box: tuple[float, float, float, float]) -> str:
    """A thin line from a partner's dot to its label block when the label had to move away
    from the dot (out of another label's way): on Armenia's page, Cyprus's and Iran's
    names stood beside other partners' dots with nothing to say whose they were."""
    x0, y0, w, h = box
    tx, ty = min(max(px, x0), x0 + w), min(max(py, y0), y0 + h)  # the block's nearest point
    if math.hypot(tx - px, ty - py) <= LEADER_FROM:
        return ""
    return (
        f'<line class="leader" x1="{px:.1f}" y1="{py:.1f}" x2="{tx:.1f}" y2="{ty:.1f}" '
        'stroke="#78909c" stroke-width="1" stroke-dasharray="2 2"/>'
    )


def _network_svg(centre: str, ties: Sequence[Tie], width: int, top: float = 30.0) -> str:
    bundles = _bundles(ties)
    partners = list(bundles)
    n = len(partners)
    size = 13 if width <= NARROW else 12
    label_w = 110 if width <= NARROW else 150
    radius = max(60.0, min((width - 2 * label_w) / 2 - 20, 30.0 * n))
    # taller than wide: the labels beside the partners are blocks of several lines, and the
    # partners on either side stand further apart vertically than horizontally
    ry = radius * (1.4 if n > 6 else 1.0)
    cx = width / 2
    cy = top + ry + 10
    out: list[str] = []
    labels: list[str] = []
    placed: list[tuple[float, float, float, float]] = []  # label blocks: x, y, width, height
    max_y = cy + 20
    min_y = top
    for i, href in enumerate(partners):
        angle = 2 * math.pi * i / n - math.pi / 2
        px, py = cx + radius * math.cos(angle), cy + ry * math.sin(angle)
        group = bundles[href]
        kinds, colour, count, tip = _bundle_style(group)
        out.append(
            f'<line class="tie" x1="{cx:.1f}" y1="{cy:.1f}" x2="{px:.1f}" y2="{py:.1f}" '
            f'stroke="{colour}" stroke-width="{min(2 + count, 7)}" stroke-linecap="round"'
            f"{_dash(group)}{_span_attrs(group)}><title>{escape(tip)}</title></line>"
        )
        if count > 1:
            mx, my = cx + 0.55 * (px - cx), cy + 0.55 * (py - cy)
            out.append(
                f'<g class="count"{_span_attrs(group)}><circle cx="{mx:.1f}" cy="{my:.1f}" r="9" '
                f'fill="#fff" '
                f'stroke="{colour}"/><text x="{mx:.1f}" y="{my + 4:.1f}" font-size="11" '
                f'text-anchor="middle">{count}<title>{escape(tip)}</title></text></g>'
            )
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.35 else "end" if cos < -0.35 else "middle"
        lx = px + {"start": 14, "end": -14}.get(anchor, 0)  # clear of the partner's dot
        lines = wrap(group[0].label, size, label_w)
        kinds_text = ", ".join(kinds) + (f" · {_span_text(group)}" if _span_text(group) else "")
        sub = wrap(kinds_text, size - 2, label_w)
        block_h = len(lines) * (size + 2) + len(sub) * size
        # above or below a partner near the vertical, else beside it, centred on it; then
        # moved away (down on the lower half, up on the upper) from any label placed before
        # (issue 21, finding 5: Russia's six kinds ran over the partner below it)
        if anchor == "middle":
            ly = py - 14 - block_h + size if sin < 0 else py + 14 + size
        else:
            ly = py - block_h / 2 + size - 2
        block_w = max([text_width(t, size) for t in lines] + [text_width(t, size - 2) for t in sub])
        x0 = lx - (block_w if anchor == "end" else block_w / 2 if anchor == "middle" else 0)
        for _ in range(len(placed)):
            hit = next((r for r in placed if _overlap((x0, ly - size, block_w, block_h), r)), None)
            if hit is None:
                break
            ly = hit[1] + hit[3] + size + 2 if sin >= 0 else hit[1] - block_h + size - 2
        placed.append((x0, ly - size, block_w, block_h))
        text = [
            f'<a tabindex="-1" href="{escape(href)}"{_span_attrs(group)}>'
            + _leader(px, py, (x0, ly - size, block_w, block_h))
            + f'<circle class="partner" cx="{px:.1f}" cy="{py:.1f}" '
            f'r="8" fill="#eceff1" stroke="#37474f"/>'
        ]
        for k, line in enumerate(lines):
            text.append(
                f'<text class="partner-label" x="{lx:.1f}" y="{ly + k * (size + 2):.1f}" '
                f'font-size="{size}" text-anchor="{anchor}">{escape(line)}</text>'
            )
        base = ly + len(lines) * (size + 2)
        for k, line in enumerate(sub):
            text.append(
                f'<text class="kinds" x="{lx:.1f}" y="{base + k * size - 2:.1f}" '
                f'font-size="{size - 2}" fill="#455a64" text-anchor="{anchor}">'
                f"{escape(line)}</text>"
            )
        text.append("</a>")
        labels.extend(text)
        min_y = min(min_y, ly - size)
        max_y = max(max_y, base + len(sub) * size)
    # The centre is the page's own entity: a dot with its name as a tooltip, no text. A name
    # written there crossed the edges and ran over the partner below it (issue 21, finding 5);
    # the page heading and the caption name it.
    out.append(
        f'<circle class="centre" cx="{cx:.1f}" cy="{cy:.1f}" r="13" fill="#263238">'
        f"<title>{escape(centre)}</title></circle>"
    )
    if min_y < 8:  # a label above the top partner would be cut: lay out again, lower
        return _network_svg(centre, ties, width, top + 8 - min_y)
    legend, ly = _legend(list(bundles.values()), width, size, max_y + 16)
    height = ly + 10
    desc = (
        f"{centre} and {n} partners; one line per partner, its width and number the count of ties."
    )
    svg = _svg_open("network", width, height, f"Partners of {centre}", desc)
    svg += out + labels + legend + ["</svg>"]
    return "\n".join(svg)


def _fan_svg(centre: str, ties: Sequence[Tie], width: int) -> str:
    """Narrow screens: the entity on the left, one partner per row on the right, labels to
    the right of their dot, so nothing can overlap however many partners there are."""
    bundles = _bundles(ties)
    size, row_gap = 13, 8
    node_x, label_x = 120.0, 134.0
    label_w = width - label_x - 6
    rows: list[tuple[str, list[Tie], list[str], list[str]]] = []
    for href, group in sorted(bundles.items(), key=lambda kv: kv[1][0].label.casefold()):
        caption = ", ".join(_bundle_style(group)[0])  # with the tie's tone
        if _span_text(group):
            caption += f" · {_span_text(group)}"
        rows.append(
            (href, group, wrap(group[0].label, size, label_w), wrap(caption, size - 2, label_w))
        )
    heights = [len(a) * (size + 2) + len(b) * (size - 1) + row_gap for _, _, a, b in rows]
    total = sum(heights)
    top = 10.0
    cy = top + total / 2
    centre_lines = wrap(centre, size + 1, 100)
    edges: list[str] = []
    nodes: list[str] = []
    y = top
    for (href, group, label_lines, sub), h in zip(rows, heights, strict=True):
        py = y + (size + 2) / 2 + 1
        kinds, colour, count, tip = _bundle_style(group)
        edges.append(
            f'<path class="tie" d="M24,{cy:.1f} C70,{cy:.1f} 70,{py:.1f} '
            f'{node_x - 8:.1f},{py:.1f}" '
            f'stroke="{colour}" stroke-width="{min(1.5 + count, 6)}" fill="none"{_dash(group)}'
            f"{_span_attrs(group)}>"
            f"<title>{escape(tip)}</title></path>"
        )
        parts = [
            f'<a tabindex="-1" href="{escape(href)}"{_span_attrs(group)}>'
            f'<circle class="partner" cx="{node_x}" cy="{py:.1f}" r="7" '
            f'fill="#eceff1" stroke="{colour}" stroke-width="2"/>'
        ]
        if count > 1:
            parts.append(
                f'<text class="count" x="{node_x}" y="{py + 3.5:.1f}" font-size="9" '
                f'text-anchor="middle">{count}</text>'
            )
        for k, line in enumerate(label_lines):
            parts.append(
                f'<text class="partner-label" x="{label_x}" y="{py + 4.5 + k * (size + 2):.1f}" '
                f'font-size="{size}">{escape(line)}</text>'
            )
        base = py + 4.5 + len(label_lines) * (size + 2) - 2
        for k, line in enumerate(sub):
            parts.append(
                f'<text class="kinds" x="{label_x}" y="{base + k * (size - 1):.1f}" '
                f'font-size="{size - 2}" fill="#455a64">{escape(line)}</text>'
            )
        nodes.append("".join(parts) + "</a>")
        y += h
    height = max(y + 6, cy + 20 + len(centre_lines) * (size + 3))
    centre_parts = [f'<circle cx="24" cy="{cy:.1f}" r="12" fill="#263238"/>']
    for k, line in enumerate(centre_lines):
        centre_parts.append(
            f'<text class="centre" x="6" y="{cy + 28 + k * (size + 3):.1f}" font-size="{size + 1}" '
            f'font-weight="bold" paint-order="stroke" stroke="#fff" stroke-width="4">'
            f"{escape(line)}</text>"
        )
    desc = (
        f"{centre} and {len(rows)} partners; one line per partner, its width and number "
        "the count of ties, the kinds of tie under each name."
    )
    svg = _svg_open("network", width, height, f"Partners of {centre}", desc)
    return "\n".join(svg + edges + centre_parts + nodes + ["</svg>"])


def network(centre: str, ties: Sequence[Tie], width: int = 640) -> str:
    """An SVG of the entity's partners, one bundled edge per partner; '' if none. Wide:
    a star; narrow (<= 380): a fan with one row per partner."""
    if not ties:
        return ""
    if width <= NARROW:
        return _fan_svg(centre, ties, width)
    return _network_svg(centre, ties, width)


def network_figure(centre: str, ties: Sequence[Tie]) -> str:
    """The partner network for wide and narrow screens, with its text alternative."""
    if not ties:
        return ""
    bundles = _bundles(ties)
    listing = "".join(
        f'<li><a href="{escape(h)}">{escape(g[0].label)}</a>: '
        f"{escape(_bundle_style(g)[3].removeprefix(g[0].label + ': '))}</li>"
        for h, g in sorted(bundles.items(), key=lambda kv: kv[1][0].label)
    )
    return (
        '<figure class="picture">'
        f'<div class="wide-only">{network(centre, ties, 640)}</div>'
        f'<div class="narrow-only">{network(centre, ties, NARROW)}</div>'
        f"<figcaption>{escape(centre)} is the dark dot; one line per partner, a number on a line "
        "counts its ties. A dashed red line is a strained tie (a membership frozen, reduced or "
        "withdrawn by its latest evidence, a partnership reported weakening, critical or "
        "warning statements), a dotted dark one adversarial (opposite sides of an armed "
        "conflict); hover a line for what the evidence says. Keyboard: the list below has "
        "every partner.</figcaption>"
        f'<details class="alt-text"><summary>The partners as a list ({len(bundles)})</summary>'
        f"<ul>{listing}</ul></details></figure>"
    )
