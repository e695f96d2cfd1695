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
