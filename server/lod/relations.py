"""Which of an entity's ties are not cooperation, from what the data states (issue 21, 4).

The partner picture draws every tie as cooperation unless the data says otherwise. Three
codings say otherwise; each is read, none is guessed (the choices: docs/linked-data.md):

- **adversarial**: the two are participants of one ``sk:ArmedConflict`` that has exactly two
  participants. The model codes no sides of a conflict; an armed conflict has two sides at
  least, so of two participants each is on the other's opposite side. With three or more we
  cannot tell who fought whom, and draw nothing.
- **strained**, a partnership: the article with the latest evidence (the day its attestation
  is as of) gives it the ``sk:trend`` weakening. Another latest trend (strengthening,
  stable) is said on the tie too, with no tone: the data's trends are drawn.
- **strained**, words: a ``sk:Statement`` that an article gives the ``sk:stance`` critical or
  warning (the stance sits on each article's attestation: one article may frame a statement as
  conciliatory and another as an accusation; one such framing is enough), made by one side
  about the other. A side is a state or an intergovernmental organization itself, or a
  government body of a state (``sk:country``); a person's or an outlet's words are not their
  state's. Other stances (supportive, concerned, neutral …) draw no tie.

A membership frozen, reduced or withdrawn by its latest evidence is strained too; that comes
from the status periods (``pictures.membership_stances``). Each relation carries the first
date its evidence gives, so "relations as of D" draws it plain on earlier days.
"""

from __future__ import annotations

from dataclasses import dataclass

from .batch import labels_of
from .entity import PREFIXES, Query, _day_last

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
    return _ties(
        query, sides, "opposite sides in {n} armed conflict{s}", "armed conflict", ADVERSARIAL
    )


def _ties(
    query: Query, facts: dict[str, set[str]], counted: str, kind: str, tone: str
) -> list[Relation]:
    """One tie per other side from the facts behind it: ``counted`` (with ``{n}`` and ``{s}``),
    then the span of their dates."""
    dates = _fact_dates(query, {f for fs in facts.values() for f in fs})
    names = labels_of(query, facts)
    out = []
    for other, fs in facts.items():
        ds = _dates(dates, fs)
        n = len(fs)
        words = counted.format(n=n, s="s" if n > 1 else "")
        if ds:
            words += f", {_span_words(ds)}"
        out.append(Relation(other, names[other], kind, tone, words, ds, ds[0] if ds else ""))
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
    """The trend the latest evidence gives a partnership, said on the tie ("weakening, last
    attested 2024-06-20"); weakening makes the tie strained. Each article's trend sits on its
    attestation, as of that attestation's date (docs/modelling.md, partnerships)."""
    said: dict[str, list[tuple[str, str]]] = {}  # other -> [(as-of date, trend)]
    for r in query(f"""{PREFIXES}
        SELECT DISTINCT ?other ?trend ?a WHERE {{
          ?f sk:partner <{iri}> ; a sk:Partnership ; sk:partner ?other .
          FILTER (?other != <{iri}>)
          ?att sk:attests ?f ; sk:trend ?trend .
          OPTIONAL {{ ?att sk:asOf ?a }}
        }}"""):
        when = r["a"].value if r["a"] is not None else ""
        said.setdefault(r["other"].value, []).append((when, r["trend"].value))
    names = labels_of(query, said)
    out = []
    for other, trends in said.items():
        when, trend = max(trends, key=lambda t: (_day_last(t[0]) if t[0] else "", t[1]))
        name = trend.rsplit("trend-", 1)[-1]  # strengthening, stable, weakening
        # the dates of the articles giving that trend: the first is where its tone begins
        ds = tuple(sorted({d for d, t in trends if t == trend and d}))
        out.append(
            Relation(
                other,
                names[other],
                "partnership",
                STRAINED if name == "weakening" else "",
                f"{name}, last attested {when}" if when else name,
                ds,
                ds[0] if ds else "",
            )
        )
    return out


_STANCES = ", ".join(f"<{CODE}{s}>" for s in HOSTILE_STANCES)


def _sides(query: Query, nodes: set[str]) -> dict[str, str]:
    """Each speaker or subject -> the side it stands for: a state or intergovernmental
    organization itself, a government body its state; persons, outlets … have none."""
    if not nodes:
        return {}
    sides: dict[str, str] = {}
    for r in query(f"""{PREFIXES}
        SELECT ?n ?side WHERE {{
          VALUES ?n {{ {" ".join(f"<{n}>" for n in sorted(nodes))} }}
          {{ ?n a ?k FILTER (?k IN (sk:State, sk:IntergovernmentalOrganization))
             BIND (?n AS ?side) }}
          UNION {{ ?n a sk:GovernmentBody ; sk:country ?side }}
        }}"""):
        sides[r["n"].value] = r["side"].value
    return sides


def _statements(query: Query, iri: str) -> list[Relation]:
    # Anchored on the entity, the stances a FILTER and the sides resolved afterwards: with
    # the side patterns inside one query and the stances a VALUES list, Oxigraph joined
    # every statement to them (8.8 ms a busy state on the 1M-triple benchmark, 0.4 ms this
    # way; bench/relations.py).
    bodies = [
        r["b"].value
        for r in query(
            f"{PREFIXES}SELECT ?b WHERE {{ ?b sk:country <{iri}> ; a sk:GovernmentBody }}"
        )
    ]
    speakers = " ".join(f"<{s}>" for s in [iri, *bodies])
    pairs: list[tuple[str, str]] = []  # (statement, the other side's speaker or subject)
    for pattern in (
        f"VALUES ?me {{ {speakers} }} ?f sk:speaker ?me ; sk:about ?node ."
        " ?att sk:attests ?f ; sk:stance ?stance .",
        f"?f sk:about <{iri}> ; sk:speaker ?node . ?att sk:attests ?f ; sk:stance ?stance .",
    ):
        for r in query(f"""{PREFIXES}
            SELECT DISTINCT ?f ?node WHERE {{
              {pattern}
              FILTER (?stance IN ({_STANCES}))
              ?f a sk:Statement .
            }}"""):
            pairs.append((r["f"].value, r["node"].value))
    sides = _sides(query, {node for _, node in pairs})
    facts: dict[str, set[str]] = {}
    for f, node in pairs:
        other = sides.get(node)
        if other is not None and other != iri:
            facts.setdefault(other, set()).add(f)
    return _ties(query, facts, "{n} critical or warning statement{s}", "statement", STRAINED)


def relations(query: Query, iri: str) -> list[Relation]:
    """The entity's adversarial and strained ties and its partnerships' trends (not its
    memberships), by the other side."""
    found = _conflicts(query, iri) + _partnerships(query, iri) + _statements(query, iri)
    return sorted(found, key=lambda r: (r.label, r.kind))
