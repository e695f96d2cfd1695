"""The words that make a title's holder acting ("acting Foreign Minister X", "и.о. министра",
"врио", "исполняющий обязанности"): a tenure with ``acting: true`` (docs/modelling.md,
"Acting holders").

One vocabulary for its two readers: the drafter sets ``acting: true`` on a tenure whose title
follows one of :data:`WORDS` (:func:`kg.draft.cues.qualifier`), and ``kg validate --texts``
warns when the located sentences call a holder acting and the block does not say so
(:mod:`kg.audit_acting`, with :data:`BEFORE` and :data:`AFTER`). Each kept a list of its own,
and they had drifted apart (the drafter did not know "interino", the audit not "исполняющий"
without "обязанности"); the words are their union.
"""

from __future__ import annotations

import re

# one token each, as the drafter's tokenizer reads them (lower case)
WORDS: frozenset[str] = frozenset(
    ["acting", "interim", "interino", "и.о.", "и.о", "врио", "исполняющий", "исполняющего",
     "исполняющему"]
)  # fmt: skip

# the phrases the text says them in, inflected ("исполняющего обязанности", "и. о.")
_PHRASES = [r"исполн\w*\s+обязанност\w*"]
_WORD_FORMS = [
    re.sub(r"\\\.(?=\w)", r"\\.\\s?", re.escape(w))  # "и.о." is also printed "и. о."
    for w in sorted(WORDS, key=len, reverse=True)
]

# the words before the holder's name ("acting X", "и. о. министра X", "врио X")
BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(_PHRASES + _WORD_FORMS) + r")(?!\w)", re.I)
# the words after it: "X исполнял обязанности …", "X временно исполнял обязанности"
AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:временно\s+)?исполня\w*\s+обязанност", re.I)
