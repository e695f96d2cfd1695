"""Candidate entities and mentions wave 15's curators deleted, by a shape any page has
(issue 19, drafter41): an acronym the text prints beside a weapon system's noun is the
system's name wherever it stands alone, not an organisation; a capitalised German noun after
"in" is no place (German capitalises every noun); a line linking another article of the site
("Mehr zum Thema – <title>") names nothing of this one. Sentences written for the test."""

from __future__ import annotations

import pytest

from kg.draft.candidates import system_acronyms
from tests.curate.conftest import Drafter


def _candidates(drafter: Drafter, text: str) -> dict[str, str]:
    return {e.label: e.type for e in drafter.text(text).new_entities}


@pytest.mark.parametrize(
    "body",
    [
        "Armenia received the first ZORG howitzers. India supplies ZORG to Armenia.",
        "Армения получила первые гаубицы ZORG. Индия поставляет ZORG Армении по контракту.",
        "Ermənistan ZORG haubitsalarını aldı. Hindistan ZORG sistemlərini Ermənistana verir.",
    ],
)
def test_an_acronym_beside_a_system_noun_is_no_organisation(drafter: Drafter, body: str) -> None:
    assert "ZORG" not in _candidates(drafter, "A day in the capital\n\n" + body + "\n")


def test_an_acronym_never_beside_a_system_noun_is_still_an_organisation(
    drafter: Drafter,
) -> None:
    body = "India signed a contract with ZORG. Officials of ZORG visited Yerevan."
    assert _candidates(drafter, "A day in the capital\n\n" + body + "\n").get("ZORG") == (
        "Organization"
    )


def test_system_acronyms_need_the_noun_right_beside_them() -> None:
    assert system_acronyms("Гаубицы ZORG прибыли. Затем ZORG поставил") == {"ZORG"}
    assert system_acronyms("the QWER missile and XYZ, howitzers") == {"QWER"}
    assert system_acronyms("ZORG said. Howitzers arrived") == set()


_GERMAN = (
    "Hilfe für Armenien\n\n"
    "Die Europäische Union hat Armenien am Montag Hilfe in Höhe von zehn Millionen Euro "
    "zugesagt. Das Geld soll dem Land in Krisen helfen, sagte ein Sprecher in Brüssel. Die "
    "Hilfe wird in Jerewan übergeben.\n"
)


def test_a_german_noun_after_in_is_no_place(drafter: Drafter) -> None:
    found = _candidates(drafter, _GERMAN)
    assert "Höhe" not in found and "Krisen" not in found


def test_an_english_name_after_in_is_still_a_place(drafter: Drafter) -> None:
    found = _candidates(drafter, "A day in the capital\n\nThe aid arrived in Zorgrad.\n")
    assert found.get("Zorgrad") == "Place"


@pytest.mark.parametrize(
    "line",
    [
        "Mehr zum Thema – Armenien und Aserbaidschan verhandeln in Moskau",
        "Read more: Armenia and Azerbaijan negotiate in Moscow",
        "Читайте также: Армения и Азербайджан ведут переговоры в Москве",
    ],
)
def test_a_related_link_line_names_nothing_of_the_article(drafter: Drafter, line: str) -> None:
    draft = drafter.text("Aid for the region\n\nThe aid arrived in Yerevan.\n\n" + line + "\n")
    assert "moscow" not in draft.mentions and "azerbaijan" not in draft.mentions
    assert "yerevan" in draft.mentions
