"""Deterministic synthetic seed data in the shape of our ontology, for benchmarks and tests.

Why seed-format YAML (many article files plus one ``reference.yaml``) rather than RDF: the
benchmark should run the *whole* real pipeline (``kg build --seeds DIR``), YAML parsing and
JSON-LD mapping included, because at scale that is where time goes. ``--format nquads``
additionally maps the seeds once and writes the asserted dataset as N-Quads, for feeding
reasoners and validators directly.

Everything is a pure function of ``(articles, seed, violations)``: one ``random.Random`` drives
all choices, attributes of shared entities (a base's operator, a membership's member) are
derived from their ids, and files are written in a fixed order, so two runs give
byte-identical files. The data is valid under ``shapes/``; ``violations=N`` breaks exactly N
facts, each in one way that yields exactly one SHACL result, and lists them in
``violations.json`` so a test can check that validation finds exactly those.

Usage::

    python bench/generate.py --size 10k --out bench/data/10k
    python bench/generate.py --size 100k --out bench/data/100k --format nquads
    python bench/generate.py --articles 20 --violations 7 --out /tmp/bad
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rdflib

ROOT = Path(__file__).resolve().parent.parent
CODES = ROOT / "ontology" / "codes.ttl"
CONTEXT = ROOT / "seeds" / "context.jsonld"

# Article counts that give about 10k / 100k / 1M asserted triples (measured: ~470 per
# article with its attestations and day bounds, reference data included).
SIZES = {"10k": 21, "100k": 213, "1m": 2130}

LANGS = ("hy", "ru", "fr", "de")
CURRENCIES = ("USD", "EUR", "RUB", "INR")
WORDS = (
    "alliance border security defence partnership treaty drills cooperation summit forces "
    "pivot corridor guarantees peacekeeping modernization talks frontier airspace region "
    "command reform strategy exercise agreement deterrence convoy mission dialogue supply"
).split()
SYLLABLES = "ar ba ko ri sta vel mon dra zen lu ta gor mi na shi ve ya kar tel os".split()


@functools.cache
def _code_graph(path: Path = CODES) -> rdflib.Graph:
    """The real code lists, parsed once for both readings below."""
    return rdflib.Graph().parse(path, format="turtle")


_SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
_CODE = "https://seckg.example.org/code/"


def _short(node: rdflib.term.Node) -> str:
    return "code:" + str(node).removeprefix(_CODE)


_ROLES_OF_A_BUSINESS = {"code:role-company-executive", "code:role-editor"}


def _codes(path: Path = CODES) -> dict[str, list[str]]:
    """Concept ids (``code:...``) per scheme, sorted (a seeded run draws the same codes)."""
    schemes: dict[str, list[str]] = {}
    for concept, scheme in sorted(_code_graph(path).subject_objects(_SKOS.inScheme)):
        schemes.setdefault(_short(scheme).removeprefix("code:"), []).append(_short(concept))
    return schemes


@functools.cache
def _broader(path: Path = CODES) -> dict[str, set[str]]:
    """Every concept's broader concepts, transitively (``code:...`` ids): a generated fact is
    never tagged with a topic beside one of its narrower ones (shp:NarrowestTopicShape)."""
    graph = _code_graph(path)
    return {
        _short(c): {_short(b) for b in graph.transitive_objects(c, _SKOS.broader) if b != c}
        for c in set(graph.subjects(_SKOS.broader, None))
    }


@dataclass
class World:
    """The reference entities (ids only; their attributes follow from the ids)."""

    states: list[str]
    alliances: list[str]
    igos: list[str]
    bodies: list[str]
    units: list[str]
    companies: list[str]
    media: list[str]
    people: list[str]
    places: list[str]
    posts: list[str]
    bases: list[str]


@dataclass
class Injected:
    """One deliberately broken fact: the node SHACL must report and why."""

    focus: str
    kind: str
    article: str


@dataclass
class Generated:
    """What :func:`generate` wrote."""

    out: Path
    articles: int
    files: list[Path] = field(default_factory=list)
    injected: list[Injected] = field(default_factory=list)


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _scale(articles: int) -> dict[str, int]:
    return {
        "states": min(200, 12 + articles // 4),
        "alliances": max(2, articles // 40),
        "igos": max(2, articles // 40),
        "bodies": max(3, articles // 4),
        "units": max(4, articles // 4),
        "companies": max(1, articles // 8),
        "media": max(7, articles // 6),
        "people": max(20, articles * 4),
        "places": max(20, articles * 2),
        "posts": max(16, articles),
        "bases": max(2, articles // 10),
    }


def _world(articles: int) -> World:
    n = _scale(articles)

    def ids(prefix: str, count: int) -> list[str]:
        return [f"{prefix}-{i:05d}" for i in range(count)]

    return World(
        states=ids("state", n["states"]),
        alliances=ids("alliance", n["alliances"]),
        igos=ids("igo", n["igos"]),
        bodies=ids("body", n["bodies"]),
        units=ids("unit", n["units"]),
        companies=ids("company", n["companies"]),
        media=ids("media", n["media"]),
        people=ids("person", n["people"]),
        places=ids("place", n["places"]),
        posts=[f"post/{i:05d}" for i in range(n["posts"])],
        bases=[f"base/{i:05d}" for i in range(n["bases"])],
    )


def _pick(rng: random.Random, items: list[str], k: int = 1) -> list[str]:
    return rng.sample(items, k)


def _index(entity_id: str) -> int:
    return int(entity_id.rsplit("-", 1)[-1].rsplit("/", 1)[-1])


def _of(items: list[str], key: int) -> str:
    """A deterministic choice keyed by an integer (shared facts stay consistent)."""
    return items[key % len(items)]


_ORG_SUFFIX = {"Alliance": "Treaty Organization", "IntergovernmentalOrganization": "Union"}


def _reference(world: World, rng: random.Random, codes: dict[str, list[str]]) -> list[dict]:
    nodes: list[dict[str, Any]] = []
    for i, state in enumerate(world.states):
        node: dict[str, Any] = {"id": state, "type": "State", "label": f"{_name(rng, 3)}ia"}
        node["labels"] = {lang: f"{_name(rng, 3)}ia" for lang in rng.sample(LANGS, 2)}
        if i % 3 == 0:
            node["altLabel"] = f"Republic of {node['label']}"
        node["wikidata"] = f"wd:Q{1000 + i}"
        nodes.append(node)
    for kind, items in (
        ("Alliance", world.alliances),
        ("IntergovernmentalOrganization", world.igos),
    ):
        for org in items:
            nodes.append(
                {
                    "id": org,
                    "type": kind,
                    "label": f"{_name(rng)} {_ORG_SUFFIX[kind]}",
                    "altLabel": _name(rng).upper(),
                }
            )
    for kind, items in (
        ("GovernmentBody", world.bodies),
        ("MilitaryUnit", world.units),
        ("Company", world.companies),
        ("MediaOutlet", world.media),
    ):
        for org in items:
            node = {"id": org, "type": kind, "label": f"{_name(rng)} {kind.lower()}"}
            if _index(org) % 5 or kind != "MediaOutlet":  # bodies and companies need one
                node["country"] = _of(world.states, _index(org) * 3)
            nodes.append(node)
    for person in world.people:
        node = {"id": person, "type": "Person", "label": f"{_name(rng)} {_name(rng, 3)}"}
        if _index(person) % 4 == 0:
            node["altLabel"] = f"{_name(rng)} {_name(rng, 3)}"
        nodes.append(node)
    # Places form chains (district in city in region in state) so that the transitive
    # sk:locatedIn has real work to do.
    for place in world.places:
        i = _index(place)
        node = {"id": place, "type": "Place", "label": f"{_name(rng, 3)}"}
        node["locatedIn"] = world.places[i - 1] if i % 4 else _of(world.states, i)
        nodes.append(node)
    for base in world.bases:
        i = _index(base)
        nodes.append(
            {
                "id": base,
                "type": "MilitaryBase",
                "label": f"Base {i}",
                "operatedBy": _of(world.states, i * 5),
                "hostState": _of(world.states, i * 5 + 1),
                "location": _of(world.places, i),
            }
        )
    # posts here belong to states and organizations: a company's or an outlet's roles would
    # break shp:PostShape (an executive's post is in a company, an editor's in an outlet)
    roles = [r for r in codes["Role"] if r not in _ROLES_OF_A_BUSINESS]
    holders = world.states + world.alliances + world.igos + world.bodies
    for post in world.posts:
        i = _index(post)
        nodes.append(
            {
                "id": post,
                "type": "Post",
                "label": f"Post {i} ({_name(rng)})",
                "role": _of(roles, i),
                "postIn": _of(holders, i * 11),
            }
        )
    return nodes


def _date(rng: random.Random, precision: str | None = None) -> Any:
    """A date at day, month or year precision, as YAML would give it."""
    year = rng.randint(1995, 2024)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    precision = precision or rng.choice(("day", "day", "month", "year"))
    if precision == "year":
        return year
    if precision == "month":
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{day:02d}"


def _span(rng: random.Random) -> tuple[str, str]:
    """A start and an end date (day precision, end not before start)."""
    year, month, day = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 20)
    return f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-{day + rng.randint(0, 8):02d}"


def _sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


class _Article:
    """Builds one article's facts; ``tag`` keeps its fact ids unique."""

    def __init__(self, world: World, rng: random.Random, codes: dict[str, list[str]], tag: str):
        self.w, self.rng, self.codes, self.tag = world, rng, codes, tag
        self.facts: list[dict[str, Any]] = []
        self.breakable: dict[str, list[dict[str, Any]]] = {}

    def add(self, fact: dict[str, Any], breakable: str | None = None) -> dict[str, Any]:
        if any(f["id"] == fact["id"] for f in self.facts):
            return fact  # one block per id in a file (a shared membership drawn twice)
        self.facts.append(fact)
        if breakable:
            self.breakable.setdefault(breakable, []).append(fact)
        return fact

    def code(self, scheme: str) -> str:
        return self.rng.choice(self.codes[scheme])

    def topics(self, n: int) -> list[str]:
        """``n`` topic draws, less any that is broader than another drawn (the same draws
        as before the shape, so a seed's world is unchanged)."""
        drawn = [self.code("Topic") for _ in range(n)]
        broader = _broader()
        return [t for t in drawn if not any(t in broader.get(o, ()) for o in drawn)]

    def membership(self, k: int) -> None:
        w, rng = self.w, self.rng
        state = rng.choice(w.states)
        org = rng.choice(w.alliances + w.igos)
        mid = f"membership/{state}-{org}"
        self.add(
            {
                "id": mid,
                "type": "Membership",
                "label": f"{state} in {org}",
                "member": state,
                "organization": org,
            },
            "membership",
        )
        for j in range(2):
            period: dict[str, Any] = {
                "id": f"status/{self.tag}-{k}-{j}",
                "type": "MembershipStatusPeriod",
                "ofMembership": mid,
                "status": self.code("MembershipStatus"),
                "summary": _sentence(rng),
            }
            if j == 0:
                period["startDate"] = _date(rng)
            else:
                period["asOf"] = _date(rng)
            self.add(period)

    def tenure(self, k: int) -> None:
        rng = self.rng
        fact: dict[str, Any] = {
            "id": f"tenure/{self.tag}-{k}",
            "type": "Tenure",
            "holder": rng.choice(self.w.people),
            "post": rng.choice(self.w.posts),
        }
        if k % 2:
            fact["startDate"], fact["endDate"] = _span(rng)
        else:
            fact["asOf"] = _date(rng)
        self.add(fact, "tenure")

    def exercise(self) -> None:
        w, rng = self.w, self.rng
        ex = f"exercise/{self.tag}"
        states = _pick(rng, w.states, 3)
        parts = []
        for state in states:
            pid = f"participation/{self.tag}-{state}"
            parts.append(pid)
            self.add(
                {
                    "id": pid,
                    "type": "Participation",
                    "participantActor": state,
                    "personnelCount": rng.randint(10, 3000),
                    "includesUnit": rng.choice(w.units),
                },
                "participation",
            )
        start, end = _span(rng)
        self.add(
            {
                "id": ex,
                "type": "MilitaryExercise",
                "label": f"{_name(rng)} {rng.choice(WORDS)} exercise",
                "host": states[0],
                "participant": states,
                "participations": parts,
                "location": rng.choice(w.places),
                "startDate": start,
                "endDate": end,
                "topic": self.topics(2),
                "summary": _sentence(rng),
            },
            "exercise",
        )

    def arms_deal(self) -> None:
        w, rng = self.w, self.rng
        self.add(
            {
                "id": f"deal/{self.tag}",
                "type": "ArmsDeal",
                "label": f"{rng.choice(WORDS)} systems deal",
                "supplier": rng.choice(w.states + w.companies),
                "recipient": rng.choice(w.states),
                "systemType": self.code("WeaponSystem"),
                "status": self.code("DealStatus"),
                "valueAmount": rng.randint(1, 900) * 100000,
                "valueCurrency": rng.choice(CURRENCIES),
                "date": _date(rng),
                "summary": _sentence(rng),
            },
            "deal",
        )

    def statement(self, k: int) -> None:
        w, rng = self.w, self.rng
        self.add(
            {
                "id": f"statement/{self.tag}-{k}",
                "type": "Statement",
                "label": f"Statement on {rng.choice(WORDS)}",
                "speaker": rng.choice(w.people),
                "date": _date(rng),
                "about": rng.choice(w.states + w.alliances),
                "topic": self.code("Topic"),
                "stance": self.code("Stance"),
                "medium": rng.choice(w.media),
                "quote": _sentence(rng, 8),
                "summary": _sentence(rng),
            },
            "statement",
        )

    def visit(self) -> None:
        w, rng = self.w, self.rng
        self.add(
            {
                "id": f"visit/{self.tag}",
                "type": "Visit",
                "label": f"Visit to {rng.choice(WORDS)}",
                "visitor": rng.choice(w.people),
                "destination": rng.choice(w.states),
                "location": rng.choice(w.places),
                "date": _date(rng),
            },
            "visit",
        )

    def meeting(self) -> None:
        w, rng = self.w, self.rng
        self.add(
            {
                "id": f"meeting/{self.tag}",
                "type": "Meeting",
                "label": f"Talks on {rng.choice(WORDS)}",
                "participant": _pick(rng, w.people, 2),
                "date": _date(rng),
                "location": rng.choice(w.states + w.places),
                "topic": self.code("Topic"),
                "summary": _sentence(rng),
            }
        )

    def partnership(self) -> None:
        # one partnership per partners and kind, shared by every article that draws it, as
        # curators write it (docs/modelling.md, "Partnerships"): id and label from both
        w, rng = self.w, self.rng
        rng.choice(WORDS)  # the old label's draw: the random stream, so every other fact, stays
        partners = sorted(_pick(rng, w.states, 2))
        kind = self.code("PartnershipType")
        slug = kind.removeprefix("code:partnership-")
        self.add(
            {
                "id": f"partnership/{'-'.join(partners)}-{slug}",
                "type": "Partnership",
                "label": f"{' and '.join(partners)}: {slug}",
                "partner": partners,
                "partnershipType": kind,
                "trend": self.code("Trend"),
                "asOf": _date(rng),
                "summary": _sentence(rng),
            },
            "partnership",
        )

    def agreement(self) -> None:
        w, rng = self.w, self.rng
        self.add(
            {
                "id": f"agreement/{self.tag}",
                "type": "Agreement",
                "label": f"{rng.choice(WORDS)} agreement",
                "party": _pick(rng, w.states + w.bodies, 2),
                "date": _date(rng),
                "reportedBy": rng.choice(w.media),
                "topic": self.code("Topic"),
            }
        )

    def deployment(self) -> None:
        w, rng = self.w, self.rng
        kind = rng.choice(("Deployment", "PeacekeepingDeployment"))
        self.add(
            {
                "id": f"deployment/{self.tag}",
                "type": kind,
                "label": f"{kind} to {rng.choice(WORDS)}",
                "contributor": rng.choice(w.states),
                "hostState": rng.choice(w.states),
                "area": rng.choice(w.places + w.states),
                "personnelCount": rng.randint(50, 5000),
                "asOf": _date(rng),
                "mandate": _sentence(rng),
            }
        )

    def base(self) -> None:
        """Forces at a base (the base itself is a reference entity)."""
        w, rng = self.w, self.rng
        base = rng.choice(w.bases)
        i = _index(base)
        self.add(
            {
                "id": f"deployment/{self.tag}-base",
                "type": "Deployment",
                "label": f"Forces at base {i}",
                "contributor": _of(w.states, i * 5),
                "hostState": _of(w.states, i * 5 + 1),
                "area": base,
            }
        )

    def leadership(self) -> None:
        w, rng = self.w, self.rng
        org = rng.choice(w.alliances)
        self.add(
            {
                "id": f"leadership/{self.tag}",
                "type": "Leadership",
                "leader": _of(w.states, _index(org) * 7),
                "ledOrganization": org,
                "summary": _sentence(rng),
            }
        )

    def event(self) -> None:
        w, rng = self.w, self.rng
        kind = rng.choice(("PoliticalEvent", "ArmedConflict"))
        fact = {
            "id": f"event/{self.tag}",
            "type": kind,
            "label": f"{rng.choice(WORDS).capitalize()} {kind.lower()}",
            "date": _date(rng),
            "location": rng.choice(w.states),
            "about": rng.choice(w.people + w.states),
            "summary": _sentence(rng),
        }
        if kind == "ArmedConflict":
            fact["participant"] = _pick(rng, w.states, 2)
        self.add(fact)


