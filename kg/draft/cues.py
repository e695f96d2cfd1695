"""Cue words in the other languages of the corpus: who says, who signs.

The rules of :mod:`kg.draft.facts` look for an English trigger word in a sentence's lower-case
tokens. Articles in Russian, Spanish, French and Armenian (10 of the 24 articles of wave 3)
cue the same facts with their own verbs: "заявил", "dijo", "a déclaré", "հայտարարեց" for a
statement; "подписали", "firmaron", "ont signé" for a signed agreement. Wave 3's first
drafts made no statement at all from such a sentence (drafter-feedback-wave3: 073 and 077
got no facts). The lists are the common past and present forms of the verbs news reports
use; a Russian past tense is listed by its stem and takes every gender and number ending.
"""

from __future__ import annotations

import re

from kg.draft import acting

# Russian past-tense stems ("заявил" + "", "а", "о", "и"; "сообщил", "сообщила", …)
_RU_PAST = [
    "заявил", "отметил", "сообщил", "сказал", "подчеркнул", "добавил", "заверил", "пояснил",
    "указал", "констатировал", "напомнил", "уточнил", "объявил", "предупредил", "призвал",
    "ответил", "выразил", "признал", "прокомментировал", "рассказал", "утверждал",
    "опроверг", "обвинил", "высказал", "оценил",
    # wave 9's feedback: a body or a person confirming, condemning, quoting
    "подтвердил", "осудил", "раскритиковал", "процитировал",
    # the imperfective past of the same ("заявлял", "говорил"; wave 11-12's development
    # redraft: "о возможном выходе … заявлял секретарь … X" gave no statement; not "сообщал",
    # an outlet's verb: "Как сообщало EADaily, X-у предъявлены …" made X speak in 132)
    "заявлял", "говорил", "отмечал", "подчеркивал", "подчёркивал", "указывал",
    "предупреждал", "призывал", "напоминал", "высказывался", "отвечал", "объяснял",
]  # fmt: skip
_RU_PRESENT = ["заявляет", "заявляют", "отмечает", "отмечают", "считает", "считают",
               "подчеркивает", "подчёркивает", "утверждает", "говорит", "говорят",
               "надеется", "надеются"]  # fmt: skip
_ES = [
    "dijo", "dice", "declaró", "declarado", "aseguró", "asegura", "asegurado", "afirmó",
    "afirma", "afirmado", "señaló", "señala", "señalado", "indicó", "indica", "explicó",
    "añadió", "subrayó", "destacó", "anunció", "anunciado", "manifestó", "sostuvo",
    "advirtió", "recalcó", "apuntó", "expresó", "agregó", "dicho", "reiteró", "insistió",
]  # fmt: skip
_FR = [
    "déclaré", "déclare", "affirmé", "affirme", "dit", "indiqué", "souligné", "ajouté",
    "annoncé", "estimé", "expliqué", "précisé", "assuré", "martelé", "averti", "rappelé",
    "insisté", "déclarait", "affirmait", "estime", "assure", "souligne", "prévenu",
    "inquiété", "ajoutant", "appelé", "dénoncé", "condamné", "démenti", "confirmé",
    # wave 10: "a noté", "a réaffirmé", "a fait valoir" gave no statement
    "noté", "réaffirmé", "réitéré", "signalé", "relevé", "répondu", "commenté",
    "soulignant", "notant", "estimant", "rappelant", "précisant", "expliquant",
]  # fmt: skip
# German, Polish and Turkish (wave 10's pages: no speech verb of theirs was known)
_DE = ["sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "sagen",
       "bekräftigte", "unterstrich", "warnte", "meinte", "kündigte", "versicherte",
       "bestätigte", "teilte"]  # fmt: skip
