"""Facts the graph already has, told by what is particular to them.

Many articles tell a fact another article file already holds (a deployment, a deal, an
exercise, an agreement, a partnership) without its name: "the Russian border guards left
Zvartnots", "Armenian peacekeepers in KFOR", "the Kansas National Guard's partnership with
Armenia". The curated files then mention the graph's fact id and attest it with a block of
that id (wave 11: of 40 such mentions over the last 20 rows, 36 were missed; of 99
mentions of a known fact id in the curated files 197-271, 90 came with a block).

What picks one fact out is what few other facts share: its participants that are not a bare
state (a unit, a place, an organisation, a person: "specific" anchors), said in a sentence
with a word of the fact's kind (troops, deal, exercise, agreement, cooperation; in every
language of the corpus), with every state the fact involves named in the article so far,
at a time that fits (an exercise or an agreement in the year the sentence gives, or, none
given, not after the article; a deployment or partnership begun by the article), and only
when exactly one fact of the kind fits.

This module reads the graph's fact blocks (:func:`record`) and answers, for one sentence,
which of them it tells (:class:`Told`, the sentence and the graph as both lookups read
them; :func:`specific_facts`); :mod:`kg.draft.names` keeps the table in
the gazetteer and :mod:`kg.draft.pipeline` mentions the facts found and proposes a block of
each deployment (:func:`attestation`; other kinds' blocks were mostly edited or wrong).
A political event is told the same way by what happened to what (:func:`events_told`: "the
Lachin corridor blockade", "the EU Council extended its mission in Armenia"), and an
agreement named by a place (the Shusha Declaration) has that place among its anchors
(:func:`kg.draft.names._places_named`); a partnership of two parties, by both named and a
word of its type (:func:`partnership_named`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# the fact's roles whose values are entities (who takes part, where, under whom, what about)
ROLES = ("participant", "party", "partner", "contributor", "organizer", "member", "supplier",
         "recipient", "manufacturer", "hostState", "area", "location", "base",
         "underAuspicesOf", "about")  # fmt: skip
# (not ``includesUnit``: a unit of a deployment takes part in much else; measured, a brigade
# of the KFOR deployment at an exercise's ceremony was taken for the deployment)
_DATES = ("date", "startDate", "endDate", "earliestDate", "latestDate")
_OWN_DATES = ("date", "startDate")
# entity types too common to pick out a fact (half the graph's facts have a state)
_NOT_SPECIFIC = {"State", "Post", "MediaOutlet"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a participant in more of the graph's facts than this is no longer particular to one (the
# CSTO is in 139, the EU in 30, NATO in 17; Zvartnots airport in 4, the Kansas National
# Guard in 5): measured on the redraft of the 101 development texts, the EU's, NATO's and
# the CSTO's facts so found were mostly not the curated ones
MOST_USES = 10

# a word of each kind, in the corpus's languages (en, ru, fr, de, pl, tr, az, hy, ka): a
# prefix, so that every case form and suffix matches
_DEPLOYED = re.compile(
    r"\b(?:troops|forces|soldiers|servicemen|guards|border guards|contingent|base|bases|"
    r"deploy\w*|stationed|garrison\w*|peace-?keep\w*)\b|"
    r"войск|военнослужащ|пограничн|контингент|\bбаз[аеуыо]\b|миротвор|размещ|"
    r"\btroupes|\bmilitaires|garde-?fronti|\bsoldats|\bcontingent|\bdéploi|\bstationn|"
    r"casques bleus|soldats de la paix|"
    r"\bTruppe|\bSoldat|Grenzschutz|Grenzsoldat|Stützpunkt|\bKontingent|stationiert|"
    r"\bwojsk|żołnierz|straż\w* graniczn|kontyngent|"
    r"\basker|sınır muhafız|\bbirlik|konuşlan|barış gücü|barışı koruma|"
    r"hərbçi|qoşun|sərhədçi|kontingent|sülhməramlı|yerləşdiril|"
    r"սահմանապահ|զորք|զինծառայող|զինվոր|ռազմաբազա|խաղաղապահ|"
    r"ჯარ|მესაზღვრე|სამხედრო ბაზ|მშვიდობისმყოფ|კონტინგენტ",
    re.IGNORECASE,
)
_DEAL = re.compile(
    r"\b(?:deals?|purchas\w*|bought|buy\w*|acquir\w*|acquisition|suppl\w+|deliver\w*|"
    r"contracts?|sold|sell\w*|procur\w*|order(?:ed|s)?|exports?|imports?)\b|"
    r"поставк|постав[ил]|контракт|закуп|приобрет|купил|покупк|сделк|экспорт|"
    r"\blivr|\bcontrat|\bachat|\bacqui|\bcommand[ée]|\bvend|"
    r"\bLiefer|\bgeliefert|\bKauf|\bkauft|Bestell|\bRüstungsexport|"
    r"\bdostaw|\bkontrakt|\bzakup|\bkupi|"
    r"tedarik|satın|sözleşme|teslim|ihracat|\balım|satış|"
    r"tədarük|müqavilə|\balış|ixrac|çatdır|"
    r"մատակարար|պայմանագ|գնել|գնում|ձեռք բեր|վաճառ|արտահան|"
    r"შესყიდ|მიწოდ|კონტრაქტ|გაყიდ|ექსპორტ",
    re.IGNORECASE,
)
_AGREED = re.compile(
    r"\b(?:agree\w*|accords?|declarations?|treaty|treaties|memorandum|protocol|pact|"
    r"signed|arrangement)\b|"
    r"соглашени|договор|декларац|меморандум|подписа|протокол|"
    r"\baccord|\btraité|\bdéclaration|\bsign[ée]|\bprotocole|"
    r"Abkommen|Vertrag|Erklärung|unterzeichn|"
    r"porozumieni|\bumow|deklaracj|podpisa|"
    r"anlaşma|antlaşma|mutabakat|bildirge|beyanname|imzala|"
    r"saziş|müqavilə|bəyannamə|razılaşma|"
    r"համաձայնագ|պայմանագ|հռչակագ|ստորագր|"
    r"შეთანხმებ|ხელშეკრულებ|დეკლარაცი|ხელი მოაწერ",
    re.IGNORECASE,
)
_EXERCISED = re.compile(
    r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war-?games?)\b|"
    r"учени|маневр|\bexercice|manœuvre|manoeuvre|Übung|Manöver|ćwiczeni|manewr|"
    r"tatbikat|təlim|զորավարժ|զորախաղ|წვრთნ|სწავლებ",
    re.IGNORECASE,
)
_PARTNERED = re.compile(
    r"\b(?:partner\w*|co-?operat\w*|collaborat\w*)\b|"
    r"сотрудничеств|партн[её]р|\bpartenari|\bcoopéra|\bpartenaire|"
    r"Partnerschaft|Zusammenarbeit|Kooperation|partnerstw|współprac|"
    r"ortaklık|işbirliği|iş birliği|tərəfdaş|əməkdaşlıq|"
    r"համագործակց|գործընկեր|თანამშრომლობ|პარტნიორ",
    re.IGNORECASE,
)
# a type of the graph -> its cue, and whether it happens at a time (an exercise, an
# agreement, a deal: the year must fit) or holds over one (a deployment, a partnership)
KINDS: dict[str, tuple[re.Pattern[str], bool]] = {
    "Deployment": (_DEPLOYED, False),
    "PeacekeepingDeployment": (_DEPLOYED, False),
    "ArmsDeal": (_DEAL, True),
    "Agreement": (_AGREED, True),
    "MilitaryExercise": (_EXERCISED, True),
    "Partnership": (_PARTNERED, False),
}
# keys copied from the graph's block into an article's attestation of it: what says which
# fact it is (measured on the curated files 150-271: of 99 attestations of a known fact,
# these keys were kept as the graph has them far more often than dropped; dates, modes,
# claimants and bounds are this article's own and were mostly changed)
COPIED = ("participant", "party", "partner", "partnershipType", "contributor", "hostState",
          "area", "location", "supplier", "recipient", "systemType", "designation",
          "underAuspicesOf", "topic")  # fmt: skip


@dataclass
class Known:
    """One fact of the graph as its first file gives it: type, label, the entities of its
    roles, its dates, and the block's keys to copy."""

    id: str
    type: str
    anchors: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    own: set[str] = field(default_factory=set)  # its date or start, not its bounds
    fields: dict[str, Any] = field(default_factory=dict)
    kinds: set[str] = field(default_factory=set)  # a political event's kinds (``EVENT_KINDS``)
    places: set[str] = field(default_factory=set)  # the places an agreement's label names


