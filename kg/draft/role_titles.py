"""A title in any of the corpus's languages, read by its role, at a name the graph knows to
hold a post of that role: another attestation of that tenure.

:func:`kg.draft.pipeline._titled_tenures` compares the words at a known holder's name with the
names of his post (in English, and the forms :mod:`kg.draft.names` derives for other
languages); a title worded otherwise than any of them gave nothing. Wave 16's curators listed
such tenures missed in Turkish ("Rusya Devlet Başkanı Vladimir Putin", "Milli Savunma Bakanı
Hulusi Akar", "Dışişleri Bakanlığı Sözcüsü X"), Russian ("пресс-секретарь российского
президента Дмитрий Песков"), Azerbaijani ("X, Prezidentin köməkçisi") and English
("Kremlin's official spokesman X", "U.S. Defense Secretary X"). Here a title is read by the
post's ``role`` (the reference's ``code:role-…``): a role's words (:data:`ROLE_WORDS`, stems
of every language the corpus has) right before the name, in the same clause and with no one
else named between, or in an apposition right after it ("X, the Foreign Ministry's
spokeswoman,"). Only a post the graph has the person hold, only when one of his posts has
that role; a deputy's, a former or an acting holder's title is left to the rules that read
those words.
"""

from __future__ import annotations

import re

# the words of a title of each role, lower case, in the corpus's languages (a stem takes any
# case ending: "министром обороны", "müdafiə naziri", "սպիկերը")
ROLE_WORDS: dict[str, re.Pattern[str]] = {
    role: re.compile(pattern)
    for role, pattern in {
        "code:role-head-of-state": (
            r"\bpresident|\bprésident|\bpresidente|\bpräsident|\bprezyden|\bprezident"
            r"|президент|прэзідэнт|cumhurbaşkan|devlet başkan|նախագահ|პრეზიდენტ"
            r"|رئیس[\u200c ]?جمهور"
        ),
        "code:role-head-of-government": (
            r"prime minister|\bpremier\b|premier ministre|primo ministro|premierminister"
            r"|премьер|прэм.?ер|başbakan|baş nazir|վարչապետ|პრემიერ|نخست[\u200c ]?وزیر"
        ),
        "code:role-defence-minister": (
            r"defen[cs]e minister|defen[cs]e secretary|secretary of defen[cs]e"
            r"|minister of (?:national )?defen[cs]e|ministre (?:\w+ )?de la défense"
            r"|ministre des armées|verteidigungsminister|minist\w* obrony|министр\w* обороны"
            r"|savunma bakan|müdafiə nazir|պաշտպանության նախարար|თავდაცვის მინისტრ"
            r"|وزیر دفاع"
        ),
        "code:role-foreign-minister": (
            r"foreign minister|minister of foreign affairs|secretary of state"
            r"|ministre des affaires étrangères|außenminister|minist\w* spraw zagranicznych"
            r"|министр\w* иностранных дел|глав\w* мид|госсекретар|dışişleri bakan"
            r"|xarici işlər nazir|արտաքին գործերի նախարար|արտգործնախարար"
            r"|საგარეო საქმეთა მინისტრ|وزیر (?:امور )?خارجه"
        ),
        "code:role-spokesperson": (
            r"spokes(?:man|woman|person)|porte-parole|sprecher|rzeczni|пресс-секретар"
            r"|официальн\w* представител|sözcüsü|sözçüsü|mətbuat katibi|խոսնակ"
            r"|პრესმდივან|سخنگو"
        ),
        "code:role-presidential-aide": (
            r"\baide to the president|presidential aide|помощник\w* президента"
            r"|prezidentin köməkçisi|cumhurbaşkanı yardımcı|նախագահի օգնական"
        ),
        "code:role-secretary-general": (
            r"secretary[- ]general|secrétaire général|generalsekretär|генеральн\w* секретар"
            r"|генсек|baş katib|genel sekreter|գլխավոր քարտուղար|გენერალური მდივ|دبیر[\u200c ]?کل"
        ),
    }.items()
}
# words that make the title someone else's or another office's: a deputy's, a former or an
# acting holder's (other rules read these), an aide's of the named post's holder
NOT_THE_HOLDERS = re.compile(
    r"\b(?:deputy|vice|former|ex|acting|first)\b|заместител|замглав|вице|бывш|исполняющ"
    r"|и\.\s?о\.|adjoint|ancien|intérimaire|stellvertret|ehemalig|wice|były|yardımcı"
    r"|müavin|keçmiş|eski|vekil|տեղակալ|նախկին|მოადგილ|ყოფილ|معاون|سابق"
)
# words of one who serves the title's holder ("an aide to the defence minister X"): the
# title is not X's, unless it is the aide's own role
SERVES = re.compile(
    r"\b(?:aide|assistant|advis[eo]r|conseill|berater|doradc|envoy)|помощник|советник"
    r"|köməkçi|müşavir|danışman|օգնական|խորհրդական|თანაშემწე|მრჩეველ|مشاور|دستیار"
)
# (a bracket too: "[Russian President Vladimir] Putin" is an editor's insertion in a quote,
# which wave 16's curator of 390 did not take as the text's tenure)
_STOPS = {",", ".", ":", ";", "—", "–", "«", "»", '"', "“", "”", "„", "(", ")", "?", "!",
          "[", "]"}  # fmt: skip


def window_before(words: list[str], k: int, floor: int = 0) -> tuple[int, str]:
    """Where the up to six words before word ``k`` in its clause begin (after ``floor``: where
    another name ends), and those words as one lower-case text ("пресс-секретарь"
    rejoined)."""
    start = max(k - 6, floor, 0)
    for i in range(k - 1, start - 1, -1):
        if words[i] in _STOPS:
            start = i + 1
            break
    return start, _joined(words[start:k])


def apposition_after(words: list[str], k: int) -> tuple[int, str]:
    """The words between a comma right after a name (word ``k`` is the one after it) and
    the next stop, up to eight ("X, the Foreign Ministry's spokeswoman, said"): where they
    end, and their text ("" when there is no such apposition)."""
    if k >= len(words) or words[k] != ",":
        return k, ""
    out: list[str] = []
    for i, word in enumerate(words[k + 1 : k + 9], start=k + 1):
        if word in _STOPS:
            return i, _joined(out)
        out.append(word)
    return k, ""  # no stop: not an apposition


def _joined(words: list[str]) -> str:
    return " ".join(words).replace(" - ", "-").replace(" ’", "’").replace(" '", "'")


def titled_by_role(text: str, role: str | None) -> bool:
    """``text`` (a window at a name) gives a title of ``role``, no deputy's, former or
    acting holder's."""
    pattern = ROLE_WORDS.get(role or "")
    if pattern is None or not pattern.search(text) or NOT_THE_HOLDERS.search(text):
        return False
    return role == "code:role-presidential-aide" or not SERVES.search(text)
