"""A war the graph has, told without a year by an article of its time: a word of fighting
and the war's place ("the fighting in Nagorno-Karabakh" in October 2020, "the conflict in
Nagorno-Karabakh" in February 2021) is the graph's one conflict there that had begun by the
article and ended no more than a year before it (``kg.draft.names.DESCRIPTIONS``,
"war-then"). Sentences written for the test, never article text."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter

WAR = "event/armenia-azerbaijan-war-2020"


def _mentions(drafter: Drafter, body: str, published: str) -> list[str]:
    return drafter.text(f"Officials speak\n{body}\n", published=published).mentions


@pytest.mark.parametrize(
    ("body", "published"),
    [
        ("Heavy fighting went on in Nagorno-Karabakh for a fourth day, officials said.",
         "2020-10-01"),
        ("The bloc answered the conflict in Nagorno-Karabakh as its charter requires, he said.",
         "2021-02-02"),
        ("Бои в Нагорном Карабахе продолжаются уже пятый день, сообщили в Ереване.",
         "2020-10-01"),
        ("Dağlıq Qarabağda döyüşlər beşinci gündür davam edir, rəsmilər bildirib.",
         "2020-10-01"),
    ],
)  # fmt: skip
def test_fighting_at_the_wars_place_in_its_time_is_that_war(
    drafter: Drafter, body: str, published: str
) -> None:
    assert WAR in _mentions(drafter, body, published)


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # long after the war: the conflict as a whole, or a later one
        ("The conflict in Nagorno-Karabakh shaped the region for decades, he said.",
         "2025-03-04"),
        # before the war began
        ("Fighting in Nagorno-Karabakh flared again overnight, officials said.", "2020-07-14"),
        # the place not named: any fighting
        ("Heavy fighting went on for a fourth day, officials said.", "2020-10-01"),
        # another year given
        ("Fighting in Nagorno-Karabakh in 2016 lasted four days, officials recalled.",
         "2020-10-20"),
    ],
)  # fmt: skip
def test_not_that_war_out_of_its_time_or_place(drafter: Drafter, body: str, published: str) -> None:
    assert WAR not in _mentions(drafter, body, published)
