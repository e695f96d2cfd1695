"""Read an article's text safely: the curator gets a clear error for anything unreadable."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

# A news article is a few kB; 2 MB is far above any article and keeps spaCy's memory small.
MAX_BYTES = 2_000_000
SEED_NAME = re.compile(r"^(\d{3})_([0-9a-f]{16})$")


@dataclass(frozen=True)
class Article:
    """An article's text, its hash and where it came from."""

    path: Path
    text: str
    sha256: str

    @property
    def short_hash(self) -> str:
        return self.sha256[:16]


def read_article(path: Path) -> Article:
    """The article's text (UTF-8), or a KgError saying why it cannot be drafted from."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise KgError(f"{path}: no such file") from None
    except OSError as exc:
        raise KgError(f"{path}: cannot read: {exc.strerror}") from None
    if not path.is_file():
        raise KgError(f"{path}: not a regular file")
    if size > MAX_BYTES:
        raise KgError(
            f"{path}: {size} bytes is too large for an article (limit {MAX_BYTES}); "
            "is this the right file?"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KgError(f"{path}: cannot read: {exc.strerror}") from None
    if b"\x00" in data[:8192]:
        raise KgError(f"{path}: binary data (NUL bytes), not an article's plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise KgError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "save the article as UTF-8 plain text"
        ) from None
    if not text.strip():
        raise KgError(f"{path}: empty: there is no text to draft from")
    if len(text.split()) < 5:
        raise KgError(f"{path}: only {len(text.split())} word(s): not an article's text")
    return Article(path, text, hashlib.sha256(data).hexdigest())


_BOILERPLATE = re.compile(
    r"^(?:loading\.*|articles?|news|all news|home|menu|share|advertisement|"
    r"(?:become|join|subscribe|sign up|support)\b.*(?:member|membership|journalism|today|"
    r"newsletter|now)|.*\bcookies?\b.*|.*\b(?:рейтинг|счетчик|счётчик)@.*)$",
    re.I,
)
# The stored page texts begin with " date YYYY-MM-DD " (the page's date) before the first line.
PAGE_DATE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b ?")
_WORDY = re.compile(r"[^\W\d_]{2,}")
# (the Urdu full stop "۔" and the Arabic question mark "؟" too: wave 12's Urdu body line was
# taken for a headline)
_ENDS_SENTENCE = re.compile(r"[.!?:;։…۔؟][\"'”’»)]*$")


def page_date(text: str) -> tuple[str, int] | None:
    """The page's date printed before the text (``" date 2024-04-17 …"``) and where the
    text after it starts."""
    match = PAGE_DATE.match(text)
    return (match[1], match.end()) if match else None


def headline(text: str) -> tuple[str, int] | None:
    """The headline and its offset: the first line (after any page date) with at least three
    words that is neither site boilerplate nor a sentence of the body (a body paragraph ends
    with a full stop; a headline does not). None when the text begins with its body, as
    many stored pages do."""
    date = page_date(text)
    offset = date[1] if date else 0
    for line in text[offset:].splitlines(keepends=True):
        stripped = line.strip()
        lead = offset + (len(line) - len(line.lstrip()))
        offset += len(line)
        if not stripped or _BOILERPLATE.match(stripped):
            continue
        if _ENDS_SENTENCE.search(stripped) or len(stripped.split()) > 30:
            return None  # the body has begun
        if len(_WORDY.findall(stripped)) >= 3 and len(stripped.split()) >= 3:
            return stripped, lead  # (a page counter "Рейтинг@Mail.ru" is one word)
    return None


# page clutter that can stand where the headline should (wave 5's feedback): navigation
# ("1. Skip to content", "Перейти к основному контенту"), a script notice, an image
# placeholder, a photo's credit, a "date 2023-10" prefix, a clock time ("23 Nov. 14:00",
# a rubric's "02 окт 2023, 19:20"), a language menu ("ua en ru"), a byline ("By X")
_CLUTTER = re.compile(
    r"^(?:\d+\.\s*)?(?:skip to\b|перейти к\b)|javascript|<image>|data:image|"
    r"^\(?\s*(?:photo|фото|foto|image)(?:\s+credit)?\s*:|"
    # a government site's banner (wave 7: "An official website of the United States
    # government" drafted as the headline) and its "Here's how you know" / ".gov" lines
    r"^an official website of\b|^here[’']?s how you know\b|^official websites use\b|"
    r"^(?:a\s+)?\.gov website\b|^secure \.gov websites\b|"
    # a link to the outlet's channel (wave 8: "<Outlet> в Telegram" drafted as the headline)
    r"\s(?:в|во|на|in|on|sur)\s+(?:telegram|телеграм\w*|дзен\w*|dzen|max|vk|вконтакте|"
    r"whatsapp|youtube|rutube|instagram|facebook|x|twitter)\s*$|"
    r"^(?:подпис\w+|subscribe|follow us|suivez-nous|abonnez-vous)\b|"
    # a caption with a link or a video's still (wave 10: "Screenshot from video: …", a
    # caption ending in its source's address, drafted as the headline)
    r"https?://|\bwww\.|^(?:screenshot|скриншот|кадр из видео|capture d[’']écran)\b|"
    # a row of social networks (wave 10: "Telegram youtube tiktok …" as the headline)
    r"^(?:(?:telegram|youtube|tiktok|vk|facebook|twitter|instagram|whatsapp|viber|"
    r"rutube|dzen|ok|x)[\s,|•·]*){3,}$|"
    # a site's banner of the day the page was read and its weather (wave 11: "Сегодня:
    # Среда, 27 Ноября, 2024 года" drafted as the headline), in the corpus' languages
    r"^(?:сегодня|сёння|today|aujourd[’']hui|bu\s*gün|այսօր|დღეს)\s*:|-?\d+\s*°\s*[CF]?\s*$|"
    # a breadcrumb trail ("Главная > Таджикистан > <headline>": wave 11 drafted it whole as
    # the headline): two steps or more, or one from the site's home
    r"^[^>›\n]+\s[>›]\s[^>›\n]+\s[>›]\s|"
    r"^(?:главная|галоўная|home|accueil|inicio|startseite|ana\s+səhifə|anasayfa|"
    r"գլխավոր|მთავარი)\s*[>›/|»]|"
    # a copyright line (wave 15: "© <Agency> - Riproduzione riservata" drafted as the
    # headline) in the corpus's languages
    r"©|\((?:c|с)\)\s*\d{4}|\b(?:all rights reserved|riproduzione riservata|"
    r"все права защищены|tüm hakları saklıdır|bütün hüquqlar qorunur|alle rechte vorbehalten|"
    r"wszelkie prawa zastrzeżone|tous droits réservés|todos los derechos reservados|"
    r"բոլոր իրավունքները պաշտպանված են)|"
    # a photo's caption with the picture's width and date after the outlet (wave 15:
    # "<caption> - Sputnik Азербайджан, 1920, 17.03.2023" drafted as the headline)
    r",\s*\d{3,4},\s*\d{2}\.\d{2}\.\d{4}\s*$",
    re.I,
)
# a page title's tail: " | <outlet> | Новости", " - <outlet>" after a long enough headline
_TITLE_TAIL = re.compile(r"\s+\|\s+.*$")
_CLOCK = re.compile(r"(?<![\d.])\d{1,2}:\d{2}(?![\d.])")
_LANGUAGE_MENU = re.compile(r"^[a-z]{2}(?:\s+[a-z]{2})+$|\S\s{3,}\S.*\S\s{3,}\S")
_DATE_PREFIX = re.compile(r"^date \d{4}(?:-\d{2})?\s+")
_BYLINE_LINE = re.compile(r"^By\s+[A-Z][\w.'’-]+(?:\s+[A-Z0-9][\w.'’-]*){1,7}$")


# a dateline on a line of its own ("BAKU, Azerbaijan, July 13", "MOSCOW, 5 октября /TASS/"):
# the city (and country) in front of a day and month, with at most an agency after it (wave
# 9: a dateline was proposed as the headline)
_MONTH_WORD = (
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|"
    r"juil|août|aout|sept|déc|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)\w*\.?"
)
_DATELINE = re.compile(
    r"^[A-ZА-ЯЁ][\w.'’-]*(?:\s+[A-ZА-ЯЁ][\w.'’-]*){0,2}"  # the city
    r"(?:,\s*[A-ZА-ЯЁ][\w.'’-]*(?:\s+[A-ZА-ЯЁ][\w.'’-]*){0,2})?"  # its country
    rf",\s*(?:\d{{1,2}}\s+{_MONTH_WORD}|{_MONTH_WORD}\s+\d{{1,2}})(?:,?\s+\d{{4}})?"
    r"\s*(?:[/(—–-]\s*\S+(?:\s+\S+){0,2}\s*[/)]?\s*[—–-]?)?\s*$"
)


def _clutter(line: str) -> bool:
    return bool(
        _DATELINE.match(line)
        or _CLUTTER.search(line)
        or _CLOCK.search(line)
        or _LANGUAGE_MENU.search(line)
        or _BYLINE_LINE.match(line)
    )


def title(text: str) -> str | None:
    """The article block's headline: the headline line of :func:`headline` unless it is page
    clutter, else the next line that is none (None when the body begins first). The
    sentence numbering keeps :func:`headline`'s line as s1: curated locators count from it.
    Measured on the 124 logged texts: 14 drafted headlines were clutter (navigation, a
    byline, a caption's credit, a script notice, an image, a clock time)."""
    head = headline(text)
    if head is None:
        return None
    for line in text[head[1] :].splitlines():
        stripped = _DATE_PREFIX.sub("", line.strip())
        if not stripped or _BOILERPLATE.match(stripped) or _clutter(stripped):
            continue
        if stripped.endswith(","):  # a piece of a quotation broken over lines
            continue
        if _ENDS_SENTENCE.search(stripped) or len(stripped.split()) > 30:
            return None  # the body has begun
        if len(_WORDY.findall(stripped)) >= 3 and len(stripped.split()) >= 3:
            return _without_tail(stripped)
    return None


def _without_tail(line: str) -> str:
    """The headline without the page title's " | <outlet> | <rubric>" tail, when what is
    left is a headline of three words or more (wave 10: the tail kept)."""
    cut = _TITLE_TAIL.sub("", line)
    return cut if len(_WORDY.findall(cut)) >= 3 else line


_BYLINE = re.compile(r"^\s*By\s+((?:[A-Z0-9][\w.'’-]*\s?){2,8})\s*$", re.M)
# A rank, a title or a service's grade before a byline's name ("By Capt. Ada Qarvelian",
# "By Staff Sgt. …", "By Sgt. 1st Class …", "By Dr. …"): the author is the person, without
# the rank (wave 7: a byline drafted with its rank was counted as invented).
_RANKS = frozenset(
    "adm admiral airman amn brig capt captain cdr class cmdr col colonel cpl cpt dr ens gen "
    "general gy gysgt lt lcpl lieutenant maj major master mr mrs ms msgt officer petty pfc "
    "prof pvt rear sfc sgt sergeant spc ssgt staff tech tsgt vice warrant wo cw2 cw3 cw4 "
    "cw5 senior chief first command sgm csm 1st 2nd 3rd".split()
)


def _without_rank(name: str) -> str | None:
    words = name.split()
    while words and words[0].rstrip(".").lower() in _RANKS:
        words.pop(0)
    if not 2 <= len(words) <= 4 or not all(w[0].isupper() for w in words):
        return None  # a rank and one name, or no name at all: no byline
    return " ".join(words)


def byline(text: str) -> str | None:
    """The author's name from a "By First Last" line near the top, without a rank or title
    before it."""
    match = _BYLINE.search(text[:1500])
    return _without_rank(match[1].strip()) if match else None
