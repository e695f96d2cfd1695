"""A body's words quoted from its document ("говорится на сайте ОДКБ", "heißt es in der
Erklärung der NATO", "czytamy w komunikacie NATO", "si legge nella nota della NATO",
"indique un communiqué de l'OTSC"): the body named as the document's owner is the speaker
(wave 16's curators: such statements of the CSTO, the EU Council and the EU mission were
missed). A document with no owner named, or owned by a person, gives none. Sentences written
for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _speakers(drafter: Drafter, body: str) -> list[object]:
    return [p.fields["speaker"] for p in drafter.body(body).facts if p.kind == "statement"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Армения не примет участия в учениях, говорится на сайте ОДКБ.", "csto"),
        ("Die Mission wird verlängert, heißt es in der Erklärung der NATO.", "nato"),
        ("Misja zostanie przedłużona – czytamy w komunikacie NATO.", "nato"),
        ("La missione sarà prorogata, si legge nella nota della NATO.", "nato"),
        ("La mission sera prolongée, indique un communiqué de l'OTSC.", "csto"),
        # a ministry in the genitive after the noun (its mention keeps its state's offset)
        (
            "Генерал покинул свой пост, говорится в заявлении Министерства обороны Армении.",
            "armenian-defence-ministry",
        ),
    ],
)
def test_the_documents_owner_speaks(drafter: Drafter, body: str, speaker: str) -> None:
    assert _speakers(drafter, body) == [speaker]


@pytest.mark.parametrize(
    "body",
    [
        "Армения не примет участия в учениях, говорится в сообщении.",
        "Армения не примет участия в учениях, говорится в заявлении Пашиняна.",
        # a site reporting news is a source, not a speaker
        "Генерал покинул свой пост. Об этом сообщается на сайте Минобороны Армении.",
        # the EU's council, not the EU (wave 14's 354 drafted the EU: an invented speaker)
        "Die Kapazitäten werden verbessert, heißt es in der Pressemitteilung des EU-Rates.",
    ],
)
def test_no_owner_no_speaker(drafter: Drafter, body: str) -> None:
    assert _speakers(drafter, body) == []
