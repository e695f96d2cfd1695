"""Names the graph already has, as Azerbaijani, Turkish, Turkmen, Georgian and Armenian texts
write them: with a case ending, in the region's letters, or by a name of their own.

Wave 11's first drafts missed, in those languages, the entities the graph knows best
(``armenia``, ``russia``, ``turkey``, ``nikol-pashinyan``, ``united-states``, ``baku``): by
language, mention recall was hy 43 %, tr 38 %, az 28 %, ka 14 %. Four classes, each a general
rule rather than a list of one article's names:

1. **Case endings.** Azerbaijani, Turkish and Turkmen write a name's case ending on the
   name, without an apostrophe in Azerbaijani and Turkmen ("Ermənistanın", "Bakıda",
   "Paşinyanın", "Ermenistanyň"); :func:`turkic_forms` gives the name without one ending
   (genitive, dative, accusative, locative, ablative, instrumental, "-dakı"). Georgian drops
   the nominative "-ი" and adds the case ending ("სომხეთი", "სომხეთის", "სომხეთმა",
   "ფაშინიანთან"): :func:`georgian_stem` cuts either, on the label and on the text alike.
   Armenian's stemmer keeps the "-յ-" a name ending in a vowel takes before its ending
   ("Թուրքիա", "Թուրքիայի", "Մոսկվայում") and an ending after a hyphen ("ՀԱՊԿ-ի", "ԱՄՆ-ից"):
   :func:`armenian_base` removes both; :func:`armenian_forms` gives an Armenian word without
   its case ending, for names the graph has only in Latin letters ("Փաշինյանին").
   The matcher (:class:`kg.draft.names.NameMatcher`) takes such a shorter form only when it is
   exactly a word of one of the graph's names, four letters or more: a name is never found
   inside a longer word, and a short stem ("Ar", "Çin") never matches.
2. **Persons in the region's letters.** The graph names most people in Latin letters only
   ("Nikol Pashinyan", "Ilham Aliyev"); :func:`turkic_to_latin` writes an Azerbaijani or
   Turkish word in the English transliteration's letters ("Paşinyan" -> "Pashinyan",
   "Əliyev" -> "Aliyev", "Hacızadə" -> "Hajizada"), and a Georgian word is compared by its
   transliteration (``anyascii``, as Armenian and Russian already were: "ფაშინიანმა" ->
   "pashinian"). No list of persons' names.
3. **Names ISO 3166 does not give.** :data:`NAMES_REGION` gives the capitals and the main
   organisations (CSTO, EU, NATO, UN, OSCE) their names and abbreviations in az, tr, ka, hy,
   be, kk and ky (the states themselves come from ``pycountry``, :mod:`kg.draft.exonyms`).
   A Georgian or Armenian abbreviation is written without capitals or in capitals ("აშშ",
   "ნატო", "ՀԱՊԿ"): the matcher's rule that a short name must be capitalised does not apply
   to a caseless script.
4. **The language.** :mod:`kg.draft.source` tells az, tr, tk, de, ka, be, uk, kk and ky too;
   the Turkic endings are cut only in an az, tr or tk text (in English, "Indiana" is not
   India with a dative).

Transliteration: Georgian by ``anyascii`` (a dependency already, used for Armenian and
Russian); the ``transliterate`` package is not installed here and was not measured. The
Turkic letters by :data:`_TO_LATIN` (the convention of the English press, a dozen letters).

Measured with ``python bench/draft_log.py --redraft`` on the 101 logged articles whose text
was present (2026-12-07 07:00 UTC; seeds as at each first draft): mentions 804 -> 833 of 1287
curated (62 -> 65 %), precision 804/916 -> 833/946 (88 % both); wave 11 alone (247-271, the
language classes above) 168 -> 194 of 321 (52 -> 60 %), precision 86 -> 88 %; proposals,
wrong proposals (14) and invented values (12 dates, 3 speakers) unchanged. The text's language
was right for 56 of the 65 texts 197-271 and is now for all 65.
"""

from __future__ import annotations

import re

TURKIC_LANGUAGES = frozenset({"az", "tr", "tk"})