_PL_PAST = ["powiedział", "oświadczył", "stwierdził", "podkreślił", "zaznaczył", "dodał",
            "poinformował", "zapowiedział", "ocenił", "przekazał", "zapewnił",
            "ostrzegł",
            # wave 13's Polish page: "– … – zaapelował X" gave no statement
            "zaapelował", "napisał", "oznajmił", "przypomniał", "wyjaśnił", "zauważył",
            "wskazał", "potwierdził"]  # fmt: skip
_PL = [stem + end for stem in _PL_PAST for end in ("", "a", "o", "i")] + [
    "mówi", "powiedzieli", "podkreśla", "zaznacza"]  # fmt: skip
# Italian (the participle after "ha", the present and the simple past) and Greek (the aorist
# and the present): wave 13's Italian and Greek pages had no speech verb known ("…”, ha
# scritto X"). Not the verbs that take an object ("ha criticato X": X is criticised).
_IT = ["detto", "dichiarato", "affermato", "sottolineato", "spiegato", "aggiunto", "scritto",
       "annunciato", "ribadito", "precisato", "osservato", "evidenziato", "assicurato",
       "ricordato", "confermato", "commentato", "risposto", "dichiara", "afferma",
       "sottolinea", "spiega", "aggiunge", "scrive", "ribadisce", "disse",
       "dichiarò", "affermò", "sottolineò", "aggiunse", "scrisse"]  # fmt: skip
_EL = ["δήλωσε", "είπε", "τόνισε", "σημείωσε", "ανέφερε", "υπογράμμισε", "πρόσθεσε",
       "έγραψε", "ανακοίνωσε", "επεσήμανε", "εξήγησε", "διαβεβαίωσε", "δηλώνει", "λέει",
       "τονίζει", "σημειώνει", "υπογραμμίζει", "γράφει"]  # fmt: skip
_TR = ["dedi", "açıkladı", "söyledi", "belirtti", "vurguladı", "kaydetti", "bildirdi",
       "ifade", "konuştu", "dile"]  # fmt: skip
_HY = [
    "հայտարարեց", "հայտարարել", "նշեց", "նշել", "ասաց", "ասել", "ընդգծեց", "ընդգծել",
    "հավելեց", "հավելել", "տեղեկացրեց", "հայտնեց", "հայտնել", "շեշտեց", "պնդեց",
]  # fmt: skip

# Armenian perfects and the words of a comment (wave 11: "մեկնաբանել է", "պնդել է")
_HY += ["մեկնաբանել", "մեկնաբանեց", "պնդել", "շեշտել", "հաղորդել", "հաղորդեց", "տեղեկացրել",
        "հիշեցրել", "հիշեցրեց", "պատասխանել", "պատասխանեց", "հավաստիացրել", "հավաստիացրեց",
        "նկատել", "նկատեց", "ավելացրել", "ավելացրեց"]  # fmt: skip
# Belarusian past tenses, by stem + gender and number ending ("заявіў", "заявіла", "заявілі")
# and the present ("лічыць"): wave 11's Belarusian page had none of them known
_BE_PAST = ["заяві", "паведамі", "сказа", "адзначы", "падкрэслі", "дада", "нагада", "абвясці",
            "папярэдзі", "пацвердзі", "растлумачы", "заўважы", "падкрэсл"]  # fmt: skip
_BE = [stem + end for stem in _BE_PAST for end in ("ў", "ла", "лі", "ло")] + [
    "лічыць", "заяўляе", "адзначае", "падкрэслівае", "кажа", "гаворыць"]  # fmt: skip
# Georgian: the aorist ("განაცხადა", the speaker in the ergative before or after it) and the
# present ("აცხადებს") of the verbs of saying
_KA = ["განაცხადა", "განაცხადეს", "თქვა", "თქვეს", "აღნიშნა", "აღნიშნეს", "დასძინა",
       "განმარტა", "განმარტეს", "შეაფასა", "გამოთქვა", "უპასუხა", "დაადასტურა", "დაადასტურეს",
       "აცხადებს", "აცხადებენ", "ამბობს", "აღნიშნავს", "მიიჩნევს", "ამტკიცებს"]  # fmt: skip
