"""The draft log: every first draft in bench/drafts/ scored against its curated file.

``bench/drafts/<NNN>_<h16>.draft.yaml`` is the untouched output of ``kg draft`` on an article
(first line ``# first draft by kg draft at commit <sha>``), committed before the article was
curated; ``seeds/articles/<NNN>_<h16>.yaml`` is the curated file. This module compares the two
and writes ``bench/draft-log.csv``, one row per article (articles whose curated file is missing
or still has ``review: pending`` blocks are skipped and listed), in the order the first drafts
were committed, then prints the totals over all rows and over the last 20 against the targets
of issue 19. First drafts are never regenerated: the log is a record of what the drafter did
on text it had not seen.

What is counted (all totals are sums over rows, i.e. micro-averages):

- **mentions**: the draft's ``article.mentions`` plus its candidate new entities (the
  ``#   - {id: …, type: …, label: …}`` comment lines) against the curated ``mentions``. A
  candidate counts as the curated id when the ids are equal or its folded label equals the
  label, a label in another language (``labels: {ru: …}``: a name drafted in Cyrillic is
  slugged by its transliteration, which need not be the curated id) or an ``altLabel`` of
  that entity in ``seeds/reference.yaml`` (a curator may rename
  ``knds-france`` to ``knds``); a drafted fact id (a deal the draft proposes) counts as the
  id of the curated fact its proposal is matched to (below). Precision = found / drafted,
  recall = found / curated.
- **dates**: the curated ``datePublished`` (unless the curator gave it to the drafter with
  ``--published``) and every ``date``, ``startDate``, ``endDate`` and ``scheduledEndDate`` of
  a curated fact (bounds and as-of dates are context, not dates the text states). One is right
  when the draft has the same value at the same precision (``2023-09`` is not
  ``2023-09-06``): the article block's ``datePublished``, or the same key on the proposal
  matched to that fact (or, for a fact no proposal matched, on any proposal of its type).
- **numbers**: every numeric value of a curated fact (amounts, counts, quantities), right
  under the same rule as dates (same key, same value).
- **proposals** (every drafted fact block) are read with each candidate new entity's id
  replaced by the curated id it stands for, by the mentions' rule (the same id, or its folded
  label is a name of that entity in the reference: ``same_entities``), over the curated
  mentions and then the other ids of the curated blocks; so a right Tenure of a new person the
  curator slugged otherwise is matched, and not counted as wrong and missed. They are then
  matched one to one to curated facts: first by
  ``id``; then each unmatched proposal to a curated fact of the same ``type``
  whose key fields (``KEY_FIELDS``: e.g. holder + post of a Tenure, speaker of a Statement)
  share a value with the curated fact's, the pairs needing fewest edits taken first over all
  curated facts (not in file order: a PoliticalEvent, which has no key field, went to the
  first curated event of the file and its right date counted as invented). An **edit**
  is one key added, removed or changed; ``summary``, ``label``, ``dateNote``, ``locator``,
  ``quote`` (the drafter may not copy the text), ``review`` and YAML comments do not count,
  nor does a new fact's ``id`` (naming), except when the curated id is a fact another
  article file already has (the drafter should have proposed it). A matched proposal is
  *unchanged* (0 edits), *one edit* or *edited more*; an unmatched proposal is *wrong*
  (deleted by the curator); a curated fact no proposal matched is *missed*.
- **invented** (target zero), counted apart from the above: a *date* on a proposal
  (``date``, ``startDate``, ``endDate``) that neither equals nor is a coarser form of the
  value the matched curated fact has under that key, a *bound* (``earliestDate``,
  ``latestDate``, ``asOf``) that the matched fact's dates break (a curated date after a
  drafted latestDate), a date of a wrong proposal that is no coarser form of any date value
  in the curated file, or a drafted
  ``datePublished`` that does not agree with the curated one; a *speaker* or *claimant* no
  curated fact gives that role; a *byline* (``author``) the curated article does not have.

The targets (issue 19, item 2) over the last 20 rows: mention recall and precision >= 90 %,
dates right >= 85 %, numbers right >= 90 %, proposals unchanged or one edit >= 60 % and
wrong <= 10 % of all proposals.

``--redraft TEXTDIR`` answers "what would the current code draft?" for the same articles:
each text is drafted again by this checkout's drafter against the seeds *as they were at the
commit that made its first draft* (``git archive``; only the vocabulary, context.jsonld, is
today's), so a curator's later additions to ``seeds/reference.yaml`` for that article are not
known to it, and the result is scored the same way. Articles whose text is not in TEXTDIR are
left out and counted on stderr (a machine may hold only part of the corpus's texts), unless
``--strict`` makes a missing text stop the run. It prints the summary and writes nothing
unless ``--csv`` is given; bench/drafts/ is never touched. This is how a rule change is
judged (the summary before and after goes in the commit message).

``--breakdown`` (with ``--redraft``, or on the first drafts) says where the points are lost:
missed curated facts and their dates by ``type``; proposals by the rule that made them (the
``# proposed by rule:`` comment the drafter writes before each block) as accepted (unchanged
or one edit) / edited more / wrong; missed mentions by kind (an entity the graph had when the
article was drafted, a new entity the curator added, a post, a fact id) and by the article's
script (Latin, Cyrillic, Armenian).

Usage::

    python bench/draft_log.py                     # writes bench/draft-log.csv, prints summary
    python bench/draft_log.py --redraft /work/corpus/texts   # the current code, same articles
    python bench/draft_log.py --redraft /work/corpus/texts --breakdown
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.draft.names import fold  # noqa: E402

DRAFTS = ROOT / "bench" / "drafts"
ARTICLES = ROOT / "seeds" / "articles"
REFERENCE = ROOT / "seeds" / "reference.yaml"
LOG = ROOT / "bench" / "draft-log.csv"
LAST = 20

GIVEN = "Publication date given by the curator when drafting."  # kg draft --published
HEADER = re.compile(r"^# first draft by kg draft at commit ([0-9a-f]{4,40})")
CANDIDATE = re.compile(r"^#\s+-\s+(\{.*\})\s+#\s*cue:", re.M)
DATE_KEYS = ("date", "startDate", "endDate", "scheduledEndDate")
BOUND_KEYS = ("earliestDate", "latestDate", "asOf")
NOT_EDITS = {"summary", "label", "dateNote", "locator", "quote", "review", "id"}
# the fields that say which fact a block is, per type (a proposal matches a curated fact of
# the same type when each of these shares a value; a type not listed matches by type alone)
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "Tenure": ("holder", "post"),
    "Visit": ("visitor", "destination"),
    "Meeting": ("participant",),
    "Statement": ("speaker",),
    "ArmsDeal": ("supplier", "recipient"),
    "Agreement": ("party",),
    "Membership": ("member", "organization"),
    "MembershipStatusPeriod": ("ofMembership",),
    "Leadership": ("leader", "ledOrganization"),
    "Partnership": ("partner",),
    "Deployment": ("contributor",),
    "PeacekeepingDeployment": ("contributor",),
    "Participation": ("participantActor",),
    "OrganizationSize": ("ofOrganization",),
    "PoliticalEvent": ("participant",),
    "ArmedConflict": ("participant",),
}


@dataclass
class Row:
    """One article's scores (the CSV's columns, in order)."""

    article: str
    drafted_at: str
    mentions_curated: int = 0
    mentions_drafted: int = 0
    mentions_found: int = 0
    dates_curated: int = 0
    dates_right: int = 0
    numbers_curated: int = 0
    numbers_right: int = 0
    proposals: int = 0
    unchanged: int = 0
    one_edit: int = 0
    edited_more: int = 0
    wrong: int = 0
    missed: int = 0
    invented_dates: int = 0
    invented_speakers: int = 0
    invented_bylines: int = 0


COUNTS = [f.name for f in fields(Row)][2:]


# ------------------------------------------------------------------ reading


def _value(value: Any) -> str:
    """A scalar as the seed files mean it (YAML reads 2022-03-14 as a date, 2019 as an int)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _values(value: Any) -> set[str]:
    if value is None:
        return set()
    items = value if isinstance(value, list) else [value]
    return {_value(v) for v in items}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def load_seed(path: Path) -> dict[str, Any]:
    """A seed file's YAML (``review: pending`` is just a key here)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SystemExit(f"{path}: not YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
        raise SystemExit(f"{path}: no article: block")
    data["facts"] = [f for f in (data.get("facts") or []) if isinstance(f, dict)]
    return data


def candidates(text: str) -> list[dict[str, str]]:
    """The draft's candidate new entities (written as comments for the curator)."""
    out = []
    for match in CANDIDATE.finditer(text):
        try:
            entity = yaml.safe_load(match[1])
        except yaml.YAMLError:
            continue
        if isinstance(entity, dict) and "id" in entity:
            out.append({k: str(v) for k, v in entity.items()})
    return out


