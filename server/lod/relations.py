"""Which of an entity's ties are not cooperation, from what the data states (issue 21, 4).

The partner picture draws every tie as cooperation unless the data says otherwise. Three
codings say otherwise; each is read, none is guessed (the choices: docs/linked-data.md):

- **adversarial**: the two are participants of one ``sk:ArmedConflict`` that has exactly two
  participants. The model codes no sides of a conflict; an armed conflict has two sides at
  least, so of two participants each is on the other's opposite side. With three or more we
  cannot tell who fought whom, and draw nothing.
- **strained**, a partnership: the latest trend an article gives a partnership (on its
  attestation, as of the day it attests it at, else the fact's date) is ``sk:trend``
  weakening. Another latest trend (strengthening, stable) is said on the tie too, with no
  tone: the data's trends are drawn.
- **strained**, words: a ``sk:Statement`` with ``sk:stance`` critical or warning, made by one
  side about the other. A side is a state or an intergovernmental organization itself, or a
  government body of a state (``sk:country``); a person's or an outlet's words are not their
  state's. Other stances (supportive, concerned, neutral …) draw no tie.

A membership frozen, reduced or withdrawn by its latest evidence is strained too; that comes
from the status periods (``pictures.membership_stances``). Each relation carries the first
date its evidence gives, so "relations as of D" draws it plain on earlier days.
"""

from __future__ import annotations

from dataclasses import dataclass

from .entity import PREFIXES, Query, label_of

ADVERSARIAL, STRAINED = "adversarial", "strained"
HOSTILE_STANCES = ("stance-critical", "stance-warning")
# authored base: routes.blueprint moves it to the deployment's base with the vocabulary
CODE = "https://seckg.example.org/code/"
# a fact's own date, else its start, else its bounds: where its evidence begins
_FACT_DATES = """
  OPTIONAL { ?f sk:date|sk:startDate|sk:earliestDate|sk:latestDate ?d }
  OPTIONAL { ?att sk:attests ?f ; sk:asOf ?a }
"""


@dataclass(frozen=True)
class Relation:
    """A tie of the page's entity that is not plain cooperation."""

    other: str  # the other side's IRI
    label: str
    kind: str  # the tie's kind: "armed conflict", "partnership", "statement"
    tone: str  # ADVERSARIAL, STRAINED, or "" (a trend said on a cooperative tie)
    words: str  # what the evidence says, in the as-of words of docs/modelling.md
    dates: tuple[str, ...]  # every date of the facts behind it
    since: str  # the first of them: before that day the tie is drawn plain


def _dates(row_dates: dict[str, set[str]], facts: set[str]) -> tuple[str, ...]:
    return tuple(sorted({d for f in facts for d in row_dates.get(f, ())}))


def _span_words(dates: tuple[str, ...]) -> str:
    if not dates:
        return ""
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"


def _conflicts(query: Query, iri: str) -> list[Relation]:
    rows = list(
        query(f"""{PREFIXES}
        SELECT ?f ?other (COUNT(DISTINCT ?p) AS ?n) WHERE {{
          ?f sk:participant <{iri}> ; a sk:ArmedConflict ; sk:participant ?other , ?p .
          FILTER (?other != <{iri}>)
        }} GROUP BY ?f ?other""")
    )
    sides: dict[str, set[str]] = {}
    for r in rows:
        if int(r["n"].value) == 2:
            sides.setdefault(r["other"].value, set()).add(r["f"].value)
    dates = _fact_dates(query, {f for fs in sides.values() for f in fs})
    out = []
    for other, facts in sides.items():
        ds = _dates(dates, facts)
        n = len(facts)
        words = f"opposite sides in {n} armed conflict{'s' if n > 1 else ''}"
        if ds:
            words += f", {_span_words(ds)}"
        out.append(
            Relation(
                other,
                label_of(query, other),
                "armed conflict",
                ADVERSARIAL,
                words,
                ds,
                ds[0] if ds else "",
            )
        )
    return out


def _fact_dates(query: Query, facts: set[str]) -> dict[str, set[str]]:
    if not facts:
        return {}
    found: dict[str, set[str]] = {}
    for r in query(f"""{PREFIXES}
        SELECT ?f ?d ?a WHERE {{
          VALUES ?f {{ {" ".join(f"<{f}>" for f in sorted(facts))} }}
          {_FACT_DATES}
        }}"""):
        for name in ("d", "a"):
            if r[name] is not None:
                found.setdefault(r["f"].value, set()).add(r[name].value)
    return found


