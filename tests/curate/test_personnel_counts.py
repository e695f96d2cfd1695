"""Counts of personnel that share their noun ("85 American and 175 Armenian soldiers") and
Russian ones ("85 американских и 175 армянских военнослужащих"): each count is a
participation of its state in the exercise (wave 5's article 115 lost both). Sentences
written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _participations(drafter: Drafter, body: str) -> dict[str, int]:
    draft = drafter.text("Drills\n\n" + body + "\n", published="2026-06-01")
    return {p.fields["participantActor"]: p.fields["personnelCount"]
            for p in draft.facts if p.kind == "participation"}  # fmt: skip


def test_two_counts_share_the_noun(drafter: Drafter) -> None:
    body = "The Silver Falcon-2026 exercise brings together 60 American and 140 Armenian soldiers."
    assert _participations(drafter, body) == {"united-states": 60, "armenia": 140}


def test_russian_counts_of_servicemen(drafter: Drafter) -> None:
    body = (
        "В учениях «Silver Falcon-2026» участвуют 60 американских и 140 армянских военнослужащих."
    )
    assert _participations(drafter, body) == {"united-states": 60, "armenia": 140}


def test_a_production_rate_is_no_quantity_ordered(drafter: Drafter) -> None:
    body = (
        "France sold CAESAR howitzers to Armenia, and KNDS France will raise its output to "
        "144 guns per year."
    )
    draft = drafter.text("Guns\n\n" + body + "\n", published="2026-06-01")
    deals = [p.fields for p in draft.facts if p.kind == "deal"]
    assert deals and all("quantityOrdered" not in f for f in deals)


def test_counts_of_soldiers_in_german_and_italian() -> None:
    from kg.draft.numbers import counts

    found = counts("Im Jahr 2009 waren dort 1.500 Soldaten und 40 armenische Soldaten.")
    assert [(c.value, c.head) for c in found] == [(1500, ""), (40, "armenische")]
    assert [c.value for c in counts("Vi hanno preso parte 60 militari americani.")] == [60]
    assert [c.value for c in counts("Na misję wysłano 2.000 żołnierzy.")] == [2000]
    assert counts("The rate rose by 1.5 soldiers per unit.") == []


def test_the_state_after_its_noun(drafter: Drafter) -> None:
    italian = (
        "Il 15 maggio 2026 è iniziata in Armenia l'esercitazione Silver Falcon-2026 con 60 "
        "militari americani."
    )
    assert _participations(drafter, italian) == {"united-states": 60}
    french = (
        "Le 15 mai 2026, l'exercice Silver Falcon-2026 a commencé en Arménie avec 60 soldats "
        "américains."
    )
    assert _participations(drafter, french) == {"united-states": 60}