def same_entities(
    drafted: list[dict[str, str]], curated: Iterable[str], names: dict[str, set[str]]
) -> dict[str, str]:
    """The curated id each candidate new entity of a draft stands for, by one rule for mentions
    and facts alike: the same id, or the candidate's folded label is a name (label, label in
    another language, altLabel) of the curated entity in the reference. A candidate no curated
    id answers is absent (it keeps its own id)."""
    ids = list(dict.fromkeys(curated))
    out: dict[str, str] = {}
    for entity in drafted:
        label = fold(entity.get("label", ""))
        same = [m for m in ids if m == entity["id"] or label in names.get(m, ())]
        if same:
            out[entity["id"]] = same[0]
    return out


def renamed_proposals(facts: list[dict[str, Any]], same: dict[str, str]) -> list[dict[str, Any]]:
    """The draft's fact blocks with each candidate entity's id read as the curated id it stands
    for (:func:`same_entities`), so that a right proposal naming a new person by another slug
    matches its curated fact (its id, a fact id, is left as drafted)."""
    if not same:
        return facts

    def one(value: Any) -> Any:
        if isinstance(value, list):
            return [one(v) for v in value]
        return same.get(value, value) if isinstance(value, str) else value

    return [{k: (v if k == "id" else one(v)) for k, v in fact.items()} for fact in facts]


