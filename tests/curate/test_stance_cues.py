"""A statement's stance from the words that judge what it speaks of, besides the verbs of
praise and blame: aggression, provocation, illegality or hostility is critical; contributing
to, strengthening, stabilising or backing something is supportive, in each of the corpus's
languages (``kg/draft/stance.py``). Cues pointing two ways still give none. Sentences written
for the test, never article text."""

from __future__ import annotations

from typing import Any

import pytest

from kg.draft.stance import stance
from tests.curate.conftest import Drafter


def _statements(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.body(body)
    return [p.fields for p in draft.facts if p.kind == "statement"]


def test_a_provocation_is_critical(drafter: Drafter) -> None:
    body = (
        "Maria Zakharova said on 3 May 2024 that the planned manoeuvres were a provocation "
        "against her country."
    )
    (said,) = _statements(drafter, body)
    assert said["speaker"] == "maria-zakharova"
    assert said["stance"] == "code:stance-critical"


def test_strengthening_stability_is_supportive_in_russian(drafter: Drafter) -> None:
    body = "Дмитрий Песков 3 мая 2024 года заявил, что визит укрепит стабильность в регионе."
    (said,) = _statements(drafter, body)
    assert said["stance"] == "code:stance-supportive"


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("the move was an act of aggression".split(), "code:stance-critical"),
        ("он назвал решение незаконным".split(), "code:stance-critical"),
        ("une décision illégale et hostile".split(), "code:stance-critical"),
        ("the deal contributes to security".split(), "code:stance-supportive"),
        ("la visite renforce la coopération".split(), "code:stance-supportive"),
        ("el acuerdo fortalece la estabilidad".split(), "code:stance-supportive"),
        ("umowa wzmocni bezpieczeństwo".split(), "code:stance-supportive"),
        ("bu anlaşma istikrarı güçlendirir".split(), "code:stance-supportive"),
        ("voiced support for the mission".split(), "code:stance-supportive"),
    ],
)
def test_judging_words_in_each_language(words: list[str], code: str) -> None:
    assert stance(words) == code


def test_no_stance_when_the_judging_words_point_two_ways() -> None:
    words = "welcomed the talks but called the drills a provocation".split()
    assert stance(words) is None
    # "destabilising" and "instability" do not start with the stem of stability
    assert stance("the drills are destabilising and bring instability".split()) is None


def test_the_csto_with_azerbaijan_is_a_question_of_security_guarantees() -> None:
    from kg.draft.stance import topics

    csto = "code:topic-csto"
    guarantees = "code:topic-security-guarantees"
    said = "The CSTO did not answer Yerevan's request after the attack by Azerbaijan."
    assert topics(said, []) == [csto, guarantees]
    assert topics("ОДКБ не ответила на просьбу Еревана после нападения Баку.", []) == [
        csto,
        guarantees,
    ]
    assert topics("The CSTO held its summit.", ["azerbaijan"]) == [csto, guarantees]
    # the CSTO alone, or Azerbaijan without the CSTO, is not
    assert topics("The CSTO held its summit in Minsk.", ["belarus"]) == [csto]
    assert guarantees not in topics("Azerbaijan bought howitzers.", ["azerbaijan"])
