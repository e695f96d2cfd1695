"""The entity view's queries on the real seed build, against the plain reading of the data."""

from __future__ import annotations

import pyoxigraph as ox

from server.lod import entity
from tests.conftest import served_query

BASE = "https://seckg.example.org/"


def test_status_periods_carry_every_attestations_as_of(store: ox.Store) -> None:
    """Armenia's CSTO status periods list each (as-of date, article) their attestations give."""
    statuses = entity._statuses(served_query(store), BASE + "id/armenia")
    assert statuses, "Armenia has membership status periods in the seeds"
    expected: dict[str, set[tuple[str, str]]] = {}
    for row in store.query(
        f"""PREFIX sk: <{entity.SK}> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?p ?a ?art WHERE {{ ?p a sk:MembershipStatusPeriod .
          ?att sk:attests ?p ; sk:asOf ?a ; prov:wasDerivedFrom ?art }}""",
        use_default_graph_as_union=True,
    ):
        expected.setdefault(row["p"].value, set()).add((row["a"].value, row["art"].value))
    for view in statuses:
        assert set(view.as_of) == expected.get(view.fact, set()), view.fact
        assert len(view.as_of) == len(set(view.as_of))
    assert any(view.as_of for view in statuses)