# Azerbaijani and Turkmen verbs of saying, which close their sentence like the Turkish ones
# (the evidential "-ib" of news reports, the plain past "-di")
_AZ = ["bildirib", "bildiriblər", "bildirdi", "deyib", "deyiblər", "dedi", "söyləyib",
       "söylədi", "vurğulayıb", "vurğuladı", "açıqlayıb", "açıqladı", "xatırladıb",
       "xatırlatdı", "qiymətləndirib", "qiymətləndirdi", "təsdiqləyib", "təsdiqlədi",
       "çağırıb", "qınayıb"]  # fmt: skip
_TK = ["diýdi", "aýtdy", "belledi", "nygtady", "bildirdi"]  # fmt: skip
# Kazakh: the past "-ды/-ді" and the present "-йды/-йді" closing the sentence ("X … деді.",
# "X … деп есептейді."); wave 14's Kazakh page (315) had no speech verb known
_KK = ["деді", "айтты", "мәлімдеді", "хабарлады", "жазды", "атап", "есептейді", "санайды",
       "мәлімдейді", "айтады", "дейді", "тіледі"]  # fmt: skip
# Azerbaijani and Turkmen say many of them with a light verb after a noun ("qeyd edib",
# "bəyan etdi", "habar berdi"): the noun is the verb's word, the light verb must follow it
LIGHT_SPEECH: dict[str, frozenset[str]] = {
    noun: frozenset(["edib", "ediblər", "etdi", "etdilər", "edərək"])
    for noun in ("qeyd", "bəyan", "əlavə", "ifadə", "şərh", "təkzib", "ittiham", "hesab",
                 "etiraf", "tələb")
} | {
    "məlumat": frozenset(["verib", "veriblər", "verdi"]),
    "açıqlama": frozenset(["verib", "verdi"]),
    "habar": frozenset(["berdi", "beripdir"]),
    "beýanat": frozenset(["berdi", "beripdir"]),
    "belläp": frozenset(["geçdi", "geçipdir"]),
    "yglan": frozenset(["etdi", "edipdir"]),
    "атап": frozenset(["өтті", "өтеді"]),  # Kazakh "noted"
} | {
    # Turkish "“…” ifadelerini kullandı" (used the words "…"), closing a quotation, its
    # speaker at the sentence's head (wave 15: 327's two such statements were not proposed;
    # not "ifadesini kullanmasına", someone's using a word, which is no saying)
    noun: frozenset(["kullandı", "kullanmıştı", "kullandi"])
    for noun in ("ifadelerini", "ifadesini", "sözlerini")
}  # fmt: skip

# a speech verb that closes its sentence, its subject at the head (Turkish: "X, … söyledi.";
# Azerbaijani: "X … bildirib.")
SPEECH_LAST: frozenset[str] = frozenset(_TR + _AZ + _TK + _KK) | frozenset(LIGHT_SPEECH)

SPEECH_ABROAD: frozenset[str] = frozenset(
    [stem + end for stem in _RU_PAST for end in ("", "а", "о", "и")]
    + _RU_PRESENT
    + _ES
    + _FR
    + _HY
    + _DE
    + _PL
    + _IT
    + _EL
    + _TR
    + _BE
    + _KA
    + _AZ
    + _TK
    + _KK
)

# signing a text: an agreement (or a signed deal) was made
SIGNING: frozenset[str] = frozenset(
    ["signed", "signing", "inked"]
    + [stem + end for stem in ("подписал", "подписывал") for end in ("", "а", "о", "и")]
    + ["подписан", "подписано", "подписаны", "подписания", "подписание"]
    + ["firmaron", "firmó", "firmado", "firmaban", "suscribieron"]
    + ["signé", "signée", "signés", "signées", "signent", "signe"]
    + ["ստորագրեցին", "ստորագրեց", "ստորագրել", "ստորագրվել", "ստորագրվեց"]
)

