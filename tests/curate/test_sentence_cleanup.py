"""Sentences and names a news page's furniture must not break (drafter feedback, wave 3):
a rank's abbreviation ends no sentence, a page counter is no headline, a hyphenated given
name stays whole, a photo credit is no organisation. Text written for the test."""

from __future__ import annotations

from pathlib import Path

from kg import config
from kg.draft.names import make_nlp
from kg.draft.pipeline import draft_article
from kg.draft.sentences import numbered
from kg.draft.text import headline


def test_abbreviations_end_no_sentence() -> None:
    text = (
        "A new chief for the general staff\n\n"
        "Lt. Gen. Ivan Petrovsky met Col. Artur Sargsyants on Monday. Maj. Ruben Vardanyants "
        "left the meeting early.\n"
    )
    sentences = [s.text for s in numbered(make_nlp(), text)]
    assert len(sentences) == 3
    assert sentences[1].startswith("Lt. Gen. Ivan Petrovsky")
    assert sentences[2].startswith("Maj. Ruben")


def test_page_counter_is_no_headline() -> None:
    text = " date 2025-05-01 Counter@Mail.ru\nThe envoy arrives in the capital\nHe came.\n"
    assert headline(text) == ("The envoy arrives in the capital", text.index("The envoy"))
    cookie = "We use cookies to improve your experience on our site\nThe envoy arrives in town\n"
    assert headline(cookie) == ("The envoy arrives in town", cookie.index("The envoy"))


def _draft(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "article.txt"
    path.write_text("A visit to the capital\n\n" + body + "\n", encoding="utf-8")
    draft = draft_article(path, config.Paths(), published="2024-06-19")
    return [(e.type, e.label) for e in draft.new_entities]


def test_hyphenated_given_name_stays_whole(tmp_path: Path) -> None:
    found = _draft(tmp_path, "Ali-Reza Tumasyanov arrived in Yerevan on Monday.")
    assert ("Person", "Ali-Reza Tumasyanov") in found
    assert not any(label == "Reza Tumasyanov" for _, label in found)


def test_photo_credit_is_no_organisation(tmp_path: Path) -> None:
    found = _draft(tmp_path, "Photo: QXP\n\nThe QXB said the talks went well.")
    assert ("Organization", "QXP") not in [(t, lab) for t, lab in found]
    assert ("Organization", "QXB") in found  # an acronym in a sentence still is one


def test_outlets_by_their_address(tmp_path: Path) -> None:
    found = _draft(tmp_path, "Об этом сообщает Qazsay.kz со ссылкой на Forbesx.kz.")
    assert ("MediaOutlet", "Qazsay.kz") in found
    assert ("MediaOutlet", "Forbesx.kz") in found


def test_a_new_name_in_cyrillic_is_a_person(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Новый генсек\n\nГенсеком станет Таалатбек Кутманов.\n", encoding="utf-8")
    draft = draft_article(path, config.Paths(), published="2024-06-19")
    people = {(e.id, e.label) for e in draft.new_entities if e.type == "Person"}
    assert ("taalatbek-kutmanov", "Таалатбек Кутманов") in people
