"""Speech verbs in Russian, Spanish, French and Armenian cue a statement; a body that is the
verb's subject speaks (every sentence is dated: a statement is proposed only on a day the
text gives); nobody speaks in a passive "it was declared that X …" and a person
only talked about in the reported clause is no speaker (drafter feedback, wave 3).
Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _speakers(drafter: Drafter, body: str) -> list[str]:
    draft = drafter.text("A day of statements in the region\n\n" + body + "\n")
    return [p.fields["speaker"] for p in draft.facts if p.kind == "statement"]


@pytest.mark.parametrize(
    "body",
    [
        "Мария Захарова 14 мая заявила, что переговоры продолжатся в следующем месяце.",
        "Мария Захарова 14 мая отметила, что переговоры продолжатся.",
        "Maria Zakharova dijo el 14 de mayo que las conversaciones seguirán.",
        "El 14 de mayo ha declarado Maria Zakharova que las conversaciones seguirán.",
        "Le 14 mai, Maria Zakharova a déclaré que les négociations reprendraient.",
    ],
)
def test_speech_verbs_abroad(drafter: Drafter, body: str) -> None:
    assert _speakers(drafter, body) == ["maria-zakharova"]


def test_a_body_as_subject_speaks(drafter: Drafter) -> None:
    body = "The Armenian Ministry of Defence said on 14 May that the border was calm."
    assert _speakers(drafter, body) == ["armenian-defence-ministry"]


@pytest.mark.parametrize(
    "body",
    [
        "On 14 May it was also declared that Maria Zakharova has been appointed.",
        "Officials said on 14 May the talks with Maria Zakharova would resume.",
        "Reporters said on 14 May that the Armenian Ministry of Defence had sent orders.",
    ],
)
def test_no_speaker_talked_about(drafter: Drafter, body: str) -> None:
    assert _speakers(drafter, body) == []


@pytest.mark.parametrize(
    ("body", "mode"),
    [
        ("Armenia and France signed a charter on cooperation in Paris on 12 June 2024.", None),
        ("Армения и Франция подписали хартию о сотрудничестве 12 июня 2024 года.", None),
        ("Armenia y Francia firmaron una carta de cooperación el 12 de junio de 2024.", None),
        ("L'Arménie et la France ont signé une charte de coopération le 12 juin 2024.", None),
        ("Армения и Франция подпишут хартию о сотрудничестве 12 июня 2024 года.", "code:mode-plan"),
    ],
)
# (an agreement is proposed only with its day: tests/curate/test_wave5_precision.py)
def test_signing_verbs_make_an_agreement(drafter: Drafter, body: str, mode: str | None) -> None:
    draft = drafter.text("A charter for two states\n\n" + body + "\n")
    agreements = [p.fields for p in draft.facts if p.kind == "agreement"]
    assert [a["party"] for a in agreements] == [["armenia", "france"]]
    assert agreements[0].get("mode") == mode
    assert ("status" in agreements[0]) is (mode is None)


def _parties(drafter: Drafter, body: str) -> list[object]:
    draft = drafter.text("A signing in the capital\n\n" + body + "\n")
    return [p.fields["party"] for p in draft.facts if p.kind == "agreement"]


def test_leaders_who_sign_bind_their_states(drafter: Drafter) -> None:
    body = "Vladimir Putin and Ilham Aliyev signed a declaration on allied interaction on 12 June."
    assert _parties(drafter, body) == [["russia", "azerbaijan"]]


def test_a_signed_decree_is_no_agreement(drafter: Drafter) -> None:
    body = "Vladimir Putin signed a decree appointing Ilham Aliyev to a new post."
    assert _parties(drafter, body) == []
