"""Figures a text gives as not exact ("about 2,000 troops", "около 2 000 военнослужащих",
"plus de 100 soldats", "up to $5 million") carry ``figureQualifier`` (wave 6: none of the
approximate figures of the held-out texts had one). Sentences written for the test."""

from __future__ import annotations

from kg.draft.numbers import amounts, counts
from tests.curate.conftest import Drafter


def _counted(text: str) -> list[tuple[int, str | None]]:
    return [(c.value, c.qualifier) for c in counts(text)]


def test_qualifiers_in_three_languages() -> None:
    assert _counted("Ruritania keeps about 2,000 troops there.") == [
        (2000, "code:figure-approximate")
    ]
    assert _counted("Руритания держит там около 2 000 военнослужащих.") == [
        (2000, "code:figure-approximate")
    ]
    assert _counted("La Ruritanie y garde plus de 100 soldats.") == [(100, "code:figure-at-least")]
    assert _counted("Ruritania keeps no more than 40 soldiers there.") == [
        (40, "code:figure-at-most")
    ]
    assert _counted("Ruritania keeps 40 soldiers there.") == [(40, None)]
    assert [(a.value, a.qualifier) for a in amounts("a loan of up to $5 million")] == [
        (5_000_000, "code:figure-at-most")
    ]


def test_a_participation_keeps_the_qualifier(drafter: Drafter) -> None:
    draft = drafter.text(
        "Drills\n\nThe Silver Falcon-2026 exercise brings together about 60 American and "
        "more than 140 Armenian soldiers.\n",
        published="2026-06-01",
    )
    got = {p.fields["participantActor"]: (p.fields["personnelCount"],
                                          p.fields.get("figureQualifier"))
           for p in draft.facts if p.kind == "participation"}  # fmt: skip
    assert got == {
        "united-states": (60, "code:figure-approximate"),
        "armenia": (140, "code:figure-at-least"),
    }
