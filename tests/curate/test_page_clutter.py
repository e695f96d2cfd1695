"""Names in page clutter are no entities: photo credits, abbreviations in brackets, system
designations, navigation, parts of a text, a state and a count (wave 5's feedback: "ZUMA", an
AFP credit, "MBRL", "More News", "Article 3" as a Place, "Ukraine 49" as an outlet).
Sentences written for the test, drafted against the frozen graph."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _new(text: str, drafter: Drafter) -> set[str]:
    return {e.label for e in drafter.text(text).new_entities}


def test_a_photo_credit_names_no_one(drafter: Drafter) -> None:
    draft = drafter.text(
        "The minister spoke in Yerevan on Monday.\n"
        "Photo: Vardan Petrosyan/AFP via Getty Images\n"
        "Image: Tigran Hakobyan/DAX/ZUMA/picture alliance\n"
    )
    labels = {e.label for e in draft.new_entities}
    assert not labels & {"Vardan Petrosyan", "Tigran Hakobyan", "DAX", "ZUMA", "Getty Images"}


def test_an_acronym_in_brackets_or_of_a_system_is_no_organisation(drafter: Drafter) -> None:
    labels = _new(
        "The army bought heavy rocket launchers (HRLS) and the KLAR ballistic missile "
        "system from the Qarvel Group on Monday.\n",
        drafter,
    )
    assert "HRLS" not in labels and "KLAR" not in labels


def test_a_source_after_according_to_is_no_outlet_when_it_is_a_word_of_another(
    drafter: Drafter,
) -> None:
    labels = _new(
        "The talks went well, according to Qarvel's office, according to Israeli media and "
        "according to PM Pashinyan; Zorpress.NET reported it on Monday.\n",
        drafter,
    )
    assert not {"Qarvel", "Israeli", "PM", "NET", "Zorpress"} & labels


def test_navigation_and_parts_of_a_text_are_no_names(drafter: Drafter) -> None:
    labels = _new(
        "More News\nAccording to Article 5 of the Charter, the members consult each other, "
        "the minister said on Monday.\n",
        drafter,
    )
    assert not {"More News", "Article", "Article 5"} & labels


def test_a_state_and_a_count_is_no_outlet(drafter: Drafter) -> None:
    labels = _new("Denmark has gifted Ukraine 19 such systems, the ministry said.\n", drafter)
    assert "Ukraine 19" not in labels
