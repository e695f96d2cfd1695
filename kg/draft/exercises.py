"""Exercises named with their year: "Eagle Partner-2025", "“Cobalt-2024”", "ATATURK-2025",
"«Взаимодействие-2024»".

Such a name is one token for the tokenizer (a hyphen before digits does not split), so the
run-of-capitals rule of :mod:`kg.draft.candidates` never saw it: wave 3's first drafts
missed "Cobalt-2024" and "Cooperation-2024" and cut "Mustafa Kemal ATATURK-2025"
(drafter-feedback-wave3). A token ``<Word>-<year>`` in a sentence that has an exercise word
(in any of the corpus' languages), with the capitalised words right before it, is the name;
its id follows the graph's series when the graph has one (``exercise/eagle-partner-2023``
-> ``exercise/eagle-partner-2025``, ``exercise/mustafa-kemal-ataturk-2023`` for
"ATATURK-2025" -> ``exercise/mustafa-kemal-ataturk-2025``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii
from spacy.tokens import Span

from kg.draft.candidates import slug
from kg.draft.cues import EXERCISE_ABROAD
from kg.draft.names import Gazetteer

EXERCISE_WORDS = {"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres",
                  "wargames", "war-games"} | EXERCISE_ABROAD  # fmt: skip
_YEAR_NAME = re.compile(r"^(?P<head>[^\W\d_][\w'’.]*)[-‐‑–](?P<year>(?:19|20)\d{2})$")
_SERIES = re.compile(r"^exercise/(?P<series>.+?)-(?:19|20)\d{2}(?:-\d{2}){0,2}$")
_STOP = {"the", "a", "an", "joint", "military", "international", "annual", "csto", "nato"}


@dataclass(frozen=True)
class ExerciseName:
    """A named exercise in a sentence: its id (the graph's when it has it), its name as
    printed, and its token range in the paragraph's doc."""

    id: str
    label: str
    start: int
    end: int
    known: bool


def exercise_names(sent: Span, gazetteer: Gazetteer) -> list[ExerciseName]:
    """Every ``<Name>-<year>`` exercise name of a sentence that speaks of an exercise."""
    if not any(t.lower_ in EXERCISE_WORDS for t in sent):
        return []
    doc = sent.doc
    series = {
        m["series"]: ref
        for ref in gazetteer.entities
        if (m := _SERIES.match(ref)) and gazetteer.entities[ref].type == "MilitaryExercise"
    }
    out = []
    for token in sent:
        match = _YEAR_NAME.match(token.text)
        if match is None or match["head"].lower() in _STOP:
            continue
        start = token.i
        while (
            start > sent.start
            and doc[start - 1].is_alpha
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].lower_ not in _STOP
            and doc[start - 1].lower_ not in EXERCISE_WORDS
        ):
            start -= 1
        words = [t.text for t in doc[start : token.i]] + [match["head"]]
        key = slug(anyascii(" ".join(words)))
        known = next((s for s in series if s == key or s.endswith("-" + key)), None)
        ref = f"exercise/{known or key}-{match['year']}"
        label = " ".join(words) + " " + match["year"]
        out.append(ExerciseName(ref, label, start, token.i + 1, ref in gazetteer.entities))
    return out