def _ids(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str) and v]


def _date_text(value: Any) -> str:
    return str(value.get("@value", "")) if isinstance(value, dict) else str(value)


def record(node: Mapping[str, Any], table: dict[str, Known], uses: dict[str, set[str]]) -> None:
    """Add a fact block of a seed file to ``table`` (a fact told in several files: the
    first file's keys, every file's anchors and dates), and its participants to ``uses``
    (each entity's facts, of any type)."""
    kind = node.get("type")
    ref = node.get("id")
    if not isinstance(ref, str):
        return
    for key in ROLES:
        for value in _ids(node.get(key)):
            uses.setdefault(value, set()).add(ref)
    if kind not in KINDS and kind != "PoliticalEvent":
        return
    known = table.setdefault(ref, Known(ref, str(kind)))
    if kind == "PoliticalEvent":
        known.kinds |= event_kinds(" ".join(_ids(node.get("label"))))
    for key in ROLES:
        known.anchors |= set(_ids(node.get(key)))
    for key in _DATES:
        values = node.get(key)
        for one in values if isinstance(values, list) else [values]:
            if one is not None:
                known.dates.add(_date_text(one))
                if key in _OWN_DATES:
                    known.own.add(_date_text(one))
    if not known.fields:
        known.fields = {k: node[k] for k in COPIED if k in node}
        known.fields["label"] = node.get("label")


