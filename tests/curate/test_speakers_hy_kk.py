"""Speakers in Armenian and Kazakh (wave 14's curators, 315, 323, 335): a new person named
in full with an Armenian title right after "հայտարարել է" (or before it) speaks; a Kazakh
sentence closed by "деді" / "деп есептейді" is its head's words; a name in an oblique case
never speaks. Sentences written for the test, never article text."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _speakers(drafter: Drafter, headline: str, body: str) -> list[str]:
    draft = drafter.text(headline + "\n\n" + body + "\n", published="2024-06-19")
    return [p.fields["speaker"] for p in draft.facts if p.kind == "statement"]


def test_a_titled_new_person_after_an_armenian_speech_verb_speaks(drafter: Drafter) -> None:
    body = (
        "Երեկ լրագրողների հետ զրույցում հայտարարել է Սյունիքի մարզպետ Արամ Մանուկյանը, "
        "որ ճանապարհը կվերանորոգվի:"
    )
    assert _speakers(drafter, "Լուրեր", body) == ["aram-manukyan"]


def test_a_titled_new_person_before_an_armenian_speech_verb_speaks(drafter: Drafter) -> None:
    body = "Սյունիքի մարզպետ Արամ Մանուկյանն այսօր հայտարարել է, որ ճանապարհը կվերանորոգվի:"
    assert _speakers(drafter, "Լուրեր", body) == ["aram-manukyan"]


def test_a_name_in_the_genitive_does_not_speak(drafter: Drafter) -> None:
    body = "Նախարարը հայտարարել է, որ մարզպետ Արամ Մանուկյանի առաջարկը կքննարկվի:"
    assert _speakers(drafter, "Լուրեր", body) == []


def test_an_untitled_new_name_does_not_speak(drafter: Drafter) -> None:
    body = "Արամ Մանուկյանը հայտարարել է, որ ճանապարհը կվերանորոգվի:"
    assert _speakers(drafter, "Լուրեր", body) == []


def test_a_vowel_final_name_with_an_ending_that_may_be_a_dative_does_not_speak(
    drafter: Drafter,
) -> None:
    body = "«Ճանապարհը կվերանորոգվի», - ասել է Իրանի ԱԳ նախարար Աբբաս Ղասեմին:"
    assert _speakers(drafter, "Լուրեր", body) == []


def test_a_kazakh_sentence_closed_by_a_speech_verb_is_its_heads(drafter: Drafter) -> None:
    said = "Станислав Зась келесі жыл қиын болады деп есептейді."
    assert _speakers(drafter, "Жаңалықтар", said) == ["stanislav-zas"]
    said = "Зась ұйым үшін келесі жыл оңай болмайды деді."
    assert _speakers(drafter, "Жаңалықтар", said) == ["stanislav-zas"]


def test_a_kazakh_name_in_an_oblique_case_does_not_speak(drafter: Drafter) -> None:
    said = "Министр Засьтың жұмысы туралы айтты."
    assert _speakers(drafter, "Жаңалықтар", said) == []