def _entity_ids(gold: dict[str, Any]) -> list[str]:
    """The curated file's mentions, then every other value of its blocks (the ids a candidate
    may stand for, mentions first)."""
    out = list(_values(gold["article"].get("mentions")))
    for fact in gold["facts"]:
        for key, value in fact.items():
            if key not in NOT_EDITS:
                out += sorted(v for v in _values(value) if v not in out)
    return out


def proposals(
    text: str, draft: dict[str, Any], gold: dict[str, Any], names: dict[str, set[str]]
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """A draft's fact blocks as the scorer compares them, and the candidates' curated ids."""
    same = same_entities(candidates(text), _entity_ids(gold), names)
    return renamed_proposals(draft["facts"], same), same


def reference_names(path: Path = REFERENCE) -> dict[str, set[str]]:
    """Folded label and altLabels per reference entity id."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, set[str]] = {}
    for node in data.get("entities") or []:
        if not isinstance(node, dict) or "id" not in node:
            continue
        names = _values(node.get("label")) | _values(node.get("altLabel"))
        if isinstance(node.get("labels"), dict):  # its label in other languages
            names |= {_value(v) for v in node["labels"].values() if v is not None}
        if isinstance(node.get("altLabels"), dict):  # other names in other languages
            for value in node["altLabels"].values():
                names |= _values(value)
        out[str(node["id"])] = {fold(n) for n in names}
    return out


def other_fact_ids(articles: Path, but: Path) -> set[str]:
    """Fact ids in the other curated files (a proposal should reuse these)."""
    out: set[str] = set()
    for path, ids in _fact_ids_by_file(articles).items():
        if path.name != but.name:
            out |= ids
    return out


_FACT_IDS: dict[Path, dict[Path, set[str]]] = {}


def _fact_ids_by_file(articles: Path) -> dict[Path, set[str]]:
    """Each curated file's fact ids, read once per run (the files do not change during it)."""
    if articles not in _FACT_IDS:
        table: dict[Path, set[str]] = {}
        for path in sorted(articles.glob("*.yaml")):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError:
                continue
            table[path] = {str(f["id"]) for f in data.get("facts") or []
                           if isinstance(f, dict) and "id" in f}  # fmt: skip
        _FACT_IDS[articles] = table
    return _FACT_IDS[articles]


# ------------------------------------------------------------------ matching


def edits(proposal: dict[str, Any], curated: dict[str, Any], known_ids: set[str]) -> int:
    """Keys added, removed or changed between a proposal and the curated block."""
    n = 0
    for key in (set(proposal) | set(curated)) - NOT_EDITS:
        if _values(proposal.get(key)) != _values(curated.get(key)):
            n += 1
    if proposal.get("id") != curated.get("id") and curated.get("id") in known_ids:
        n += 1  # the fact was in the graph and the draft did not propose its id
    return n


def _same_fact(proposal: dict[str, Any], curated: dict[str, Any]) -> bool:
    if proposal.get("type") != curated.get("type"):
        return False
    for key in KEY_FIELDS.get(str(curated.get("type")), ()):
        mine, theirs = _values(proposal.get(key)), _values(curated.get(key))
        if (mine or theirs) and not mine & theirs:
            return False
    return True


def match(
    drafted: list[dict[str, Any]], curated: list[dict[str, Any]], known_ids: set[str]
) -> dict[int, int]:
    """curated index -> drafted index, one to one (by id, then by type and key fields)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    by_id = {str(p.get("id")): i for i, p in enumerate(drafted)}
    for c, fact in enumerate(curated):
        d = by_id.get(str(fact.get("id")))
        if d is not None and d not in used and drafted[d].get("type") == fact.get("type"):
            pairs[c] = d
            used.add(d)
    # then the pairs needing fewest edits first, over all curated facts at once: taken in file
    # order, a proposal went to the first curated fact of its type (a PoliticalEvent has no key
    # field) and its date counted as invented though it was another event's of the same file
    options = sorted(
        (edits(p, fact, known_ids), c, d)
        for c, fact in enumerate(curated)
        if c not in pairs
        for d, p in enumerate(drafted)
        if d not in used and _same_fact(p, fact)
    )
    for _, c, d in options:
        if c not in pairs and d not in used:
            pairs[c] = d
            used.add(d)
    return pairs


# ------------------------------------------------------------------ scoring


def _coarser_or_equal(drafted: str, curated: str) -> bool:
    """``2023`` agrees with ``2023-05-12``; ``2021`` does not agree with ``2024``."""
    return curated == drafted or curated.startswith(drafted + "-")


def _bound_holds(key: str, mine: str, fact: dict[str, Any]) -> bool:
    """A drafted bound is not invented when the curated fact's time keeps it: no curated
    date after a ``latestDate``/``asOf``, none before an ``earliestDate`` (compared at the
    coarser precision of the two)."""
    times = [_value(fact[k]) for k in DATE_KEYS + BOUND_KEYS if k in fact]
    if key == "earliestDate":
        return any(t[: len(mine)] >= mine[: len(t)] for t in times) or not times
    return any(t[: len(mine)] <= mine[: len(t)] for t in times) or not times


def score(
    draft_path: Path,
    curated_path: Path,
    names: dict[str, set[str]],
    known_ids: set[str],
) -> Row:
    """One article's row."""
    text = draft_path.read_text(encoding="utf-8")
    head = HEADER.match(text)
    row = Row(curated_path.stem, head[1] if head else "unknown")
    draft, gold = load_seed(draft_path), load_seed(curated_path)
    d_art, g_art = draft["article"], gold["article"]

    # proposals are matched first: a drafted fact id in mentions counts as its match's id;
    # a candidate new entity counts as the curated id it stands for, in facts as in mentions
    d_facts, same = proposals(text, draft, gold, names)
    g_facts = gold["facts"]
    pairs = match(d_facts, g_facts, known_ids)
    renamed = {str(d_facts[d].get("id")): str(g_facts[c].get("id")) for c, d in pairs.items()}

    # mentions
    gold_mentions = _values(g_art.get("mentions"))
    drafted = {renamed.get(m, m) for m in _values(d_art.get("mentions"))}
    drafted |= {same.get(e["id"], e["id"]) for e in candidates(text)}
    row.mentions_curated = len(gold_mentions)
    row.mentions_drafted = len(drafted)
    row.mentions_found = len(drafted & gold_mentions)

    # proposals
    row.proposals = len(d_facts)
    for c, d in pairs.items():
        n = edits(d_facts[d], g_facts[c], known_ids)
        if n == 0:
            row.unchanged += 1
        elif n == 1:
            row.one_edit += 1
        else:
            row.edited_more += 1
    row.wrong = len(d_facts) - len(pairs)
    row.missed = len(g_facts) - len(pairs)

    # dates and numbers the curated file has
    if "datePublished" in g_art and d_art.get("dateNote") != GIVEN:  # found by the drafter
        row.dates_curated += 1
        row.dates_right += _value(d_art.get("datePublished")) == _value(g_art["datePublished"])
    for c, fact in enumerate(g_facts):
        if c in pairs:
            pool = [d_facts[pairs[c]]]
        else:
            pool = [p for p in d_facts if p.get("type") == fact.get("type")]
        for key, value in fact.items():
            if key in DATE_KEYS:
                row.dates_curated += 1
                row.dates_right += any(_value(value) in _values(p.get(key)) for p in pool)
            elif key not in BOUND_KEYS and _is_number(value):
                row.numbers_curated += 1
                row.numbers_right += any(
                    _is_number(p.get(key)) and float(p[key]) == float(value) for p in pool
                )

    # invented dates, speakers, bylines
    all_gold_dates = {_value(f[k]) for f in g_facts for k in DATE_KEYS + BOUND_KEYS if k in f}
    if "datePublished" in g_art:
        all_gold_dates.add(_value(g_art["datePublished"]))
    matched = {d: c for c, d in pairs.items()}
    for d, proposal in enumerate(d_facts):
        for key in DATE_KEYS + BOUND_KEYS:
            if key not in proposal:
                continue
            mine = _value(proposal[key])
            if d in matched and key in BOUND_KEYS:  # a bound only has to hold
                ok = _bound_holds(key, mine, g_facts[matched[d]])
            elif d in matched:
                theirs = g_facts[matched[d]].get(key)
                ok = theirs is not None and _coarser_or_equal(mine, _value(theirs))
            else:
                ok = any(_coarser_or_equal(mine, g) for g in all_gold_dates)
            row.invented_dates += not ok
    if "datePublished" in d_art:
        theirs = g_art.get("datePublished")
        ok = theirs is not None and _coarser_or_equal(
            _value(d_art["datePublished"]), _value(theirs)
        )
        row.invented_dates += not ok
    for role in ("speaker", "claimant"):
        said = set().union(*(_values(f.get(role)) for f in g_facts)) if g_facts else set()
        for proposal in d_facts:
            row.invented_speakers += len(_values(proposal.get(role)) - said)
    if d_art.get("author"):
        author = _value(d_art["author"])
        theirs = _values(g_art.get("author"))
        known = any(
            fold(author) == fold(t)
            or fold(author) in names.get(t, ())
            or fold(author).replace(" ", "-") == fold(t)
            for t in theirs
        )
        row.invented_bylines += not known
    return row


def explain(draft_path: Path, curated_path: Path, known_ids: set[str]) -> str:
    """How the proposals of one draft were matched and what was edited (for a reader)."""
    gold = load_seed(curated_path)
    text = draft_path.read_text(encoding="utf-8")
    d_facts, _ = proposals(text, load_seed(draft_path), gold, reference_names())
    g_facts = gold["facts"]
    pairs = match(d_facts, g_facts, known_ids)
    matched = {d: c for c, d in pairs.items()}
    out = [f"{draft_path.name} against {curated_path.name}"]
    for d, proposal in enumerate(d_facts):
        if d not in matched:
            out.append(f"  WRONG   {proposal.get('id')}")
            continue
        fact = g_facts[matched[d]]
        changed = sorted(
            k
            for k in (set(proposal) | set(fact)) - NOT_EDITS
            if _values(proposal.get(k)) != _values(fact.get(k))
        )
        n = edits(proposal, fact, known_ids)
        out.append(f"  {n} edits {proposal.get('id')} -> {fact.get('id')}: "
                   + ", ".join(f"{k} {sorted(_values(proposal.get(k)))} -> "
                               f"{sorted(_values(fact.get(k)))}" for k in changed))  # fmt: skip
    for c, fact in enumerate(g_facts):
        if c not in pairs:
            out.append(f"  MISSED  {fact.get('id')} ({fact.get('type')})")
    return "\n".join(out)


# ------------------------------------------------------------------ where points are lost

RULE = re.compile(r"^\s*# proposed by rule: (.*)$", re.M)


def rules_of(text: str) -> list[str]:
    """The rule that made each fact block of a draft, in file order."""
    return [m[1].strip() for m in RULE.finditer(text)]


def _script(language: str) -> str:
    return {"ru": "Cyrillic", "hy": "Armenian"}.get(language, "Latin")


def _reference_at(commit: str, cache: dict[str, set[str]]) -> set[str]:
    """The reference entity ids at ``commit`` (today's when git cannot tell)."""
    if commit not in cache:
        out = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:seeds/reference.yaml"],
                             capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
        text = out.stdout if out.returncode == 0 else REFERENCE.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
        cache[commit] = {str(e["id"]) for e in data.get("entities") or [] if isinstance(e, dict)
                         and "id" in e}  # fmt: skip
    return cache[commit]


def _mention_kind(mention: str, known: set[str]) -> str:
    if mention.startswith("post/"):
        return "post"
    if mention in known:
        return "graph entity"
    if "/" in mention:
        return "fact id"
    return "new entity"


def breakdown(pairs: list[tuple[Path, Path]], firsts: list[Path], articles: Path) -> str:
    """The tables of ``--breakdown`` over the given (draft, curated) pairs; ``firsts`` are
    the first drafts (their commit says what the graph knew)."""
    from collections import Counter

    missed_by_type: Counter[str] = Counter()
    dates_missed: Counter[str] = Counter()
    dates_all: Counter[str] = Counter()
    rules: dict[str, Counter[str]] = {}
    mentions_missed: Counter[tuple[str, str]] = Counter()
    mentions_all: Counter[tuple[str, str]] = Counter()
    extra: Counter[tuple[str, str]] = Counter()  # drafted mentions the curator dropped
    cache: dict[str, set[str]] = {}
    names = reference_names()
    for (draft_path, curated_path), first in zip(pairs, firsts, strict=True):
        text = draft_path.read_text(encoding="utf-8")
        head = HEADER.match(first.read_text(encoding="utf-8"))
        known = _reference_at(head[1] if head else "HEAD", cache)
        draft, gold = load_seed(draft_path), load_seed(curated_path)
        d_facts, same = proposals(text, draft, gold, names)
        g_facts = gold["facts"]
        known_ids = other_fact_ids(articles, curated_path)
        pairs_ = match(d_facts, g_facts, known_ids)
        matched = {d: c for c, d in pairs_.items()}
        made_by = rules_of(text)
        for d, proposal in enumerate(d_facts):
            rule = made_by[d] if d < len(made_by) else "?"
            tally = rules.setdefault(f"{proposal.get('type')}: {rule}", Counter())
            if d not in matched:
                tally["wrong"] += 1
            elif edits(proposal, g_facts[matched[d]], known_ids) <= 1:
                tally["accepted"] += 1
            else:
                tally["edited more"] += 1
        for c, fact in enumerate(g_facts):
            kind = str(fact.get("type"))
            if c not in pairs_:
                missed_by_type[kind] += 1
            pool = [d_facts[pairs_[c]]] if c in pairs_ else [
                p for p in d_facts if p.get("type") == fact.get("type")]  # fmt: skip
            for key, value in fact.items():
                if key in DATE_KEYS:
                    dates_all[kind] += 1
                    dates_missed[kind] += not any(_value(value) in _values(p.get(key))
                                                  for p in pool)  # fmt: skip
        script = _script(str(gold["article"].get("inLanguage", "en")))
        renamed = {str(d_facts[d].get("id")): str(g_facts[c].get("id")) for c, d in pairs_.items()}
        gold_mentions = _values(gold["article"].get("mentions"))
        drafted = {renamed.get(m, m) for m in _values(draft["article"].get("mentions"))}
        drafted |= {same.get(e["id"], e["id"]) for e in candidates(text)}
        for m in gold_mentions:
            mentions_all[_mention_kind(m, known), script] += 1
            mentions_missed[_mention_kind(m, known), script] += m not in drafted
        for m in drafted - gold_mentions:
            extra[_mention_kind(m, known), script] += 1
    out = ["missed curated facts by type (missed / curated dates missed of all):"]
    for kind, n in missed_by_type.most_common():
        out.append(f"  {kind:26} {n:4}   dates missed {dates_missed[kind]}/{dates_all[kind]}")
    out.append("dates missed by type of the fact that holds them (missed/all):")
    for kind, n in dates_missed.most_common():
        out.append(f"  {kind:26} {n}/{dates_all[kind]}")
    out.append("proposals by rule (accepted = unchanged or one edit / edited more / wrong):")
    for rule, t in sorted(rules.items(), key=lambda kv: -sum(kv[1].values())):
        out.append(f"  {rule:60} {t['accepted']:3} / {t['edited more']:3} / {t['wrong']:3}")
    out.append("mentions missed by kind and script (missed/curated; drafted not curated):")
    for key, n in sorted(mentions_all.items(), key=lambda kv: -mentions_missed[kv[0]]):
        out.append(f"  {key[0]:13} {key[1]:9} {mentions_missed[key]:4}/{n:<4} "
                   f"extra {extra[key]}")  # fmt: skip
    return "\n".join(out)


# ------------------------------------------------------------------ the log


def _added_at(drafts: Path) -> dict[str, int]:
    """When each first draft was committed (unix time), from git; empty outside a checkout."""
    try:
        out = subprocess.run(
            ["git", "-C", str(drafts), "log", "--format=@%ct", "--diff-filter=A", "--name-only",
             "--", "."],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return {}
    when: dict[str, int] = {}
    stamp = 0
    for line in out.stdout.splitlines():
        if line.startswith("@"):
            stamp = int(line[1:])
        elif line.strip():
            when[Path(line).name] = stamp  # newest first: the oldest (the adding) stays
    return when


def pairs_to_score(drafts: Path, articles: Path) -> tuple[list[tuple[Path, Path]], list[str]]:
    """(first draft, curated file) for every curated article, in the order drafted; and the
    drafts not scored yet, with the reason."""
    when = _added_at(drafts)
    paths = sorted(
        drafts.glob("*.draft.yaml"),
        key=lambda p: (when.get(p.name, 2**62), p.name),
    )
    out, waiting = [], []
    for path in paths:
        curated = articles / path.name.replace(".draft.yaml", ".yaml")
        if not curated.exists():
            waiting.append(f"{path.name}: no curated file yet")
        elif re.search(r"^\s*-?\s*review:\s*pending", curated.read_text(encoding="utf-8"), re.M):
            waiting.append(f"{path.name}: curated file still has review: pending")
        else:
            out.append((path, curated))
    return out, waiting


def score_all(
    pairs: Iterable[tuple[Path, Path]], articles: Path, reference: Path = REFERENCE
) -> list[Row]:
    names = reference_names(reference)
    return [score(d, c, names, other_fact_ids(articles, c)) for d, c in pairs]


def write_csv(rows: list[Row], target: Path) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[f.name for f in fields(Row)], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(asdict(row))
    target.write_text(buffer.getvalue(), encoding="utf-8")


def _pct(num: int, den: int) -> float | None:
    return None if den == 0 else 100.0 * num / den


@dataclass
class Summary:
    """Totals over some rows and the issue's targets."""

    rows: int
    mention_recall: float | None
    mention_precision: float | None
    dates_right: float | None
    numbers_right: float | None
    accepted: float | None  # unchanged or one edit, of all proposals
    wrong: float | None
    invented: int
    totals: dict[str, int]

    def checks(self) -> list[tuple[str, float | None, str, bool]]:
        """(measure, value %, target, met) for each target."""

        def at_least(v: float | None, t: float) -> bool:
            return v is not None and v >= t

        return [
            ("mention recall", self.mention_recall, ">= 90", at_least(self.mention_recall, 90)),
            ("mention precision", self.mention_precision, ">= 90",
             at_least(self.mention_precision, 90)),
            ("dates right", self.dates_right, ">= 85", at_least(self.dates_right, 85)),
            ("numbers right", self.numbers_right, ">= 90", at_least(self.numbers_right, 90)),
            ("unchanged or one edit", self.accepted, ">= 60", at_least(self.accepted, 60)),
            ("wrong", self.wrong, "<= 10", self.wrong is not None and self.wrong <= 10),
            ("invented dates/speakers/bylines", float(self.invented), "= 0", self.invented == 0),
        ]  # fmt: skip


def summarise(rows: list[Row]) -> Summary:
    t = {k: sum(getattr(r, k) for r in rows) for k in COUNTS}
    return Summary(
        rows=len(rows),
        mention_recall=_pct(t["mentions_found"], t["mentions_curated"]),
        mention_precision=_pct(t["mentions_found"], t["mentions_drafted"]),
        dates_right=_pct(t["dates_right"], t["dates_curated"]),
        numbers_right=_pct(t["numbers_right"], t["numbers_curated"]),
        accepted=_pct(t["unchanged"] + t["one_edit"], t["proposals"]),
        wrong=_pct(t["wrong"], t["proposals"]),
        invented=t["invented_dates"] + t["invented_speakers"] + t["invented_bylines"],
        totals=t,
    )


def report(rows: list[Row], title: str) -> str:
    """The summary over all rows and over the last 20, as printed (and quoted in commits)."""
    out = [title]
    for name, part in (("all rows", rows), (f"last {LAST} rows", rows[-LAST:])):
        s = summarise(part)
        t = s.totals
        out.append(
            f"  {name} ({s.rows}): mentions {t['mentions_found']}/{t['mentions_curated']} "
            f"curated, {t['mentions_found']}/{t['mentions_drafted']} drafted; dates "
            f"{t['dates_right']}/{t['dates_curated']}; numbers {t['numbers_right']}/"
            f"{t['numbers_curated']}; proposals {t['proposals']}: {t['unchanged']} unchanged, "
            f"{t['one_edit']} one edit, {t['edited_more']} edited more, {t['wrong']} wrong; "
            f"{t['missed']} missed; invented {t['invented_dates']} dates, "
            f"{t['invented_speakers']} speakers, {t['invented_bylines']} bylines"
        )
        for measure, value, target, met in s.checks():
            shown = "n/a" if value is None else f"{value:.0f}"
            unit = "" if measure.startswith("invented") else " %"
            out.append(f"    {measure:32} {shown:>4}{unit:2} target {target:6} "
                       f"{'met' if met else 'NOT MET'}")  # fmt: skip
    return "\n".join(out)


# ------------------------------------------------------------------ what-if: redraft


def _seeds_at(commit: str, into: Path) -> Path:
    """The seeds directory as it was at ``commit`` (extracted from git)."""
    target = into / commit
    if not target.exists():
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "seeds"],
            capture_output=True, timeout=120, check=False,
        )  # fmt: skip
        if archive.returncode != 0:
            raise SystemExit(f"git archive {commit} seeds: {archive.stderr.decode().strip()}")
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(target, filter="data")
        # today's vocabulary (the keys this drafter may write), the graph as it was then
        shutil.copyfile(ROOT / "seeds" / "context.jsonld", target / "seeds" / "context.jsonld")
    return target / "seeds"