def _fits_time(known: Known, said: list[str], published: str | None) -> bool:
    """An event-like fact (``KINDS``' second value, a political event) in a year the
    sentence gives, or (none) not after the article; a lasting one begun by the article's
    day."""
    dates = known.dates or set(_YEAR.findall(known.id))
    dated = KINDS[known.type][1] if known.type in KINDS else True
    if dated and said:
        return any(d[:4] == f[:4] for d in said for f in dates)
    if not published:
        return True
    starts = known.own or ({min(dates)} if dated and dates else set())
    return all(f[:4] <= published[:4] for f in starts)


@dataclass
class Told:
    """One sentence as the graph's facts are sought in it (:func:`specific_facts`,
    :func:`events_told`): its text without the names it has (``text``: "peacekeeping
    brigade" is a unit's name, not a deployment) and as printed (``whole``, else ``text``),
    the ids it names (``near``) and those the article named before it (``named``), its years
    and dates (``said``), the article's date (``published``); and the graph: its facts
    (``table``), each id's entity type (``types``), each entity's facts (``uses``)."""

    text: str
    near: Iterable[str]
    named: Iterable[str]
    said: list[str]
    published: str | None
    table: Mapping[str, Known]
    types: Mapping[str, str]
    uses: Mapping[str, set[str]] | None = None
    whole: str | None = None
    by_name: Iterable[str] | None = None  # of ``near``, those named by a name, no adjective
    here: set[str] = field(init=False)  # the ids the sentence names
    before: set[str] = field(init=False)  # ... and the article named before it

    def __post_init__(self) -> None:
        self.here = set(self.near)
        self.before = set(self.named) | self.here

    def anchored(self, known: Known, besides: set[str], most: int | None = None) -> set[str]:
        """The participants of ``known`` the sentence names that pick it out: of no entity
        type in ``besides`` (a bare state ...) nor, ``most`` given, in more of the graph's
        facts than that (``uses``); none unless every state of the fact is named in the
        sentence or before it."""
        specific = {a for a in known.anchors if self.types.get(a, "State") not in besides
                    and (most is None or len((self.uses or {}).get(a, ())) <= most)}  # fmt: skip
        states = {a for a in known.anchors if self.types.get(a) == "State"}
        return specific & self.here if states <= self.before else set()


def specific_facts(told: Told) -> list[str]:
    """The graph's facts one sentence tells by a specific participant: the sentence
    (``told``: its text without the names, the ids it names, its years and dates) names a
    participant of the fact that is no bare state (``Told.types``) nor in more than
    ``MOST_USES`` facts (``Told.uses``) and a word of its kind (outside the names:
    "peacekeeping brigade" is a unit's name, not a deployment); every state of the fact is
    named in the sentence or before it; the time fits (:func:`_fits_time`). Of each kind,
    only a fact that alone fits."""
    text, here, types = told.text, told.here, told.types
    cued = {kind for kind, (cue, _) in KINDS.items() if cue.search(text)}
    # a military base named is a deployment's place: its name is the cue ("visited the
    # 102nd military base": the word "base" is inside the name, taken out of ``text``), for
    # a deployment at that base (of the curated files naming the graph's one base with a
    # deployment, 13 of 14 attest that deployment; redraft of the 13 development texts that
    # speak of a military base: 3 more fact ids found, none drafted the curators lacked)
    bases = {i for i in here if types.get(i) == "MilitaryBase"}
    if not cued and not bases:
        return []
    found: dict[str, list[str]] = {}
    for known in told.table.values():
        if known.id not in types:
            continue
        if known.type not in cued and not ("Deployment" in known.type and bases & known.anchors):
            continue
        named = told.anchored(known, _NOT_SPECIFIC, MOST_USES)
        if not named:
            continue
        if named <= known.places and not _same_kind(text, known):
            continue
        if _fits_time(known, told.said, told.published):
            group = "Deployment" if "Deployment" in known.type else known.type
            found.setdefault(group, []).append(known.id)
    return [refs[0] for refs in found.values() if len(refs) == 1]


