"""States' and capitals' names in Spanish and French, for articles in those languages.

The reference gives most states a Russian and Armenian label and some a French one; Spanish
has none. A Spanish or French article names a state by its exonym ("Francia", "Rusia",
"Azerbaiyán", "Allemagne"); without these, wave 3's Spanish and French first drafts missed
the states they were about (drafter-feedback-wave3: mention recall 53 % on cur9's articles).
The drafter adds these names to the state or capital whose English label is the key, only when the
graph has that state; the reference's own labels come first.
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
