"""Political events a sentence reports by the verb of a formal act, dated to the day.

A parliament ratifies, a president appoints or dismisses, a council approves or launches, the
police detain or raid: a known actor before the verb (or after "by"), the verb, and a day
that belongs to the verb's own clause (:func:`kg.draft.dates.event_date`: not the day a
spokesman said it, not a year inside a quote). Nothing is proposed without all three, nor
for a plan or a condition: the catch-all event from a date alone was dropped for making 19
of 29 wrong proposals (:mod:`kg.draft.facts`), and this rule is kept only while it keeps the
draft log's wrong share and invented dates where they were (measured in its commit).
"""

from __future__ import annotations

import re
from typing import Any

from kg.draft.dates import event_date
from kg.draft.facts import ACTORS, CONDITIONAL, PLAN, Mention, Proposal, Sentence, add_topics
from kg.draft.names import Gazetteer

# the verbs of formal acts, as printed (past tense and passive participles), in the corpus'
# languages; "signed" is the agreement rule's and "said" the statement rule's. Left out, as
# measured on the 124 logged articles: "launched" (an offensive is a conflict, a mission
# launched is its founder's act, 2 of 2 wrong) and "appointed"/"назначен" (an appointment is
# the start of a tenure to the curators: 1 wrong, 1 with an invented date)
ACTS = frozenset(
    ["ratified", "approved", "adopted", "dismissed", "sacked", "fired", "relieved",
     "detained", "raided", "revoked", "expelled"]
    # decisions, refusals, recalls and closures (wave 9's feedback: the largest block of
    # missed dates was PoliticalEvents; "withdrew", "suspended", "froze" stay the membership
    # status rule's)
    + ["decided", "refused", "rejected", "recalled", "summoned", "arrested", "closed",
       "passed", "indicted", "charged"]
    + [stem + end for stem in ("ратифицировал", "утвердил", "одобрил", "освободил", "задержал",
                               "решил", "отказал", "отозвал", "арестовал", "выслал",
                               "закрыл")
       for end in ("", "а", "и", "о")]
    + ["освобожден", "освобождён", "освобождена", "задержаны", "решено", "отказался",
       "отказалась", "отказались", "ратифицирован", "ратифицирована", "одобрен", "одобрена",
       "утвержден", "утверждена", "утверждён"]
    + ["ratifié", "ratifiée", "adopté", "adoptée", "adoptés", "limogé", "décidé", "refusé",
       "rejeté", "rappelé", "convoqué", "arrêté", "ratificó", "aprobó", "destituyó"]
    # German and Polish (wave 10 had a page in each and the drafter no act verb): the
    # German simple past (the verb second, after its doer: a participle at the end follows
    # its object, and is left out), the Polish past and passive participles
    + ["ratifizierte", "billigte", "genehmigte", "beschloss", "entließ", "verhaftete",
       "lehnte"]
    + [stem + end for stem in ("ratyfikował", "zatwierdził", "odwołał", "zatrzymał",
                               "aresztował", "wydalił", "zdecydował", "odrzucił", "przyjął")
       for end in ("", "a", "o", "y", "i")]
    + ["przyjęła", "przyjęło", "przyjęli", "przyjęły", "ratyfikowana", "ratyfikowany",
       "zatwierdzona", "zatwierdzony", "odwołany", "odwołana", "zatrzymany", "zatrzymana"]
)  # fmt: skip
_BY = {"by", "по", "par", "por", "przez"}
# a day or a month dates an act ("on 3 October", "in February 2022"); a year alone is too
# coarse to tell the act from others of that year
_PRECISE = {"day", "month"}
# what an act can be about (a place is where it happened, not what it was about)
_ABOUT = (ACTORS - {"MediaOutlet"}) | {"Post", "MilitaryExercise", "ArmsDeal", "Agreement",
                                       "Deployment", "PeacekeepingDeployment"}  # fmt: skip
_QUOTED = re.compile(r"[\"“«„][^\"”»“]*[\"”»]")


# a passive auxiliary before the verb, perhaps past an adverb ("was formally ratified")
_AUXILIARY = {"was", "were", "been", "being", "is", "are", "be", "été", "został", "została",
              "zostało", "zostali", "zostały"}  # fmt: skip
_RELATIVE = {"who", "which", "that", "whom", "который", "которые", "которая", "которого",
             "которых", "qui", "que"}  # fmt: skip


