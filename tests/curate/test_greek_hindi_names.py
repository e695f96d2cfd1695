"""Names in Greek and Hindi pages (wave 12-13: two Greek and two Hindi pages lost the states,
people and places the graph has): a state by ISO 3166's Greek and Hindi names, the Greek one
in the genitive too (kg.draft.exonyms), a person or place the graph names in Latin letters
only by its transliteration (kg.draft.names._spelled_out), a one-word name of a script with no
capitals (Devanagari). Sentences written for the test."""

from __future__ import annotations

import pytest

from kg.draft.exonyms import states_abroad
from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("भारत और आर्मेनिया ने रक्षा सहयोग पर चर्चा की।", {"india", "armenia"}),
        ("सुरेन पापिक्यान ने कल बैठक की।", {"suren-papikyan"}),
        ("Η συνεργασία της Ελλάδας και της Αρμενίας συνεχίζεται.", {"greece", "armenia"}),
        ("Ο υπουργός συναντήθηκε με τον κ. Παπικιάν χθες.", {"suren-papikyan"}),
        ("Η Κύπρος και η Ελλάδα υπέγραψαν συμφωνία.", {"cyprus", "greece"}),
    ],
)
def test_a_name_in_a_greek_or_hindi_sentence(drafter: Drafter, body: str, named: set[str]) -> None:
    assert named <= set(drafter.body(body).mentions)


def test_a_greek_title_in_the_accusative_before_its_holder(drafter: Drafter) -> None:
    """ "met with the Armenian defence minister X": the object's case ("υπουργό")."""
    draft = drafter.body("Ο υπουργός συναντήθηκε με τον Αρμένιο υπουργό Άμυνας Suren Papikyan.")
    assert "post/armenia-defence-minister" in draft.mentions


def test_greek_genitives_of_states() -> None:
    assert {"Ελλάδας", "Ελλάδος"} <= set(states_abroad("Greece"))
    assert "Κύπρου" in states_abroad("Cyprus") and "Αρμενίας" in states_abroad("Armenia")


def test_no_name_from_a_word_that_only_sounds_alike(drafter: Drafter) -> None:
    """A Greek or Hindi word is a name only when its whole transliteration is one."""
    assert not drafter.body("Ο υπουργός μίλησε για την άμυνα και την ασφάλεια.").mentions
    assert not drafter.body("मंत्री ने रक्षा और सुरक्षा पर बात की।").mentions
