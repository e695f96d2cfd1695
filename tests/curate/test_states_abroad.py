"""States named in the languages of the region's press (kg.draft.exonyms.states_abroad):
Azerbaijani, Turkish, German, Georgian, Greek… from ISO 3166's translations in pycountry, and a
Turkish or Azerbaijani case suffix after an apostrophe. Sentences written for the test."""

from __future__ import annotations

import pytest

from kg.draft.exonyms import states_abroad
from kg.draft.names import match_key
from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("body", "states"),
    [
        ("Azərbaycan ilə Ermənistan arasında danışıqlar davam edir.", {"azerbaijan", "armenia"}),
        ("Frankreich will Armenien weitere Waffen liefern.", {"france", "armenia"}),
        ("Fransa'nın Ermenistan'a silah satışı Ankara'da eleştirildi.", {"france", "armenia"}),
        ("Rusya ve Hindistan yeni bir anlaşma imzaladı.", {"russia", "india"}),
        ("საფრანგეთი და სომხეთი თანამშრომლობას აგრძელებენ.", {"france", "armenia"}),
    ],
)
def test_a_state_is_found_by_its_name_in_the_regions_languages(
    drafter: Drafter, body: str, states: set[str]
) -> None:
    assert states <= set(drafter.body(body).mentions)


def test_formal_and_inverted_iso_names_are_handled() -> None:
    names = states_abroad("Russia")
    assert "Rusya" in names and "Russland" in names  # the press's short names, not only ISO's
    assert not any("," in n or "،" in n for n in states_abroad("Iran"))  # "Iran, Islamic …"
    assert states_abroad("Ruritania") == ()  # not an ISO 3166 state: nothing invented


def test_an_apostrophe_suffix_is_cut_only_after_a_capitalised_name() -> None:
    assert match_key("Fransa'nın") == match_key("Fransa")
    assert match_key("O'Brien") != match_key("O")  # an Irish name keeps its apostrophe part
    assert match_key("rock'n") == match_key("rockn")  # lower case: not a name, left whole
