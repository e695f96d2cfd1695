"""Where the text as read came from: its language and its publisher (the article block's
``inLanguage`` and ``publisher``, which the shapes ask for beside ``url`` and ``textSha256``).

The language is told by script (Armenian, Cyrillic) and, for Latin script, by the commonest
function words of the languages the corpus has (English, French, Spanish, Polish): a
language-identification library would need a model download, and these five are what the
logged articles are written in. The publisher is the news outlet of the graph whose name or
web domain is the page's host (``newsukraine.rbc.ua`` -> an outlet with altLabel
``newsukraine.rbc.ua`` or ``rbc.ua``; ``armenpress.am`` -> the outlet labelled Armenpress).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from kg.draft.names import Gazetteer, fold

_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "was", "with"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "est", "dans", "pour"},
    "es": {"el", "los", "las", "del", "y", "una", "por", "con", "que", "para"},
    "pl": {"i", "w", "z", "na", "się", "nie", "że", "do", "jest", "oraz"},
}


def language(text: str) -> str | None:
    """``hy``, ``ru`` or one of ``en``, ``fr``, ``es``, ``pl`` (BCP 47), or None."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    armenian = sum("\u0530" <= c <= "\u058f" for c in letters)
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    if armenian > len(letters) / 2:
        return "hy"
    if cyrillic > len(letters) / 2:
        return "ru"
    words = re.findall(r"[^\W\d_]+", text.lower())
    scores = {lang: sum(w in common for w in words) for lang, common in _WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 3 else None


def publisher(url: str | None, gazetteer: Gazetteer) -> str | None:
    """The id of the outlet whose name or domain is the page's host (or a parent domain)."""
    host = (urlparse(url or "").hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    parts = host.split(".")
    hosts = [".".join(parts[k:]) for k in range(len(parts) - 1)]  # a.b.ru, b.ru
    outlets = gazetteer.by_type("MediaOutlet")
    for candidate in hosts:  # folded as the names are ("novayagazeta.eu": "novaiagazeta.eu")
        for outlet in outlets:
            if fold(candidate) in {fold(n) for n in outlet.names}:
                return outlet.id
    site = parts[-2] if len(parts) >= 2 else host  # armenpress.am -> armenpress
    for outlet in outlets:
        if any(fold(n).replace(" ", "") == fold(site) for n in outlet.names):
            return outlet.id
    return None
