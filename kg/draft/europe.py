"""States' adjectives and their governments' bodies as the European press writes them.

German, Italian, French, Spanish and Polish pages name a state by its adjective ("die
armenischen Soldaten", "il governo armeno", "le ministère arménien de la Défense", "armeńskie
MSZ") as often as by its name; the drafter knew the English adjectives ("Armenian"), the
Russian and the region's (Armenian, Georgian, Azerbaijani, Turkish) only, so wave 12's German
and Italian pages lost the states and bodies they named so (the Armenian government and
parliament of a German page, the Armenian defence ministry of an Italian one).

Latin-script words are matched as written (no stemming: an English stem would merge
"Armenian" and "Armenia"), so every form is written out: the adjective's masculine singular
here, its gender, number and case forms by each language's endings (:func:`adjective_forms`).
The adjective of the language's own state ("deutsch", "italiano", "français", "español",
"polski") is left out: at home it mostly names the language or the paper's own country in
passing. A body is the state's adjective with a body's noun in the order of each language
(:func:`body_names`); its entity is the graph's body whose English label is the head and the
state ("Government of Armenia").
"""

from __future__ import annotations

# the masculine singular of each state's adjective, by the English label of the state
ADJECTIVES_EUROPE: dict[str, dict[str, list[str]]] = {
    "Armenia": {"de": ["armenisch"], "it": ["armeno"], "fr": ["arménien"], "es": ["armenio"],
                "pl": ["armeński"]},
    "Azerbaijan": {"de": ["aserbaidschanisch"], "it": ["azero", "azerbaigiano"],
                   "fr": ["azerbaïdjanais", "azéri"], "es": ["azerbaiyano", "azerí"],
                   "pl": ["azerbejdżański", "azerski"]},
    "Russia": {"de": ["russisch"], "it": ["russo"], "fr": ["russe"], "es": ["ruso"],
               "pl": ["rosyjski"]},
    "Turkey": {"de": ["türkisch"], "it": ["turco"], "fr": ["turc"], "es": ["turco"],
               "pl": ["turecki"]},
    "United States": {"de": ["amerikanisch", "US-amerikanisch"],
                      "it": ["americano", "statunitense"], "fr": ["américain"],
                      "es": ["estadounidense", "norteamericano"], "pl": ["amerykański"]},
    "France": {"de": ["französisch"], "it": ["francese"], "es": ["francés"],
               "pl": ["francuski"]},
    "Germany": {"it": ["tedesco"], "fr": ["allemand"], "es": ["alemán"], "pl": ["niemiecki"]},
    "Georgia": {"de": ["georgisch"], "it": ["georgiano"], "fr": ["géorgien"],
                "es": ["georgiano"], "pl": ["gruziński"]},
    "Iran": {"de": ["iranisch"], "it": ["iraniano"], "fr": ["iranien"], "es": ["iraní"],
             "pl": ["irański"]},
    "India": {"de": ["indisch"], "it": ["indiano"], "fr": ["indien"], "pl": ["indyjski"]},
    "China": {"de": ["chinesisch"], "it": ["cinese"], "fr": ["chinois"], "es": ["chino"],
              "pl": ["chiński"]},
    "Ukraine": {"de": ["ukrainisch"], "it": ["ucraino"], "fr": ["ukrainien"],
                "es": ["ucraniano"], "pl": ["ukraiński"]},
    "Kazakhstan": {"de": ["kasachisch"], "it": ["kazako"], "fr": ["kazakh"],
                   "es": ["kazajo"], "pl": ["kazachski"]},
    "Belarus": {"de": ["belarussisch", "weißrussisch"], "it": ["bielorusso"],
                "fr": ["biélorusse"], "es": ["bielorruso"], "pl": ["białoruski"]},
    "Israel": {"de": ["israelisch"], "it": ["israeliano"], "fr": ["israélien"],
               "es": ["israelí"], "pl": ["izraelski"]},
    "Pakistan": {"de": ["pakistanisch"], "it": ["pakistano"], "fr": ["pakistanais"],
                 "es": ["pakistaní"], "pl": ["pakistański"]},
    "Greece": {"de": ["griechisch"], "it": ["greco"], "fr": ["grec"], "es": ["griego"],
               "pl": ["grecki"]},
    "Cyprus": {"de": ["zyprisch"], "it": ["cipriota"], "fr": ["chypriote"],
               "es": ["chipriota"], "pl": ["cypryjski"]},
    "Kyrgyzstan": {"de": ["kirgisisch"], "it": ["kirghiso"], "fr": ["kirghize"],
                   "es": ["kirguís"], "pl": ["kirgiski"]},
    "Tajikistan": {"de": ["tadschikisch"], "it": ["tagiko"], "fr": ["tadjik"],
                   "es": ["tayiko"], "pl": ["tadżycki"]},
    "United Kingdom": {"de": ["britisch"], "it": ["britannico"], "fr": ["britannique"],
                       "es": ["británico"], "pl": ["brytyjski"]},
    "Italy": {"de": ["italienisch"], "fr": ["italien"], "es": ["italiano"], "pl": ["włoski"]},
    "Poland": {"de": ["polnisch"], "it": ["polacco"], "fr": ["polonais"], "es": ["polaco"]},
}  # fmt: skip