# a signing to come ("подпишут", "firmarán", "signeront", "will sign"): a plan
SIGNING_PLAN: frozenset[str] = frozenset(
    ["подпишут", "подпишет", "подписать", "firmarán", "firmará", "firmar", "signeront",
     "signera", "signer", "ստորագրելու", "ստորագրեն"]
)  # fmt: skip

# "that"/"what" opening the reported clause after a speech verb, in every language above
# (Belarusian "што", Georgian "რომ", Azerbaijani and Turkish "ki": wave 11's languages)
REPORTED_CLAUSE = re.compile(
    r"(?<!\w)(?:that|что|чтобы|que|qu['’]|որ|dass|że|што|რომ|ki|che|ότι|πως)(?!\w)", re.I
)

# what a government has: "the decision of Washington", "la decisión de Washington",
# "Moscow's position" (a capital owning one stands for its government)
GOVERNMENT_NOUNS: frozenset[str] = frozenset(
    ["decision", "position", "stance", "policy", "request", "demand", "response", "refusal",
     "decisión", "posición", "política", "postura", "décision", "politique", "demande",
     "refus", "réponse", "решение", "позиция", "политика", "ответ", "отказ"]
)  # fmt: skip

# someone who serves an office holder: "aide to the president", "помощник президента",
# "asesor del presidente", "conseiller du président", "press secretary of the president"
SERVING: frozenset[str] = frozenset(
    ["aide", "assistant", "adviser", "advisor", "counsellor", "spokesman", "spokeswoman",
     "spokesperson", "envoy", "representative", "secretary", "помощник", "помощница",
     "советник", "пресс-секретарь", "представитель", "спецпредставитель", "asesor",
     "asesora", "portavoz", "enviado", "conseiller", "conseillère", "porte-parole",
     "envoyé", "խորհրդական", "օգնական", "խոսնակ", "ներկայացուցիչ"]
)  # fmt: skip
_LINKS = {"to", "of", "for", "the", "de", "del", "du", "la", "le", "al", "à"}


# serving titles written with a hyphen, in the case forms a name follows
_HYPHENED = ("пресс-секретарь", "пресс-секретаря", "пресс-секретарем", "пресс-секретарём",
             "пресс-секретарю", "porte-parole")  # fmt: skip


def serves_another(before: list[str]) -> bool:
    """The (lower-case) words before a post's name end in a serving title ("aide to the",
    "помощник", "asesor del"): the person named next serves the holder of that post."""
    words = list(before[-3:])
    while words and words[-1] in _LINKS:
        words.pop()
    # the tokenizer splits a hyphenated title ("пресс", "-", "секретарь"): joined again, so
    # "пресс-секретарь президента РФ Песков" is the president's press secretary, not the
    # president (wave 5's feedback: Peskov proposed as President of Russia twice)
    joined = "".join(before[-3:])
    return bool(words) and (words[-1] in SERVING or any(joined.endswith(w) for w in _HYPHENED))


# an exercise in the corpus' other languages (every case form a news text uses)
EXERCISE_ABROAD: frozenset[str] = frozenset(
    ["учения", "учений", "учениях", "учениям", "учениями", "учение", "ejercicio",
     "ejercicios", "maniobras", "simulacro", "exercice", "exercices", "manœuvres",
     "զորավարժություն", "զորավարժությունը", "զորավարժություններ", "զորավարժությունները",
     "զորավարժությունների", "զորավարժություններին", "զորավարժությանը"]
)  # fmt: skip

# what is signed alone, not agreed between parties: a decree, an order, a law
DECREES: frozenset[str] = frozenset(
    ["decree", "decrees", "order", "law", "bill", "указ", "указа", "указом", "распоряжение",
     "закон", "закона", "decreto", "ley", "décret", "loi", "ordonnance", "հրամանագիր",
     "հրամանագրով", "օրենք"]
)  # fmt: skip