# A partnership of two parties the graph has (states, or a state and an alliance: "Armenia–
# France defence cooperation", "Armenia–Russia strategic alliance"), told by a sentence that
# names both and a word of partnership: of the kind its type says (``PARTNER_TYPES``), or,
# the pair having one partnership only in the graph, any word of partnership. Wave 16: of
# 40 mentions of the graph's facts over the last 20 rows, 7 were such partnerships, all
# missed ("the strategic partnership between Pakistan and Azerbaijan", "our cooperation
# with NATO", "Armenia … a key ally of Russia"); none has a participant particular to it.
_PARTNER_WORD = re.compile(
    r"\b(?:partner\w*|co-?operat\w*|collaborat\w*)\b|сотрудничеств|партн[её]р|"
    r"\bpartenari|\bcoopéra|\bpartenaire|Partnerschaft|Zusammenarbeit|Kooperation|"
    r"partnerstw|współprac|ortaklı|işbirliğ|iş birliğ|tərəfdaş|əməkdaşlı|համագործակց|"
    r"գործընկեր|თანამშრომლობ|პარტნიორ",
    re.IGNORECASE,
)
PARTNER_TYPES: dict[str, re.Pattern[str]] = {
    "code:partnership-defence-cooperation": re.compile(
        r"\b(?:defen[cs]e|military)\b|оборон|военн|défense|militaire|Verteidigung|militär|"
        r"obronn|wojskow|savunma|askeri|müdafiə|hərbi|պաշտպան|ռազմ|თავდაცვ|სამხედრო",
        re.IGNORECASE,
    ),
    "code:partnership-security-partnership": re.compile(
        r"\bsecurity\b|безопасност|sécurité|Sicherheit|bezpieczeńst|güvenlik|təhlükəsizlik|"
        r"անվտանգ|უსაფრთხოებ",
        re.IGNORECASE,
    ),
    "code:partnership-strategic-alliance": re.compile(
        r"\b(?:ally|allies|allied|alliance)\b|союзни|\ballié|Verbündet|sojusznik|müttefik|"
        r"müttəfiq|դաշնակից|მოკავშირე",
        re.IGNORECASE,
    ),
    "code:partnership-training-partnership": re.compile(
        r"\btraining\b|обучени|подготовк|\bformation|Ausbildung|szkoleni|eğitim|təlim|"
        r"ուսուց|წვრთნ",
        re.IGNORECASE,
    ),
}


def partnership_named(told: Told) -> list[str]:
    """The graph's partnership (``Partnership``) whose parties the sentence all names
    (``Told.by_name``, else ``Told.here``) with a word of its type (``PARTNER_TYPES``),
    or, the only partnership of those parties the graph has, with any word of partnership
    (not a partnership of diplomatic contacts: any meeting is one); begun by the article's
    day. None where two
    fit ("cooperation of Cyprus and Armenia with Greece": two pairs)."""
    general = bool(_PARTNER_WORD.search(told.text))
    # (the parties named by a name, not by an adjective: "the Turkish company and
    # Azerbaijan's ministry signed a cooperation agreement" is no partnership of the two
    # states; wave 16, measured on its redraft: the one wrong mention of this lookup)
    named = told.here if told.by_name is None else set(told.by_name)
    pairs: dict[frozenset[str], list[Known]] = {}
    for known in told.table.values():
        if known.type == "Partnership" and known.id in told.types and len(known.anchors) >= 2:
            pairs.setdefault(frozenset(known.anchors), []).append(known)
    found = []
    for parties, facts in pairs.items():
        if not parties <= named:
            continue
        kinds = {k.id: PARTNER_TYPES.get(str(k.fields.get("partnershipType"))) for k in facts}
        typed = [k for k in facts if (words := kinds[k.id]) and words.search(told.text)]
        if not typed and general and len(facts) == 1 and kinds[facts[0].id] is not None:
            typed = facts
        found += [k.id for k in typed if _fits_time(k, told.said, told.published)]
    return found if len(found) == 1 else []


def _same_kind(text: str, known: Known) -> bool:
    """An agreement told by the place its label names only as the agreement of the kind its
    label says ("the declaration signed in Shusha" is the Shusha Declaration; "the peace
    agreement signed in Washington" is not the Washington declaration)."""
    own = agreement_kinds(str(known.fields.get("label") or ""))
    return bool(own & agreement_kinds(text))


def attestation(known: Known) -> dict[str, Any]:
    """The block an article gives a fact the graph has: its id and type, and what says
    which fact it is (``COPIED``); the article's locator and its own dates are added by
    the caller."""
    fields: dict[str, Any] = {"id": known.id, "type": known.type}
    fields.update({k: v for k, v in known.fields.items() if v is not None})
    return fields


