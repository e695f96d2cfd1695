"""A drafted statement carries the stance and topics its sentence names by a word, is not
about its speaker's own state, and a speech verb after a relative pronoun has no speaker
(``kg/draft/stance.py``; measured in the redraft of the 100 logged articles). Sentences
written for the test, never article text."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _statements(drafter: Drafter, body: str) -> list[dict[str, Any]]:
    draft = drafter.body(body)
    return [p.fields for p in draft.facts if p.kind == "statement"]


def test_a_critical_statement_on_an_arms_deal(drafter: Drafter) -> None:
    body = (
        "Maria Zakharova on 12 June 2024 criticised the contract for French howitzers "
        "signed by France and Armenia."
    )
    (said,) = _statements(drafter, body)
    assert said["speaker"] == "maria-zakharova"
    assert said["stance"] == "code:stance-critical"
    assert said["topic"] == [
        "code:topic-western-defence-cooperation",
        "code:topic-arms-procurement",
    ]


def test_stance_abroad_and_two_topics(drafter: Drafter) -> None:
    body = "Дмитрий Песков 12 июня 2024 года заявил, что приветствует решение ОДКБ о миротворцах."
    (said,) = _statements(drafter, body)
    assert said["stance"] == "code:stance-supportive"
    assert said["topic"] == ["code:topic-csto", "code:topic-peacekeeping"]


def test_no_stance_from_a_plain_verb_or_two_ways(drafter: Drafter) -> None:
    plain = "Dmitry Peskov said on 12 June 2024 that the talks would go on."
    (said,) = _statements(drafter, plain)
    assert "stance" not in said and "topic" not in said
    both = (
        "Dmitry Peskov on 12 June 2024 welcomed the talks but criticised the drills "
        "held near the border."
    )
    (said,) = _statements(drafter, both)
    assert "stance" not in said
    assert said["topic"] == "code:topic-joint-exercise"


def test_a_speaker_is_not_about_his_own_state(drafter: Drafter) -> None:
    body = "Nikol Pashinyan said on 12 June 2024 that Armenia would not host the CSTO drills."
    (said,) = _statements(drafter, body)
    assert said["speaker"] == "nikol-pashinyan"
    assert "armenia" not in str(said.get("about"))
    assert said["about"] == "csto"


def test_a_relative_pronoun_is_no_speaker(drafter: Drafter) -> None:
    body = (
        "On 12 June 2024 Nikol Pashinyan invoked an article of the treaty that called "
        "for the allies to come to Armenia's defence."
    )
    assert _statements(drafter, body) == []
