"""What a name's shape says when no cue word stands beside it.

The articles name people, companies, outlets and countries the graph has never seen, often
without a title or head word ("… announced French Defense Minister Sébastien Lecornu" has one;
"Roman Golubitsky, Edgar Unanyan and Maksim Seleznyov" has none). A rule on the name's shape:

- a person: two or three capitalised words whose first is a given name of the lists below or
  whose last has a surname ending of the region (-yan, -ov, -sky, -shvili, …);
- a State: a country's name (the list below: the graph only knows the states its articles
  named so far);
- an organisation: an acronym of 2-5 capitals (KNDS, MBDA, APA) that is no common
  abbreviation;
- a company after "group", "company", "firm", "manufacturer", "maker"; an outlet before
  "reports" or between slashes ("/TASS/").

Hand-written lists, not a model: spaCy's pretrained NER pipelines are not installable here
(issue 19), and on these texts the lists decide the cases the issue counted (Sebastien
Lecornu, KNDS France, Thales; Golubitsky, Unanyan, Seleznyov; Belarus, Kyrgyzstan, Tajikistan).
"""

from __future__ import annotations

import re

from anyascii import anyascii
from spacy.tokens import Doc, Span

from kg.draft.names import GIVEN_NAMES, fold

SURNAME_ENDINGS = ("yan", "ian", "ov", "ova", "ev", "eva", "yov", "enko", "sky", "skiy", "ski",
                   "skaya", "shvili", "dze", "zade", "vich", "yev", "yeva", "uk", "ko")  # fmt: skip
COUNTRIES = """
Afghanistan|Albania|Algeria|Argentina|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|
Belgium|Bosnia and Herzegovina|Brazil|Bulgaria|Canada|Chile|China|Colombia|Croatia|Cyprus|
Czech Republic|Czechia|Denmark|Egypt|Estonia|Finland|France|Georgia|Germany|Greece|Hungary|
India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Jordan|Kazakhstan|Kuwait|Kyrgyzstan|
Latvia|Lebanon|Libya|Lithuania|Luxembourg|Malaysia|Mexico|Moldova|Mongolia|Montenegro|Morocco|
Netherlands|New Zealand|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Poland|
Portugal|Qatar|Romania|Russia|Saudi Arabia|Serbia|Singapore|Slovakia|Slovenia|South Africa|
South Korea|Spain|Sweden|Switzerland|Syria|Tajikistan|Turkey|Türkiye|Turkmenistan|
Ukraine|United Arab Emirates|United Kingdom|United States|Uzbekistan|Venezuela|Vietnam|Yemen
""".replace("\n", "").split("|")
_COUNTRY_KEYS = {fold(c): c for c in COUNTRIES}
# capitals that are abbreviations, units or system names, not organisations
_NOT_ACRONYMS = {"UTC", "GMT", "AM", "PM", "TV", "ID", "OK", "CEO", "MP", "MPS", "PR", "SAM",
                 "MM", "KM", "GM", "AI", "II", "III", "IV", "VI", "USA", "UK", "US", "EU", "UN",
                 "CAESAR", "BREAKING", "PHOTO", "VIDEO", "UPDATE", "RSS", "FAQ", "HTTP",
                 "ISBN", "PDF", "GDP", "USD", "EUR", "AMD", "RUB", "INR", "UAV", "UAVS",
                 "MLRS", "ATGM", "APC", "IFV", "MBT", "SAMS", "RL", "BM", "NB", "PS",
                 # offices and time zones ("the MFA said", "the MOD", "18:57 AMT")
                 "MFA", "MOD", "MOFA", "AMT", "MSK", "CET", "EET", "EST", "PDM",
                 "CC",
                 # "Washington, DC" (wave 7: drafted as an organisation)
                 "DC"}  # fmt: skip
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"}  # fmt: skip
COMPANY_WORDS = {"group", "company", "firm", "manufacturer", "maker", "contractor",
                 "conglomerate", "producer", "corporation", "giant",
                 # French (wave 8: "produits par le groupe <X>" gave no company)
                 "groupe", "société", "entreprise", "constructeur", "fabricant",
                 "industriel", "motoriste", "missilier"}  # fmt: skip
_TITLE_WORDS = {"minister", "president", "secretary", "general", "spokesperson", "spokesman",
                "ministry", "chief", "head", "deputy", "prime", "foreign", "defence", "defense",
                "national", "security", "council", "forces", "armed", "army", "state", "federal",
                "republic", "south", "north", "east", "west", "central", "airport", "region",
                "service", "the"}  # fmt: skip


