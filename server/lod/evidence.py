"""Where a fact's sources agree and where they do not, for the entity pages (issue 19, item 5).

The graph keeps every article's dates and every attestation's mode side by side (per-article
graphs, ``sk:attests``); this module only reads a :class:`~server.lod.entity.FactView` and
says, in a form a template can lay out in columns, where they differ:

- **dates**: two articles give the same date property values that cannot both be true. A
  partial date and a fuller one inside it agree ("2023-09" and "2023-09-11": one is just more
  precise); "2023-09-11" and "2023-09-12" do not.
- **figures**: two articles give different numbers for one fact (2,000 and 1,960
  peacekeepers: ``FactView.figures``, read per article graph) or for a deal (numbers ordered
  or delivered: each attestation's). SHACL allows one figure per article graph, so two values
  of one figure always come from different articles (docs/modelling.md, "Sources that
  disagree"); each side lists the articles that give its value. Numbers delivered grow over
  time, so their sides say as of when.
- **an end**: one article presents a state of affairs as over by a date (``former``, with its
  ``endDate`` or ``latestDate``) and another shows it going on after that date (an as-of
  date whose first day is later). SHACL refuses that only within one article; across
  articles it is kept, and the page must not say "ended" (or "held") without saying so.
- **presentation** (not a contradiction, but an analyst must see it): one article reports
  the fact as its own, another relays it as someone's claim, or two attribute it to
  different claimants, or one calls it a plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from .entity import FIGURE_PROPS, EntityView, FactView

Source = tuple[str, str]  # (article IRI, headline)


@dataclass(frozen=True)
class Side:
    """One position: what it says, and the articles that say it."""

    says: str
    articles: list[Source]


@dataclass(frozen=True)
class Disagreement:
    what: str  # "Sources disagree on the start date", "Sources present it differently"
    sides: list[Side]


# Dates that name when the fact happened, began or ended: two that do not agree cannot both
# be right. Bounds (earliestDate, latestDate) are not here: "by 2023-11" and "by 2024-06" are
# both true of a thing that happened by 2023-11.
EXACT_DATES = ("date", "startDate", "endDate")


def agree(a: str, b: str) -> bool:
    """Two dates agree when one is the other or lies within it (a partial date's span)."""
    return a.startswith(b) or b.startswith(a)


def article_count(f: FactView) -> int:
    """How many articles attest the fact (its sources, each once)."""
    return len({article for article, _ in f.sources})


def _date_disagreements(f: FactView, label: dict[str, str]) -> list[Disagreement]:
    out: list[Disagreement] = []
    for prop in EXACT_DATES:
        given: dict[str, list[Source]] = {}
        for d in f.dated:
            if d.prop == prop and (d.article, d.headline) not in given.get(d.value, []):
                given.setdefault(d.value, []).append((d.article, d.headline))
        values = sorted(given)
        if any(not agree(a, b) for i, a in enumerate(values) for b in values[i + 1 :]):
            sides = [Side(v, given[v]) for v in values]
            out.append(Disagreement(f"Sources disagree on the {label.get(prop, prop)}", sides))
    return out


# How an article gives its figure when not as exact (code:FigureQualifier): "about 100" is
# never shown as 100.
QUALIFIER_WORDS = {
    "figure-approximate": "about",
    "figure-at-most": "at most",
    "figure-at-least": "at least",
}


def _figure_disagreements(f: FactView, label: dict[str, str]) -> list[Disagreement]:
    given: dict[str, dict[str, list[Source]]] = {}  # figure -> value -> articles
    qualified = {
        a.article: QUALIFIER_WORDS.get(a.figures_as[0].rsplit("/", 1)[-1], a.figures_as[1])
        for a in f.attestations
        if a.figures_as
    }
    for d in f.figures:
        if d.prop in FIGURE_PROPS:
            says = f"{qualified[d.article]} {d.value}" if d.article in qualified else d.value
            given.setdefault(d.prop, {}).setdefault(says, []).append((d.article, d.headline))
    for a in f.attestations:  # a deal's numbers, each article's as of its date
        when = f" as of {', '.join(a.as_of)}" if a.as_of else ""
        for prop, value in (("quantityOrdered", a.ordered), ("quantityDelivered", a.delivered)):
            if value:
                says = value + when if prop == "quantityDelivered" else value
                given.setdefault(prop, {}).setdefault(says, []).append((a.article, a.headline))
    out: list[Disagreement] = []
    for prop in (*FIGURE_PROPS, "quantityOrdered", "quantityDelivered"):
        values = given.get(prop, {})
        if len({v.split(" as of ")[0] for v in values}) > 1:
            sides = [Side(v, values[v]) for v in sorted(values, key=_numeric)]
            name = label.get(prop, prop)
            what = (  # deliveries grow: a later number is not a contradiction
                f"Sources give the {name} differently, each as of its date"
                if prop == "quantityDelivered"
                else f"Sources disagree on the {name}"
            )
            out.append(Disagreement(what, sides))
    return out


def _end_disagreements(f: FactView) -> list[Disagreement]:
    """An article ends a state of affairs by a date and another attests it after that date."""
    ends, later = f.end_dispute()
    if not later:
        return []
    sides = [Side(f"ended by {e}", ends[e]) for e in sorted(ends)]
    sides += [Side(f"going on as of {d}", later[d]) for d in sorted(later)]
    return [Disagreement("Sources disagree on whether it had ended", sides)]


def _numeric(says: str) -> tuple[float, str]:
    """Sides in the order of their numbers ("960" before "1960", "about 1000" after them),
    then their as-of dates."""
    for word in QUALIFIER_WORDS.values():
        says = says.removeprefix(word + " ")
    number, _, rest = says.partition(" ")
    try:
        return float(number), rest
    except ValueError:
        return float("inf"), says


def _presentation(f: FactView) -> list[Disagreement]:
    ways: dict[str, list[Source]] = {}
    for a in f.attestations:
        mode = a.mode or "reported"
        says = {"reported": "reports it", "claim": "relays it as a claim"}.get(mode, f"a {mode}")
        if a.claimants:
            says += " by " + ", ".join(label for _, label in a.claimants)
        ways.setdefault(says, []).append((a.article, a.headline))
    if len(ways) < 2:
        return []
    sides = [Side(k, v) for k, v in sorted(ways.items())]
    return [Disagreement("Sources present it differently", sides)]


def disagreements(f: FactView, label: dict[str, str] | None = None) -> list[Disagreement]:
    """Where the fact's sources differ: dates that cannot both hold, an end that a later
    article does not see, figures, presentation."""
    names = label or {}
    return (
        _date_disagreements(f, names)
        + _end_disagreements(f)
        + _figure_disagreements(f, names)
        + _presentation(f)
    )


@dataclass(frozen=True)
class Claim:
    fact: str
    label: str
    summary: str
    articles: list[Source]


def contested(view: EntityView) -> list[tuple[str, list[Claim]]]:
    """Claims about this entity by different claimants, side by side: (claimant, claims) per
    claimant, when at least two claimants make claims about it (the model keeps a contested
    fact as one claim per side, docs/modelling.md; e.g. the US-built biolabs)."""
    by_claimant: dict[str, list[Claim]] = {}
    for facts in view.facts.values():
        for f in facts:
            if not any(d.iri == view.iri for d in f.values("about")):
                continue
            for a in f.attestations:
                if a.mode != "claim":
                    continue
                for _, who in a.claimants:
                    claims = by_claimant.setdefault(who, [])
                    found = next((c for c in claims if c.fact == f.iri), None)
                    if found is None:
                        claims.append(
                            Claim(f.iri, f.label, a.summary or f.summary, [(a.article, a.headline)])
                        )
                    elif (a.article, a.headline) not in found.articles:
                        found.articles.append((a.article, a.headline))
    return sorted(by_claimant.items()) if len(by_claimant) >= 2 else []