# An agreement told by its kind and its parties ("the peace treaty Armenia and Azerbaijan
# signed", "мирный договор между Арменией и Азербайджаном", "Azerbaycan ile Ermenistan
# arasındaki barış anlaşması"): the kind is a word of the graph's English label ("Armenia–
# Azerbaijan peace and inter-state relations agreement"), found in a sentence by its words in
# the corpus's languages. Wave 12: the peace agreement of two texts was missed (one drafted
# as the Washington declaration, signed the same day).
AGREEMENT_KINDS: dict[str, re.Pattern[str]] = {
    "peace": re.compile(
        r"\bpeace\b|мирн\w+ (?:договор|соглашени|процесс)|\bpaix\b|\bpaz\b|\bpace\b|Frieden|"
        r"pokojow|pokoju\b|barış|sülh|тынчтык|խաղաղ|მშვიდობ|ειρήν",
        re.IGNORECASE,
    ),
    "ceasefire": re.compile(
        r"cease-?fire|truce|armistice|перемири|прекращени\w* огня|cessez-le-feu|trêve|"
        r"Waffenstillstand|Waffenruhe|zawieszeni\w* broni|rozejm|ateşkes|atəşkəs|"
        r"հրադադար|ცეცხლის შეწყვეტ|εκεχειρ",
        re.IGNORECASE,
    ),
    "declaration": re.compile(
        r"declaration|декларац|déclaration|Erklärung|deklarac|dichiarazion|"
        r"bildirge|beyanname|bəyannamə|հռչակագ|დეკლარაცი|διακήρυξ",
        re.IGNORECASE,
    ),
    "memorandum": re.compile(
        r"memorand|меморандум|mutabakat|anlaşma muhtırası|anlaşma zaptı|հուշագ|მემორანდუმ|"
        r"μνημόνι",
        re.IGNORECASE,
    ),
    "protocol": re.compile(
        r"protocol|протокол|protokol|protokół|Protokoll|protocollo|արձանագր|ოქმ|πρωτόκολλ",
        re.IGNORECASE,
    ),
    "charter": re.compile(
        r"\bcharter\b|хартия|хартии|хартию|\bcharte\b|Charta|xartiya|խարտիա|ქარტია|χάρτη",
        re.IGNORECASE,
    ),
    "delimitation": re.compile(
        r"delimit|demarcat|делимитац|демаркац|délimitation|démarcation|Delimit|Demarkat|"
        r"delimitac|demarkac|delimitasyon|demarkasyon|delimitasiya|demarkasiya|"
        r"սահմանազատ|սահմանագծ|დელიმიტაცი|დემარკაცი|οριοθέτ",
        re.IGNORECASE,
    ),
}
# the kinds that say what an agreement is about, not the form of its text
SUBJECTS = {"peace", "ceasefire", "delimitation"}
# the noun of an agreement besides those of ``_AGREED`` ("peace deal", "accordo",
# "Friedensabkommen" is in _AGREED already)
_AGREEMENT_NOUN = re.compile(r"\bdeal\b|\baccordo|\bintesa|келишим|συμφων", re.IGNORECASE)


# an agreement as a prospect, not one in particular: its conclusion, signing or reaching
# with an indefinite article ("the conclusion of a peace treaty", "ready to sign a peace
# deal", "der Abschluss eines Friedensvertrags", "la conclusion d'un accord de paix"), in the
# languages that have one, and no signing reported (wave 16: "the conclusion of a peace
# treaty between Armenia and Azerbaijan aims at …" in August 2025 was taken for the graph's
# agreement; in the 390 development texts the 4 sentences naming an Armenia-Azerbaijan peace
# agreement with an indefinite article were never mentions of it)
_PROSPECT = re.compile(
    r"\b(?:conclu\w*|sign(?:ing)?|reach(?:ing)?|achiev\w*|Abschluss|abzuschließen|"
    r"abschließen|Unterzeichnung|unterzeichnen|signature|signer|conclure|parvenir à|firmare|"
    r"firma|concludere|conclusione|firmar)\s+(?:of\s+|on\s+|d['’]|de\s+|di\s+)?"
    r"(?:an?|ein(?:e[mnrs]?)?|une?|una|uno)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:\w*(?:agreement|treaty|deal|accord|Vertrag\w*|Vertrags|Abkommens?|vertrag\w*|"
    r"abkommens?)\b|traité|trattato|accordo|acuerdo|tratado)",
    re.IGNORECASE,
)
# (but "Armenia and Azerbaijan signed a peace agreement": the act reported)
_SIGNED = re.compile(
    r"\b(?:signed|initial(?:l)?ed|unterzeichnet|unterschrieben|paraphiert|sign[ée]e?s?|"
    r"paraph[ée]e?s?|firmat[oaie]|firmad[oa]s?|siglat[oaie])\b",
    re.IGNORECASE,
)


def agreement_kinds(text: str) -> set[str]:
    """The kinds of agreement (``AGREEMENT_KINDS``) a text names."""
    return {kind for kind, words in AGREEMENT_KINDS.items() if words.search(text)}


def agreements_by_kind(
    text: str,
    near: Iterable[str],
    named: Iterable[str],
    said: list[str],
    table: Mapping[str, Known],
    labels: Mapping[str, str],
    published: str | None = None,
) -> list[str]:
    """The graph's agreement a sentence tells by its kind and parties: the sentence
    (``text``) has a noun of agreement and a word of what an agreement is about
    (:func:`agreement_kinds`, ``SUBJECTS``: a form alone, "a draft declaration", is any
    paper) that the agreement's English label (``labels``) has; every party of the agreement
    is named in the sentence or before it (``near``, ``named``) and one in the sentence; a
    year the sentence gives (``said``) is one of the agreement's, and the agreement is not
    dated after the article (``published``; measured on the dev redraft: of 12 texts that
    named a peace agreement of Armenia and Azerbaijan, the 5 published before the graph's
    one was drafted spoke of earlier talks). Of the agreements that fit, the one whose label
    shares most kinds with the sentence, if it alone does."""
    if not (_AGREED.search(text) or _AGREEMENT_NOUN.search(text)):
        return []
    if _PROSPECT.search(text) and not _SIGNED.search(text):
        return []
    kinds = agreement_kinds(text)
    if not kinds:
        return []
    here, before = set(near), set(named) | set(near)
    years = {d[:4] for d in said}
    scored: dict[int, list[str]] = {}
    for known in table.values():
        if known.type != "Agreement" or known.id not in labels:
            continue
        shared = kinds & agreement_kinds(labels[known.id])
        parties = set(_ids(known.fields.get("party")))
        if not shared & SUBJECTS or not parties or not parties <= before or not parties & here:
            continue
        dates = {d[:4] for d in known.dates} | set(_YEAR.findall(f"{known.id} {labels[known.id]}"))
        if years and not years & dates:
            continue
        # (its own date, else the year its id or label gives: the graph's bounds are an
        # attesting article's, "no later than" the day it was published)
        own = known.own or set(_YEAR.findall(f"{known.id} {labels[known.id]}"))
        first = min(own) if own else None
        if published and first and first[: len(published)] > published[: len(first)]:
            continue
        scored.setdefault(len(shared), []).append(known.id)
    if not scored:
        return []
    best = scored[max(scored)]
    return best if len(best) == 1 else []