# a participation denied: "Armenia will not take part", "не будет участвовать", "no
# participará", "ne participera pas", "declined to host", "չի մասնակցի"
NEGATIONS: frozenset[str] = frozenset(
    ["not", "n't", "never", "declined", "refused", "refuses", "declines", "boycott",
     "boycotted", "skip", "skipped", "не", "отказалась", "отказался", "отказались", "no",
     "nunca", "pas", "jamais", "չի", "չեն", "չմասնակցի", "չմասնակցել"]
)  # fmt: skip


# a deputy of an office is not its holder: "заместитель премьер-министра" (the graph's post
# "премьер-министр" matched inside it), "vice-premier", "deputy", "adjoint", "viceministro"
DEPUTIES: frozenset[str] = frozenset(
    ["deputy", "vice", "заместитель", "заместителя", "заместителем", "замглавы", "вице",
     "adjoint", "adjointe", "vicepresidente", "viceministro", "տեղակալ", "տեղակալը"]
)  # fmt: skip


# a title after one of these was held before ("former Defence Minister X", "ex-president",
# "бывший министр обороны", "l'ancien ministre"): a tenure with ``former: true``
FORMER: frozenset[str] = frozenset(
    ["former", "ex", "ex-", "бывший", "бывшего", "бывшему", "бывшим", "бывшем", "экс", "экс-",
     "ancien", "ancienne", "l'ancien", "l’ancien", "expresidente", "exministro"]
)  # fmt: skip


# a title after one of these is held for the time being ("acting Foreign Minister X",
# "и.о. министра", "врио"): a tenure with ``acting: true`` (one vocabulary with kg validate's)
ACTING: frozenset[str] = acting.WORDS
# the tenure key each word sets ("former Defence Minister X": former: true)
QUALIFIERS: dict[str, frozenset[str]] = {"former": FORMER, "acting": ACTING}


def qualifier(word: str) -> str | None:
    """The tenure key a word before a title sets ("former", "acting"), if any."""
    return next((key for key, words in QUALIFIERS.items() if word in words), None)


def deputy_before(text: str) -> bool:
    """The text right before a post's name ends with a deputy word ("deputy", "заместитель",
    "вице-"): the person named next is the deputy, not the holder (measured: one wrong
    tenure of the last 20 redrafted articles)."""
    tail = re.findall(r"[\w-]+", text[-40:].lower())
    if not tail:
        return False
    word = tail[-1]
    return word in DEPUTIES or word.rstrip("-") in DEPUTIES or word.startswith("вице-")


# a meeting in the other languages: "встретился с", "на встрече с", "провёл переговоры",
# "a rencontré", "s'est entretenu", "se reunió", "հանդիպեց" (wave 5's drafts made none from
# such a sentence; the meeting rule still needs two people the sentence names)
MEETING_ABROAD: frozenset[str] = frozenset(
    [stem + end for stem in ("встретил", "переговорил")
     for end in ("ся", "ась", "ись", "а", "и", "")]
    + ["встреча", "встречи", "встречу", "встрече", "встречей", "переговоры", "переговоров",
       "переговорах", "rencontré", "rencontre", "entretenu", "entretenue", "entretien",
       "entretenus", "reunió", "reunieron", "reunión", "հանդիպեց", "հանդիպել", "հանդիպում",
       "հանդիպման", "հանդիպմանը", "առանձնազրույց", "առանձնազրոյց",
       # a session between two sides, a phone call, a guest received (wave 8's feedback)
       "заседание", "заседании", "телефонный", "телефонного", "телефонном",
       "téléphonique", "reçu"]
)  # fmt: skip

# a visit in the other languages: "посетил", "прибыл с визитом", "a visité", "est arrivé à",
# "visitó", "այցելեց" (the visit rule still needs a visitor, a destination and a date)
VISIT_ABROAD: frozenset[str] = frozenset(
    [stem + end for stem in ("посетил", "прибыл") for end in ("", "а", "и", "о")]
    + ["посетит", "посетят", "прибудет", "прибудут"]  # a plan (its sentence says so)
    + ["визит", "визита", "визитом", "визите", "visite", "visité", "arrivé", "arrivée",
       "visitó", "visita", "llegó", "այց", "այցով", "այցելեց", "այցելել", "ժամանեց",
       "ժամանել"]
)  # fmt: skip