def _passive(sentence: Sentence, at: int) -> bool:
    """The act verb at token ``at`` is an English or French passive ("was ratified", "ont
    été adoptés", "being revoked")."""
    k = at - sentence.first
    near = sentence.words[max(0, k - 2) : k]
    return bool(near) and (near[-1] in _AUXILIARY or (len(near) == 2 and near[0] in _AUXILIARY
                                                      and near[1].endswith("ly")))  # fmt: skip


def _possessed(sentence: Sentence, actor: Mention) -> bool:
    """A state named as the owner of the doer ("Armenia's parliament passed …"): the doer
    is a body of that state the sentence does not name; the state is not the participant
    (measured: the one such proposal of the dev redraft was deleted)."""
    after = actor.end - sentence.first
    return actor.type == "State" and after < len(sentence.words) and sentence.words[after] in {
        "'s", "’s", "'", "’"}  # fmt: skip


def political_events(sentence: Sentence) -> list[Proposal]:
    """The dated act the sentence reports, as a PoliticalEvent of its actor (or nothing)."""
    words = set(sentence.words)
    if PLAN & words or CONDITIONAL.search(sentence.text):
        return []
    at = next((sentence.first + k for k, w in enumerate(sentence.words) if w in ACTS), None)
    if at is None:
        return []
    word = sentence.words[at - sentence.first]
    printed = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", sentence.text, re.I)
    if printed is None:
        return []
    verb = (sentence.start + printed.start(), sentence.start + printed.end())
    found = event_date(sentence.dates, sentence.text, sentence.start, verb)
    if found is None or found.precision not in _PRECISE or found.value is None:
        return []
    quotes = [q.span() for q in _QUOTED.finditer(sentence.text)]  # a treaty's title
    actors = [
        m
        for m in sentence.mentions
        if m.type in ACTORS
        and m.start >= 0
        and not any(a <= m.char - sentence.start < b for a, b in quotes)
    ]
    before = [m for m in actors if m.end <= at]
    by = [m for m in actors if m.start > at and sentence.words[m.start - sentence.first - 1] in _BY]
    if before and _RELATIVE & set(
        sentence.words[before[-1].end - sentence.first : at - sentence.first]
    ):
        return []  # "prisoners … who were arrested in September": the act of another clause
    fields: dict[str, Any] = {"type": "PoliticalEvent"}
    if _passive(sentence, at):  # "X was dismissed by Y on 3 October": the name before the
        # verb is what the act was done to, its doer the name after "by". Without a doer
        # ("its accreditation being revoked in February") nothing: the dev redraft's two
        # such proposals were matched to another act of the same thing and their dates
        # counted as invented
        who = by[:1]
        if not who:
            return []
        fields["participant"] = who[0].id
        if before:
            fields["about"] = before[-1].id
    else:
        who = before[-1:] or by[:1]
        if not who or _possessed(sentence, who[0]):
            return []
        fields["participant"] = who[0].id
        whom = [
            m for m in sentence.mentions if m.start > at and m.type in _ABOUT and m.id != who[0].id
        ]
        if whom:  # what the act is about: the first name after the verb (the treaty's party,
            fields["about"] = whom[0].id  # the person dismissed, the mission approved)
    fields["date"] = found.value
    add_topics(fields, sentence, [m.id for m in who])
    return [Proposal("event", fields, (sentence.start, sentence.end), "act verb", found)]


def known_events(proposals: list[Proposal], gazetteer: Gazetteer) -> None:
    """An act the graph already has keeps its id: one PoliticalEvent of the graph whose
    participants include the proposal's and whose own date falls on the proposal's day or
    in its month (wave 9's feedback: "where the graph has the event, propose its id"; a new
    id for a known fact is an edit). Two candidates, or none, leave the new id."""
    taken = {p.fields.get("id") for p in proposals}
    for proposal in proposals:
        f = proposal.fields
        if proposal.kind != "event" or f.get("type") != "PoliticalEvent":
            continue
        who, date = f.get("participant"), f.get("date")
        if not isinstance(who, str) or not isinstance(date, str) or len(date) < 7:
            continue
        found = {
            key.split(" ", 1)[1]
            for key, d in gazetteer.described.items()
            if key.startswith("happened-on ")
            and f"who {who}" in d.anchors
            and any(e.startswith(date) or (len(e) == 7 and date.startswith(e)) for e in d.exact)
        }
        found -= taken
        if len(found) == 1:
            f["id"] = found.pop()
            taken.add(f["id"])
