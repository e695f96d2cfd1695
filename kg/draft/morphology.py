"""A Russian name in the nominative: the label and id of a person a text names in a case.

A Russian text names a new person in whatever case the sentence needs ("встреча с Арой
Айвазяном", "заявление Марии Захаровой"); the drafter proposed the name as printed, so the
candidate's label and id kept the ending (``ara-aivazyana``, "Ара Айвазяна") and never
matched the curated person (whose ``labels: {ru: …}`` is the nominative). Snowball stems,
which the matcher uses for names the graph already has, cannot give the nominative back.

pymorphy3 with its packaged OpenCorpora dictionary (``pymorphy3-dicts-ru``: installed with
the ``draft`` extra, nothing downloaded at run time) does: it knows given names, patronymics
and surnames (``Name``/``Patr``/``Surn``) and guesses unknown ones by their endings.
Measured on this machine: loading the analyser takes 0.7 s (once, and only for a text with a
Cyrillic person candidate), a parse 0.1 ms. The case and gender are those all words of the
name can share ("Марии Захаровой": genitive feminine -> "Мария Захарова"; "Мария Захарова"
stays), so a female surname in the nominative is not taken for a male one in the genitive.
A word with no reading as a name (an indeclinable "Лусине", "Шойгу") is kept as printed.
Redraft of the 100 logged articles: one Russian candidate changed ("Ара Айвазяна",
``ara-aivazyana`` -> "Ара Айвазян", the curated person by its ru label); the other missed
Russian names are not proposed at all (no cue), which this module does not change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NAME_TAGS = {"Name", "Surn", "Patr"}
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3  # the dictionary loads once per process (0.7 s)

    return pymorphy3.MorphAnalyzer(lang="ru")


def _readings(word: str) -> list[Any]:
    """The word's parses as a part of a person's name: a given name, patronymic or surname,
    else an animate noun (a foreign surname the dictionary guesses: "О'Брайена"), singular."""
    parses = [p for p in _analyzer().parse(word) if p.tag.number == "sing" and p.tag.case in _CASES]
    named = [p for p in parses if _NAME_TAGS & set(p.tag.grammemes)]
    return named or [p for p in parses if p.tag.POS == "NOUN" and p.tag.animacy == "anim"]


def _as_printed(printed: str, form: str) -> str:
    """``form`` with the capitals of ``printed`` where the two spell alike ("О'Брайена",
    "о'брайен" -> "О'Брайен")."""
    k = 0
    while k < min(len(printed), len(form)) and printed[k].lower() == form[k]:
        k += 1
    return printed[:k] + form[k:]


# Armenian writes a name's case and its article on the last word only ("Հայկ Ղալումյանը",
# "Մհեր Գրիգորյանն ու …", "Փաշինյանի", "Փաշինյանին", "Փաշինյանից"): the article "-ը" (a
# nominative name never ends in it), the "-ն" doubled after a final "ն", and the case endings
# after the surname suffix "-յան" (a name of another shape keeps a final "-ի": Արաղչի).
# Wave 14 (335): two new persons were proposed with the article in their label and id
# ("hayk-ghalowmyany", "mher-grigoryann").
_ARMENIAN_CASE = re.compile(r"^(?P<base>.{2,}յան)(?:ներ)?(?:ում|ից|ով|ին|ի|ը|ն)$")
_ARMENIAN_ARTICLE = re.compile(r"^(?P<base>.{2,}?)(?:ը|(?<=ն)ն)$")
_ARMENIAN = re.compile(r"[\u0531-\u0587]")


def armenian_nominative(name: str) -> str:
    """An Armenian name without the article or case ending of its last word."""
    words = name.split()
    if not words or not _ARMENIAN.search(words[-1]):
        return name
    for pattern in (_ARMENIAN_CASE, _ARMENIAN_ARTICLE):
        match = pattern.match(words[-1])
        if match:
            return " ".join(words[:-1] + [match["base"]])
    return name


def nominative(name: str) -> str:
    """A Cyrillic or Armenian person's name in the nominative; any other text unchanged."""
    if _ARMENIAN.search(name):
        return armenian_nominative(name)
    if not _CYRILLIC.search(name):
        return name
    words = name.split()
    readings = [_readings(w) for w in words]
    # an indeclinable word ("Шойгу", "Каллас": every case) says nothing of the case
    voting = [[p for p in parses if "Fixd" not in p.tag] for parses in readings]
    cases: set[str] | None = None
    for parses in voting:
        if parses:
            mine = {p.tag.case for p in parses}
            cases = mine if cases is None else cases & mine
    last: list[Any] = next((parses for parses in reversed(voting) if parses), [])
    if not last:
        return name
    if not cases:  # the words disagree (a given name only guessed): the surname decides
        cases = {last[0].tag.case}
    # the case as the analyser ranks the surname (the last word with a reading: "Ара" is
    # also a genitive, "Айвазяна" is first of all one)
    case = next(p.tag.case for parses in reversed(voting) for p in parses if p.tag.case in cases)
    if case == "nomn":
        return name
    genders: set[str] | None = None
    for parses in readings:
        mine = {p.tag.gender for p in parses if p.tag.case == case} - {"ms-f", None}
        if mine:
            genders = mine if genders is None else genders & mine
    out = []
    for word, parses in zip(words, readings, strict=True):
        fitting = [
            p
            for p in parses
            if p.tag.case == case and (not genders or p.tag.gender in genders | {"ms-f"})
        ]
        if not fitting:  # a given name the dictionary lacks ("Николом"): its guesses
            fitting = [p for p in _analyzer().parse(word) if p.tag.case == case
                       and p.tag.POS == "NOUN" and p.tag.number == "sing"]  # fmt: skip
        form = fitting[0].inflect({"nomn"}) if fitting else None
        out.append(_as_printed(word, form.word) if form is not None else word)
    return " ".join(out)


# a Russian patronymic in the middle of a three-word name, in any case ("Сергей Кужугетович
# Шойгу", "Марии Владимировны Захаровой", "Sergei Kuzhugetovich Shoigu"): the curated person
# is named without it (wave 8: a patronymic kept in a person's id)
_PATRONYMIC = re.compile(
    r"^\S+ ((?:[А-ЯЁ][а-яё]+(?:ович|евич|ич|овн|евн|ичн)[а-яё]{0,3})|"
    r"(?:[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna))) \S+$"
)


def without_patronymic(name: str) -> str:
    """The name without the patronymic between a given name and a surname."""
    match = _PATRONYMIC.match(name)
    if match is None:
        return name
    return name[: match.start(1)] + name[match.end(1) + 1 :]
