"""Names in wave 9's feedback: a surname after another given name, a given name of the
stem of a known surname, a given name and patronymic without the surname. Sentences
written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _candidates(draft: object) -> set[str]:
    return {e.id for e in draft.new_entities}  # type: ignore[attr-defined]


def test_a_surname_after_a_given_name_the_graph_lacks_is_another_person(
    drafter: Drafter,
) -> None:
    draft = drafter.body("Zorvan Mammadov, a local expert, said the talks had failed.")
    assert "mukhtar-mammadov" not in draft.mentions
    assert "zorvan-mammadov" in _candidates(draft)


def test_a_title_or_a_sentence_word_before_a_surname_keeps_the_person(drafter: Drafter) -> None:
    draft = drafter.body("According to Mammadov, the talks had failed.")
    assert "mukhtar-mammadov" in draft.mentions
    draft = drafter.body("Ambassador Mammadov said the talks had failed.")
    assert "mukhtar-mammadov" in draft.mentions


def test_a_given_name_of_a_surnames_stem_is_not_that_person(drafter: Drafter) -> None:
    draft = drafter.body("Бортник Зоров сказал, что переговоры провалились.")
    assert "alexander-bortnikov" not in draft.mentions
    draft = drafter.body("Бортникова это не удивило, сказал он.")  # a case form: the person
    assert "alexander-bortnikov" in draft.mentions


def test_a_given_name_and_patronymic_name_the_graphs_one_person(drafter: Drafter) -> None:
    draft = drafter.body("Никол Воваевич ответил журналистам в среду.")
    assert "nikol-pashinyan" in draft.mentions
    assert not any("vovaevich" in c for c in _candidates(draft))


def test_a_new_name_after_counterpart_is_a_candidate_person(drafter: Drafter) -> None:
    for sentence in (
        "Suren Papikyan met his Zorlandic counterpart Anatolie Qarvescu on Monday.",
        "Souren Papikian a rencontré son homologue zorlandais, Anatolie Qarvescu.",
        "Сурен Папикян встретился со своим зорландским коллегой Анатолием Карвеску.",
    ):
        draft = drafter.body(sentence)
        people = {e.id for e in draft.new_entities if e.type == "Person"}
        assert people & {"anatolie-qarvescu", "anatolii-karvesku"}, sentence
