"""A new person a Russian text names in an oblique case is proposed under the nominative
(``kg/draft/morphology.py``): "Ара Айвазяна" is the label "Ара Айвазян" and its id the
slug of that, as a curator writes ``labels: {ru: …}``. Sentences written
for the test, never article text."""

from __future__ import annotations

from kg.draft.morphology import nominative
from tests.curate.conftest import Drafter


def _people(drafter: Drafter, body: str) -> dict[str, str]:
    draft = drafter.text("Новости дня\n\n" + body + "\n", published="2024-06-19")
    return {e.id: e.label for e in draft.new_entities if e.type == "Person"}


def test_a_new_name_in_the_genitive_is_proposed_in_the_nominative(drafter: Drafter) -> None:
    body = "В Ереване прошла встреча с участием Марии Захарченко."
    people = _people(drafter, body)
    assert people == {"mariya-zakharchenko": "Мария Захарченко"}


def test_the_case_is_the_one_the_whole_name_shares() -> None:
    assert nominative("Марии Захарченко") == "Мария Захарченко"
    assert nominative("Ольги Петровой") == "Ольга Петрова"
    assert nominative("Ольга Петрова") == "Ольга Петрова"  # not a man's genitive
    assert nominative("Арой Айвазяном") == "Ара Айвазян"
    assert nominative("Сергея Шойгу") == "Сергей Шойгу"  # an indeclinable surname stays
    assert nominative("Jean Dupont") == "Jean Dupont"