# What describes an article's statement of a fact rather than the fact (see kg.mapping):
# a restatement by another article carries its own, not a copy.
_ATTESTATION_KEYS = ("summary", "dateNote", "reportedBy", "asOf", "mode", "claimant", "trend")


def _article(
    i: int,
    world: World,
    rng: random.Random,
    codes: dict[str, list[str]],
    earlier: list[dict[str, Any]],
) -> tuple[dict[str, Any], _Article]:
    hexid = f"{rng.getrandbits(64):016x}"
    ref = f"article/{i:05d}_{hexid}"
    a = _Article(world, rng, codes, f"a{i:05d}")
    for k in range(2):
        a.membership(k)
    for k in range(4):
        a.tenure(k)
    a.exercise()
    a.arms_deal()
    for k in range(3):
        a.statement(k)
    a.visit()
    a.meeting()
    a.partnership()
    a.agreement()
    a.deployment()
    a.base()
    a.event()
    a.leadership()
    # About a tenth as many facts again restate an earlier article's fact: the same id in a
    # second named graph, with this article's own attestation.
    for _ in range(len(a.facts)):
        if earlier and rng.random() < 0.1:
            fact = rng.choice(earlier)
            a.add({k: v for k, v in fact.items() if k not in _ATTESTATION_KEYS})
    mentions = sorted({v for f in a.facts for v in _refs(f) if "/" not in v})[:12]
    article = {
        "id": ref,
        "type": "NewsArticle",
        "headline": _sentence(rng, 7).rstrip("."),
        "author": rng.choice(world.people),
        "publisher": rng.choice(world.media),
        # after every generated fact date (1995-2024): no fact postdates its article
        "datePublished": f"2025-{rng.randint(1, 12):02d}",
        "seedFile": f"{i % 1000:03d}_{hexid}.txt",
        "mentions": mentions,
    }
    return article, a