def looks_like_person(text: str) -> bool:
    """Two or three capitalised words with a known given name first or a surname ending last."""
    words = text.split()
    if not 2 <= len(words) <= 3:
        return False
    if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
        return False
    if any(w.lower() in _TITLE_WORDS for w in words) or any(w.isupper() for w in words):
        return False
    # a Cyrillic or Armenian name is judged by its Latin spelling ("Масадыков": masadykov)
    first, last = (fold(anyascii(w)).replace("'", "") for w in (words[0], words[-1]))
    return first in GIVEN_NAMES or last.endswith(SURNAME_ENDINGS)


def country(text: str) -> str | None:
    """The country's name as listed, when ``text`` is one."""
    return _COUNTRY_KEYS.get(fold(text))


# articles (German, Dutch, Scandinavian, English, French, Spanish, Italian): a capitalised word
# after one is a common noun (German capitalises every noun: "der Aktivist X"), not a given
# name. Wave 16's curators: 384 drafted "Aktivist Mika Badalyan" as a new person's name.
_ARTICLES = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines",
             "einem", "einen", "het", "de", "en", "et", "ei", "the", "a", "an", "le", "la",
             "les", "el", "los", "il", "lo", "l'", "l’", "un", "une", "una", "uno"}  # fmt: skip


def _after_article(doc: Doc, sent: Span, span: Span) -> bool:
    """An article right before the name, or before one lower-case word (an adjective) that
    is right before it."""
    before = [t for t in doc[max(span.start - 2, sent.start) : span.start]]
    if before and before[-1].lower_ in _ARTICLES:
        return True
    return (
        len(before) == 2
        and before[-1].text.islower()
        and before[-1].is_alpha
        and before[0].lower_ in _ARTICLES
    )


def by_shape(doc: Doc, sent: Span, span: Span) -> tuple[str, str, str] | None:
    """(type, label, cue) for a name without a cue word, or None."""
    label = span.text
    name = country(label)
    if name:
        return "State", name, "country name"
    words = label.split()
    if len(words) == 2 and re.fullmatch(r"[A-Z]{2,6}", words[0]) and country(words[1]):
        return "Company", label, "acronym"  # "KNDS France"
    if looks_like_person(label):
        words = label.split()
        if (
            len(words) == 3
            and fold(words[0]) not in GIVEN_NAMES
            and (span.start == sent.start or _after_article(doc, sent, span))
        ):  # "Commentator Nora Petrosyan" at a sentence's start; "der Aktivist Mika
            # Badalyan", "der öffentliche Aktivist …": a word after an article is a noun
            label = " ".join(words[1:])
        return "Person", label, "name shape"
    prev = doc[span.start - 1].lower_ if span.start > sent.start else ""
    nxt = doc[span.end].lower_ if span.end < sent.end else ""
    words = label.split()
    if prev in COMPANY_WORDS and len(words) <= 3:
        return "Company", label, prev
    if nxt in ("reports", "reported") and len(words) <= 3:
        return "MediaOutlet", label, nxt
    if prev == "/" and nxt == "/":
        return "MediaOutlet", label, "/name/"
    if (
        len(words) == 1
        and re.fullmatch(r"[A-Z]{2,5}", label)  # longer: a system's name (CAESAR)
        and label not in _NOT_ACRONYMS
        and not (span.start == sent.start and nxt == ",")  # a dateline's city
    ):
        if span.end < sent.end and country(doc[span.end].text):  # "KNDS France"
            return "Company", f"{label} {doc[span.end].text}", "acronym"
        return "Organization", label, "acronym"
    return None


# what follows an outlet's name ("told France 24 on Thursday", "France 24 reported"); any
# other word after "<state> <number>" makes the number a count ("gifted Ukraine 49 such
# systems": wave 5's feedback)
_AFTER_OUTLET = {"on", "in", "that", "said", "says", "reported", "reports", "quoted", "and",
                 "at", "the", "channel", "television", "tv", "news", "interview", "journalist",
                 "correspondent", "website", "broadcast", "aired", "was", "is", "has", "as",
                 "from", "to", "with", "for", "by", "of"}  # fmt: skip


def name_with_state(doc: Doc, span: Span) -> str | None:
    """A state's name that is part of another name: "France 24" (an outlet), "KNDS France"
    (a company). The whole name, or None."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    # (only a name in Latin script: "Армении 12 декабря", "Россию 21 раз" are a state and a
    # number; measured: 3 such outlets proposed in the redraft, none curated)
    if after is not None and re.fullmatch(r"\d{1,3}", after.text) and span.text.isascii():
        following = doc[span.end + 1].lower_ if span.end + 1 < len(doc) else ""
        counted = following.isalpha() and following not in _AFTER_OUTLET  # "Ukraine 49 such"
        if following not in _MONTHS and following not in ("%", "percent", "per") and not counted:
            return f"{span.text} {after.text}"
    if (
        before is not None
        and re.fullmatch(r"[A-Z]{2,6}", before.text)
        and before.text not in _NOT_ACRONYMS
    ):
        return f"{before.text} {span.text}"
    return None
