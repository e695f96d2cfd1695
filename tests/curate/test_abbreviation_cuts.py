"""A sentence does not start with a lower-case letter after an abbreviation's full stop.

spaCy's sentencizer ended a sentence at the full stop of "и.о.", "г.", "тыс.", "ред.)", so
the title "acting" was cut off its holder and a sum off its currency (audit13, 13 cuts in 10
texts of the corpus). The sentences here are invented; each paragraph is the headline's
neighbour, so its sentences are numbered from s2.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.draft.sentences import numbered

HEADLINE = "Talks in the capital\n\n"


def _body(nlp: Language, paragraph: str) -> list[str]:
    """The sentences of ``paragraph`` (the headline, s1, left out)."""
    sentences = numbered(nlp, HEADLINE + paragraph + "\n")
    assert sentences[0].text == HEADLINE.strip()
    return [s.text for s in sentences[1:]]


@pytest.mark.parametrize(
    ("paragraph", "count"),
    [
        ("Письмо подписал и.о. министра обороны. Ответа пока нет.", 2),
        ("Встречу провёл И. о. главы ведомства Пётр Сидоров. Она длилась час.", 2),
        ("Разговор состоялся с и. о. министра иностранных дел.", 1),
        ("Залог составил около 7 тыс. долларов, сообщил адвокат.", 1),
        ("Полк создан 3 мая 1995 г. на месте бригады.", 1),
        ("Учения начнутся 14 сент. и продлятся неделю.", 1),
        ("Оба (глава и его заместитель – ред.) туда поехали. Затем вернулись.", 2),
        ("Согласно ст. закона об обороне, решение принял парламент.", 1),
        ("Бюджет вырос на 2 млн. драмов, а долг на 1 млрд. рублей.", 1),
        ("Several systems, e.g. radars, were delivered. More will follow.", 2),
        ("The contract covers approx. five hundred trucks.", 1),
        ("The talks, etc. were held in Yerevan.", 1),
    ],
)
def test_a_piece_starting_lower_case_after_an_abbreviation_is_not_a_sentence(
    nlp: Language, paragraph: str, count: int
) -> None:
    sentences = _body(nlp, paragraph)
    assert len(sentences) == count, sentences
    assert not any(s[0].islower() for s in sentences), sentences


def test_the_acting_title_stays_with_its_holder(nlp: Language) -> None:
    got = _body(nlp, "По его словам, письмо отправил и.о. начальника штаба. Ответ ждут.")
    assert got == ["По его словам, письмо отправил и.о. начальника штаба.", "Ответ ждут."]


@pytest.mark.parametrize(
    ("paragraph", "count"),
    [
        # a tweet's link after its last sentence ("peace." is a word, not an abbreviation)
        ("We talked about lasting peace. pic.twitter.com/AbCdEf123 — A Minister", 2),
        # a link never continues a sentence, even after a short word
        ("We will win. pic.twitter.com/AbCdEf123", 2),
        # a capitalised short word ends a sentence before a link
        ("The delegation arrived in Baku. pic.twitter.com/AbCdEf123", 2),
        # upper case after an abbreviation: the splitter cannot tell, so it still cuts
        ("Он служил в 1999-2000 гг. Затем ушёл в отставку.", 2),
    ],
)
def test_right_cuts_stay(nlp: Language, paragraph: str, count: int) -> None:
    assert len(_body(nlp, paragraph)) == count


def test_lines_are_never_joined(nlp: Language) -> None:
    """A list item that starts lower-case is a line, and so a sentence, of its own."""
    got = _body(nlp, "Он занимал посты:\nпремьер-министр страны;\nруководитель аппарата.")
    assert got == ["Он занимал посты:", "премьер-министр страны;", "руководитель аппарата."]


def test_numbers_and_offsets_follow_the_join(nlp: Language) -> None:
    text = HEADLINE + "Сумма около 10 тыс. долларов выплачена. Суд отпустил его.\n"
    sentences = numbered(nlp, text)
    assert [s.number for s in sentences] == [1, 2, 3]
    assert [text[s.start : s.end] for s in sentences[1:]] == [
        "Сумма около 10 тыс. долларов выплачена.",
        "Суд отпустил его.",
    ]
