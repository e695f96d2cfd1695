"""A hyphenated serving title before an office names the office holder's aide, not the holder
(wave 5's feedback: "пресс-секретарь президента РФ Дмитрий Песков" made Peskov President of
Russia). Sentences written for the test, drafted against the frozen graph."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def test_a_press_secretary_of_the_president_is_no_president(drafter: Drafter) -> None:
    draft = drafter.text("Об этом 5 мая заявил пресс-секретарь президента РФ Дмитрий Песков.\n")
    assert not [
        p for p in draft.facts if p.kind == "tenure" and p.fields["post"] == "post/russia-president"
    ]
    assert "dmitry-peskov" in draft.mentions


def test_the_president_himself_keeps_his_tenure(drafter: Drafter) -> None:
    draft = drafter.text("Об этом 5 мая заявил президент РФ Владимир Путин.\n")
    assert [
        p for p in draft.facts if p.kind == "tenure" and p.fields["post"] == "post/russia-president"
    ]