# case endings of Azerbaijani, Turkish and Turkmen (all vowel-harmony variants), longest first:
# genitive, dative, accusative, locative, ablative, instrumental, "the one in"
_TURKIC_ENDINGS = sorted(
    {
        # genitive
        "nın", "nin", "nun", "nün", "ın", "in", "un", "ün", "nyň", "niň", "yň", "iň", "uň", "üň",
        # dative
        "ya", "ye", "yə", "na", "nə", "a", "e", "ə", "ýa", "ýe", "ga", "ge",
        # accusative
        "nı", "ni", "nu", "nü", "yı", "yi", "yu", "yü", "ı", "i", "u", "ü", "ny", "y",
        # locative
        "da", "de", "də", "ta", "te", "tə", "nda", "nde", "ndə",
        # ablative
        "dan", "den", "dən", "tan", "ten", "tən", "ndan", "nden", "ndən",
        # instrumental ("with"), "the one in"
        "la", "le", "lə", "yla", "yle", "ylə", "ilə", "ile",
        "dakı", "daki", "dəki", "deki", "takı", "taki", "təki", "teki", "ndakı", "ndəki",
    },
    key=lambda e: (-len(e), e),
)  # fmt: skip

# Azerbaijani and Turkish letters as the English transliteration writes them (Paşinyan ->
# Pashinyan, Əliyev -> Aliyev, Hacızadə -> Hajizada, Ceyhun -> Jeyhun, Ayxan -> Aykhan,
# Qarabağ -> Garabagh); Turkmen's ň, ý, ä, ž likewise
_TO_LATIN = {
    "ə": "a", "Ə": "A", "ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ı": "i", "İ": "I",
    "ğ": "gh", "Ğ": "Gh", "x": "kh", "X": "Kh", "c": "j", "C": "J", "q": "g", "Q": "G",
    "ö": "o", "Ö": "O", "ü": "u", "Ü": "U", "ň": "n", "ý": "y", "Ý": "Y", "ä": "a",
    "Ä": "A", "ž": "zh", "Ž": "Zh",
}  # fmt: skip
_APOSTROPHE = re.compile(r"^(.+?)['’][^\W\d_]{1,5}$")
_MIN_STEM = 4  # letters: "Ar", "Çin", "Bak" are never a name's stem


def turkic_to_latin(word: str) -> str:
    """The word in the letters the English transliteration uses ("Paşinyan" -> "Pashinyan")."""
    return "".join(_TO_LATIN.get(c, c) for c in word)


def turkic_forms(word: str) -> list[str]:
    """An Azerbaijani, Turkish or Turkmen word as it may stand in the graph's names: in the
    English transliteration's letters, without a case ending, or both (longest first; the
    stem keeps four letters or more). "Paşinyanın" -> ["Pashinyanin", "Paşinyan",
    "Pashinyan", …]."""
    match = _APOSTROPHE.match(word)
    if match:  # Turkish: "Paşinyan'ın" (the ending is written apart)
        word = match[1]
    forms = [word, turkic_to_latin(word)] if match else [turkic_to_latin(word)]
    lower = word.lower()
    for ending in _TURKIC_ENDINGS:
        if lower.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            stem = word[: -len(ending)]
            forms += [stem, turkic_to_latin(stem)]
    return [f for f in dict.fromkeys(forms) if f != word or match]


# Armenian case endings after a name (genitive/dative, dative, ablative, instrumental,
# locative, the article), longest first
_ARMENIAN_ENDINGS = ("ում", "ից", "ով", "ին", "ի", "ը", "ն")
# a name ending in a vowel takes "-յ-" before its ending: Թուրքիա, Թուրքիայի, Մոսկվայում
_ARMENIAN_GLIDE = re.compile(r"^(.{3,}[աոեէ])յ(?:ում|ից|ով|ին|ի|ը|ն)$")
_ARMENIAN_HYPHEN = re.compile(r"^(.{2,})-(?:ում|ից|ով|ին|ի|ը|ն|ու)$")  # ՀԱՊԿ-ի, ԱՄՆ-ից


def armenian_base(word: str) -> str:
    """An Armenian word without the "-յ-" + ending of a vowel-final name, or an ending after a
    hyphen ("Թուրքիայի" -> "Թուրքիա", "ՀԱՊԿ-ի" -> "ՀԱՊԿ"); any other word unchanged."""
    for pattern in (_ARMENIAN_HYPHEN, _ARMENIAN_GLIDE):
        match = pattern.match(word)
        if match:
            return match[1]
    return word


def armenian_forms(word: str) -> list[str]:
    """An Armenian word without one case ending, longest ending first ("Փաշինյանին" ->
    ["Փաշինյան", "Փաշինյանի"])."""
    out = []
    for ending in _ARMENIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            out.append(word[: -len(ending)])
    return out


