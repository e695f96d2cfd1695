"""The entity view's queries on the real seed build, against the plain reading of the data."""

from __future__ import annotations

import pyoxigraph as ox

from server.lod import entity
from tests.conftest import served_query

BASE = "https://seckg.example.org/"


def test_status_periods_carry_every_attestations_as_of(store: ox.Store) -> None:
    """Armenia's CSTO status periods list each (as-of date, article) their attestations give:
    under ``claimed`` those that relay someone's claim (mode claim), under ``as_of`` the rest."""
    statuses = entity._statuses(served_query(store), BASE + "id/armenia")
    assert statuses, "Armenia has membership status periods in the seeds"
    expected: dict[tuple[str, bool], set[tuple[str, str]]] = {}
    for row in store.query(
        f"""PREFIX sk: <{entity.SK}> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?p ?a ?art ?mode WHERE {{ ?p a sk:MembershipStatusPeriod .
          ?att sk:attests ?p ; sk:asOf ?a ; prov:wasDerivedFrom ?art .
          OPTIONAL {{ ?att sk:mode ?mode }} }}""",
        use_default_graph_as_union=True,
    ):
        claim = row["mode"] is not None and row["mode"].value.endswith("/code/mode-claim")
        key = (row["p"].value, claim)
        expected.setdefault(key, set()).add((row["a"].value, row["art"].value))
    for view in statuses:
        assert set(view.as_of) == expected.get((view.fact, False), set()), view.fact
        assert set(view.claimed) == expected.get((view.fact, True), set()), view.fact
        assert len(view.as_of) == len(set(view.as_of))
    assert any(view.as_of for view in statuses)
    assert any(view.claimed for view in statuses)
