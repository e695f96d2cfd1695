"""A quotation over several sentences, closed by a speech verb that ends its sentence.

Turkish, Azerbaijani, Turkmen and Kazakh put the speaker before the quotation and the verb
after it: "X, “A. B. C.” dedi.", "X, “A. B” ifadelerini kullandı.", "X: «A. B» деді." The
sentence splitter cuts such a quotation at each full stop inside it, so the verb ends a later
sentence than the speaker heads, and after a quotation ending in its own full stop ("…."
dedi.) the verb is a sentence of its own. Sentence by sentence, the verb has no subject and
the speaker's sentence no verb: wave 16's curators (372, 319, 327) found each such statement
missing. Here the sentences from the one that opens the quotation to the one that ends with
the verb are read as one: the speaker is the person (else a known body) heading the opening
sentence, followed by a comma or colon right before the quotation or a little before it, not
in an oblique case; the statement's locator spans the quotation.

Only for the verbs of :data:`kg.draft.cues.SPEECH_LAST` (the verb-final languages), only
inside one paragraph (the splitter numbers tokens per paragraph), and only when the closing
sentence gave no statement of its own.
"""

from __future__ import annotations

import re

from kg.draft.cues import LIGHT_SPEECH, SPEECH_LAST
from kg.draft.facts import BODIES, PERSON, Mention, Proposal, Sentence, statement_fields

# quotation marks: opening ones, closing ones, and the straight quote (either, by its place)
_OPENING = "“«„"
_CLOSING = "”»“"
_STRAIGHT = '"'
# how many sentences a quotation may run over before its verb
_SPAN = 8
# what a sentence holding only the verb may be: the verb (and its light verb), a dash,
# punctuation
_VERB_ONLY = re.compile(r"^[\s—–-]*(\w+)(?:\s+(\w+))?\s*[.!]?\s*$")


def _marks(text: str) -> list[tuple[int, str]]:
    """Each quotation mark of the text with its side: ``o`` opens, ``c`` closes. "“" opens
    unless a quotation is open (German „…“ closes with it); a straight quote opens after a
    space or the start and closes otherwise."""
    out: list[tuple[int, str]] = []
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPENING and not (ch in _CLOSING and depth > 0):
            out.append((i, "o"))
            depth += 1
        elif ch in _CLOSING:
            out.append((i, "c"))
            depth = max(depth - 1, 0)
        elif ch == _STRAIGHT:
            before = text[i - 1] if i else " "
            side = "o" if (before.isspace() or before in "(:—–-") and depth == 0 else "c"
            out.append((i, side))
            depth = depth + 1 if side == "o" else max(depth - 1, 0)
    return out


def opened(sentence: Sentence) -> int | None:
    """Where the quotation left open at the sentence's end begins (a character offset in the
    sentence's text), or None."""
    return _opening_in(sentence.text)


def _closes_first(sentence: Sentence) -> int | None:
    """The offset of the mark closing a quotation opened before the sentence (its first mark
    closes), or None."""
    marks = _marks(sentence.text)
    if not marks:
        return None
    i, side = marks[0]
    if side == "c" or sentence.text[i] == _STRAIGHT:
        return i
    return None


def _final_verb(text: str) -> bool:
    """The text is a closing speech verb alone ("dedi.", "ifadelerini kullandı.",
    "— деді.")."""
    match = _VERB_ONLY.match(text)
    if match is None:
        return False
    verb, light = match[1].lower(), (match[2] or "").lower()
    if verb in LIGHT_SPEECH:
        return light in LIGHT_SPEECH[verb]
    return verb in SPEECH_LAST and not light


def closing(sentence: Sentence) -> str | None:
    """How the sentence closes a quotation with a final speech verb: ``"verb"`` when it is
    the verb alone (the quotation ended in the sentence before), ``"quote"`` when the first
    quotation mark closes a quotation opened before and only the verb follows it, else
    None."""
    if _final_verb(sentence.text):
        return "verb"
    at = _closes_first(sentence)
    if at is None:
        return None
    rest = sentence.text[at + 1 :].lstrip(" ,")
    return "quote" if rest and _final_verb(rest) else None


