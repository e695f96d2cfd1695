"""Meetings in the languages whose words for it the exact list lacked (wave 11-12: Turkish,
Azerbaijani, Georgian, Italian, German, Polish, Greek, Arabic, Persian, Hebrew, Kyrgyz... pages;
4 of 4 dated meetings of wave 12 missed): a word that begins like the meeting's ("görüştü",
"görüşüb", "შეხვდა", "incontrato", "colloquio") with two people the sentence names, dated
by the day of its clause. Sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from tests.curate.conftest import Drafter


def _meetings(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Leaders meet in the capital\n\n" + body + "\n", published="2023-05-15")
    return [p.fields for p in draft.facts if p.kind == "meeting"]


@pytest.mark.parametrize(
    "body",
    [
        "Paşinyan ve Erdoğan 12 Mayıs'ta Ankara'da görüştü.",
        "Nikol Paşinyan 12 mayda Bakıda İlham Əliyev ilə görüşüb.",
        "ნიკოლ ფაშინიანი 12 მაისს ილჰამ ალიევს შეხვდა.",
        "Nikol Pashinyan ha incontrato Recep Tayyip Erdoğan il 12 maggio a Roma.",
        "Il colloquio tra Nikol Pashinyan e Ilham Aliyev si è svolto il 12 maggio.",
    ],
)
def test_a_dated_meeting_of_two_named_people(drafter: Drafter, body: str) -> None:
    (found,) = _meetings(drafter, body)
    assert found["date"] == "2023-05-12"
    assert len(found["participant"]) == 2
    assert "nikol-pashinyan" in found["participant"]


def test_a_view_is_no_meeting(drafter: Drafter) -> None:
    # Turkish "görüşünü": his view (the bare noun is also "meeting" in Azerbaijani)
    assert _meetings(drafter, "Paşinyan, Erdoğan'ın görüşünü 12 Mayıs'ta eleştirdi.") == []


def _visits(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Leaders meet in the capital\n\n" + body + "\n", published="2023-05-15")
    return [p.fields for p in draft.facts if p.kind == "visit"]


@pytest.mark.parametrize(
    "body",
    [
        # verb-final: the destination stands before the visit's word
        "Nikol Paşinyan 12 mayda Moskvaya səfər edib.",
        "Paşinyan 12 Mayıs'ta Moskova'yı ziyaret etti.",
    ],
)
def test_a_visit_whose_destination_comes_before_its_word(drafter: Drafter, body: str) -> None:
    (found,) = _visits(drafter, body)
    assert (found["visitor"], found["destination"]) == ("nikol-pashinyan", "russia")
    assert found["date"] == "2023-05-12"


def test_no_destination_before_the_word_in_a_language_that_puts_it_after(
    drafter: Drafter,
) -> None:
    # Italian puts the destination after "visitato": a state named before is no destination
    assert _visits(drafter, "In Russia, Nikol Pashinyan ha visitato il 12 maggio.") == []