# A political event the graph has, told again by what happened and to what ("the blockade of
# the Lachin corridor", "блокада Лачинского коридора", "the EU extended its mission in
# Armenia", "the withdrawal of the Russian peacekeepers"): a kind of event its English label
# names (the first pattern) said in the sentence in any language of the corpus (the
# second: a stem, so that every case form and suffix matches). Wave 15: of 38 mentions of a
# fact the graph had, 33 were missed over the last 20 rows, most of them political events
# (the EU mission's launch, enlargement and extension; the blockade; the withdrawal).
EVENT_KINDS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "blockade": (
        re.compile(r"\bblockade", re.IGNORECASE),
        re.compile(
            r"\bblockad|блокад|\bblocus|\bBlockade|\bblokad|\babluka|blokada|շրջափակ|ბლოკად|"
            r"αποκλεισμ",
            re.IGNORECASE,
        ),
    ),
    "withdrawal": (
        re.compile(r"\bwithdraw|\bpull-?out\b|\bpulls? out\b|\bleaves?\b|\bleft\b", re.IGNORECASE),
        re.compile(
            r"\bwithdr[ae]w\w*|\bwithdrawal|\bpull(?:ed|ing|s)? out\b|\bpull-?out|"
            r"\bвывод|\bвыв[её]л|\bвыведен|\bпокинул|\bуход|\bretrait|\bse retir|\bAbzug|"
            r"\babgezogen|\bwycof|çekil|geri çek|çıxarıl|çıxıb|\bçıxma|"
            r"դուրս բեր|դուրսբեր|հեռաց|გაყვან|αποχώρ|απόσυρ",
            re.IGNORECASE,
        ),
    ),
    "exodus": (
        re.compile(r"\bexodus|\bfle(?:e|d|eing)\b|\bdisplace", re.IGNORECASE),
        re.compile(
            r"\bexodus|\bfled\b|\bflee\w*|\bdisplace\w*|\bисход|\bбегств|\bбеженц|\bexode|"
            r"\bFlucht|\bgeflohen|\bvertrieb|\bexodus|\bucieczk|\bwysiedl|\bgöç\w*|\bköç\w*|"
            r"տեղահան|արտագաղթ|დევნილ|εξοδ|ξεριζω",
            re.IGNORECASE,
        ),
    ),
    "extension": (
        re.compile(r"\bextend|\bextension|\bprolong", re.IGNORECASE),
        re.compile(
            r"\bextend\w*|\bextension|\bprolong\w*|\bпродл|\bреконд|\breconduc|\bverläng|"
            r"\bprzedłuż|\buzat|\buzadıl|\bmüddətini uzat|երկարաձգ|გაგრძელ|გახანგრძლივ|παράτα",
            re.IGNORECASE,
        ),
    ),
    "launch": (
        re.compile(r"\blaunch|\bsets? up\b|\bestablish", re.IGNORECASE),
        re.compile(
            r"\blaunch\w*|\bset up\b|\bestablish\w*|\bзапуст|\bзапуск|\bучред|"
            r"\bначал\w* работ|\blanc[eé]|\blancement|\bgestartet|\beingerichtet|\buruchomi|"
            r"\bustanowi|\bbaşlat|\bfaaliyete ba|\bfəaliyyətə başla|\btəsis|մեկնարկ|գործարկ|"
            r"ამოქმედ|εγκαινι",
            re.IGNORECASE,
        ),
    ),
    "enlargement": (
        re.compile(r"\benlarg|\breinforc|\bexpand|\bexpansion", re.IGNORECASE),
        re.compile(
            r"\benlarg\w*|\bexpan\w*|\breinforc\w*|\bувелич|\bрасшир|\bнарастил|\bélarg|"
            r"\brenforc|\baufgestockt|\baufstock|\bvergrößer|\berweiter|\brozszerz|\bzwiększ|"
            r"\bgenişlet|\bgenişlen|\bartırıl|ընդլայն|გაფართოვ|διεύρυν",
            re.IGNORECASE,
        ),
    ),
    "killing": (
        re.compile(r"\bkill|\bdeaths?\b|\bdead\b", re.IGNORECASE),
        re.compile(
            r"\bkill\w*|\bdeaths?\b|\bdead\b|\bdied\b|\bубит|\bубил|\bпогиб|\bгибел|\btués?\b|"
            r"\bgetötet|\bums Leben|\bzabi[tł]|\bzgin[eę]|öldür|hayatını kaybet|həlak|"
            r"զոհվ|զոհեր|սպանվ|დაიღუპ|მოკლ|σκοτώ",
            re.IGNORECASE,
        ),
    ),
    # (a formal appeal, not any "asked": measured, "the Armenian side asked" was taken for
    # Armenia's request of the EU mission)
    "appeal": (
        re.compile(r"\bappeal", re.IGNORECASE),
        re.compile(
            r"\bappeal\w*|\bобращени|\bобратил|\bappel\b|\bAppell|\bapel\w*|\bbaşvur|"
            r"\bmüraciət|դիմել|դիմում|მიმართ|έκκληση",
            re.IGNORECASE,
        ),
    ),
    "refusal": (
        re.compile(
            r"\bstays? (?:out|away)|\bskips?\b|\bboycott|\bdeclines?\b|\bwill not\b|"
            r"\brefus|\brejects?\b",
            re.IGNORECASE,
        ),
        re.compile(
            r"\bstay\w* (?:away|out)\b|\bskip\w*|\bboycott\w*|\bdeclin\w*|\brefus\w*|"
            r"\breject\w*|\bnot (?:to )?(?:attend|take part|participate)|\bне участв|"
            r"\bне прим\w* участи|\bотказ|\bбойкот|\bverweiger|\bboykott|\bnicht teil|"
            r"\bodm[óo]w|\bodmaw|\bbojkot|\bkatılma(?:yacak|dı|ma)|\breddet|\bimtina|"
            r"\biştirak etmə|չի մասնակց|չմասնակց|հրաժար|ბოიკოტ|უარი|αρνήθ|απέρριψ",
            re.IGNORECASE,
        ),
    ),
    # a body, a checkpoint or a border closed, an activity ceased ("the monitoring centre in
    # Aghdam ceased its activity": wave 16, the graph's closing of the Russian-Turkish
    # centre missed in an Azerbaijani and a Persian page); a stem of each language, with
    # its participant, place or subject named and the event's time (``events_told``)
    "closure": (
        re.compile(r"\bclos(?:e|es|ed|ure|ing)\b|\bshut|\bceases?\b", re.IGNORECASE),
        re.compile(
            r"\bclos(?:e|es|ed|ing|ure)\b|\bshut(?:s|ting)?\b|\bceased? (?:its )?(?:work|"
            r"operations|activit)|\bзакры(?:л|т|ва)\w*|\bпрекрати\w* (?:работ|деятельност|"
            r"функционир)|\bпрекращени\w* (?:работ|деятельност)|\bзавершил\w* работ|"
            r"\bfermeture|\bfermé\w*|\ba fermé|\bcess\w* (?:ses |son )?activit|"
            r"\bgeschlossen|\bSchließung|\bschließt|\beingestellt|\bzamkni\w*|\bzamknię\w*|"
            r"\bzamyka\w*|\bkapat\w*|\bkapan\w*|\bfaaliyet\w* (?:son|sona|durdur)\w*|"
            r"\bbağlan(?:ış\w*|ma\w*|dı)\b|\bfəaliyyətini (?:dayandır|başa vur)\w*|"
            r"\bfəaliyyətinə son|փակվ\w*|փակում\w*|փակեց\w*|գործունեությունը դադարեց\w*|"
            r"დაიხურ\w*|დახურ\w*|έκλεισε|κλείσιμο|κλείνει",
            re.IGNORECASE,
        ),
    ),
    "protest": (
        re.compile(r"\bprotest", re.IGNORECASE),
        re.compile(
            r"\bprotest\w*|\bпротест|\bмитинг|\bmanifest(?:ation|ant)|\bDemonstration|\bDemonstrant|\beylem|"
            # (the Turkish noun "gösteri" and its case forms, not the verb "göster-", to
            # show: wave 16, "sürecin başladığını gösteriyor", "shows that the process has
            # begun", was taken for a protest the graph has; so the Armenian "ցույց", not
            # "ցույց տալ", to show)
            r"\bgösteri(?:ler\w*|ci\w*|nin|ye|yi|de|den|si\w*)?\b|\betiraz|\baksiya|"
            r"բողոք|ցույց(?!\s+(?:(?:է|են|էր|էին)\s+)?տ)|პროტესტ|აქცი|διαμαρτυρ",
            re.IGNORECASE,
        ),
    ),
}


