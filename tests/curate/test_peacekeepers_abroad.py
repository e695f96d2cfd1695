"""The graph's peacekeeping deployment told in every language of the corpus: "Russian
peacekeepers" in Azerbaijani, Armenian, Turkish, German, Polish or Georgian, with the
contributing state named in the sentence and the deployment's area in the article, is the
graph's one Russian peacekeeping deployment (``kg.draft.names.DESCRIPTIONS``,
"peacekeeping"; wave 14: its mention missed in an Azerbaijani and an Armenian page, the
word was sought in English, Russian and French only). Sentences written for the test,
never article text."""

from __future__ import annotations

import pytest

from kg.draft.names import DESCRIPTIONS
from tests.curate.conftest import Drafter

PEACEKEEPERS = "deployment/russian-peacekeepers-lachin-corridor"


def _mentions(drafter: Drafter, body: str) -> list[str]:
    return drafter.body(body).mentions


@pytest.mark.parametrize(
    "body",
    [
        "Rusiya sülhməramlıları Dağlıq Qarabağda yeni postlar qurub, rəsmilər bildirib.",
        "Ռուս խաղաղապահները Լեռնային Ղարաբաղում նոր դիրքեր են տեղադրել, հայտնել են պաշտոնյաները.",
        "Rusya barış gücü Dağlık Karabağ'da yeni noktalar kurdu, yetkililer açıkladı.",
        "Russische Friedenstruppen haben in Bergkarabach neue Posten errichtet, sagten Beamte.",
    ],
)
def test_russian_peacekeepers_in_the_corpus_languages(drafter: Drafter, body: str) -> None:
    assert PEACEKEEPERS in _mentions(drafter, body)


def test_another_states_peacekeepers_are_not_the_russian_ones(drafter: Drafter) -> None:
    body = "Fransız barış gücü Dağlık Karabağ'da yeni noktalar kurdu, yetkililer açıkladı."
    assert PEACEKEEPERS not in _mentions(drafter, body)
    # the area not named in the article: another theatre
    body = "Rusiya sülhməramlıları yeni postlar qurub, rəsmilər bildirib."
    assert PEACEKEEPERS not in _mentions(drafter, body)


@pytest.mark.parametrize(
    "words",
    ["Rusiya sülhməramlı kontingenti", "ռուսական խաղաղապահ զորակազմը",
     "რუსი მშვიდობისმყოფლები", "rosyjskie siły pokojowe", "Ресей бітімгерлері"],
)  # fmt: skip
def test_the_description_has_the_word_in_each_language(words: str) -> None:
    # (the end-to-end cases above in Azerbaijani and Armenian also pass by the place, which
    # the small test graph has in few facts; in the live graph it is in too many)
    cue = DESCRIPTIONS["peacekeeping"][2]
    assert cue is not None and cue.search(words)
