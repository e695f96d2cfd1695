"""A departure for a place on a day begins a visit ("left Tabriz for Baku on Tuesday",
"вылетел в Москву", "մեկնել է ԱՄՆ"): wave 10 had two such visits, both missed. Sentences
written for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _visits(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Trip\n\n" + body + "\n", published="2024-06-05")
    return [p.fields for p in draft.facts if p.kind == "visit"]


def test_left_one_place_for_another(drafter: Drafter) -> None:
    (visit,) = _visits(drafter, "Nikol Pashinyan left Yerevan for France on 3 June.")
    assert (visit["visitor"], visit["destination"]) == ("nikol-pashinyan", "france")
    assert visit["startDate"] == "2024-06-03"


def test_flew_to_in_russian(drafter: Drafter) -> None:
    (visit,) = _visits(drafter, "Сергей Лавров 4 июня вылетел в Армению на переговоры.")
    assert (visit["visitor"], visit["destination"]) == ("sergei-lavrov", "armenia")
    assert visit["startDate"] == "2024-06-04"


def test_he_left_after_a_name(drafter: Drafter) -> None:
    body = "Sergei Lavrov spoke in Yerevan.\n\nHe left for France on Tuesday."
    (visit,) = _visits(drafter, body)
    assert (visit["visitor"], visit["destination"]) == ("sergei-lavrov", "france")
    assert visit["startDate"] == "2024-06-04"


def test_no_day_no_visit(drafter: Drafter) -> None:
    assert _visits(drafter, "Nikol Pashinyan left Yerevan for France.") == []


def test_left_an_alliance_is_no_journey(drafter: Drafter) -> None:
    assert _visits(drafter, "Armenia left the CSTO on 3 June, Nikol Pashinyan said.") == []


def test_an_honorific_is_no_part_of_a_new_name(drafter: Drafter) -> None:
    body = "Seyed Karim Tabrizi, the deputy foreign minister, left Tehran for Armenia on 3 June."
    (visit,) = _visits(drafter, body)
    assert visit["visitor"] == "karim-tabrizi"