def _partnerships(query: Query, iri: str) -> list[Relation]:
    """The latest trend an article gives a partnership with the other side, said on the tie
    ("strengthening, last attested 2024-03"); weakening makes the tie strained. A trend is
    each article's, on its attestation, as of its date (docs/modelling.md, "Partnerships")."""
    latest: dict[str, tuple[str, str]] = {}  # other -> (date, trend)
    given: dict[str, dict[str, set[str]]] = {}  # other -> trend -> dates articles give it at
    for r in query(f"""{PREFIXES}
        SELECT DISTINCT ?other ?trend ?a ?d WHERE {{
          ?f sk:partner <{iri}> ; a sk:Partnership ; sk:partner ?other .
          ?att sk:attests ?f ; sk:trend ?trend .
          FILTER (?other != <{iri}>)
          OPTIONAL {{ ?att sk:asOf ?a }}
          OPTIONAL {{ ?f sk:date|sk:startDate|sk:earliestDate|sk:latestDate ?d }}
        }}"""):
        other, trend = r["other"].value, r["trend"].value
        when = next((r[n].value for n in ("a", "d") if r[n] is not None), "")
        given.setdefault(other, {}).setdefault(trend, set()).add(when)
        if other not in latest or when > latest[other][0]:
            latest[other] = (when, trend)
    out = []
    for other, (when, trend) in latest.items():
        name = trend.rsplit("trend-", 1)[-1]  # strengthening, stable, weakening
        # the dates articles give the latest trend at: its first is where the tone begins
        ds = tuple(sorted(d for d in given[other][trend] if d))
        out.append(
            Relation(
                other,
                label_of(query, other),
                "partnership",
                STRAINED if name == "weakening" else "",
                f"{name}, last attested {when}" if when else name,
                ds,
                ds[0] if ds else "",
            )
        )
    return out


# A side of a statement: the state or organization itself, or a government body's state.
_SIDE = """{{ ?{v} a ?k . VALUES ?k {{ sk:State sk:IntergovernmentalOrganization }}
     BIND(?{v} AS ?other) }}
  UNION {{ ?{v} a sk:GovernmentBody ; sk:country ?other }}"""
_STANCES = " ".join(f"<{CODE}{s}>" for s in HOSTILE_STANCES)


def _statements(query: Query, iri: str) -> list[Relation]:
    said_by = f"""{{ BIND(<{iri}> AS ?speaker) }}
          UNION {{ ?speaker sk:country <{iri}> ; a sk:GovernmentBody }}
          ?f sk:speaker ?speaker ; a sk:Statement ; sk:stance ?stance ; sk:about ?about .
          {_SIDE.format(v="about")}"""
    said_of = f"""?f sk:about <{iri}> ; a sk:Statement ; sk:stance ?stance ; sk:speaker ?speaker .
          {_SIDE.format(v="speaker")}"""
    facts: dict[str, set[str]] = {}
    for pattern in (said_by, said_of):
        for r in query(f"""{PREFIXES}
            SELECT DISTINCT ?f ?other WHERE {{
              {pattern}
              VALUES ?stance {{ {_STANCES} }}
              FILTER (?other != <{iri}>)
            }}"""):
            facts.setdefault(r["other"].value, set()).add(r["f"].value)
    dates = _fact_dates(query, {f for fs in facts.values() for f in fs})
    out = []
    for other, fs in facts.items():
        ds = _dates(dates, fs)
        n = len(fs)
        words = f"{n} critical or warning statement{'s' if n > 1 else ''}"
        if ds:
            words += f", {_span_words(ds)}"
        out.append(
            Relation(
                other,
                label_of(query, other),
                "statement",
                STRAINED,
                words,
                ds,
                ds[0] if ds else "",
            )
        )
    return out


def relations(query: Query, iri: str) -> list[Relation]:
    """The entity's adversarial and strained ties and its partnerships' trends (not its
    memberships), by the other side."""
    found = _conflicts(query, iri) + _partnerships(query, iri) + _statements(query, iri)
    return sorted(found, key=lambda r: (r.label, r.kind))
