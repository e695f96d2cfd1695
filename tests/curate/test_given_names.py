"""A known person's surname after another given name is another person (wave 5's feedback:
"Серж Саргсян" was linked to Armen Sarkissian through his altLabel "Armen Sargsyan", "Heydar
Aliyev" to Ilham Aliyev, a byline's "Dina Unanyan" to Edgar Unanyan). Sentences written for
the test, drafted against the frozen graph."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _new(draft: object) -> dict[str, str]:
    return {e.id: e.type for e in draft.new_entities}  # type: ignore[attr-defined]


def test_another_given_name_is_another_person(drafter: Drafter) -> None:
    draft = drafter.text("Serzh Sargsyan and Heydar Aliyev met in Baku, the ministry said.\n")
    assert "armen-sarkissian" not in draft.mentions
    assert "aliyev" not in draft.mentions
    assert _new(draft).get("serzh-sargsyan") == "Person"


def test_another_given_name_in_cyrillic(drafter: Drafter) -> None:
    draft = drafter.text("Бывший президент Серж Саргсян выступил в парламенте во вторник.\n")
    assert "armen-sarkissian" not in draft.mentions


def test_the_surname_alone_later_is_the_person_named_in_full(drafter: Drafter) -> None:
    text = "By Marina Unanyan\n\nThe border talks went on for a week, Unanyan writes.\n"
    assert "edgar-unanyan" not in drafter.text(text).mentions


def test_the_own_given_name_and_a_title_keep_the_link(drafter: Drafter) -> None:
    draft = drafter.text(
        "President Aliyev met Nikol Pashinyan; Edgar Unanyan and Unanyan's aides came too.\n"
    )
    assert {"aliyev", "nikol-pashinyan", "edgar-unanyan"} <= set(draft.mentions)


def test_an_armenian_name_with_the_definite_article(drafter: Drafter) -> None:
    """ "Զախարովան" is Zakharova with the article "-ն" (wave 5: proposed as a new person)."""
    draft = drafter.text("Մարիա Զախարովան երեկ հայտարարեց, որ հանդիպումը կայացել է։\n")
    assert "maria-zakharova" in draft.mentions
    assert not [e for e in draft.new_entities if e.type == "Person"]
