"""Acts in German and Polish: the verb of a formal act after its doer, dated to the day (wave
10 had a German and a Polish page and no act verb of theirs). Sentences written for the test."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from kg.draft.sentences import numbered
from tests.curate.conftest import Drafter


def _events(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.text("Akt\n\n" + body + "\n", published="2024-06-10")
    return [p.fields for p in draft.facts if p.kind == "event"]


def test_a_german_dismissal(drafter: Drafter) -> None:
    (event,) = _events(drafter, "Nikol Pashinyan entließ am 3. Juni 2024 Suren Papikyan.")
    assert (event["participant"], event["about"]) == ("nikol-pashinyan", "suren-papikyan")
    assert event["date"] == "2024-06-03"


def test_a_polish_dismissal(drafter: Drafter) -> None:
    (event,) = _events(drafter, "Nikol Pashinyan odwołał 3 czerwca 2024 r. Suren Papikyan.")
    assert (event["participant"], event["date"]) == ("nikol-pashinyan", "2024-06-03")


def test_a_polish_passive_needs_its_doer(drafter: Drafter) -> None:
    assert _events(drafter, "Suren Papikyan został odwołany 3 czerwca 2024 r.") == []
    (event,) = _events(
        drafter, "Suren Papikyan został odwołany 3 czerwca 2024 r. przez Nikol Pashinyan."
    )
    assert (event["participant"], event["about"]) == ("nikol-pashinyan", "suren-papikyan")


def test_a_german_day_does_not_cut_its_sentence(nlp: Language) -> None:
    text = "Die Truppen kamen am 3. Juni 2024 an. Am 4. Mai gingen sie."
    assert [s.text for s in numbered(nlp, text)] == [
        "Die Truppen kamen am 3. Juni 2024 an.",
        "Am 4. Mai gingen sie.",
    ]
