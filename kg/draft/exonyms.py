"""States' and capitals' names in Spanish and French, for articles in those languages.

The reference gives most states a Russian and Armenian label and some a French one; Spanish
has none. A Spanish or French article names a state by its exonym ("Francia", "Rusia",
"Azerbaiyán", "Allemagne"); without these, wave 3's Spanish and French first drafts missed
the states they were about (drafter-feedback-wave3: mention recall 53 % on cur9's articles).
The drafter adds these names to the state or capital whose English label is the key, only when the
graph has that state; the reference's own labels come first.

``NAMES_ABROAD`` does the same for other entities (persons, organisations, posts) under
their English label. Wave 7's feedback: Polish texts got no proposal at all (Pashinyan,
Aliyev, the OSCE, "Grupa Mińska" missed), "Groupe de Minsk" was drafted as the city Minsk,
"ministre des Armées" gave no tenure. Polish inflects names and the matcher compares Latin
words unstemmed, so the Polish forms are the case forms news text uses (nominative,
genitive, dative, accusative, instrumental, locative), written out.

``states_abroad`` gives every state of the graph its names in the languages of the region and
its neighbours' press (Azerbaijani, Turkish, Turkmen, Georgian, Greek, German, Polish, Italian,
Ukrainian, Belarusian, Kazakh, Kyrgyz, Tajik, Uzbek, Persian) from ``pycountry``'s translations
of ISO 3166 (the iso-codes project, shipped in the package: nothing is downloaded), instead of
hand lists per language: wave 10 had German, Polish and Turkish pages whose states were missed
(recall 33 % on those four texts). ISO gives formal names ("Rusiya Federasiyası"); the short
names the press uses for Russia and the United States are listed in ``SHORT_ABROAD``. Names
shorter than four letters and ISO's inverted forms ("Iran, Islamic Republic of") are left out.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

EXONYMS: dict[str, list[str]] = {
    "Armenia": ["Arménie"],
    "Russia": ["Rusia", "Russie", "Federación de Rusia", "Fédération de Russie"],
    "United States": ["Estados Unidos", "EE.UU.", "EEUU", "États-Unis", "Etats-Unis"],
    "France": ["Francia"],
    "Germany": ["Alemania", "Allemagne"],
    "India": ["Inde"],
    "China": ["Chine"],
    "Azerbaijan": ["Azerbaiyán", "Azerbaïdjan"],
    "Ukraine": ["Ucrania"],
    "Georgia": ["Géorgie"],
    "Syria": ["Siria", "Syrie"],
    "Turkey": ["Turquía", "Turquie", "Türkiye"],
    "Kazakhstan": ["Kazajistán", "Kazajstán"],
    "Belgium": ["Bélgica", "Belgique"],
    "Iran": ["Irán"],
    "Belarus": ["Bielorrusia", "Biélorussie"],
    "Kyrgyzstan": ["Kirguistán", "Kirghizistan"],
    "Tajikistan": ["Tayikistán", "Tadjikistan"],
    "Pakistan": ["Pakistán"],
    "Israel": ["Israël"],
    # Polish (wave 7): case forms, the nominative first
    **{
        "Armenia": ["Arménie", "Armenii", "Armenię", "Armenią"],
        "Russia": [
            "Rusia",
            "Russie",
            "Federación de Rusia",
            "Fédération de Russie",
            "Rosja",
            "Rosji",
            "Rosję",
            "Rosją",
            "Federacja Rosyjska",
            "Federacji Rosyjskiej",
        ],
        "Azerbaijan": [
            "Azerbaiyán",
            "Azerbaïdjan",
            "Azerbejdżan",
            "Azerbejdżanu",
            "Azerbejdżanem",
            "Azerbejdżanie",
        ],
        "France": ["Francia", "Francja", "Francji", "Francję", "Francją"],
        "United States": [
            "Estados Unidos",
            "EE.UU.",
            "EEUU",
            "États-Unis",
            "Etats-Unis",
            "Stany Zjednoczone",
            "Stanów Zjednoczonych",
            "Stanom Zjednoczonym",
            "Stanami Zjednoczonymi",
            "Stanach Zjednoczonych",
        ],
        "Turkey": ["Turquía", "Turquie", "Türkiye", "Turcja", "Turcji", "Turcję", "Turcją"],
        "Georgia": ["Géorgie", "Gruzja", "Gruzji", "Gruzję", "Gruzją"],
        "Ukraine": ["Ucrania", "Ukraina", "Ukrainy", "Ukrainie", "Ukrainę", "Ukrainą"],
        "Iran": ["Irán", "Iranu", "Iranem", "Iranie"],
        "Germany": [
            "Alemania",
            "Allemagne",
            "Niemcy",
            "Niemiec",
            "Niemcom",
            "Niemcami",
            "Niemczech",
        ],
        "Belarus": ["Bielorrusia", "Biélorussie", "Białoruś", "Białorusi", "Białorusią"],
        "Kazakhstan": ["Kazajistán", "Kazajstán", "Kazachstan", "Kazachstanu", "Kazachstanie"],
        "Moscow": ["Moscou", "Moscú", "Moskwa", "Moskwy", "Moskwie", "Moskwę", "Moskwą"],
        "Yerevan": ["Erevan", "Ereván", "Erywań", "Erywania", "Erywaniu"],
    },
    # capitals: a capital that speaks stands for its government (kg.draft.pipeline); also
    # in Polish (its case forms; these keys once came before and were overwritten), German,
    # Italian and Greek (wave 12: "Parigi", "Mosca" not found)
    "Moscow": [
        "Moscou",
        "Moscú",
        "Moskwa",
        "Moskwy",
        "Moskwie",
        "Moskwę",
        "Moskwą",
        "Moskau",
        "Mosca",
        "Μόσχα",
    ],
    "Yerevan": [
        "Erevan",
        "Ereván",
        "Erywań",
        "Erywania",
        "Erywaniu",
        "Eriwan",
        "Jerewan",
        "Ερεβάν",
    ],
    "Baku": ["Bakou", "Bakú", "Μπακού"],
    "Tbilisi": ["Tbilissi", "Tiflis", "Τιφλίδα"],
    "Brussels": ["Bruxelles", "Bruselas", "Brüssel", "Bruksela", "Brukseli", "Βρυξέλλες"],
    "Ankara": ["Άγκυρα"],
    "Tehran": ["Teherán", "Téhéran", "Teheran", "Teheranie", "Τεχεράνη"],
    "Minsk": ["Mińsk", "Mińsku"],
    "Beijing": ["Pékin", "Pekín", "Peking", "Pechino", "Pekin", "Pekinie", "Πεκίνο"],
    "London": ["Londres", "Londra", "Londyn", "Londynie", "Λονδίνο"],
    "Berlin": ["Berlín", "Berlino", "Berlinie", "Βερολίνο"],
    "Paris": ["Parigi", "Paryż", "Paryża", "Paryżu", "Παρίσι"],
    "Washington": ["Waszyngton", "Waszyngtonu", "Waszyngtonie", "Ουάσινγκτον", "Ουάσιγκτον"],
}


NAMES_ABROAD: dict[str, list[str]] = {
    "OSCE Minsk Group": [
        "Groupe de Minsk",
        "Grupo de Minsk",
        "Grupa Mińska",
        "Grupy Mińskiej",
        "Grupie Mińskiej",
        "Grupę Mińską",
        "Grupą Mińską",
        "Минская группа",
    ],
    "Organization for Security and Co-operation in Europe": ["OBWE"],
    "International Committee of the Red Cross": [
        "Comité international de la Croix-Rouge",
        "CICR",
        "Comité Internacional de la Cruz Roja",
        "Международный комитет Красного Креста",
        "МККК",
        "Międzynarodowy Komitet Czerwonego Krzyża",
    ],
    "Minister of the Armed Forces of France": ["ministre des Armées"],
    "102nd Russian Military Base": [
        "102-я российская военная база",
        "102-я российская база",
        "102-я военная база",
        "102-я база",
    ],
    "Nikol Pashinyan": [
        "Nikol Paszynian",
        "Paszynian",
        "Paszyniana",
        "Paszynianowi",
        "Paszynianem",
        "Paszynianie",
    ],
    "Ilham Aliyev": ["Ilham Alijew", "Alijew", "Alijewa", "Alijewowi", "Alijewem", "Alijewie"],
    "Vladimir Putin": ["Władimir Putin", "Putina", "Putinowi", "Putinem"],
}


# the short names the press uses where ISO 3166 has the formal one (az, tr, tk, de, ka, be,
# uk, uz, el, it)
SHORT_ABROAD: dict[str, list[str]] = {
    "Russia": [
        "Rusiya",
        "Rusya",
        "Russiýa",
        "Russland",
        "რუსეთი",
        "Расія",
        "Росія",
        "Rossiya",
        "Ρωσία",
    ],
    "United States": ["ABŞ", "ABD", "USA", "აშშ", "ЗША", "Amerika Qo'shma Shtatlari", "ΗΠΑ"],
    "Turkey": ["Türkiyə", "Türkei", "თურქეთი", "Turchia", "Τουρκία"],
}

_LANGUAGES = (
    "az",
    "tr",
    "tk",
    "ka",
    "el",
    "de",
    "pl",
    "it",
    "uk",
    "be",
    "kk",
    "ky",
    "tg",
    "uz",
    "fa",
    "ur",
    "hi",
)
_ISO_ALIASES = {"Russia": "RU", "Turkey": "TR"}  # labels pycountry's lookup does not take


def _greek_genitives(name: str) -> list[str]:
    """A Greek state name's genitive (the case of "the defence minister of X", "X and Y's
    cooperation"): a feminine in -α/-η takes -ς ("Αρμενία", "Αρμενίας"; "Ελλάδα" also the
    learned "Ελλάδος"), a masculine or feminine in -ος ends in -ου ("Κύπρος", "Κύπρου").
    Wave 12-13's Greek pages named Greece and Armenia mostly so."""
    if " " in name:
        return []
    if name.endswith("άδα"):
        return [name + "ς", name[:-1] + "ος"]
    if name.endswith(("α", "ά", "η", "ή")):
        return [name + "ς"]
    if name.endswith(("ος", "ός")):
        return [name[:-2] + ("ου" if name.endswith("ος") else "ού")]
    return []


