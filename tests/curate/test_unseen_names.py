"""New names without a cue word, and names that contain a state's name (issue 19). Sentences
written for the test; the names are invented (or countries no article names yet), so that the
growing reference never knows them."""

from __future__ import annotations

import pytest

from kg.draft.pipeline import Draft
from kg.draft.shapes import looks_like_person
from tests.curate.conftest import Drafter

TEXT = (
    " date 2024-06-19 Officials praise a new artillery contract\n\n"
    "The contract was signed by Vardan Ghukasyan and Olivier Marchal in the capital.\n\n"
    "VTKX France, the manufacturer of the guns, will double its output, Belgium 9 reported.\n\n"
    "Russia as well as Mongolia and Portugal declined to comment.\n\n"
    "The radars come from the defence group Veltrona, Qarvel Herald reports.\n\n"
    "Minister of the Armed Forces Pierre Dumaine said the deal was a milestone.\n"
)


@pytest.fixture(scope="module")
def draft(drafter: Drafter) -> Draft:
    return drafter.text(TEXT, published=None)


def _new(draft: Draft) -> dict[str, str]:
    return {e.label: e.type for e in draft.new_entities}


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Vardan Ghukasyan", True),  # surname ending
        ("Olivier Marchal", True),  # given name
        ("Prime Minister", False),
        ("Armed Forces", False),
        ("South Caucasus", False),
        ("VTKX France", False),
    ],
)
def test_person_shape(name: str, person: bool) -> None:
    assert looks_like_person(name) is person


def test_people_without_a_title_are_proposed(draft: Draft) -> None:
    new = _new(draft)
    assert new["Vardan Ghukasyan"] == "Person" and new["Olivier Marchal"] == "Person"


def test_a_person_after_an_office_is_not_a_unit(draft: Draft) -> None:
    new = _new(draft)
    assert new.get("Pierre Dumaine") == "Person"
    assert not any("Forces" in label for label in new)
    # a new name speaks in no proposal (a statement needs a person the graph knows and a day)
    assert not [p for p in draft.facts if p.kind == "statement"]


def test_names_containing_a_state_are_not_the_state(draft: Draft) -> None:
    new = _new(draft)
    assert new["VTKX France"] == "Company"
    assert new["Belgium 9"] == "MediaOutlet"
    assert "france" not in draft.mentions and "belgium" not in draft.mentions


def test_countries_companies_and_outlets(draft: Draft) -> None:
    new = _new(draft)
    assert (new["Mongolia"], new["Portugal"]) == ("State", "State")
    assert new["Veltrona"] == "Company" and new["Qarvel Herald"] == "MediaOutlet"
    assert "russia" in draft.mentions


def test_spelling_organisation_folds_to_organization() -> None:
    from kg.draft.names import fold

    assert fold("Collective Security Treaty Organisation") == fold(
        "Collective Security Treaty Organization"
    )


def test_nothing_new_in_a_plain_sentence(drafter: Drafter) -> None:
    text = "A quiet week in the capital\n\nThe Government met on Monday and The Talks went on.\n"
    assert drafter.text(text).new_entities == []


def test_a_lower_case_word_is_not_a_one_word_name(drafter: Drafter) -> None:
    draft = drafter.text(
        "Talks in the capital\n\nThe plan is being discussed, Armenia said on Thursday.\n",
        published="2024-06-20",
    )
    assert "beijing" not in draft.mentions  # "being" folds like "Beijing"
    assert "armenia" in draft.mentions
    assert not [e for e in draft.new_entities if e.label == "Thursday"]
