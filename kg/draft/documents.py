"""A body's words quoted from its document: "говорится на сайте ОДКБ", "heißt es in der
Pressemitteilung des EU-Rates", "czytamy w komunikacie MSZ", "si legge nella nota del
Consiglio", "indique un communiqué du ministère", "señala un comunicado del ministerio".

These sentences have no speech verb with a subject: the words are said to be *in* a statement,
a press release or a site, and the body is named as its owner right after the document's noun.
The body is the speaker, as surely as in "the ministry said" (wave 16's curators: 326's CSTO
site, 354's EU Council press release and 362's mission statement were missed statements).
Only a known body named right after the document's noun (with articles or a title word
between) is taken; a document named with no owner ("говорится в сообщении") is left alone,
and so is "сообщается на сайте X" (is reported on X's site: a source of news, wave 8's 135
curated the event it reports, not a statement).
"""

from __future__ import annotations

import re

from kg.draft.facts import BODIES, Mention, Proposal, Sentence, _word_span, statement_fields

# the impersonal phrase of a document's words, ending at the document's noun
_DOCUMENT = re.compile(
    r"(?<!\w)(?:"
    r"(?:говорится|отмечается|подчеркивается|подчёркивается|указывается)\s+"
    r"(?:в|во|на)\s+(?:[\w-]+\s+){0,2}?(?:сообщении|заявлении|сайте|пресс-релизе|релизе|"
    r"коммюнике|документе|письме|телеграм-канале|сообщениях)|"
    r"heißt\s+es\s+(?:in|im)\s+(?:\w+\s+){0,2}?(?:Erklärung|Pressemitteilung|Mitteilung|"
    r"Kommuniqué|Stellungnahme)|"
    r"czytamy\s+(?:w|we)\s+(?:\w+\s+){0,1}?(?:oświadczeniu|komunikacie)|"
    r"si\s+legge\s+(?:nella|nel)\s+(?:nota|comunicato)|"
    r"(?:indique|précise|souligne|affirme)\s+(?:le|un)\s+communiqué|"
    r"(?:señala|indica|dice|afirma)\s+(?:el|un)\s+comunicado"
    r")(?!\w)",
    re.I,
)
# what may stand between the document's noun and its owner: articles and prepositions of
# the genitive, a title word ("de prensa", "officiel")
_BETWEEN = re.compile(
    r"^\s*(?:(?:des|der|dem|del|della|dello|dei|de|du|la|le|el|official|officiel|officielle|"
    r"prensa|stampa|press|пресс-службы)\s+|(?:l|dell)['’]\s*)*$",
    re.I,
)

# a hyphen after a name joins it to the next word ("EU-Rates", "NATO-Gipfel")
_JOINERS = {"-", "‐", "‑"}


def _owner(sentence: Sentence, end: int) -> Mention | None:
    """The known body named right after the document's noun (``end``: an offset in the
    sentence's text)."""
    for m in sorted((m for m in sentence.mentions if m.start >= 0), key=lambda m: m.start):
        span = _word_span(sentence, m.start)  # (a ministry's mention keeps its state's char)
        if span is None or span[0] < end:
            continue
        at = span[0]
        k = m.end - sentence.first
        if k < len(sentence.words) and sentence.words[k] in _JOINERS:
            return None  # "des EU-Rates": the first part of a compound, another body's name
        if m.type in BODIES and _BETWEEN.match(sentence.text[end:at]):
            return m
        return None  # the first name after the noun, or none
    return None


def document_statement(sentence: Sentence) -> list[Proposal]:
    """The statement of a body whose document the sentence quotes (:data:`_DOCUMENT`), or
    none."""
    for phrase in _DOCUMENT.finditer(sentence.text):
        body = _owner(sentence, phrase.end())
        if body is None:
            continue
        fields, date = statement_fields(sentence, body)
        fields["_named"] = True  # named at its words, as "the ministry said"
        span = (sentence.start, sentence.end)
        return [Proposal("statement", fields, span, "a body's document quoted", date)]
    return []