def _refs(fact: dict[str, Any]) -> Iterator[str]:
    for key, value in fact.items():
        if key in ("id", "type", "label", "summary", "quote", "mandate"):
            continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and re.fullmatch(r"[a-z]+-\d{5}", v):
                yield v


# Each kind breaks one fact so that exactly one SHACL result follows.
def _break_tenure(f: dict[str, Any], w: World) -> None:
    del f["post"]  # TenureShape: sk:post minCount 1


def _break_membership(f: dict[str, Any], w: World) -> None:
    f["organization"] = w.people[0]  # MembershipShape: sh:class sk:Organization


def _break_exercise(f: dict[str, Any], w: World) -> None:
    f["startDate"], f["endDate"] = f["endDate"], "1990-01-01"  # DatesShape: SPARQL, end < start


def _break_deal(f: dict[str, Any], w: World) -> None:
    f["valueCurrency"] = "usd"  # ArmsDealShape: sh:pattern ^[A-Z]{3}$


def _break_statement(f: dict[str, Any], w: World) -> None:
    del f["speaker"]  # StatementShape: sk:speaker minCount 1 (a stance is the attestation's)


def _break_partnership(f: dict[str, Any], w: World) -> None:
    f["partner"] = [
        *f["partner"],
        w.states[-1] if w.states[-1] not in f["partner"] else w.states[0],
    ]


