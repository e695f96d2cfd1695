"""A state's memberships as of a day, by the model's rule (issue 21, finding 4: "relations as
of D", the question our users ask most).

The rule is docs/modelling.md's "As of a day": each status period's latest evidence on or
before the day decides one of five words (attested, last attested with its age in months,
replaced, ended, unknown), or "disputed" where one article ends it by the day and another
attests it after that end (the answer then names both). Its implementation for memberships is
the query of competency question 21, which tests/test_evidence.py checks over eight years of
days; this module runs that same query for the page's state and the asked day instead of a
second copy of the rule. Only the day and the member change: a CQ text without exactly one of
each is an error here (and in tests/server/test_browser_front.py), not a silent wrong answer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg import config
from kg.cq import load

from .batch import Query, labels_of

RULE = config.ROOT / "cq" / "21-csto-status-mid-2023.yaml"
_DAY = re.compile(r'VALUES \?day \{ "[0-9-]+"\^\^xsd:date \}')
_MEMBER = re.compile(r"\?m sk:member id:armenia \.")


@dataclass(frozen=True)
class Answer:
    """One status period of a membership on the day, in the rule's words."""

    organization: str  # IRI
    organization_label: str
    status: str  # the status's label ("reduced participation")
    answer: str  # attested, last attested, replaced, ended, unknown
    evidence: str  # the date of the evidence that decides it
    months_before: int  # its age on the day, in calendar months (0: it includes the day)
    source: str  # the article (IRI) that gives that evidence
    source_label: str
    # "disputed": an article ends it by the day (ended_by) and another attests it after that
    # end (attested_after_end_by): the sources differ, and the answer names both
    ended_by: str = ""
    ended_by_label: str = ""
    attested_after_end_by: str = ""
    attested_after_end_by_label: str = ""


@cache
def _rule(path: Path) -> str:
    text = load(path).query
    for pattern, what in ((_DAY, "the day"), (_MEMBER, "the member")):
        if len(pattern.findall(text)) != 1:
            raise RuntimeError(f"{path}: cannot find {what} ({pattern.pattern}) exactly once")
    return text


def parse_day(text: str) -> dt.date:
    """An ISO day (YYYY-MM-DD); ValueError names what is wrong."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"day must be YYYY-MM-DD, not {text[:40]!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"day {text!r}: {exc}") from None


def memberships_on(query: Query, member: str, day: dt.date) -> list[Answer]:
    """Each status period of ``member``'s memberships on ``day``, by the model's rule."""
    text = _DAY.sub(f'VALUES ?day {{ "{day.isoformat()}"^^xsd:date }}', _rule(RULE))
    text = _MEMBER.sub(f"?m sk:member <{member}> .", text)
    rows = list(query(text))
    named = ("organization", "status", "source", "endedBy", "attestedAfterEndBy")
    names = labels_of(query, (r[n].value for r in rows for n in named if r[n] is not None))
    seen: dict[tuple[str, str, str], Answer] = {}
    for r in rows:
        org, status, source = r["organization"].value, r["status"].value, r["source"].value
        ended_by = r["endedBy"].value if r["endedBy"] is not None else ""
        later = r["attestedAfterEndBy"]
        later_by = later.value if later is not None else ""
        answer = Answer(
            org,
            names[org],
            names[status],
            r["answer"].value,
            r["evidence"].value,
            int(r["monthsBefore"].value),
            source,
            names[source],
            ended_by,
            names[ended_by] if ended_by else "",
            later_by,
            names[later_by] if later_by else "",
        )
        key = (org, status, answer.answer)
        kept = seen.get(key)
        if kept is None or (answer.evidence, answer.source) > (kept.evidence, kept.source):
            seen[key] = answer  # one line per period and answer: its latest evidence
    return sorted(seen.values(), key=lambda a: (a.organization_label, a.status))
