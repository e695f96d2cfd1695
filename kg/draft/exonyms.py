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
"""

from __future__ import annotations

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
    # capitals: a capital that speaks stands for its government (kg.draft.pipeline)
    "Moscow": ["Moscou", "Moscú"],
    "Yerevan": ["Erevan", "Ereván"],
    "Baku": ["Bakou", "Bakú"],
    "Tbilisi": ["Tbilissi"],
    "Brussels": ["Bruxelles", "Bruselas"],
    "Ankara": [],
    "Tehran": ["Teherán", "Téhéran"],
    "Minsk": [],
    "Beijing": ["Pékin", "Pekín"],
    "London": ["Londres"],
    "Berlin": ["Berlín"],
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