def redraft(pairs: list[tuple[Path, Path]], texts: Path, workdir: Path) -> list[tuple[Path, Path]]:
    """Draft every logged article again with this checkout's code (seeds as at its first
    draft's commit); return (new draft, curated file) pairs in the same order."""
    from kg import config
    from kg.draft.pipeline import draft_article
    from kg.draft.write import render

    out = []
    for first, curated in pairs:
        head = HEADER.match(first.read_text(encoding="utf-8"))
        text = texts / f"{curated.stem}.txt"
        if not text.exists():
            raise SystemExit(f"{text}: no text as read for {first.name}")
        seeds = _seeds_at(head[1], workdir) if head else ROOT / "seeds"
        paths = config.Paths(seeds=seeds)
        article = load_seed(first)["article"]
        given = _value(article["datePublished"]) if article.get("dateNote") == GIVEN else None
        url = load_seed(curated)["article"].get("url")  # the page's address, known when drafting
        draft = draft_article(
            text, paths, published=given, url=url if isinstance(url, str) else None
        )
        again = workdir / first.name
        again.write_text(render(draft, f"# redraft by kg draft of {first.name}"), "utf-8")
        out.append((again, curated))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drafts", type=Path, default=DRAFTS)
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--csv", type=Path, help=f"where to write the log (default {LOG})")
    parser.add_argument(
        "--redraft",
        type=Path,
        metavar="TEXTDIR",
        help="score what this checkout's drafter makes of the logged articles' texts "
        "(writes no log unless --csv is given)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="with --redraft: stop at the "
        "first article whose text is missing instead of leaving it out",
    )
    parser.add_argument("--explain", metavar="NNN", help="print one article's matching")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="with --redraft: keep the "
                        "redrafts in DIR (to read; never as first drafts)")  # fmt: skip
    parser.add_argument("--breakdown", action="store_true", help="print where the points "
                        "are lost (over the last 20 rows and all rows)")  # fmt: skip
    parser.add_argument("--explain-all", action="store_true", help="with --keep: print the "
                        "matching of every redraft")  # fmt: skip
    args = parser.parse_args(argv)
    pairs, waiting = pairs_to_score(args.drafts, args.articles)
    if args.explain:
        for first, curated in pairs:
            if curated.name.startswith(args.explain):
                print(explain(first, curated, other_fact_ids(args.articles, curated)))
        return 0
    if args.redraft:
        present, absent = [], []
        for first, curated in pairs:
            if (args.redraft / f"{curated.stem}.txt").exists():
                present.append((first, curated))
            else:
                absent.append(curated.stem[:3])
        if not present and not args.strict:
            raise SystemExit(f"{args.redraft}: no text of any logged article is there")
        if absent and not args.strict:
            print(f"redrafting the {len(present)} articles whose text is in {args.redraft}; "
                  f"{len(absent)} without one are left out ({absent[0]}…{absent[-1]})",
                  file=sys.stderr)  # fmt: skip
            pairs = present
        with tempfile.TemporaryDirectory() as tmp:
            redrafts = redraft(pairs, args.redraft, Path(tmp))
            rows = score_all(redrafts, args.articles, args.reference)
            if args.breakdown:
                firsts = [first for first, _ in pairs]
                for name, part in (("all rows", slice(None)), ("last 20", slice(-LAST, None))):
                    print(f"== breakdown, {name}")
                    print(breakdown(redrafts[part], firsts[part], args.articles))
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                for path, curated in redrafts:
                    (args.keep / path.name).write_bytes(path.read_bytes())
                    if args.explain_all:
                        print(explain(path, curated, other_fact_ids(args.articles, curated)))
        for row in rows:  # the row is still the first draft's article, drafted now
            row.drafted_at = "redraft"
        title = f"redraft by this checkout of the {len(rows)} logged articles"
        if args.csv:
            write_csv(rows, args.csv)
    else:
        rows = score_all(pairs, args.articles, args.reference)
        if args.breakdown:
            firsts = [first for first, _ in pairs]
            for name, part in (("all rows", slice(None)), ("last 20", slice(-LAST, None))):
                print(f"== breakdown, {name}")
                print(breakdown(pairs[part], firsts[part], args.articles))
        write_csv(rows, args.csv or LOG)
        title = f"draft log ({args.csv or LOG.relative_to(ROOT)})"
    print(report(rows, title))
    for line in waiting:
        print(f"  not scored: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
