"""The locator guard: has the drafter's sentence splitter moved any curated article's locators?

A ``locator`` (``s4``, ``s4-s6``) counts sentences of the text as read as the drafter's own
splitter numbers them (:mod:`kg.draft.sentences`). The texts live outside the repository, so
a change to the splitter that renumbers an article's sentences fails no test: last session one
such change silently moved the locators of four curated articles (054, 057, 061, 064; found
by hand, renumbered in 8fe22c9). This script keeps, in ``bench/splits.csv``, one row per
curated article with locators: its ``seedFile``, the number of sentences and the sha256 of
their start offsets, and checks the current splitter against it.

Usage::

    python bench/splits.py /work/corpus/texts            # check: exit 1 naming every article
                                                         # whose splitting changed
    python bench/splits.py /work/corpus/texts --record   # write bench/splits.csv (after
                                                         # renumbering the locators it named,
                                                         # or for newly curated articles)

An article not recorded yet, or whose text is not in the directory, is listed and does not
fail the check (record it once it is curated). With ``--strict`` a curated article with
locators whose text is missing fails it too (exit 1): on a machine that holds the whole
corpus, a missing text is a seedFile misspelt or a text never saved, and its locators are
not checked at all.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.draft.names import make_nlp  # noqa: E402
from kg.draft.sentences import numbered  # noqa: E402

ARTICLES = ROOT / "seeds" / "articles"
SPLITS = ROOT / "bench" / "splits.csv"
FIELDS = ["seedFile", "sentences", "startsSha256"]


@dataclass(frozen=True)
class Split:
    """How the splitter cut one text: how many sentences, and where each starts (hashed)."""

    seed_file: str
    sentences: int
    starts_sha256: str


def split_of(nlp: Language, seed_file: str, text: str) -> Split:
    """The splitting of one text by the drafter's splitter."""
    sentences = numbered(nlp, text)
    starts = ",".join(str(s.start) for s in sentences)
    return Split(seed_file, len(sentences), hashlib.sha256(starts.encode()).hexdigest())


def located_articles(articles: Path) -> list[str]:
    """The ``seedFile`` of every curated article with at least one ``locator``."""
    out = []
    for path in sorted(articles.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        seed_file = (data.get("article") or {}).get("seedFile")
        facts = [f for f in data.get("facts") or [] if isinstance(f, dict)]
        if seed_file and any("locator" in f for f in facts):
            out.append(str(seed_file))
    return out


def current(texts: Path, articles: Path) -> tuple[list[Split], list[str]]:
    """The current splitting of every located article whose text is in ``texts``; and the
    seed files whose text is missing."""
    nlp = make_nlp()
    out, missing = [], []
    for seed_file in located_articles(articles):
        path = texts / seed_file
        if not path.exists():
            missing.append(seed_file)
            continue
        out.append(split_of(nlp, seed_file, path.read_text(encoding="utf-8")))
    return out, missing


def read_record(path: Path) -> dict[str, Split]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {r["seedFile"]: Split(r["seedFile"], int(r["sentences"]), r["startsSha256"])
            for r in rows}  # fmt: skip


def write_record(splits: list[Split], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for s in sorted(splits, key=lambda s: s.seed_file):
        writer.writerow([s.seed_file, s.sentences, s.starts_sha256])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def check(splits: list[Split], record: dict[str, Split]) -> tuple[list[str], list[str]]:
    """(changed, not recorded): one line per article whose splitting differs from the record,
    and the seed files the record lacks."""
    changed, unrecorded = [], []
    for split in splits:
        then = record.get(split.seed_file)
        if then is None:
            unrecorded.append(split.seed_file)
        elif then != split:
            changed.append(f"{split.seed_file}: {then.sentences} sentences recorded, "
                           f"{split.sentences} now" + (
                               "" if then.sentences != split.sentences
                               else " (same count, other boundaries)"))  # fmt: skip
    return changed, unrecorded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("texts", type=Path, help="the directory of the texts as read")
    parser.add_argument("--record", action="store_true", help=f"write {SPLITS.name}")
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--csv", type=Path, default=SPLITS)
    parser.add_argument("--strict", action="store_true",
                        help="fail on a located article whose text is not in TEXTS")  # fmt: skip
    args = parser.parse_args(argv)
    splits, missing = current(args.texts, args.articles)
    for seed_file in missing:
        print(f"  no text: {seed_file} (not checked)")
    if args.record:  # a text not on this machine keeps its recorded row
        kept = [split for name, split in read_record(args.csv).items() if name in missing]
        write_record(splits + kept, args.csv)
        print(
            f"recorded the splitting of {len(splits)} articles in {args.csv}"
            + (f", kept the rows of {len(kept)} whose text is not here" if kept else "")
        )
        return 0
    changed, unrecorded = check(splits, read_record(args.csv))
    for seed_file in unrecorded:
        print(f"  not recorded: {seed_file} (python bench/splits.py TEXTS --record)")
    if changed:
        print(f"the sentence splitter moved the locators of {len(changed)} curated articles "
              "(renumber them: kg draft --sentences before/after, then --record):")  # fmt: skip
        for line in changed:
            print(f"  {line}")
    else:
        print(f"splitting unchanged for {len(splits) - len(unrecorded)} recorded articles")
    if args.strict and missing:
        print(f"--strict: {len(missing)} curated articles with locators have no text in "
              f"{args.texts}")  # fmt: skip
    return 1 if changed or (args.strict and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
