"""Turkish closes a quotation with "“…” ifadelerini kullandı" (used the words "…"): a speech
verb whose speaker heads the sentence, as "… dedi" (issue 19, drafter41: wave 14's Turkish
page 327 had two such statements, neither proposed). Someone's using a word ("X'in “…”
ifadesini kullanmasına tepki") is no saying. Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _speakers(drafter: Drafter, body: str) -> list[str]:
    return [p.fields["speaker"] for p in drafter.body(body).facts if p.kind == "statement"]


@pytest.mark.parametrize(
    "body",
    [
        "Nikol Paşinyan, “Bölgede yalnızca barış projeleri vardır” ifadelerini kullandı.",
        "Basına göre Paşinyan, bugün yaptığı açıklamada, “Başka terim yok” ifadesini kullandı.",
        "Nikol Paşinyan, “Başka hiçbir terim geçerli değildir” sözlerini kullanmıştı.",
    ],
)
def test_the_words_used_are_the_heads_statement(drafter: Drafter, body: str) -> None:
    assert _speakers(drafter, body) == ["nikol-pashinyan"]


def test_using_a_word_is_no_saying(drafter: Drafter) -> None:
    body = "Nikol Paşinyan, Hakan Fidan'ın “koridor” ifadesini kullanmasına tepki gösterdi."
    assert _speakers(drafter, body) == []
