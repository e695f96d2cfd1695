"""Sentences and names a news page's furniture must not break (drafter feedback, wave 3):
a rank's abbreviation ends no sentence, a page counter is no headline, a hyphenated given
name stays whole, a photo credit is no organisation. Text written for the test."""

from __future__ import annotations

from spacy.language import Language

from kg.draft.sentences import numbered
from kg.draft.text import headline
from tests.curate.conftest import Drafter


def test_abbreviations_end_no_sentence(nlp: Language) -> None:
    text = (
        "A new chief for the general staff\n\n"
        "Lt. Gen. Ivan Petrovsky met Col. Artur Sargsyants on Monday. Maj. Ruben Vardanyants "
        "left the meeting early.\n"
    )
    sentences = [s.text for s in numbered(nlp, text)]
    assert len(sentences) == 3
    assert sentences[1].startswith("Lt. Gen. Ivan Petrovsky")
    assert sentences[2].startswith("Maj. Ruben")


def test_page_counter_is_no_headline() -> None:
    text = " date 2025-05-01 Counter@Mail.ru\nThe envoy arrives in the capital\nHe came.\n"
    assert headline(text) == ("The envoy arrives in the capital", text.index("The envoy"))
    cookie = "We use cookies to improve your experience on our site\nThe envoy arrives in town\n"
    assert headline(cookie) == ("The envoy arrives in town", cookie.index("The envoy"))


def _draft(drafter: Drafter, body: str) -> list[tuple[str, str]]:
    draft = drafter.text("A visit to the capital\n\n" + body + "\n")
    return [(e.type, e.label) for e in draft.new_entities]


def test_hyphenated_given_name_stays_whole(drafter: Drafter) -> None:
    found = _draft(drafter, "Ali-Reza Tumasyanov arrived in Yerevan on Monday.")
    assert ("Person", "Ali-Reza Tumasyanov") in found
    assert not any(label == "Reza Tumasyanov" for _, label in found)


def test_photo_credit_is_no_organisation(drafter: Drafter) -> None:
    found = _draft(drafter, "Photo: QXP\n\nThe QXB said the talks went well.")
    assert ("Organization", "QXP") not in [(t, lab) for t, lab in found]
    assert ("Organization", "QXB") in found  # an acronym in a sentence still is one


def test_outlets_by_their_address(drafter: Drafter) -> None:
    found = _draft(drafter, "Об этом сообщает Qazsay.kz со ссылкой на Forbesx.kz.")
    assert ("MediaOutlet", "Qazsay.kz") in found
    assert ("MediaOutlet", "Forbesx.kz") in found


def test_a_new_name_in_cyrillic_is_a_person(drafter: Drafter) -> None:
    draft = drafter.text("Новый генсек\n\nГенсеком станет Таалатбек Кутманов.\n")
    people = {(e.id, e.label) for e in draft.new_entities if e.type == "Person"}
    assert ("taalatbek-kutmanov", "Таалатбек Кутманов") in people
