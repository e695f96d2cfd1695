"""Server-side SVG pictures: a timeline of an entity's dated facts and its partner network.

Pure functions from plain data to SVG text, so they are easy to test and need nothing at
run time (no CDN, no JavaScript). Every text is escaped; every mark links to the fact.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .dates import as_year

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
    "base": "#c62828",
    "deployment": "#ad1457",
    "meeting": "#00838f",
    "visit": "#00838f",
    "statement": "#616161",
    "agreement": "#4e342e",
}


@dataclass(frozen=True)
class Mark:
    """A dated fact on the timeline: a point (date) in a named lane."""

    lane: str
    date: str
    label: str
    href: str


@dataclass(frozen=True)
class Band:
    """A status period: from ``start`` until the next band of the same lane (or the end)."""

    lane: str
    start: str
    status: str
    href: str


@dataclass(frozen=True)
class Tie:
    """An edge from the page's entity to a partner."""

    partner: str
    label: str
    kind: str
    href: str


def timeline(marks: Sequence[Mark], bands: Sequence[Band], width: int = 820) -> str:
    """An SVG timeline with one lane per kind of fact; empty string if nothing is dated."""
    dated = [(m, as_year(m.date)) for m in marks]
    dated_marks = [(m, y) for m, y in dated if y is not None]
    dated_bands = [(b, y) for b, y in ((b, as_year(b.start)) for b in bands) if y is not None]
    years = [y for _, y in dated_marks] + [y for _, y in dated_bands]
    if not years:
        return ""
    lo, hi = math.floor(min(years)), math.floor(max(years)) + 1
    lanes = list(dict.fromkeys([b.lane for b, _ in dated_bands] + [m.lane for m, _ in dated_marks]))
    left, right, top, lane_h = 150, 20, 30, 34
    height = top + lane_h * len(lanes) + 30

    def x(year: float) -> float:
        return left + (year - lo) / (hi - lo) * (width - left - right)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        "<title>Timeline of dated facts</title>",
    ]
    for year in range(lo, hi + 1):
        out.append(
            f'<line x1="{x(year):.1f}" y1="{top - 10}" x2="{x(year):.1f}" '
            f'y2="{height - 25}" stroke="#ddd"/>'
        )
        out.append(f'<text x="{x(year):.1f}" y="{height - 10}" text-anchor="middle">{year}</text>')
    for i, lane in enumerate(lanes):
        y = top + i * lane_h
        short = lane if len(lane) <= 20 else lane[:19] + "…"
        out.append(
            f'<text x="{left - 8}" y="{y + 16}" text-anchor="end" class="lane">'
            f"<title>{escape(lane)}</title>{escape(short)}</text>"
        )
        lane_bands = sorted(((b, s) for b, s in dated_bands if b.lane == lane), key=lambda t: t[1])
        for j, (band, start) in enumerate(lane_bands):
            end = lane_bands[j + 1][1] if j + 1 < len(lane_bands) else hi
            colour = STATUS_COLOURS.get(band.status, "#78909c")
            w = max(x(end) - x(start), 4)
            out.append(
                f'<a href="{escape(band.href)}"><rect class="band" x="{x(start):.1f}" '
                f'y="{y + 4}" width="{w:.1f}" height="20" fill="{colour}" opacity="0.85">'
                f"<title>{escape(band.status)} from {escape(band.start)}</title></rect>"
                f'<text x="{x(start) + 4:.1f}" y="{y + 18}" fill="#fff">'
                f"{escape(band.status)}</text></a>"
            )
        for mark, year in dated_marks:
            if mark.lane != lane:
                continue
            out.append(
                f'<a href="{escape(mark.href)}"><circle class="mark" cx="{x(year):.1f}" '
                f'cy="{y + 14}" r="6" fill="#37474f"><title>{escape(mark.date)}: '
                f"{escape(mark.label)}</title></circle></a>"
            )
    out.append("</svg>")
    return "\n".join(out)


def network(centre: str, ties: Sequence[Tie], size: int = 520) -> str:
    """An SVG star of the entity's partners, edges coloured by kind of tie."""
    partners = list(dict.fromkeys(t.href for t in ties))
    if not partners:
        return ""
    c = size / 2
    radius = size / 2 - 90
    pos = {}
    for i, href in enumerate(partners):
        angle = 2 * math.pi * i / len(partners) - math.pi / 2
        pos[href] = (c + radius * math.cos(angle), c + radius * math.sin(angle))
    kinds = sorted({t.kind for t in ties})
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="network" role="img" '
        f'viewBox="0 0 {size} {size + 20 * len(kinds)}" width="{size}" '
        f'height="{size + 20 * len(kinds)}" font-family="sans-serif" font-size="12">',
        f"<title>Partners of {escape(centre)}</title>",
    ]
    seen: dict[str, int] = {}
    for tie in ties:
        px, py = pos[tie.href]
        n = seen.get(tie.href, 0)
        seen[tie.href] = n + 1
        bend = (n - 0.5) * 18 if n else 0
        mx, my = (c + px) / 2 + bend, (c + py) / 2 - bend
        colour = TIE_COLOURS.get(tie.kind, "#90a4ae")
        out.append(
            f'<path class="tie" d="M{c:.1f},{c:.1f} Q{mx:.1f},{my:.1f} {px:.1f},{py:.1f}" '
            f'stroke="{colour}" stroke-width="2" fill="none">'
            f"<title>{escape(tie.kind)}: {escape(tie.label)}</title></path>"
        )
    labels = {t.href: t.label for t in ties}
    for href, (px, py) in pos.items():
        out.append(
            f'<a href="{escape(href)}"><circle class="partner" cx="{px:.1f}" '
            f'cy="{py:.1f}" r="9" fill="#eceff1" stroke="#37474f"/>'
            f'<text x="{px:.1f}" y="{py + 24:.1f}" text-anchor="middle">'
            f"{escape(labels[href])}</text></a>"
        )
    out.append(
        f'<circle cx="{c}" cy="{c}" r="14" fill="#263238"/>'
        f'<text x="{c}" y="{c - 20}" text-anchor="middle" font-weight="bold">'
        f"{escape(centre)}</text>"
    )
    for i, kind in enumerate(kinds):
        y = size + 14 + 20 * i - 10
        out.append(
            f'<rect x="10" y="{y - 9}" width="14" height="4" '
            f'fill="{TIE_COLOURS.get(kind, "#90a4ae")}"/>'
            f'<text x="30" y="{y - 3}">{escape(kind)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)
