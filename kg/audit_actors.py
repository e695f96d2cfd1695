"""Reviewer warnings that need the states a block's actors stand for (audit14, audit16).

- ``western-topic``: a block coded as defence cooperation (joint exercise, arms procurement,
  defence cooperation, modernization) between Armenia and a Western actor (the US, Canada, an
  EU or NATO state of the reference, the EU, NATO, or a body, unit, place or post of one) with
  no topic under the turn to the West: the coding rule gives it
  ``topic-western-defence-cooperation`` (audit14 found 166, 170, 171 and about 11 older ones).
- ``topic-outside-definition``: a topic whose definition names states
  (``topic-bilateral-relations``: Armenia and Russia) on a block whose actors stand for another
  state and not for both of those (audit16: Israel–Azerbaijan; audit14: Russia–Azerbaijan and
  Azerbaijan–Turkey–Pakistan blocks).

A block's actors are the IRIs it names in its own article's graph, and those of the fact it is
``about``; an actor stands for a state when it is one, or through its ``country``,
``locatedIn``, a base's ``operatedBy``/``hostState``, a post's ``postIn``, or, for a person,
the posts the articles show them holding. Why not one SPARQL query per check, as in
``kg.audit``: written so, with those property paths from each block's actors, the two checks
ran for more than two minutes on the 197-article corpus in Oxigraph (it evaluated the paths
from every node before joining); the actors' states are two queries here (well under a second)
and the rest is set logic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pyoxigraph as ox

from kg.store import select, value

SK = "https://seckg.example.org/ontology#"
CODE = "https://seckg.example.org/code/"
ID = "https://seckg.example.org/id/"

# code:topic-western-defence-cooperation is "between Armenia and the US or European states":
# the US, Canada, the EU and NATO states among the reference's states, the EU and NATO
WESTERN = {
    ID + name
    for name in (
        "united-states canada france germany belgium greece cyprus united-kingdom finland "
        "hungary european-union nato"
    ).split()
}
DEFENCE = {
    CODE + f"topic-{name}"
    for name in "joint-exercise arms-procurement defence-cooperation military-modernization".split()
}
TURN_TO_THE_WEST = {
    CODE + f"topic-{name}"
    for name in (
        "western-pivot nato western-defence-cooperation european-choice diversification"
    ).split()
}
# topics whose definitions name the states they are about
TOPIC_STATES = {CODE + "topic-bilateral-relations": {ID + "armenia", ID + "russia"}}

_PREFIXES = f"PREFIX sk: <{SK}>\n"
_STATES = (
    _PREFIXES
    + """
SELECT ?actor ?state WHERE {
  { ?actor (sk:country|sk:locatedIn|sk:operatedBy|sk:hostState|sk:postIn)+ ?state }
  UNION { ?tenure sk:holder ?actor ; sk:post/(sk:postIn|sk:country)+ ?state }
  ?state a sk:State .
}"""
)
# each coded block of an article with its actors there and those of the fact it is about
_BLOCKS = (
    _PREFIXES
    + """
SELECT ?fact ?at ?topic ?actor WHERE {
  GRAPH ?g { ?fact sk:topic ?topic . ?at sk:attests ?fact }
  OPTIONAL {
    { GRAPH ?g { ?fact ?role ?actor } } UNION { GRAPH ?g { ?fact sk:about ?on } ?on ?r ?actor }
    FILTER (isIRI(?actor) && STRSTARTS(STR(?actor), "https://seckg.example.org/id/"))
  }
}"""
)


def _states(store: ox.Store) -> dict[str, set[str]]:
    """Actor IRI -> the states it stands for (a state stands for itself)."""
    states: dict[str, set[str]] = defaultdict(set)
    for row in select(store, _STATES, union=True):
        states[value(row["actor"])].add(value(row["state"]))
    for row in select(store, f"{_PREFIXES}SELECT ?s WHERE {{ ?s a sk:State }}", union=True):
        states[value(row["s"])].add(value(row["s"]))
    return states


def _short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def findings(store: ox.Store) -> Iterator[tuple[str, str, str, str]]:
    """The two checks over every article's coded blocks: (check, fact, why, attestation), the
    attestation naming the article's line (:func:`kg.audit.warnings` makes the warnings; this
    module does not import it, so the two do not import each other)."""
    states = _states(store)
    blocks: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for row in select(store, _BLOCKS, union=True):
        topics, actors = blocks.setdefault((value(row["fact"]), value(row["at"])), (set(), set()))
        topics.add(value(row["topic"]))
        if row["actor"] is not None:
            actors.add(value(row["actor"]))
    for (fact, at), (topics, actors) in blocks.items():
        stand_for = set().union(*(states.get(a, set()) for a in actors))
        for check, why in _problems(topics, actors, stand_for):
            yield check, fact, why, at


def _problems(topics: set[str], actors: set[str], stand_for: set[str]) -> Iterator[tuple[str, str]]:
    west = sorted(_short(w) for w in WESTERN & (stand_for | actors))
    coded = sorted(_short(t) for t in topics & DEFENCE)
    if coded and west and ID + "armenia" in stand_for and not topics & TURN_TO_THE_WEST:
        yield (
            "western-topic",
            f"coded {', '.join(coded)} between Armenia and {', '.join(west)}, with no topic "
            "under topic-western-pivot: defence cooperation with a Western state is "
            "topic-western-defence-cooperation (docs/modelling.md, 'Topics')",
        )
    for topic, defined in TOPIC_STATES.items():
        # another state, and not both of the defined ones: another pair (Russia–Azerbaijan),
        # not a third state beside them (an Armenia–Russia–Azerbaijan statement)
        if topic in topics and stand_for - defined and not defined <= stand_for:
            yield (
                "topic-outside-definition",
                f"{_short(topic)} is defined for {' and '.join(sorted(map(_short, defined)))}, "
                f"but its actors stand for {', '.join(sorted(map(_short, stand_for)))}: "
                "another pair of states is topic-interstate-relations",
            )
