"""Where the text as read came from: its language and its publisher (the article block's
``inLanguage`` and ``publisher``, which the shapes ask for beside ``url`` and ``textSha256``).

The language is told by script (Armenian, Georgian, Cyrillic) and, for Latin script, by the
commonest function words of the languages the corpus has (English, French, Spanish, Polish,
German, Azerbaijani, Turkish, Turkmen): a language-identification library would need a model
download. Letters only one language of the corpus writes decide first: "ə" is Azerbaijani,
"ň"/"ý" Turkmen, "ı"/"ğ"/"ş" without "ə" Turkish; in Cyrillic, "ў" Belarusian, "ї"/"є"
Ukrainian, "қ"/"ғ"/"ұ"/"ә" Kazakh, "ң"/"ө"/"ү" without those Kyrgyz. Wave 11 had an
Azerbaijani text drafted as Polish and Georgian, Turkish and Belarusian ones as none or
Russian (the Turkic case endings of :mod:`kg.draft.region` are cut only in az/tr/tk text).
Wave 12-13 brought scripts the rule did not count: a Hindi page (Devanagari) and an Arabic
and a Persian one were drafted as Azerbaijani (a page with no Latin letter passed the
one-per-cent test of "ə" with nought of nought), Greek, Hebrew, Urdu and the other Hindi page
as none, and Italian pages as Spanish or English (their function words were not listed).
Devanagari is Hindi, Greek Greek, Hebrew Hebrew; an Arabic-script page is Urdu by the letters
only Urdu writes (ے ں ٹ ڈ ڑ), else Persian by the letters Persian adds to Arabic (پ چ ژ گ and
the Persian ک/ی), else Arabic.
The publisher is the news outlet of the graph whose name or
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
    "de": {"der", "die", "und", "den", "das", "nicht", "von", "mit", "ist", "dem"},
    "az": {"və", "ilə", "bu", "üçün", "olan", "bildirib", "edib", "ki", "da", "də"},
    "tr": {"ve", "bir", "bu", "için", "ile", "olarak", "olan", "da", "de", "dedi"},
    "tk": {"we", "bilen", "üçin", "bu", "hem", "boýunça", "bolup", "diýip"},
    # not "il" (French too), "una", "con", "del" (Spanish too)
    "it": {"della", "di", "che", "gli", "nel", "delle", "sono", "anche", "alla", "dei"},
}
# letters a share of which tells one language from its neighbours in the same script
_LATIN_LETTERS = (("az", "əƏ"), ("tk", "ňýŇÝ"), ("tr", "ığşİĞŞ"))  # not ä: German
_CYRILLIC_LETTERS = (("be", "ўЎ"), ("uk", "їєґЇЄҐ"), ("kk", "қғұәһҚҒҰӘҺ"), ("ky", "ңөүҢӨҮ"))
# Urdu's own letters first (it writes Persian's too), then Persian's beside Arabic's
_ARABIC_LETTERS = (("ur", "ےںٹڈڑۓ"), ("fa", "پچژگکی"))
# scripts one language of the corpus writes: (language, first and last code point)
_SCRIPTS = (
    ("hy", "\u0530", "\u058f"),
    ("ka", "\u10a0", "\u10ff"),
    ("hi", "\u0900", "\u097f"),
    ("el", "\u0370", "\u03ff"),
    ("he", "\u0590", "\u05ff"),
)


def _by_letters(letters: list[str], table: tuple[tuple[str, str], ...]) -> str | None:
    """The first language of ``table`` whose own letters are 1 % of the text's or more
    (a Russian text quoting one Kazakh name is still Russian); none when there are no letters
    (an Arabic page with no Latin letter is not Azerbaijani)."""
    if not letters:
        return None
    for lang, own in table:
        if sum(c in own for c in letters) * 100 >= len(letters):
            return lang
    return None


def language(text: str) -> str | None:
    """``hy``, ``ka``, ``hi``, ``el``, ``he``, ``ar``, ``fa``, ``ur``, ``ru``, ``be``,
    ``uk``, ``kk``, ``ky`` or one of ``en``, ``fr``, ``es``, ``pl``, ``de``, ``it``, ``az``,
    ``tr``, ``tk`` (BCP 47), or None."""
    letters = [c for c in text if c.isalpha() or "\u0900" <= c <= "\u097f"]  # Hindi marks
    if not letters:
        return None
    for lang, first, last in _SCRIPTS:
        if sum(first <= c <= last for c in letters) > len(letters) / 2:
            return lang
    arabic = [c for c in letters if "\u0600" <= c <= "\u06ff"]
    if len(arabic) > len(letters) / 2:
        return _by_letters(arabic, _ARABIC_LETTERS) or "ar"
    cyrillic = [c for c in letters if "\u0400" <= c <= "\u04ff"]
    if len(cyrillic) > len(letters) / 2:
        return _by_letters(cyrillic, _CYRILLIC_LETTERS) or "ru"
    latin = [c for c in letters if c.isascii() or "\u00c0" <= c <= "\u02af"]  # ə: U+0259
    by_letters = _by_letters(latin, _LATIN_LETTERS)
    if by_letters:
        return by_letters
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
