"""Posts of wave 9's feedback: Russian titles of posts the graph labels in English only,
"head of <state>", a title without its "of the Armed Forces of <state>" tail. Each names
the post of a person the graph has hold it. Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("sentence", "post"),
    [
        ("Об этом заявил официальный представитель Кремля Дмитрий Песков.",
         "post/kremlin-spokesperson"),
        ("Председатель парламента Ален Симонян ответил журналистам.",
         "post/armenia-national-assembly-speaker"),
        ("Об этом сообщил начальник Генштаба Эдвард Асрян.",
         "post/armenia-chief-of-general-staff"),
        ("Chief of General Staff Edward Asryan said it on Monday.",
         "post/armenia-chief-of-general-staff"),
        ("Head of Azerbaijan Ilham Aliyev said it on Monday.", "post/azerbaijan-president"),
    ],
)  # fmt: skip
def test_the_title_names_the_holders_post(drafter: Drafter, sentence: str, post: str) -> None:
    draft = drafter.body(sentence)
    assert post in draft.mentions
    assert any(f.fields.get("post") == post for f in draft.facts if f.kind == "tenure")


def test_another_title_names_no_post(drafter: Drafter) -> None:
    draft = drafter.body("Chief of the Zorland delegation Edward Asryan said it on Monday.")
    assert "post/armenia-chief-of-general-staff" not in draft.mentions