# A military rank between a title and its holder's name, in the corpus's languages and their
# case forms: "Commander of X, General Y", "начальником штаба генерал-полковником Y" (the
# instrumental), "Kara Kuvvetleri Komutanı Orgeneral Y", "Baş Qərargah rəisi
# general-polkovnik Y", "le général de division Y", "(COAS) General Y", "ՀԱՊԿ-ի ...
# գեներալ-լեյտենանտ Y", "ბრიგადის გენერალი Y", "سرتیپ Y". The tokens are lower-case and a
# hyphen is a token of its own ("генерал", "-", "полковником"). Wave 16's curators: the
# tenure after "генерал-полковником" was missed (the rank list had the nominative only).
_RANK_WORD = re.compile(
    r"(?:gen|col|lt|maj|adm|brig|capt|cpt|cdr|cmdr|gen|rr)\.?"
    r"|general[ea]?|général|generał(?:a|em|owi)?|generale|generaal|colonel|lieutenant"
    r"|major|admiral|amiral|ammiraglio|brigadier|captain|capitaine|commodore"
    r"|pułkownik(?:a|iem)?|kontradmirał|wiceadmirał|oberst|generalleutnant|generalmajor"
    r"|(?:or|kor|tüm|tuğ)general|(?:or|kor|tüm|tuğ)amiral|albay|yarbay|tuğbay|binbaşı"
    r"|polkovnik|leytenant|podpolkovnik"
    r"|генерал(?:а|у|ом|е)?|полковник(?:а|у|ом|е)?|подполковник(?:а|у|ом|е)?"
    r"|лейтенант(?:а|у|ом|е)?|майор(?:а|у|ом|е)?|адмирал(?:а|у|ом|е)?"
    r"|капитан(?:а|у|ом|е)?|полковнік(?:а|у|ам)?|генерал-маёр\w*|маёр(?:а|у|ам)?"
    r"|գեներալ(?:ը|ի|ին|ով)?|լեյտենանտ(?:ը|ի|ին|ով)?|մայոր(?:ը|ի|ին|ով)?|գնդապետ(?:ը|ի|ին|ով)?"
    r"|გენერალ(?:ი|მა|ის|ს)?|პოლკოვნიკ(?:ი|მა|ის|ს)?|სერთიპ\w*"
    r"|سرتیپ|سرلشکر|سپهبد|دریادار|دریابان"
)
# words that only join rank words ("Colonel-General", "général de division", "генерал
# армии", "Captain First Rank", "ბრიგადის გენერალი"): never a rank alone
_RANK_JOIN = {"-", "de", "of", "division", "brigade", "corps", "d'armée", "army",
              "armée", "армии", "first", "second", "rank", "1st", "2nd", "rear", "vice",
              "ბრიგადის", "mayor", "kontr", "vitse", "контр", "вице"}  # fmt: skip


def rank_words(words: list[str]) -> bool:
    """The words are one military rank (one to five words, a rank word among them, none but
    rank words and their joins)."""
    words = [w for w in words if w != ","]
    return (
        1 <= len(words) <= 5
        and any(_RANK_WORD.fullmatch(w) for w in words)
        and all(_RANK_WORD.fullmatch(w) or w in _RANK_JOIN for w in words)
    )


def rank_start(words: list[str], k: int) -> int:
    """Where a military rank right before word ``k`` begins (``k`` when there is none): the
    longest run of at most five words before ``k`` that :func:`rank_words` reads as a rank."""
    for n in range(min(5, k), 0, -1):
        if words[k - n] != "-" and rank_words(words[k - n : k]):
            return k - n
    return k