# Georgian case endings and postpositions written on the word (genitive "-ის" and "-ისა",
# ergative "-მა", dative "-ს", instrumental "-ით", adverbial "-ად", "in" "-ში", "with" "-თან",
# "on" "-ზე", "from" "-იდან"/"-დან", "for" "-ისთვის"/"-თვის"), longest first; a consonant-final
# name's nominative "-ი" drops before them (სომხეთი, სომხეთის; ფაშინიანი, ფაშინიანმა)
_GEORGIAN_ENDINGS = ("ისთვის", "სთვის", "თვის", "იდან", "ისგან", "დან", "ისა", "თან", "ის",
                     "მა", "ში", "ით", "ად", "ზე", "ს", "ი")  # fmt: skip
_MIN_GEORGIAN = 3  # letters left: აშშ, ნატო
# the particle "also, even" written on a case form, "-აც" after a consonant ("რუსეთისთვისაც",
# "რუსეთმაც") and "-ც" after a vowel ("სომხეთშიც", "ნატოც"), and the long dative "-სა" of a
# consonant-final stem ("რუსეთსა"): wave 14 (331) lost Russia in both forms
_GEORGIAN_VOWELS = "აეიოუ"
_GEORGIAN_CONSONANT_ENDINGS = tuple(e for e in _GEORGIAN_ENDINGS if e[-1] not in "აეიოუ")
_GEORGIAN_SA = re.compile(r"^.{3,}[^აეიოუ]სა$")


def _georgian_without_particle(word: str) -> str:
    if not (word.endswith("ც") and len(word) > 4 and word[-2] in _GEORGIAN_VOWELS):
        return word
    word = word[:-1]  # "რუსეთმაც" -> "რუსეთმა"; "რუსეთისთვისაც" -> "რუსეთისთვისა"
    if word.endswith("ა") and word[:-1].endswith(_GEORGIAN_CONSONANT_ENDINGS):
        return word[:-1]
    return word


def georgian_stem(word: str) -> str:
    """A Georgian word without its case ending or its nominative "-ი", also after a hyphen
    ("აშშ-ის" -> "აშშ"): the label ("სომხეთი") and every case form ("სომხეთის",
    "სომხეთმა", "სომხეთში") share it."""
    head, _, tail = word.partition("-")
    if tail and tail in _GEORGIAN_ENDINGS + ("მ",) and len(head) >= 2:
        return head
    word = _georgian_without_particle(word)
    if _GEORGIAN_SA.match(word):  # რუსეთსა და … (the dative's long form before "and")
        return word[:-2]
    for ending in _GEORGIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_GEORGIAN:
            return word[: -len(ending)]
    return word