# what does not tell one event: a bare state, post or outlet, nor an organisation of states
# (the CSTO is in 171 of the graph's facts: measured on the redraft of waves 13-15, "the
# summit, which Armenian leaders will not attend" was taken for Armenia's refusal to host
# the CSTO's exercises that year)
_NOT_EVENTS = _NOT_SPECIFIC | {"IntergovernmentalOrganization", "Alliance"}


def _coarse(one: str, other: str) -> tuple[str, str]:
    """Two dates cut to the coarser of their precisions."""
    n = min(len(one), len(other))
    return one[:n], other[:n]


def _event_time(known: Known, said: list[str], published: str | None) -> bool:
    """An event the graph dates (an undated one, measured, was told by any "launched"), whose
    first date is not after the article's day and, where the sentence gives dates, is one
    of them, each compared at the coarser of the two precisions (an appeal reported in May
    2021 is not what a text of February 2021 tells; a checkpoint of April 2023 not what a
    sentence of February 2023 tells)."""
    if not known.dates:
        return False
    first = min(known.dates)
    if published and _coarse(first, published)[0] > _coarse(first, published)[1]:
        return False
    return not said or any(a == b for d in said for f in known.dates for a, b in [_coarse(d, f)])


# what an event was about, where its label says it: a sentence tells that event only if it
# names the same ("will not attend the summit" is not Armenia's refusal to host the CSTO's
# exercises; measured on the redraft of waves 13-15, the one wrong mention left)
_EVENT_OBJECTS: dict[str, re.Pattern[str]] = {
    "exercise": _EXERCISED,
    "meeting": re.compile(
        r"\b(?:summit|meetings?|session|talks)\b|саммит|заседани|встреч|\bsommet|\bréunion|"
        r"Gipfel|Treffen|Sitzung|szczyt|spotkani|posiedzeni|zirve|toplant|sammit|görüş|"
        r"iclas|գագաթ|հանդիպ|նիստ|სამიტ|შეხვედრ|σύνοδ|συνάντησ",
        re.IGNORECASE,
    ),
    "mission": re.compile(
        r"\bmission|\bмисси|\bMission|\bmisj|\bmisyon|\bmissiya|առաքելությ|მისი[აი]|αποστολ",
        re.IGNORECASE,
    ),
    "checkpoint": re.compile(
        r"check-?point|\bКПП\b|пропускн|poste de contrôle|Kontrollpunkt|Kontrollposten|"
        r"punkt\w* kontroln|kontrol noktas|kontrol-buraxılış|buraxılış məntəqə|անցակետ|"
        r"გამშვებ|σημείο ελέγχου",
        re.IGNORECASE,
    ),
    "budget": re.compile(
        r"\bbudget|\bfinanc|\bdues\b|\bcontribution|бюджет|финансир|взнос|\bHaushalt|"
        r"\bbudżet|\bfinansow|bütçe|finansman|aidat|büdcə|maliyyələşdir|üzvlük haqq|"
        r"բյուջե|ֆինանսավոր|ბიუჯეტ|დაფინანს|προϋπολογισμ|χρηματοδότ",
        re.IGNORECASE,
    ),
}


