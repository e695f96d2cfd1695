"""Quality of `kg draft` against the hand-curated seed files (not a timed test).

For each article text whose name matches a curated file in seeds/articles/, the drafter is
run (1) with every other file's entities available ("known entities") and (2) with the
article's own entities removed from the reference ("as if new": entities mentioned by this
article and by no other), and its proposals are scored against the curated file:

- mentions: recall and precision of the curated ``mentions`` list (all ids, and the
  reference entities only);
- dated events: every date/startDate/endDate value of the curated facts is one gold item;
  it is recalled when a drafted fact carries the same value (same precision: ``2023-09`` is
  not ``2023-09-06``); precision is over the distinct drafted values. "wrong precision"
  counts gold values the drafter found at another precision;
- numbers: valueAmount, personnelCount and memberCount values, recall and precision;
- new entities (run 2): how many of the removed entities the drafter proposes (by folded
  label or a person's surname), how many of those with the right type, and the precision
  of all its candidates.

The drafter is given the curated ``datePublished`` (as a curator would pass --published):
four of the five texts print no date at all.

Article texts are third-party writing and are not in this repository: the default
directory is /work/shared/seeds (the team's shared copy) when present; pass another with
--articles. Usage::

    python bench/draft.py [--articles DIR] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import config  # noqa: E402
from kg.draft.names import PERSONS, fold, load_gazetteer  # noqa: E402
from kg.draft.pipeline import Draft, draft_article  # noqa: E402
from kg.draft.write import render  # noqa: E402
from kg.errors import KgError  # noqa: E402
from kg.onefile import validate_file  # noqa: E402
from kg.seeds import SeedFile, Vocabulary, load_context, pending_allowed, read_seed  # noqa: E402

DEFAULT_ARTICLES = Path("/work/shared/seeds")
DATE_KEYS = ("date", "startDate", "endDate")
NUMBER_KEYS = ("valueAmount", "personnelCount", "memberCount")


@dataclass
class Score:
    hit: int = 0
    gold: int = 0
    drafted: int = 0
    correct_drafted: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    def add(self, other: Score) -> None:
        self.hit += other.hit
        self.gold += other.gold
        self.drafted += other.drafted
        self.correct_drafted += other.correct_drafted
        for k, v in other.extra.items():
            self.extra[k] = self.extra.get(k, 0) + v

    @property
    def recall(self) -> float:
        return self.hit / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct_drafted / self.drafted if self.drafted else 1.0


def _values(node: Any, keys: tuple[str, ...]) -> list[str]:
    """Values of ``keys`` anywhere in a parsed node (dates come as JSON-LD value objects)."""
    out: list[str] = []
    if isinstance(node, list):
        for item in node:
            out += _values(item, keys)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in keys:
                for v in value if isinstance(value, list) else [value]:
                    out.append(str(v["@value"]) if isinstance(v, dict) else str(v))
            else:
                out += _values(value, keys)
    return out


def _drafted_values(facts: list[Any], keys: tuple[str, ...]) -> list[str]:
    return [
        str(v)
        for f in facts
        for k in keys
        if k in f.fields
        for v in (f.fields[k] if isinstance(f.fields[k], list) else [f.fields[k]])
    ]


def _number(text: str) -> float:
    return float(text)


def score_set(gold: list[str], drafted: list[str]) -> Score:
    gold_set, drafted_set = set(gold), set(drafted)
    return Score(
        hit=sum(1 for g in gold if g in drafted_set),
        gold=len(gold),
        drafted=len(drafted_set),
        correct_drafted=len(drafted_set & gold_set),
    )


def score_dates(gold: list[str], drafted: list[str]) -> Score:
    score = score_set(gold, drafted)
    wrong = sum(
        1
        for g in gold
        if g not in drafted and any(d.startswith(g) or g.startswith(d) for d in drafted)
    )
    score.extra["wrong precision"] = wrong
    return score


def score_numbers(gold: list[str], drafted: list[str]) -> Score:
    norm = lambda xs: [f"{_number(x):g}" for x in xs]  # noqa: E731
    return score_set(norm(gold), norm(drafted))


_INFERRED = ("gives no date", "no date given", "prints no", "is inferred", "per article")


def _inferred(node: dict[str, Any]) -> bool:
    """A curated date the curator inferred from context or another article (its dateNote
    says so), rather than read in this text."""
    notes = node.get("dateNote", {})
    text = " ".join(notes.values()) if isinstance(notes, dict) else str(notes)
    return any(cue in text.lower() for cue in _INFERRED)


def own_entities(name: str, seeds: dict[str, SeedFile], reference: SeedFile) -> set[str]:
    """Reference entities this article mentions and no other article does."""
    ref_ids = {n["id"] for n in reference.nodes}
    mine = set(seeds[name].article.get("mentions", [])) & ref_ids
    others = {
        m
        for other, seed in seeds.items()
        if other != name
        for m in seed.article.get("mentions", [])
    }
    return mine - others


def _matches(candidate: Any, entity: dict[str, Any]) -> bool:
    names = []
    for key in ("label", "altLabel"):
        value = entity.get(key)
        names += value if isinstance(value, list) else [value] if isinstance(value, str) else []
    for value in (entity.get("altLabels") or {}).values():  # names in other languages
        names += value if isinstance(value, list) else [value]
    keys = {fold(n) for n in names}
    label = fold(candidate.label)
    if label in keys:
        return True
    if entity.get("type") in PERSONS and label.split()[-1:] == fold(names[0]).split()[-1:]:
        return True
    return False


def accepted_as_drafted(draft: Draft, paths: config.Paths) -> dict[str, Any]:
    """Accept every proposal unchanged (delete each `review: pending`, add the candidate
    entities to the reference) and count the proposals SHACL still finds fault with: how
    much a curator must fix beyond checking the facts and writing summaries."""
    with tempfile.TemporaryDirectory(prefix="draft-bench-") as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(paths.seeds, seeds)
        text = render(draft).replace("    review: pending\n", "")
        path = seeds / "articles" / f"9{draft.seed_id[1:]}.yaml"
        text = text.replace(f"article/{draft.seed_id}", f"article/{path.stem}")
        text = text.replace(f"seedFile: {draft.seed_id}.txt", f"seedFile: {path.stem}.txt")
        path.write_text(text, encoding="utf-8")
        candidates = re.findall(r"^#   - (\{id: [^}]+\})", text, re.M)
        with (seeds / "reference.yaml").open("a", encoding="utf-8") as out:
            out.writelines(f"  - {line}\n" for line in candidates)
        try:
            result = validate_file(path, config.Paths(seeds=seeds))
        except KgError as exc:
            return {"proposals": len(draft.facts), "error": str(exc).replace(tmp, "")}
        faulty = {str(v.focus) for v in result.violations}
        return {
            "proposals": len(draft.facts),
            "proposals with a violation": len(faulty),
            "violations": [str(v).replace(tmp, "") for v in result.violations],
        }


def run(articles: Path) -> dict[str, Any]:
    paths = config.Paths()
    vocab = Vocabulary.from_context(load_context(paths.context))
    reference = read_seed(paths.reference, vocab)
    with pending_allowed():
        seeds = {p.stem: read_seed(p, vocab) for p in sorted(paths.articles.glob("*.yaml"))}
    entities = {n["id"]: n for n in reference.nodes}
    results: dict[str, Any] = {"articles": {}}
    totals = {k: Score() for k in ("mentions", "entity mentions", "dates",
                                    "dates the text states", "numbers", "tenures",
                                    "new entities", "mentions (as if new)")}  # fmt: skip
    for name, seed in seeds.items():
        text = articles / f"{name}.txt"
        if not text.exists():
            continue
        gold_file = paths.articles / f"{name}.yaml"
        published = _values(seed.article, ("datePublished",))
        published_value = published[0] if published else None
        started = time.perf_counter()
        gaz = load_gazetteer(paths, exclude=[gold_file])
        draft = draft_article(text, paths, published=published_value, gazetteer=gaz)
        seconds = time.perf_counter() - started
        gold_mentions = list(seed.article.get("mentions", []))
        row: dict[str, Score] = {}
        row["mentions"] = score_set(gold_mentions, draft.mentions)
        ref_gold = [m for m in gold_mentions if m in entities]
        row["entity mentions"] = score_set(ref_gold, [m for m in draft.mentions if m in entities])
        drafted_dates = _drafted_values(draft.facts, DATE_KEYS)
        row["dates"] = score_dates(_values(seed.nodes, DATE_KEYS), drafted_dates)
        stated = [n for n in seed.nodes if not _inferred(n)]
        row["dates the text states"] = score_dates(_values(stated, DATE_KEYS), drafted_dates)
        row["numbers"] = score_numbers(
            _values(seed.nodes, NUMBER_KEYS), _drafted_values(draft.facts, NUMBER_KEYS)
        )
        gold_tenures = [f"{n.get('holder')} {n.get('post')}" for n in seed.nodes
                        if n.get("type") == "Tenure"]  # fmt: skip
        drafted_tenures = [f"{p.fields['holder']} {p.fields['post']}" for p in draft.facts
                           if p.kind == "tenure"]  # fmt: skip
        row["tenures"] = score_set(gold_tenures, drafted_tenures)
        own = own_entities(name, seeds, reference)
        gaz_new = load_gazetteer(paths, exclude=[gold_file], drop=own)
        new_draft = draft_article(text, paths, published=published_value, gazetteer=gaz_new)
        candidates = new_draft.new_entities
        found = [e for e in sorted(own) if any(_matches(c, entities[e]) for c in candidates)]
        typed = [
            e for e in found
            if any(_matches(c, entities[e]) and c.type == entities[e]["type"] for c in candidates)
        ]  # fmt: skip
        exercise_labels = {fold(str(n.get("label", ""))) for n in seed.nodes
                           if n.get("type") == "MilitaryExercise"}  # fmt: skip
        good = [
            c for c in candidates
            if any(_matches(c, entities[e]) for e in own) or fold(c.label) in exercise_labels
        ]  # fmt: skip
        row["new entities"] = Score(len(found), len(own), len(candidates), len(good),
                                    {"right type": len(typed)})  # fmt: skip
        kept = [m for m in gold_mentions if m not in own]
        row["mentions (as if new)"] = score_set(kept, new_draft.mentions)
        for key, score in row.items():
            totals[key].add(score)
        results["articles"][name] = {
            "accepted as drafted": accepted_as_drafted(draft, paths),
            "published": published_value,
            "seconds": round(seconds, 2),
            "proposals": len(draft.facts),
            "own entities": sorted(own),
            "found": found,
            "candidates": [f"{c.label} ({c.type}; cue {c.cue})" for c in candidates],
            "scores": {k: _as_dict(v) for k, v in row.items()},
        }
    results["totals"] = {k: _as_dict(v) for k, v in totals.items()}
    return results


def _as_dict(score: Score) -> dict[str, Any]:
    return {
        "recall": round(score.recall, 3),
        "precision": round(score.precision, 3),
        "hit": score.hit,
        "gold": score.gold,
        "drafted": score.drafted,
        "correct drafted": score.correct_drafted,
        **score.extra,
    }


def markdown(results: dict[str, Any]) -> str:
    lines = [
        "| article | mentions R / P | entity mentions R / P | dates R / P (wrong precision) "
        "| numbers R / P | new entities found / own (right type), cand. P | proposals | s |",
        "|---|---|---|---|---|---|---|---|",
    ]

    def rp(s: dict[str, Any]) -> str:
        return f"{s['recall']:.0%} ({s['hit']}/{s['gold']}) / {s['precision']:.0%}"

    for name, art in [*results["articles"].items(), ("**all**", None)]:
        s = art["scores"] if art else results["totals"]
        new = s["new entities"]
        lines.append(
            f"| {name} | {rp(s['mentions'])} | {rp(s['entity mentions'])} | "
            f"{rp(s['dates'])} ({s['dates'].get('wrong precision', 0)}) | {rp(s['numbers'])} | "
            f"{new['hit']}/{new['gold']} ({new.get('right type', 0)}), {new['precision']:.0%} "
            f"of {new['drafted']} | {art['proposals'] if art else ''} | "
            f"{art['seconds'] if art else ''} |"
        )
    as_new = results["totals"]["mentions (as if new)"]
    stated = results["totals"]["dates the text states"]
    lines.append("")
    lines.append(
        f"Dates, leaving out the curated dates whose dateNote says they were inferred from "
        f"context or another article: recall {stated['recall']:.0%} ({stated['hit']}/"
        f"{stated['gold']})."
    )
    valid = [a["accepted as drafted"] for a in results["articles"].values()]
    proposals = sum(v["proposals"] for v in valid)
    faulty = sum(v.get("proposals with a violation", 0) for v in valid)
    errors = [v["error"] for v in valid if "error" in v]
    lines.append(
        f"Accepted unchanged (every `review: pending` deleted, candidate entities added to the "
        f"reference), {proposals - faulty} of {proposals} proposals pass SHACL as drafted"
        + (f"; {len(errors)} draft(s) did not load: {errors}" if errors else "")
        + "."
    )
    tenures = results["totals"]["tenures"]
    lines.append(
        f"Tenures (holder and post): recall {tenures['recall']:.0%} ({tenures['hit']}/"
        f"{tenures['gold']}), precision {tenures['precision']:.0%}."
    )
    lines.append(
        f"Mentions with the article's own entities removed (the rest still known): recall "
        f"{as_new['recall']:.0%} ({as_new['hit']}/{as_new['gold']}), precision "
        f"{as_new['precision']:.0%}."
    )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES,
                        help="directory of the article texts (NNN_<hash>.txt)")  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write the full results as JSON")
    args = parser.parse_args()
    if not args.articles.is_dir():
        parser.error(f"{args.articles}: no such directory (pass --articles DIR)")
    results = run(args.articles)
    if not results["articles"]:
        parser.error(f"{args.articles}: no article text matches a file in seeds/articles/")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