@cache
def states_abroad(label: str) -> tuple[str, ...]:
    """The state's names in ``_LANGUAGES`` (ISO 3166 translations, plus ``SHORT_ABROAD``);
    empty for a label ISO 3166 does not know (a historical or unrecognised state)."""
    try:
        code = _ISO_ALIASES.get(label) or pycountry.countries.lookup(label).alpha_2
    except LookupError:
        return tuple(SHORT_ABROAD.get(label, []))
    country = pycountry.countries.get(alpha_2=code)
    english = [getattr(country, key, None) for key in ("common_name", "name")]
    names: list[str] = list(SHORT_ABROAD.get(label, []))
    for language in _LANGUAGES:
        try:
            translation = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[language]
            )
        except OSError:
            continue
        for name in english:
            if name:
                names.append(translation.gettext(name))
                # German's genitive of a name without article ("Armeniens Regierung",
                # "Verteidigungsminister Aserbaidschans"; wave 12's German page)
                if language == "el":  # the genitive: "Αρμενίας", "Ελλάδας/Ελλάδος", "Κύπρου"
                    names += _greek_genitives(translation.gettext(name))
                if language == "de" and translation.gettext(name) != name:
                    german = translation.gettext(name)
                    if " " not in german and not german.endswith(("s", "z", "x", "ß")):
                        names.append(german + "s")
    inverted = (",", "،")  # ISO's "Iran, Islamic Republic of" is no name a text uses
    return tuple(
        n
        for n in dict.fromkeys(names)
        if not any(c in n for c in inverted) and len(n) >= 4 and n not in english
    )
