"""Amounts of money and counts of people in a sentence, parsed to numbers.

Hand-written (two regular expressions and a word list) because the forms are few and the
drafter needs to know what each number counts ("85 American soldiers": personnel of the
United States; "the six-nation alliance": members), which general quantity parsers do not
say. No library was measured against it; the tests and bench/draft.py are its evidence
(every amount and count of the five curated articles is found).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.draft import figure_words

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
# ... and the scale words of the corpus's other languages, by how each begins (a word's
# case forms: "млн", "миллионов", "Millionen", "milioni", "milyon", "միլիոն"); wave 15:
# "$155,5 млн", "около $244 млн", "10 млн евро", "44 mln EUR" gave no amount
_SCALE_STEMS = (
    ("млрд", 1e9), ("миллиард", 1e9), ("mrd", 1e9), ("milliard", 1e9), ("miliard", 1e9),
    ("mld", 1e9), ("milyar", 1e9), ("միլիարդ", 1e9), ("млн", 1e6), ("миллион", 1e6),
    ("mio", 1e6), ("million", 1e6), ("millón", 1e6), ("millones", 1e6), ("milion", 1e6),
    ("mln", 1e6), ("milyon", 1e6), ("միլիոն", 1e6), ("тыс", 1e3), ("tausend", 1e3),
    ("tys", 1e3), ("հազար", 1e3),
)  # fmt: skip
CURRENCY = {
    "$": "USD", "us$": "USD", "usd": "USD", "us dollars": "USD", "dollars": "USD",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR", "£": "GBP", "gbp": "GBP",
    "pounds": "GBP", "₹": "INR", "rs": "INR", "rupees": "INR", "inr": "INR",
    "rubles": "RUB", "roubles": "RUB", "rub": "RUB", "₽": "RUB", "drams": "AMD", "amd": "AMD",
}  # fmt: skip
# the currency's word in the corpus's other languages, by how it begins (its case forms)
_CURRENCY_STEMS = (
    ("доллар", "USD"), ("dollar", "USD"), ("dolar", "USD"), ("դոլար", "USD"), ("евро", "EUR"),
    ("euro", "EUR"), ("եվրո", "EUR"), ("рубл", "RUB"), ("драм", "AMD"), ("դրամ", "AMD"),
    ("манат", "AZN"), ("manat", "AZN"), ("azn", "AZN"),
)  # fmt: skip
# "2,000", "2.5", and the space, no-break or thin space of Russian and French ("2 000")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?"
_SCALE = (
    r"(?:thousand|million|billion|bn|mn|m\b|млрд\.?|млн\.?|тыс\.|тысяч[аи]?|миллиард(?:ов|а)?|"
    r"миллион(?:ов|а)?|Mrd\.|Mio\.|Milliarden|Milliarde|Millionen|milliards?|millions?|"
    r"mil\s+millones|millones|millón|miliardi|miliardo|milioni|milione|mld|mln|milyar|milyon|"
    r"միլիարդ|միլիոն)(?!\w)"
)
# a decimal comma before a scale word ("$155,5 млн", "1,2 Mrd.", "2,5 milyar")
_COMMA_DECIMAL = rf"\d{{1,3}},\d{{1,2}}(?=\s?{_SCALE})"
_PRE = r"(?:US\$|\$|€|£|₹|₽|USD|EUR|GBP|INR|RUB|AMD)"
_POST = (
    r"(?:US dollars|dollars|euros?|pounds|rupees|rubles|roubles|drams|USD|EUR|GBP|INR|RUB|AMD|"
    r"AZN|доллар(?:ов|а|ы)?|евро|рубл(?:ей|я)|драм(?:ов|а)?|манат(?:ов|а)?|Dollar|Euro|"
    r"dólares|dollari|dolarów|dolar|dollar|manat|դոլար\w*|եվրո\w*|դրամ\w*)"
)
_MONEY = re.compile(
    rf"(?P<pre>{_PRE})\s?(?P<n1>{_COMMA_DECIMAL}|{_NUM})(?:\s?(?P<s1>{_SCALE}))?"
    rf"|(?P<n2>{_COMMA_DECIMAL}|{_NUM})(?:\s?(?P<s2>{_SCALE}))?\s+(?:(?:de|di|von)\s+)?"
    rf"(?P<post>{_POST})(?!\w)",
    re.I,
)
_WORD = "|".join(WORDS)
_PEOPLE = (
    r"(?:soldiers|troops|servicemen|servicemembers|personnel|officers|peacekeepers|"
    r"military personnel|staff|marines|contingent|военнослужащих|военнослужащие|военных|"
    r"солдат|миротворцев|военнослужащий|militaires|soldats|"
    # German, Italian, Spanish, Polish, Turkish, Azerbaijani, Armenian (wave 12-13: "1.500
    # Soldaten", "85 militari americani", "120 armenische Soldaten" were not counted)
    r"Soldaten|Soldatinnen|Militärs|Einsatzkräfte|Friedenssoldaten|Blauhelme|militari|"
    r"soldati|peacekeeper|soldados|efectivos|militares|żołnierzy|żołnierze|wojskowych|"
    r"askeri?|hərbçi\w*|sülhməramlı\w*|զինծառայող\w*|զինվոր\w*|խաղաղապահ\w*)"
)
# a count of people with a dot between the thousands ("1.500 Soldaten", "2.000 militari":
# German, Italian, Spanish, Turkish; people are whole, so the three digits after the dot
# are no decimals)
_DOTTED = r"\d{1,3}(?:\.\d{3})+(?![\d,])"
# "thousand" between a count and its people ("около 10 тысяч военнослужащих", "2 bin asker",
# "3 min hərbçi", "5 հազար զինծառայող"; wave 15: such counts were not read)
_THOUSANDS = {"thousand": 1000, "тысяч": 1000, "тысячи": 1000, "тыс.": 1000, "tausend": 1000,
              "mila": 1000, "mil": 1000, "bin": 1000, "min": 1000, "հազար": 1000,
              "tysięcy": 1000, "tys.": 1000}  # fmt: skip
_THOUSAND = r"(?:thousand|тысяч[иа]?|тыс\.|Tausend|mila|mil|bin|min|հազար|tysięcy|tys\.)"
_COUNT = re.compile(
    rf"\b(?P<n>{_DOTTED}|{_NUM}|{_WORD})(?:\s+(?P<thousand>{_THOUSAND}))?(?:-strong)?\s+"
    rf"(?P<who>(?:[A-Z][\w.]*\s+|[^\W\d_A-Z]+\s+){{0,2}}?"
    rf"{_PEOPLE})\b"
    rf"|\b(?P<m>{_NUM}|{_WORD})(?:\s+(?P<members>member states|members|member countries)"
    rf"|-(?:nation|member|country))\b",
)


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: int | float
    currency: str
    qualifier: str | None = None  # code:figure-*: "about $2 billion", "up to $100 million"


@dataclass(frozen=True)
class Count:
    start: int
    end: int
    value: int
    kind: str  # personnel or members
    head: str  # the words between the number and the noun (e.g. "American"), for the actor
    qualifier: str | None = None  # code:figure-*: "about 2,000 troops", "более 100 военных"


def _scale(word: str | None) -> float:
    """What a scale word multiplies by (1 for none)."""
    word = " ".join((word or "").lower().split())
    if word in SCALE:
        return SCALE[word]
    if word.startswith("mil ") or word in ("milliard", "milliards"):
        return 1e9  # "mil millones", "milliard(s)": a thousand millions
    return next((v for stem, v in _SCALE_STEMS if word.startswith(stem)), 1.0)


def _currency(unit: str) -> str:
    unit = unit.lower()
    if unit in CURRENCY:
        return CURRENCY[unit]
    return next((code for stem, code in _CURRENCY_STEMS if unit.startswith(stem)), unit.upper())


def _number(text: str, scale: str | None = None) -> int | float:
    if re.fullmatch(_DOTTED, text):  # "1.500": thousands
        text = text.replace(".", "")
    if scale and re.fullmatch(r"\d{1,3},\d{1,2}", text):  # "155,5 млн": a decimal comma
        text = text.replace(",", ".")
    text = re.sub(r"[,\s\u00a0\u202f]", "", text)
    value = WORDS[text.lower()] if text.lower() in WORDS else float(text)
    value = float(value) * _scale(scale)
    return int(value) if float(value).is_integer() else round(value, 2)


def amounts(text: str, offset: int = 0) -> list[Amount]:
    out = []
    for m in _MONEY.finditer(text):
        number, scale = (m["n1"], m["s1"]) if m["n1"] else (m["n2"], m["s2"])
        currency = _currency(m["pre"] or m["post"])
        out.append(Amount(offset + m.start(), offset + m.end(), _number(number, scale),
                          currency, qualifier(text, m.start())))  # fmt: skip
    return out


def counts(text: str, offset: int = 0, money: Sequence[Amount] = ()) -> list[Count]:
    out = []
    for m in _COUNT.finditer(text):
        if any(a.start <= offset + m.start() < a.end for a in money):
            continue
        if m["n"]:
            value = _number(m["n"])
            if m["thousand"] and isinstance(value, int):
                value *= _THOUSANDS[m["thousand"].lower()]
            # "2023 troops"? a year ("2 bin asker" is no year)
            year_like = 1900 <= value <= 2100 and m["n"].isdigit() and not m["thousand"]
            if isinstance(value, int) and not year_like:
                head = " ".join(m["who"].split()[:-1])
                out += _shared_noun(text, offset, _qualifier_start(text, m.start()))
                out.append(Count(offset + m.start(), offset + m.end(), value, "personnel", head,
                                 qualifier(text, m.start())))  # fmt: skip
        else:
            value = _number(m["m"])
            if isinstance(value, int):
                out.append(Count(offset + m.start(), offset + m.end(), value, "members", "",
                                 qualifier(text, m.start())))  # fmt: skip
    return out


# "85 American and 175 Armenian soldiers", "85 американских и 175 армянских военнослужащих":
# the first number shares the noun of the second
_SHARED = re.compile(rf"\b(?P<n>{_NUM})\s+(?P<adj>[^\W\d_]+)\s+(?:and|и|et)\s+$")


def _shared_noun(text: str, offset: int, at: int) -> list[Count]:
    """The count before "and" whose noun is the next count's (see :data:`_SHARED`)."""
    m = _SHARED.search(text[max(at - 60, 0) : at])
    if m is None:
        return []
    start = max(at - 60, 0)
    value = _number(m["n"])
    if not isinstance(value, int) or 1900 <= value <= 2100:
        return []
    return [Count(offset + start + m.start(), offset + start + m.end(), value, "personnel",
                  m["adj"], qualifier(text, start + m.start()))]  # fmt: skip


# the words before a figure that say it is not exact: one table with kg validate's
# (kg.draft.figure_words), here before a number or its currency sign ("about $ 2 billion")
_QUALIFIER = re.compile(
    r"(?<![\w’'])(" + figure_words.ALTERNATION + r")\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:US\$|\$|€|£|₹|₽)?\s?$",
    re.I,
)


def qualifier(text: str, at: int) -> str | None:
    """The figureQualifier of the figure at ``at`` in ``text``: "about 2,000" approximate,
    "up to 40" at most, "more than 100" at least (the word right before the figure, or
    before its currency sign); None when the figure is given as exact."""
    match = _QUALIFIER.search(text[max(at - 40, 0) : at])
    return figure_words.code_of(match[1]) if match else None


def _qualifier_start(text: str, at: int) -> int:
    """Where the figure at ``at`` begins with its qualifier ("more than 140")."""
    match = _QUALIFIER.search(text[max(at - 40, 0) : at])
    return max(at - 40, 0) + match.start() if match else at