def head(sentence: Sentence, mark: int) -> Mention | None:
    """The person (else a known body) heading the words before the quotation mark at ``mark``
    (an offset in the sentence's text): the last one named before it, followed by a comma or
    a colon, with no other person after it and no other quotation before it; its last word
    not in an oblique case (:func:`kg.draft.facts._nominative`)."""
    from kg.draft.facts import _nominative

    before = sentence.text[:mark]
    if opened_before(before):
        return None
    for kinds in (PERSON, BODIES):
        named = [
            m
            for m in sentence.mentions
            if m.type in kinds and m.start >= 0 and 0 <= m.char - sentence.start < mark
        ]
        if not named:
            continue
        last = named[-1]
        if any(
            m.type in PERSON and m.start >= last.end and m.char - sentence.start < mark
            for m in sentence.mentions
        ):
            return None
        k = last.end - sentence.first
        if k >= len(sentence.words) or sentence.words[k] not in {",", ":"}:
            return None
        if len(re.findall(r"\w+", before)) > 25:
            return None
        if not _nominative(sentence.words[k - 1], kinds is PERSON):
            return None
        return last
    return None


def opened_before(text: str) -> bool:
    """A quotation opens and stays open in ``text``."""
    depth = 0
    for _, side in _marks(text):
        depth = depth + 1 if side == "o" else max(depth - 1, 0)
    return depth > 0


def joined(sentences: list[Sentence], text: str) -> Sentence:
    """Consecutive sentences of one paragraph read as one (``text``: the article's)."""
    first, last = sentences[0], sentences[-1]
    mentions = [m for s in sentences for m in s.mentions]
    mentions.sort(key=lambda m: (m.start < 0, m.start))
    demonyms: dict[str, str] = {}
    for s in sentences:
        demonyms.update(s.demonyms)
    return Sentence(
        first.start,
        last.end,
        text[first.start : last.end],
        [w for s in sentences for w in s.words],
        first.first,
        mentions,
        [d for s in sentences for d in s.dates],
        [a for s in sentences for a in s.amounts],
        [c for s in sentences for c in s.counts],
        demonyms,
        [d for s in sentences for d in s.said_on],
    )


def quotation(paragraph: list[Sentence]) -> tuple[list[Sentence], Mention] | None:
    """The sentences of the quotation the paragraph's last sentence closes with a final speech
    verb, from the one that opens it, and its speaker (:func:`head`); None when the last
    sentence closes none, or its opening has no speaker."""
    if not paragraph:
        return None
    how = closing(paragraph[-1])
    if how is None:
        return None
    # the sentence the quotation closes in: this one, or (the verb alone) the one before,
    # which must end with its closing mark
    end = len(paragraph) - 1
    if how == "verb":
        if end == 0:
            return None
        end -= 1
        before = paragraph[end].text.rstrip()
        if not before or before.rstrip(".!?…")[-1:] not in _CLOSING + _STRAIGHT:
            return None
        inside = paragraph[end].text[: len(before.rstrip(".!?…")) - 1]
        mark = _opening_in(inside)
        if mark is not None and not opened_before(inside[mark + 1 :]):
            speaker = head(paragraph[end], mark)
            return (paragraph[end:], speaker) if speaker else None
    for k in range(end - 1, max(end - _SPAN, -1), -1):
        mark = opened(paragraph[k])
        if mark is not None:
            speaker = head(paragraph[k], mark)
            return (paragraph[k:], speaker) if speaker else None
        if _marks(paragraph[k].text):
            return None  # a quotation closed before: not one over these sentences
    return None


def _opening_in(text: str) -> int | None:
    """The offset of the mark opening the quotation that is open at the end of ``text``."""
    depth = 0
    where = None
    for i, side in _marks(text):
        if side == "o":
            if depth == 0:
                where = i
            depth += 1
        else:
            depth = max(depth - 1, 0)
    return where if depth > 0 else None


def quoted_statement(paragraph: list[Sentence], text: str) -> list[Proposal]:
    """The statement of a quotation the paragraph's last sentence closes with a final speech
    verb (:func:`quotation`), read from all its sentences; none when there is no such
    quotation."""
    found = quotation(paragraph)
    if found is None:
        return []
    sentences, speaker = found
    whole = joined(sentences, text)
    fields, date = statement_fields(whole, speaker)
    fields["_named"] = True  # the subject heading the quotation, as sure as at its verb
    span = (whole.start, whole.end)
    return [Proposal("statement", fields, span, "quotation closed by a final speech verb", date)]