# The capitals and the main organisations in the region's languages (az, tr, ka, hy, be, kk,
# ky) and in the European press's (de, pl, it, fr, el), under any of their names in the graph
# (label or altLabel): what ISO 3166 (states only) does not give.
# Only names and abbreviations these languages' press writes; no Latin name shorter than three
# letters (the matcher would take any word for it).
NAMES_REGION: dict[str, list[str]] = {
    # capitals
    "Baku": ["Bakı", "Bakü", "ბაქო", "Բաքու", "Баку"],
    "Yerevan": ["İrəvan", "Erivan", "Yerevan", "ერევანი", "Ерэван", "Ереван"],
    "Tbilisi": ["Tiflis", "თბილისი", "Թբիլիսի", "Тбілісі"],
    "Moscow": ["Moskva", "Moskova", "მოსკოვი", "Մոսկվա", "Масква", "Мәскеу"],
    "Ankara": ["ანკარა", "Անկարա", "Анкара"],
    "Washington": ["Vaşinqton", "Vaşington", "ვაშინგტონი", "Վաշինգտոն", "Вашынгтон"],
    "Tehran": ["Tehran", "Tahran", "თეირანი", "Թեհրան", "Тэгеран"],
    "Minsk": ["მინსკი", "Մինսկ", "Мінск"],
    "Brussels": ["Brüssel", "Brüksel", "ბრიუსელი", "Բրյուսել", "Брусель"],
    "Astana": ["ასტანა", "Աստանա"],
    "Bishkek": ["Bişkek", "ბიშკეკი", "Բիշքեկ", "Бішкек"],
    "Dushanbe": ["Düşənbə", "Duşanbe", "დუშანბე", "Դուշանբե", "Душанбэ"],
    "Kyiv": ["Kiyev", "Kiev", "კიევი", "Կիև", "Кіеў"],
    "Ashgabat": ["Aşqabad", "Aşkabat", "Aşgabat", "აშხაბადი", "Աշխաբադ"],
    "Tashkent": ["Daşkənd", "Taşkent", "ტაშკენტი", "Տաշքենդ"],
    "Paris": ["პარიზი", "Փարիզ", "Парыж"],
    "Berlin": ["ბერლინი", "Բեռլին", "Берлін"],
    "London": ["ლონდონი", "Լոնդոն", "Лондан"],
    "Beijing": ["Pekin", "პეკინი", "Պեկին", "Пекін"],
    "Nakhchivan": ["Naxçıvan", "Nahçıvan", "ნახიჩევანი", "ნახჭევანი", "Նախիջևան"],
    "Ganja": ["Gəncə", "Gence", "განჯა", "Գանձակ", "Гянджа"],
    # organisations
    "Collective Security Treaty Organization": [
        "KTMT", "Kollektiv Təhlükəsizlik Müqaviləsi Təşkilatı", "KGAÖ",
        "Kolektif Güvenlik Antlaşması Örgütü", "ოდკბ",
        "კოლექტიური უსაფრთხოების ხელშეკრულების ორგანიზაცია", "АДКБ",
        "Арганізацыя Дагавора аб калектыўнай бяспецы", "ҰҚШҰ", "ЖККУ",
        # the European press (de, pl, it, el; wave 12: German and Italian pages)
        "OVKS", "Organisation des Vertrags über kollektive Sicherheit", "OUBZ",
        "Organizacja Układu o Bezpieczeństwie Zbiorowym",
        "Organizacji Układu o Bezpieczeństwie Zbiorowym",
        "Organizzazione del Trattato di Sicurezza Collettiva", "ΟΣΚΑ",
    ],
    "European Union": [
        "Avropa İttifaqı", "Avropa Birliyi", "Avrupa Birliği", "ევროკავშირი",
        "ევროპის კავშირი", "Եվրամիություն", "Եվրոպական միություն",
        "Еўрапейскі саюз", "Еўразвяз", "Еуропалық одақ", "Европа Биримдиги",
        "Europäische Union", "Europäischen Union", "Unia Europejska", "Unii Europejskiej",
        "Unię Europejską", "Unią Europejską", "Unione europea", "Ευρωπαϊκή Ένωση",
        "Ευρωπαϊκής Ένωσης",
    ],
    "Council of the European Union": [
        "Rat der EU", "Rat der Europäischen Union", "EU-Rat", "Rada UE", "Rada Unii Europejskiej",
        "Consiglio dell'UE", "Consiglio dell'Unione europea", "Consiglio Ue",
        "Conseil de l'UE", "Conseil de l'Union européenne", "Совет ЕС", "Совет Евросоюза",
        "AB Konseyi", "Aİ Şurası",
    ],
    "NATO": ["ნატო", "ՆԱՏՕ", "НАТО", "Şimali Atlantika Müqaviləsi Təşkilatı", "ΝΑΤΟ"],
    "United Nations": [
        "BMT", "Birləşmiş Millətlər Təşkilatı", "Birleşmiş Milletler", "გაერო",
        "გაერთიანებული ერების ორგანიზაცია", "ՄԱԿ", "Միավորված ազգերի կազմակերպություն",
        "ААН", "Арганізацыя Аб'яднаных Нацый", "БҰҰ", "БУУ", "ООН",
        "Vereinte Nationen", "Vereinten Nationen", "ONZ", "Organizacja Narodów "
        "Zjednoczonych", "Organizacji Narodów Zjednoczonych", "Nazioni Unite", "ONU",
        "Nations unies", "Naciones Unidas", "ΟΗΕ", "Ηνωμένα Έθνη", "Ηνωμένων Εθνών",
    ],
    "Organization for Security and Co-operation in Europe": [
        "ATƏT", "Avropada Təhlükəsizlik və Əməkdaşlıq Təşkilatı", "AGİT", "ეუთო", "ԵԱՀԿ",
        "АБСЕ", "ЕҚЫҰ", "ЕККУ", "ОБСЕ", "OSZE", "ΟΑΣΕ",
    ],
    # wave 12: Karabakh in Azerbaijani and Turkish, a body and an agency in Azerbaijani
    "Nagorno-Karabakh": [
        "Dağlıq Qarabağ", "Qarabağ", "Dağlık Karabağ", "Karabağ", "Bergkarabach",
        "Berg-Karabach", "Karabach", "Górski Karabach", "Górskiego Karabachu", "Karabachu",
        "Górskim Karabachu", "Nagorno Karabakh", "Alto Karabakh", "Ναγκόρνο Καραμπάχ",
        "Καραμπάχ", "მთიანი ყარაბაღი", "ყარაბაღი",
    ],
    "State Border Service of Azerbaijan": [
        "Dövlət Sərhəd Xidməti", "DSX", "Devlet Sınır Servisi", "Devlet Sınır Hizmeti",
    ],
    "AZERTAC": ["Azərtac", "AzərTac", "AZƏRTAC"],
    # Armenian "ՌԴ" (Russian Federation): two capitals, as the graph's own "ՀՀ" for Armenia
    "Russia": ["ՌԴ", "რფ"],
    "United States": ["ABŞ", "ABD", "აშშ", "Amerika Birləşmiş Ştatları",
                      "Amerika Birleşik Devletleri", "ამერიკის შეერთებული შტატები"],
}  # fmt: skip