_IRREGULAR = {
    "turc": ["turc", "turque", "turcs", "turques"],
    "grec": ["grec", "grecque", "grecs", "grecques"],
    "francés": ["francés", "francesa", "franceses", "francesas"],
    "alemán": ["alemán", "alemana", "alemanes", "alemanas"],
    "kirguís": ["kirguís", "kirguisa", "kirguises"],
    "kazakh": ["kazakh", "kazakhe", "kazakhs", "kazakhes"],
    "tadjik": ["tadjik", "tadjike", "tadjiks", "tadjikes"],
}


def adjective_forms(lang: str, base: str) -> list[str]:
    """Every gender, number and case form of an adjective (its masculine singular
    ``base``) in ``lang``."""
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    if lang == "de":
        return [base + e for e in ("", "e", "en", "er", "es", "em")]
    if lang in ("it", "es"):
        if base.endswith(("co", "go")) and lang == "it":
            stem = base[:-1]
            return [base, stem + "a", stem + "hi", stem + "he"]
        if base.endswith("o"):
            stem = base[:-1]
            return [base, stem + "a"] + ([stem + "i", stem + "e"] if lang == "it"
                                         else [stem + "os", stem + "as"])  # fmt: skip
        if base.endswith("a"):  # "cipriota"
            return [base, base[:-1] + "i", base[:-1] + "e", base + "s"]
        if base.endswith("e"):
            return [base, base[:-1] + "i", base + "s"]
        if base.endswith("í"):
            return [base, base + "es"]
        return [base]
    if lang == "fr":
        if base.endswith("ien"):
            return [base, base + "ne", base + "s", base + "nes"]
        if base.endswith("ais") or base.endswith("ois"):
            return [base, base + "e", base + "es"]
        if base.endswith("e"):
            return [base, base + "s"]
        return [base, base + "e", base + "s", base + "es"]
    if lang == "pl":  # "armeński": -i, -a, -ie, -iego, -iej, -im, -ą, -ich, -imi, -cy
        stem = base[:-1]
        forms = [stem + e for e in ("i", "a", "ie", "iego", "iej", "iemu", "im", "ą", "ich",
                                    "imi")]  # fmt: skip
        if stem.endswith("sk"):
            forms.append(stem[:-2] + "scy")
        elif stem.endswith("ck"):
            forms.append(stem[:-2] + "ccy")
        return forms
    return [base]


def demonyms_europe(state: str) -> list[str]:
    """Every form of the state's adjectives in the European languages."""
    return [form for lang, bases in ADJECTIVES_EUROPE.get(state, {}).items()
            for base in bases for form in adjective_forms(lang, base)]  # fmt: skip


# a body's nouns by language, keyed by the head of the graph's English label ("Government of
# Armenia"); "adjective first" languages (de, pl) and "noun first" ones (it, fr, es, pl)
BODY_NOUNS: dict[str, dict[str, list[str]]] = {
    "Government": {
        "de": ["Regierung"], "it": ["governo"], "es": ["Gobierno"],
        "pl": ["rząd", "rządu", "rządem", "rządzie"],
    },
    "Ministry of Defence": {
        "de": ["Verteidigungsministerium", "Verteidigungsministeriums"],
        "it": ["ministero della Difesa"],
        "es": ["Ministerio de Defensa"],
        "pl": ["ministerstwo obrony", "ministerstwa obrony", "ministerstwem obrony",
               "ministerstwie obrony", "resort obrony"],
    },
    "Ministry of Foreign Affairs": {
        "de": ["Außenministerium", "Außenministeriums"],
        "it": ["ministero degli Esteri", "ministero degli Affari Esteri"],
        "es": ["Ministerio de Asuntos Exteriores", "Ministerio de Exteriores",
               "Ministerio de Relaciones Exteriores", "Cancillería"],
        "pl": ["MSZ", "ministerstwo spraw zagranicznych", "ministerstwa spraw zagranicznych"],
    },
    "National Assembly": {
        "de": ["Parlament", "Parlaments", "Nationalversammlung"],
        "it": ["parlamento", "Assemblea nazionale"],
        "es": ["Parlamento", "Asamblea Nacional"],
        "pl": ["parlament", "parlamentu", "Zgromadzenie Narodowe", "Zgromadzenia Narodowego"],
    },
    "Armed Forces": {
        "de": ["Streitkräfte", "Armee"], "it": ["forze armate", "esercito"],
        "es": ["Fuerzas Armadas", "Ejército"],
        "pl": ["siły zbrojne", "sił zbrojnych", "armia", "armii"],
    },
}  # fmt: skip
# (not French: measured on the dev redraft, "le ministère azerbaïdjanais de la Défense" so
# found became the speaker of a statement the curator did not have, an invented speaker)


def body_names(head: str, state: str) -> list[str]:
    """The names of the state's body (``head`` of its English label, "Government") with the
    state's adjective, in each language's order."""
    out: list[str] = []
    for lang, nouns in BODY_NOUNS.get(head, {}).items():
        adjectives = [form for base in ADJECTIVES_EUROPE.get(state, {}).get(lang, [])
                      for form in adjective_forms(lang, base)]  # fmt: skip
        for noun in nouns:
            for adjective in adjectives:
                if lang in ("de", "pl"):
                    out.append(f"{adjective} {noun}")
                if lang in ("it", "es", "pl"):
                    out.append(f"{noun} {adjective}")
    return list(dict.fromkeys(out))
