"""Whether a text calls a tenure's holder acting ("acting Prime Minister Nikol Pashinyan",
"и.о. главы МИД Ара Айвазяна", "Хачатуров исполнял обязанности замминистра").

docs/modelling.md ("Acting holders"): an acting holder is a tenure of the post with ``acting:
true``. Audit11 found 132's "исполнял обязанности" (performed the duties of) filed as holding
the post. ``kg validate --texts`` (:mod:`kg.audit_texts`) warns when the located sentences
give the holder that word and the block has no ``acting: true``.

The word must be the holder's, not a neighbour's: measured on the corpus (005–152), any
"acting" / "и.о." in a tenure's sentences flagged 10 tenures, all of them other people's
(the presidents listed beside "acting Prime Minister Pashinyan" at a summit). Here the word
must stand in the ten words before the holder's name with no comma, "and"/"и" or number
between (a list, another clause), or "исполнял обязанности" in the three words after it;
and a tenure is not flagged where the file's acting tenure of the same holder is located in
the same sentences (:func:`kg.audit_texts._not_acting`). That flags none of the live files,
and all 8 acting tenures (051, 052 ×2, 085, 104, 132 ×2, 136) once their ``acting: true`` is
taken out of a copy of the seeds (with 132's deputy post too, its sentence then no one's).
The words themselves are the drafter's too (:mod:`kg.draft.acting`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.draft.acting import AFTER, BEFORE
from kg.draft.names import translit_key

# what ends the phrase that names the holder: a list, another clause, a date
_BREAK = re.compile(r",|;|\d|\b(?:and|и|et|y|und)\b", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_WINDOW = 10


def _keys(names: Iterable[str]) -> set[str]:
    """The holder's surname, folded across scripts ("Хачатуров", "Khachaturov": hachat)."""
    return {
        translit_key(words[-1])[:5]
        for name in names
        for words in [_WORD.findall(name)]
        if words and len(words[-1]) >= 4
    }


def acting_words(holder_names: Iterable[str], located: str) -> str | None:
    """The words of ``located`` that call the holder acting, or ``None``."""
    keys = _keys(holder_names)
    for match in _WORD.finditer(located):
        if translit_key(match.group(0))[:5] not in keys:
            continue
        before = located[: match.start()]
        starts = [m.start() for m in _WORD.finditer(before)][-_WINDOW:]
        window = before[starts[0] :] if starts else ""
        marker = None
        for found in BEFORE.finditer(window):
            marker = found  # the nearest marker before the name
        if marker and not _BREAK.search(window[marker.end() :]):
            return " ".join(f"{window[marker.start() :]}{match.group(0)}".split())
        after = AFTER.match(located[match.end() :])
        if after:
            return " ".join(f"{match.group(0)}{after.group(0)}".split())
    return None
