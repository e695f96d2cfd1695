"""Data fixes that audits 17-19 and model7 left for later ("Noticed, left alone"), pinned on
the live seeds as written (``kg.seeds.read_blocks``, ``seeds/reference.yaml``): these are
curation decisions about particular articles and entities, which the shapes cannot tell from
two real facts or a well-formed post.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kg import config
from kg.seeds import read_blocks

ARTICLES = config.ROOT / "seeds" / "articles"
REFERENCE = config.ROOT / "seeds" / "reference.yaml"


def _blocks(number: str) -> list[dict[str, Any]]:
    (path,) = sorted(ARTICLES.glob(f"{number}_*.yaml"))
    return read_blocks(Path(path))[1]


def _ids(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _entities() -> dict[str, dict[str, Any]]:
    reference = yaml.safe_load(REFERENCE.read_text("utf-8"))
    return {e["id"]: e for e in reference["entities"]}


def test_the_peacekeepers_arrival_in_stepanakert_is_one_act() -> None:
    """audit17: 074 (Konashenkov via RIA Novosti, November 2020: the peacekeeping forces reach
    Stepanakert) and 184 (Shoigu on 13 November 2020: peacekeeping units have entered
    Stepanakert and Shusha) report one arrival of one contingent, with dates that agree; two
    ids split it in two on the contingent's page. One id (074's, the older), one label."""
    arrivals = {
        number: [
            b
            for b in _blocks(number)
            if b.get("type") == "PoliticalEvent"
            and "stepanakert" in _ids(b.get("location"))
            and "russian-peacekeeping-contingent-karabakh" in _ids(b.get("participant"))
        ]
        for number in ("074", "184")
    }
    assert [b["id"] for b in arrivals["074"]] == [
        "event/russian-peacekeepers-arrive-stepanakert-2020-11"
    ]
    assert [b["id"] for b in arrivals["184"]] == [arrivals["074"][0]["id"]]
    assert arrivals["074"][0]["label"] == arrivals["184"][0]["label"]
    written = "".join(p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.yaml")))
    assert "event/russian-peacekeepers-enter-stepanakert-shusha-2020-11" not in written


def test_the_parliament_not_the_state_approves_the_turkish_aid() -> None:
    """audit18: 083 (s2, s7) and 030 (s4) say Azerbaijan's parliament approved the agreement
    with Turkey; their blocks named the state as participant. ``milli-majlis``, as 212 has it."""
    for number in ("083", "030", "212"):
        (block,) = [
            b
            for b in _blocks(number)
            if b["id"] == "event/azerbaijan-parliament-turkish-arms-aid-2020"
        ]
        assert _ids(block.get("participant")) == ["milli-majlis"], number


def test_heads_of_staff_departments_are_department_heads() -> None:
    """model7: the head of the border service's main department (046) and of the Greek and
    Cypriot general staffs' international sections (162) head a department or section of a
    general staff, not a command."""
    entities = _entities()
    for post in (
        "post/azerbaijan-state-border-guard-main-department-head",
        "post/hndgs-international-organisations-section-head",
        "post/cyprus-national-guard-international-cooperation-head",
    ):
        assert entities[post]["role"] == "code:role-department-head", post


def test_rome_is_in_italy() -> None:
    """audit19: 213's ``rome`` had no country, as the reference had no Italy."""
    entities = _entities()
    assert entities["italy"]["type"] == "State"
    assert entities["rome"].get("locatedIn") == "italy"


def test_a_press_office_announcing_a_decree_is_the_claimant() -> None:
    """The press-service rule of docs/curating.md ("Voice: who says so"): 096 and 198 relay
    decrees the Armenian president's press office announced, as 174/187/195/197 relay their
    ministries' and joint staff's accounts; the decree blocks are that office's claims."""
    for number, ids in (
        ("096", ["event/khachaturyan-relieves-abazyan-2024-01-12"]),
        (
            "198",
            [
                "tenure/biyagov-armenia-ambassador-netherlands",
                "tenure/biyagov-armenia-opcw-permanent-representative",
            ],
        ),
    ):
        blocks = {b["id"]: b for b in _blocks(number)}
        for fact in ids:
            assert blocks[fact].get("mode") == "code:mode-claim", (number, fact)
            assert blocks[fact].get("claimant") == "armenian-presidential-office", (number, fact)
