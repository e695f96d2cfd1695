"""Copy check: no curated prose in seeds/articles/ repeats its article's text word for word.

The project keeps facts in its own words (the texts are third-party writing and stay outside
the repository). For every article file whose ``seedFile`` names a text in TEXTDIR (the texts
as read, e.g. /work/corpus/texts/), every ``summary``, ``label``, ``quote`` and ``dateNote``
(article block, facts and entities) is compared with the text: a run of 8 words in a row that
both share is flagged, with the words. Words are compared lower-cased, with punctuation and
apostrophe variants ignored. A ``quote`` is allowed where the words are the fact (what an
official said), so quotes are listed apart and do not fail the check; anything else does
(exit status 1).

Usage::

    python bench/copycheck.py /work/corpus/texts [--articles seeds/articles]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "seeds" / "articles"
N = 8
FIELDS = ("summary", "label", "quote", "dateNote")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def grams(items: list[str], n: int = N) -> set[tuple[str, ...]]:
    return {tuple(items[i : i + n]) for i in range(len(items) - n + 1)}


@dataclass(frozen=True)
class Hit:
    """One field sharing an 8-word run with its article's text."""

    file: str
    block: str  # the block's id
    field: str
    shared: str  # the longest shared run, as words

    @property
    def allowed(self) -> bool:
        return self.field == "quote"


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)
    elif isinstance(value, dict):  # {en: ..., hy: ...}
        for v in value.values():
            yield from _texts(v)


def _blocks(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if isinstance(data.get("article"), dict):
        yield data["article"]
    for key in ("facts", "entities"):
        for block in data.get(key) or []:
            if isinstance(block, dict):
                yield block


def _longest(field_words: list[str], text_grams: set[tuple[str, ...]]) -> str:
    """The longest run of the field's words that the text has (at least N words)."""
    best: list[str] = []
    i = 0
    while i <= len(field_words) - N:
        if tuple(field_words[i : i + N]) in text_grams:
            j = i + N
            while j < len(field_words) and tuple(field_words[j - N + 1 : j + 1]) in text_grams:
                j += 1
            if j - i > len(best):
                best = field_words[i:j]
            i = j
        else:
            i += 1
    return " ".join(best)


def check_file(path: Path, textdir: Path) -> tuple[list[Hit], str | None]:
    """The hits in one article file, or why it could not be checked."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        return [], f"{path.name}: not YAML: {exc}"
    seed = (data.get("article") or {}).get("seedFile")
    if not seed:
        return [], f"{path.name}: no seedFile"
    text_path = textdir / str(seed)
    if not text_path.exists():
        return [], f"{path.name}: no text {text_path}"
    text_grams = grams(words(text_path.read_text(encoding="utf-8")))
    hits = []
    for block in _blocks(data):
        for field in FIELDS:
            for value in _texts(block.get(field)):
                run = _longest(words(value), text_grams)
                if run:
                    hits.append(Hit(path.name, str(block.get("id", "?")), field, run))
    return hits, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("textdir", type=Path, help="the texts as read (NNN_<h16>.txt)")
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    args = parser.parse_args(argv)
    if not args.textdir.is_dir():
        print(f"{args.textdir}: not a directory", file=sys.stderr)
        return 2
    checked, failed = 0, 0
    for path in sorted(args.articles.glob("*.yaml")):
        hits, skipped = check_file(path, args.textdir)
        if skipped:
            print(f"skipped {skipped}")
            continue
        checked += 1
        for hit in hits:
            kind = "quote (allowed where the words are the fact)" if hit.allowed else "COPIED"
            print(f'{kind}: {hit.file} {hit.block} {hit.field}: "{hit.shared}"')
            failed += not hit.allowed
    print(f"{checked} article file(s) checked; {failed} field(s) share {N}+ words with the text")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