# A state's adjective in Armenian, Georgian, Azerbaijani and Turkish ("ռուսական
# սահմանապահներ", "ამერიკული მხარე", "erməni hərbçilər"): like "Russian" and "российских",
# it makes the state a mention (the curated files list it). Armenian words are compared by
# their stem and Georgian ones by theirs, so every case form counts; words of fewer than five
# letters ("rus", "türk", "հայ"), adjectives that also name a people or a language at home
# (Georgian "ქართული" in a Georgian text) and "հայկական", whose stem is the given name Հայկ,
# are left out.
DEMONYMS_REGION: dict[str, list[str]] = {
    "Armenia": ["სომხური", "სომეხი", "erməni", "Ermeni"],
    "Russia": ["ռուսական", "ռուսաստանյան", "ռուսաստանցի", "რუსული"],
    "Turkey": ["թուրքական", "თურქული"],
    "United States": ["ամերիկյան", "ამერიკული", "ამერიკელი", "amerikan", "Amerikan"],
    "Azerbaijan": ["ադրբեջանական", "ադրբեջանցի", "აზერბაიჯანული", "azərbaycanlı"],
    "Iran": ["իրանական", "ირანული"],
    "Georgia": ["վրացական"],
    "France": ["ֆրանսիական", "ფრანგული", "fransız", "Fransız"],
    "China": ["չինական", "ჩინური"],
    "India": ["հնդկական", "ინდური"],
    "Belarus": ["բելառուսական", "ბელარუსული"],
    "Kazakhstan": ["ղազախական", "ყაზახური"],
    "Kyrgyzstan": ["ղրղզական", "ყირგიზული"],
    "Tajikistan": ["տաջիկական", "ტაჯიკური"],
    "Ukraine": ["ուկրաինական", "უკრაინული"],
    "Israel": ["իսրայելական", "ისრაელური"],
    "Pakistan": ["պակիստանյան", "პაკისტანური"],
}


# A state's government, ministries, armed forces and general staff as Azerbaijani, Turkish,
# Georgian and Armenian name them, right after the state ("Ermənistan hökuməti", "Ermənistanın
# Müdafiə Nazirliyi", "სომხეთის თავდაცვის სამინისტრო", "ՀՀ պաշտպանության նախարարություն"):
# the heads of the graph's English labels for such a body ("Government of Armenia",
# "Ministry of Defence of Armenia", "General Staff of the Armed Forces of Armenia"), which
# kg.draft.pipeline looks up with the state's label. Each word is matched as a stem (case
# endings follow it).
BODIES_REGION: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (
        re.compile(r"(?:müdafiə\s+nazirliy|(?:mill[iî]\s+)?savunma\s+bakanlı|"
                   r"თავდაცვის\s+სამინისტრო|պաշտպանության\s+նախարարությ)", re.I),
        ("Ministry of Defence", "Ministry of National Defence", "Ministry of Defense"),
    ),
    (
        re.compile(r"(?:xarici\s+işlər\s+nazirliy|X[İI]N\b|dışişleri\s+bakanlı|"
                   r"საგარეო\s+საქმეთა\s+სამინისტრო|արտաքին\s+գործերի\s+նախարարությ|ԱԳՆ)",
                   re.I),
        ("Ministry of Foreign Affairs",),
    ),
    (re.compile(r"(?:hökumət|hükümet|მთავრობ|կառավարությ)", re.I), ("Government",)),
    (
        re.compile(r"(?:silahlı\s+qüvvələr|silahlı\s+kuvvetler|შეიარაღებული\s+ძალ|"
                   r"զինված\s+ուժեր)", re.I),
        ("Armed Forces",),
    ),
    (
        re.compile(r"(?:baş\s+qərargah|genelkurmay|გენერალური\s+შტაბ|գլխավոր\s+շտաբ)", re.I),
        ("General Staff of the Armed Forces", "General Staff"),
    ),
]  # fmt: skip
