"""A post the graph lacks, held by a person it lacks, in Russian: a title, the state in the
genitive, then a new name ("министр обороны Греции Никос Панайотопулос", "с президентом
Кипра Никосом Христодулидисом").

Wave 10's feedback: such officials of states new to the graph (Greek, Cypriot, Pakistani,
Kyrgyz) got neither a candidate person nor a tenure; the curators then wrote the post by the
reference's convention, ``post/<state>-<role>``, which is what is proposed here. The English
forms are :func:`kg.draft.pipeline._new_tenures`'s; this covers the Russian word order, where
the state follows the title. Only the titles below, each the head of its own office (a deputy
or an aide before the title makes the person someone else, and is left out).
"""

from __future__ import annotations

import re

from kg.draft.candidates import NewEntity, slug
from kg.draft.cues import deputy_before, serves_another
from kg.draft.facts import Proposal, Sentence
from kg.draft.morphology import nominative
from kg.draft.names import Gazetteer

# the reference's posts of the United States and the United Kingdom are ``post/us-…``,
# ``post/uk-…``
SHORT_OWNERS = {"united-states": "us", "united-kingdom": "uk"}

# the Russian title (any case) -> the English role words of the post's id and label
TITLES_RU: dict[str, str] = {
    r"министр\w{0,3} обороны": "defence minister",
    r"министр\w{0,3} иностранных дел": "foreign minister",
    r"глав\w{0,2} МИД": "foreign minister",
    r"министр\w{0,3} внутренних дел": "interior minister",
    r"премьер-министр\w{0,3}": "prime minister",
    r"президент\w{0,3}": "president",
    r"начальник\w{0,3} Генерального штаба": "chief of general staff",
    r"начальник\w{0,3} Генштаба": "chief of general staff",
    r"секретар\w{0,3} Совета безопасности": "security council secretary",
}
_TITLE = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{t})" for t in TITLES_RU) + r")\s+$", re.I)
_CAPITAL = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
# the state's word, then two capitalised words ending the name (not a third: "… Никос
# Панайотопулос Иванович" is left to the name rules)
_AFTER_STATE = re.compile(rf"^[А-ЯЁ][\w-]*\s+(?P<name>{_CAPITAL}\s+{_CAPITAL})(?![\w-]|\s+[А-ЯЁ])")


def russian_new_tenures(
    sentence: Sentence, new: dict[str, NewEntity], gazetteer: Gazetteer
) -> list[Proposal]:
    """The tenure (and the new person and post) of every "<title> <state gen.> <new name>"
    in the sentence."""
    out = []
    for state in sentence.mentions:
        if state.type != "State" or state.char < sentence.start:
            continue
        at = state.char - sentence.start
        before, after = sentence.text[:at], sentence.text[at:]
        title = _TITLE.search(before)
        name = _AFTER_STATE.match(after)
        if title is None or name is None:
            continue
        if deputy_before(before[: title.start()]) or serves_another(
            re.findall(r"[\w-]+", before[max(title.start() - 40, 0) : title.start()].lower())
        ):
            continue  # "заместитель министра обороны Греции X", "помощник президента X"
        first, last = sentence.start + at + name.start("name"), sentence.start + at + name.end()
        if any(m.type in ("Person", "Official") and first <= m.char < last
               for m in sentence.mentions):  # fmt: skip
            continue  # the graph's person
        role = _role(title[0])
        post = f"post/{SHORT_OWNERS.get(state.id, state.id)}-{slug(role)}"
        if post in gazetteer.entities:
            continue  # a post the graph has: kg.draft.pipeline._post_before_new's
        label = nominative(name["name"])
        person = slug(label)
        new.setdefault(person, NewEntity(person, "Person", label, title[0].strip(),
                                         sentence.start, sentence.end))  # fmt: skip
        if post not in gazetteer.entities:
            post_label = f"{role.title()} of {state.label}"
            new.setdefault(post, NewEntity(post, "Post", post_label, title[0].strip(),
                                           sentence.start, sentence.end))  # fmt: skip
        fields = {"type": "Tenure", "holder": person, "post": post}
        out.append(Proposal("tenure", fields, (sentence.start, sentence.end),
                            "title and state before a new name"))  # fmt: skip
    return out


def _role(printed: str) -> str:
    for pattern, role in TITLES_RU.items():
        if re.fullmatch(pattern, printed.strip(), re.I):
            return role
    raise AssertionError(printed)  # the title was matched by one of the patterns