def _break_participation(f: dict[str, Any], w: World) -> None:
    f["personnelCount"] = -5  # ParticipationShape: sh:minInclusive 0


def _break_visit(f: dict[str, Any], w: World) -> None:
    f["destination"] = [f["destination"], w.places[0]]  # VisitShape: sh:maxCount 1


BREAKERS = {
    "tenure": _break_tenure,
    "membership": _break_membership,
    "exercise": _break_exercise,
    "deal": _break_deal,
    "statement": _break_statement,
    "partnership": _break_partnership,
    "participation": _break_participation,
    "visit": _break_visit,
}


# ---------------------------------------------------------------- YAML writing

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9/_-]*$")
_RESERVED = {"yes", "no", "on", "off", "null", "true", "false", "y", "n"}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text  # a YAML date, as curators write it
    if _PLAIN.match(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return _scalar(value)


def _block(node: dict[str, Any], indent: str) -> list[str]:
    lines = []
    first = True
    for key, value in node.items():
        lead = f"{indent}- " if first else f"{indent}  "
        lines.append(f"{lead}{key}: {_value(value)}")
        first = False
    return lines


def _write_article(path: Path, article: dict[str, Any], facts: list[dict[str, Any]]) -> None:
    lines = ["# Synthetic article (bench/generate.py); not real facts.", "article:"]
    lines += [f"  {k}: {_value(v)}" for k, v in article.items()]
    lines += ["", "facts:"]
    for fact in facts:
        lines += _block(fact, "  ")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _write_reference(path: Path, nodes: list[dict[str, Any]]) -> None:
    lines = ["# Synthetic reference entities (bench/generate.py).", "entities:"]
    lines += [f"  - {_value(node)}" for node in nodes]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- entry points


def generate(out: Path, articles: int, seed: int = 42, violations: int = 0) -> Generated:
    """Write a seeds directory (``context.jsonld``, ``reference.yaml``, ``articles/``)."""
    rng = random.Random(seed)
    codes = _codes()
    world = _world(articles)
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    shutil.copyfile(CONTEXT, out / "context.jsonld")
    result = Generated(out=out, articles=articles)
    _write_reference(out / "reference.yaml", _reference(world, rng, codes))
    result.files.append(out / "reference.yaml")

    built: list[tuple[dict[str, Any], _Article]] = []
    earlier: list[dict[str, Any]] = []
    for i in range(articles):
        article, a = _article(i, world, rng, codes, earlier)
        built.append((article, a))
        earlier.extend(dict(f) for f in a.facts)

    # A fact restated by another article (a shared membership) would break twice.
    stated = Counter(f["id"] for _, a in built for f in a.facts)
    kinds = list(BREAKERS)
    broken = rng.sample(range(articles), min(violations, articles)) if violations else []

    def inject(article: dict[str, Any], a: _Article, kind: str) -> None:
        """Break the first unbroken fact of ``kind`` that only this article states, if any."""
        candidates = [
            f for f in a.breakable.get(kind, []) if not f.get("_broken") and stated[f["id"]] == 1
        ]
        if candidates:
            BREAKERS[kind](candidates[0], world)
            candidates[0]["_broken"] = True
            result.injected.append(
                Injected(focus=candidates[0]["id"], kind=kind, article=article["id"])
            )

    for n, index in enumerate(sorted(broken) * (1 + violations // max(1, articles))):
        if len(result.injected) == violations:
            break
        inject(*built[index], kinds[n % len(kinds)])
    # The sampled articles may lack a breakable fact of their kind (the world drawn depends on
    # the vocabulary: two new deal statuses left seed 11's six articles one short). Then every
    # article and kind is tried in order; a draw that already had enough is unchanged.
    for (article, a), kind in ((b, k) for b in built for k in kinds):
        if len(result.injected) == violations:
            break
        inject(article, a, kind)
    if len(result.injected) != violations:
        raise ValueError(f"could not inject {violations} violations into {articles} articles")

    for article, a in built:
        name = article["id"].removeprefix("article/")
        path = out / "articles" / f"{name}.yaml"
        facts = [{k: v for k, v in f.items() if k != "_broken"} for f in a.facts]
        _write_article(path, article, facts)
        result.files.append(path)
    manifest = [vars(v) for v in sorted(result.injected, key=lambda v: v.focus)]
    (out / "violations.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return result


def write_nquads(seeds: Path, target: Path) -> int:
    """Map a generated seeds directory with the real pipeline; write the asserted N-Quads."""
    sys.path.insert(0, str(ROOT))
    from kg import config
    from kg.build import load

    loaded = load(config.Paths(seeds=seeds))
    return loaded.write_asserted_nquads(target)


def load_union(nquads: Path) -> Callable[[str], Any]:
    """The generated N-Quads (``--format nquads``) in an in-memory Oxigraph store, and a
    ``query`` function over it that sees the default graph as the union of the named graphs,
    as the server does: what the benchmarks that time server code on generated data call
    (``bench/relations.py``, ``bench/search.py``). Prints how long the load took."""
    import pyoxigraph as ox

    store = ox.Store()
    started = time.perf_counter()
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    print(f"loaded {len(store):,} quads in {time.perf_counter() - started:.1f} s")

    def query(text: str) -> Any:
        return store.query(text, use_default_graph_as_union=True)

    return query


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--size", choices=sorted(SIZES), help="about 10k, 100k or 1M triples")
    size.add_argument("--articles", type=int, help="number of article files")
    parser.add_argument("--out", type=Path, required=True, help="seeds directory to (re)create")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--violations", type=int, default=0, help="facts to break")
    parser.add_argument(
        "--format",
        choices=("seeds", "nquads"),
        default="seeds",
        help="nquads: also write OUT/asserted.nq (the mapped asserted dataset)",
    )
    args = parser.parse_args(argv)
    articles = SIZES[args.size] if args.size else args.articles
    result = generate(args.out, articles, seed=args.seed, violations=args.violations)
    print(f"wrote {len(result.files)} seed files to {args.out} ({len(result.injected)} broken)")
    if args.format == "nquads":
        count = write_nquads(args.out, args.out / "asserted.nq")
        print(f"wrote {count} quads to {args.out / 'asserted.nq'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
