"""Who speaks (issue 19): a named person, or a known body that is the speech verb's own
subject ("the Defence Ministry said"); never officials in general nor a body named anywhere
in the sentence (such speakers were wrong in 12 of 16 logged drafts); one speaker's undated
statements are one; a statement needs a known speaker and a day, or a known person
named right at its verb. Sentences written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter

TEXT = (
    "A day of statements in the capital\n\n"
    "Talks on Armenia's future in the CSTO went on for hours, officials said.\n\n"
    "The Russian Defence Ministry said on Tuesday the drills were over.\n\n"
    "Suren Papikyan said on Monday the army would be modernised. The weather was fine. "
    "Suren Papikyan added that more talks would follow.\n"
)


def test_speakers(drafter: Drafter) -> None:
    draft = drafter.text(TEXT)
    statements = [p.fields for p in draft.facts if p.kind == "statement"]
    speakers = [s["speaker"] for s in statements]
    assert speakers == ["russian-defence-ministry", "suren-papikyan"]
    assert statements[1]["locator"] == "s4, s6"  # one statement from two sentences
