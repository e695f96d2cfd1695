"""A person named in the Russian instrumental ("встретился с Сергеем Лавровым", "с Марией
Захаровой") is the person the graph names in the nominative: the Snowball stemmer keeps
those endings (лавровым -> лавров, лавров -> лавр). Sentences written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def test_a_meeting_with_a_name_in_the_instrumental(drafter: Drafter) -> None:
    draft = drafter.text(
        "Переговоры\n\n3 октября Никол Пашинян встретился с Сергеем Лавровым в Москве.\n",
        published="2026-10-05",
    )
    assert "sergei-lavrov" in draft.mentions
    (met,) = [p.fields for p in draft.facts if p.fields.get("type") == "Meeting"]
    assert set(met["participant"]) == {"nikol-pashinyan", "sergei-lavrov"}
    assert met["date"] == "2026-10-03"
