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
from spacy.tokens import Span, Token

from kg.draft.candidates import slug
from kg.draft.cues import EXERCISE_ABROAD
from kg.draft.dates import FOREIGN_MONTH_NAME, MONTHS
from kg.draft.names import Gazetteer

EXERCISE_WORDS = {"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres",
                  "wargames", "war-games"} | EXERCISE_ABROAD  # fmt: skip
_YEAR_NAME = re.compile(r"^(?P<head>[^\W\d_][\w'’.]*)[-‐‑–](?P<year>(?:19|20)\d{2})$")
_SERIES = re.compile(r"^exercise/(?P<series>.+?)-(?:19|20)\d{2}(?:-\d{2}){0,2}$")
_MONTH = re.compile(rf"(?:{MONTHS})|{FOREIGN_MONTH_NAME}", re.I)
_STOP = {"the", "a", "an", "joint", "military", "international", "annual", "csto", "nato"}

# The CSTO's series are named in Russian and the graph keeps them by their English names
# (exercise/csto-interaction-2021 "Interaction-2021 (Vzaimodeystvie-2021)"): the slug of the
# transliterated Russian name -> the English series name (wave 6: «Взаимодействие-2024»
# drafted as exercise/vzaimodeistvie-2024 where the graph had the series in English). The keys
# are what slug(anyascii(name)) gives: "й" is "y" ("vzaimodeystvie"; the key was written
# "vzaimodeistvie" and never matched: wave 9's 203/207 drafted exercise/vzaimodeystvie-20xx).
SERIES_IN_ENGLISH = {
    "vzaimodeystvie": "interaction", "sotrudnichestvo": "cooperation", "poisk": "search",
    "eshelon": "echelon", "kobalt": "cobalt", "nerushimoe-bratstvo": "indestructible-brotherhood",
    "boevoe-bratstvo": "combat-brotherhood", "tri-brata": "three-brothers",
    "igl-partner": "eagle-partner", "orel-partner": "eagle-partner",
}  # fmt: skip


@dataclass(frozen=True)
class ExerciseName:
    """A named exercise in a sentence: its id (the graph's when it has it), its name as
    printed, and its token range in the paragraph's doc."""

    id: str
    label: str
    start: int
    end: int
    known: bool


_SPACED = re.compile(r"^(?P<head>[^\W\d_][\w'’.]*)(?: [-‐‑–])? (?P<year>(?:19|20)\d{2})$")


def _spaced(token: Token) -> re.Match[str] | None:
    """ "Three Brothers - 2021 drills", "the Eagle Partner 2024 exercise": the year a token
    of its own after a spaced dash, or after the name right before an exercise word (the
    match's head is the name's last word; a month before a year is a date)."""
    doc = token.doc
    glued = _GLUED.fullmatch(token.text)  # "Взаимодействие -2024": "-2024" is one token
    if token.i < 1 or not (glued or re.fullmatch(r"(?:19|20)\d{2}", token.text)):
        return None
    dash = bool(glued) or (doc[token.i - 1].text in "-‐‑–" and token.i >= 2)
    head = doc[token.i - 2] if dash and not glued else doc[token.i - 1]
    if not head.text[:1].isupper() or not head.is_alpha or _MONTH.fullmatch(head.text):
        return None
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    if not dash and after not in EXERCISE_WORDS:
        return None
    year = glued[1] if glued else token.text
    return _SPACED.match(f"{head.text}{' -' if dash else ''} {year}")


_GLUED = re.compile(r"[-‐‑–]((?:19|20)\d{2})")


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
        match = _YEAR_NAME.match(token.text) or _spaced(token)
        if match is None or match["head"].lower() in _STOP:
            continue
        dashed = " -" in match[0] and not _GLUED.fullmatch(token.text)
        head_at = token.i if match.re is _YEAR_NAME else token.i - 1 - dashed
        start = head_at
        while (
            start > sent.start
            and doc[start - 1].is_alpha
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].lower_ not in _STOP
            and doc[start - 1].lower_ not in EXERCISE_WORDS
        ):
            start -= 1
        words = [t.text for t in doc[start:head_at]] + [match["head"]]
        key = slug(anyascii(" ".join(words)))
        key = SERIES_IN_ENGLISH.get(key, key)
        known = next((s for s in series if s == key or s.endswith("-" + key)), None)
        ref = f"exercise/{known or key}-{match['year']}"
        label = " ".join(words) + " " + match["year"]
        out.append(ExerciseName(ref, label, start, token.i + 1, ref in gazetteer.entities))
    return out