def _same_object(text: str, label: str) -> bool:
    """The sentence names what the event's label says it was about, if the label says
    (``_EVENT_OBJECTS``)."""
    return all(words.search(text) for words in _EVENT_OBJECTS.values() if words.search(label))


def event_kinds(label: str) -> set[str]:
    """The kinds of event (``EVENT_KINDS``) an English label names."""
    return {kind for kind, (words, _) in EVENT_KINDS.items() if words.search(label)}


def events_told(told: Told) -> list[str]:
    """The graph's political events a sentence tells again: the sentence (``told``; its
    text without the names it has) says a kind of event (``EVENT_KINDS``) the event's label
    names; it names a participant, place or subject of the event that is no bare state (nor
    a post or an outlet, nor an organisation of states); every state of the event is named
    in it or before; the sentence as printed names what the label says the event was about
    (:func:`_same_object`); the time fits (:func:`_event_time`). Of each kind, only the
    event that alone fits with most of its participants, places and subjects named in the
    sentence (the Council, the ambassadors and the High Representative each moved to extend
    the EU mission in January 2025: "the EU Council extended the mission" is the
    Council's)."""
    cued = {kind for kind, (_, words) in EVENT_KINDS.items() if words.search(told.text)}
    if not cued:
        return []
    found: dict[str, list[tuple[int, str]]] = {}
    for known in told.table.values():
        shared = known.kinds & cued
        if known.type != "PoliticalEvent" or not shared or known.id not in told.types:
            continue
        if not told.anchored(known, _NOT_EVENTS):
            continue
        if not _same_object(told.whole or told.text, str(known.fields.get("label") or "")):
            continue
        if _event_time(known, told.said, told.published):
            for kind in shared:
                found.setdefault(kind, []).append((len(known.anchors & told.here), known.id))
    out = []
    for scored in found.values():
        best = [ref for score, ref in scored if score == max(s for s, _ in scored)]
        if len(best) == 1:
            out.append(best[0])
    return list(dict.fromkeys(out))
