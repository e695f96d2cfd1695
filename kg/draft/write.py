"""Write a draft as a seed file: YAML a curator reads top to bottom.

Every proposal is a ``review: pending`` block preceded by a comment with its evidence (the
sentence's character offsets in the article and the article's sha256) and the rule that
made it. Candidate new entities are listed as comments for ``seeds/reference.yaml``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import yaml

from kg.draft.pipeline import Draft
from kg.errors import KgError

FIRST_KEYS = ("id", "review", "type", "label")
LAST_KEYS = ("earliestDate", "latestDate", "asOf", "asOfNoLaterThan", "mode", "claimant",
             "reportedBy", "dateNote", "locator")  # fmt: skip


def _ordered(fields: dict[str, Any]) -> dict[str, Any]:
    out = {"id": fields["id"], "review": "pending"}
    out.update({k: fields[k] for k in FIRST_KEYS[2:] if k in fields})
    out.update({k: v for k, v in fields.items() if k not in FIRST_KEYS and k not in LAST_KEYS})
    out.update({k: fields[k] for k in LAST_KEYS if k in fields})
    return out


def _mapping(fields: dict[str, Any]) -> list[str]:
    """One ``key: value`` line per key; lists inline (``[a, b]``), as the curated files do."""
    lines = []
    for key, value in fields.items():
        style = isinstance(value, list)
        text = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=style,
                              sort_keys=False, width=10_000).strip()  # fmt: skip
        if style:
            text = text.removeprefix("{").removesuffix("}")
        lines.append(text)
    return lines


def _block(fields: dict[str, Any], pending_keys: frozenset[str] = frozenset()) -> list[str]:
    """A fact block; keys the vocabulary lacks yet are written as comments (``# locator:``)
    so the draft still validates, as the curators write them until the vocabulary has them."""
    lines = _mapping({k: v for k, v in fields.items() if k not in pending_keys})
    lines += ["# " + line for line in _mapping({k: v for k, v in fields.items()
                                                if k in pending_keys})]  # fmt: skip
    return ["  - " + lines[0], *("    " + line for line in lines[1:])]


def first_line() -> str | None:
    """``# first draft by kg draft at commit <sha>`` when the drafter's code is a git checkout.

    The draft log (``bench/draft_log.py``) scores each first draft against the commit that
    made it; uncommitted changes to the drafter are said, so a row is never credited to code
    that no commit holds."""
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(["git", "-C", str(here), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=10, check=False)  # fmt: skip
        if head.returncode != 0 or not head.stdout.strip():
            return None
        dirty = subprocess.run(["git", "-C", str(here), "status", "--porcelain", "--", "."],
                               capture_output=True, text=True, timeout=10, check=False)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    line = f"# first draft by kg draft at commit {head.stdout.strip()}"
    if dirty.returncode == 0 and dirty.stdout.strip():
        line += " (with uncommitted changes to kg/draft)"
    return line


def render(draft: Draft, header: str | None = None) -> str:
    """The draft seed file's text (``header``, if given, is its first line)."""
    art = draft.article
    out = [header] if header else []
    out += [
        f"# Draft seed file for {art.path.name}, made by `kg draft` — review before building.",
        f"# Article text sha256: {art.sha256}",
        "# Evidence pointers give character offsets [start, end) of a sentence in that text.",
        "# For each block marked `review: pending`: check it against the article, complete or",
        "# correct it (write a summary in your own words), then delete its `review: pending`",
        "# line — or delete the whole block if it is wrong. `kg build` refuses the file while",
        "# any block is pending; `kg validate THIS_FILE` checks it at any time.",
        "",
    ]
    block = dict(draft.block)
    if draft.mentions:
        block["mentions"] = draft.mentions
    out += ["article:"] + ["  " + line for line in _mapping(block)]
    for note in draft.block_notes:
        out.append(f"  # TODO {note}")
    entities = [e for e in draft.new_entities if e.type != "MilitaryExercise"]
    if entities:
        out += [
            "",
            "# Candidate new entities (not in seeds/reference.yaml). Check each; add the right",
            "# ones to seeds/reference.yaml (and to `mentions` above), fix ids and types:",
        ]
        for entity in entities:
            line = ", ".join(
                _mapping({"id": entity.id, "type": entity.type, "label": entity.label})
            )
            line = "{" + line + "}"
            out.append(
                f"#   - {line}  # cue: {entity.cue!r}; evidence chars {entity.start}-{entity.end}"
            )
    out += ["", "facts:"]
    if not draft.facts:
        out.append("  []  # no candidate facts found: write them by hand")
    for proposal in draft.facts:
        start, end = proposal.sentence
        out += [
            "",
            f"  # evidence: chars {start}-{end} of {art.path.name}, sha256 {art.sha256}",
            f"  # proposed by rule: {proposal.rule}",
        ]
        out += _block(_ordered(proposal.fields), draft.pending_keys)
    return "\n".join(out) + "\n"


def write(draft: Draft, target: Path, force: bool = False, header: str | None = None) -> Path:
    """Write the draft to ``target`` (a file, or a directory to put it in by its id)."""
    if target.is_dir():
        target = target / draft.file_name
    if target.exists() and not force:
        raise KgError(f"{target}: already exists; not overwriting it (use --force to replace)")
    try:
        target.write_text(render(draft, header), encoding="utf-8")
    except OSError as exc:
        raise KgError(f"{target}: cannot write: {exc.strerror}") from None
    return target
