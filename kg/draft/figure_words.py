"""The words before a figure that say it is not exact, and the ``figureQualifier`` each calls for.

One table for the two readers of the same words (docs/modelling.md, "Sizes and staff"): the
drafter proposes a block's qualifier from them (:func:`kg.draft.numbers.qualifier`), and
``kg validate --texts`` warns when a located sentence prints one before a block's figure and
the block gives none (:mod:`kg.audit_figures`). Each kept a list of its own, and they had
drifted apart: the audit did not know "не более" (so it read "не более 5" as "более 5", at
least) nor "close to", the drafter did not know "aproximadamente". The table is their union;
each reader keeps its own context (what may stand between the word and the number).
"""

from __future__ import annotations

import re

APPROXIMATE, AT_MOST, AT_LEAST = (
    "code:figure-approximate",
    "code:figure-at-most",
    "code:figure-at-least",
)

# in the corpus' languages; a phrase's spaces match any run of spaces
QUALIFIERS: dict[str, tuple[str, ...]] = {
    AT_MOST: (
        "up to", "at most", "no more than", "not more than", "a maximum of", "до", "не более",
        "не больше", "jusqu'à", "jusqu’à", "au plus", "au maximum", "hasta",
    ),
    AT_LEAST: (
        "more than", "over", "at least", "upwards of", "in excess of", "свыше", "более",
        "больше", "не менее", "не меньше", "plus de", "au moins", "más de", "al menos",
    ),
    APPROXIMATE: (
        "about", "around", "approximately", "roughly", "some", "nearly", "almost",
        "an estimated", "close to", "около", "примерно", "почти", "порядка", "приблизительно",
        "près de", "environ", "quelque", "presque", "approximativement", "une dizaine de",
        "une centaine de", "une vingtaine de", "cerca de", "alrededor de", "aproximadamente",
        "unos", "unas", "casi",
    ),
}  # fmt: skip

_CODES = {" ".join(w.split()): code for code, words in QUALIFIERS.items() for w in words}

# every word as a regular expression, longest first (at one place "no more than" is read
# whole, not as "more than"); to be used with re.I, inside a group of the reader's own
ALTERNATION = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_CODES, key=len, reverse=True)
)


def code_of(words: str) -> str:
    """The ``figureQualifier`` of the words :data:`ALTERNATION` matched ("Не  более")."""
    return _CODES[" ".join(words.lower().split())]
