"""Speakers tied to the words by the text (issue 19; wave 12's two invented speakers, both
statements): a namesake by surname is not the graph's person, and a name after "said" whose
subject stands before the verb is talked about, not speaking. Sentences written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _speakers(drafter: Drafter, body: str) -> list[str]:
    draft = drafter.body(body)
    return [p.fields["speaker"] for p in draft.facts if p.kind == "statement"]


def test_another_given_name_in_cyrillic_is_another_person(drafter: Drafter) -> None:
    # "Ваге" is no given name of the graph's Pashinyan: another man of that surname
    body = "Министр финансов Армении Ваге Пашинян утверждал, что часть контракта не выполнена."
    assert _speakers(drafter, body) == []
    assert "nikol-pashinyan" not in drafter.body(body).mentions


def test_own_given_name_in_cyrillic_still_names_him(drafter: Drafter) -> None:
    body = "Премьер-министр Армении Никол Пашинян заявил, что часть контракта не выполнена."
    assert _speakers(drafter, body) == ["nikol-pashinyan"]


def test_a_ministry_said_a_capital_is_the_capital_talked_about(drafter: Drafter) -> None:
    body = (
        "In a statement released on Saturday, the Foreign Ministry said Moscow is closely "
        "following the events in the region."
    )
    assert _speakers(drafter, body) == []


def test_a_body_said_a_person_is_the_person_talked_about(drafter: Drafter) -> None:
    assert _speakers(drafter, "On Saturday the ministry said Suren Papikyan had resigned.") == []


def test_a_closing_attribution_still_names_its_speaker(drafter: Drafter) -> None:
    body = '"We are following the events," said Suren Papikyan on Saturday.'
    assert _speakers(drafter, body) == ["suren-papikyan"]


def _relays(drafter: Drafter, text: str) -> list[object]:
    draft = drafter.text(text)
    return [p.fields.get("reportedBy") for p in draft.facts if p.kind == "statement"]


SAID = "Suren Papikyan said on Monday the army would be modernised."


def test_a_source_line_relays_the_page(drafter: Drafter) -> None:
    assert _relays(drafter, f"Army news\n\n{SAID}\n\nИсточник: ТАСС\n") == ["tass"]
    assert _relays(drafter, f"Army news\n\n{SAID}\n\n[TASS]\n") == ["tass"]


def test_a_dateline_outlet_relays_the_page(drafter: Drafter) -> None:
    assert _relays(drafter, f"Army news\n\nYEREVAN (TASS) — {SAID}\n") == ["tass"]


def test_a_photo_credit_relays_nothing(drafter: Drafter) -> None:
    assert _relays(drafter, f"Army news\n\n{SAID}\n\nФото: Иван Петров / ТАСС\n") == [None]


def test_the_surname_alone_later_is_still_the_other_person(drafter: Drafter) -> None:
    body = (
        "Министр финансов Армении Ваге Пашинян выступил в парламенте. Пашинян заявил, что "
        "часть контракта не выполнена."
    )
    assert _speakers(drafter, body) == []


def test_a_latin_title_before_the_surname_is_no_other_person(drafter: Drafter) -> None:
    body = "Cumhurbaşkanı Pashinyan dün konuştu. Pashinyan said on Monday the army would grow."
    assert _speakers(drafter, body) == ["nikol-pashinyan"]
