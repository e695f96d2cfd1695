"""The drafter on texts in Russian, Armenian, French, Spanish and Polish (issue 19): inflected
names, the Armenian full stop, dates and datelines in those languages, the page's address.
Sentences written for the test; the gazetteer is built here (invented people), so the growing
reference never changes what is tested."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.draft.dates import DateFinder
from kg.draft.names import Entity, Gazetteer, NameMatcher, _derived_names
from kg.draft.published import find_published, url_date
from kg.draft.sentences import numbered

STATE = Entity("armenia", "State", "Armenia", ("Armenia", "Армения", "Հայաստան"))
PERSON = Entity("vardan-ghukasyan", "Person", "Vardan Ghukasyan", ("Vardan Ghukasyan",))
OFFICER = Entity("tigran-sargsyan", "Person", "Tigran Sargsyan",
                 ("Tigran Sargsyan", "Тигран Саргсян"))  # fmt: skip
POST = Entity("post/armenia-defence-minister", "Post", "Defence Minister of Armenia",
              ("Defence Minister of Armenia",), "armenia")  # fmt: skip


def _found(nlp: Language, text: str, *entities: Entity) -> list[str]:
    entities = (STATE, PERSON, OFFICER, *entities)
    gazetteer = Gazetteer({e.id: e for e in entities})
    return [span.label_ for span in NameMatcher(nlp, gazetteer)(nlp(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Делегация Армении прибыла вчера.",  # genitive
        "Переговоры с Арменией продолжатся.",  # instrumental
        "Պատվիրակությունը Հայաստանի մայրաքաղաքում էր։",  # Armenian genitive
    ],
)
def test_an_inflected_state_name_is_found(nlp: Language, text: str) -> None:
    assert _found(nlp, text) == ["armenia"]


@pytest.mark.parametrize(
    "text",
    [
        "Встреча с Тиграном Саргсяном прошла в Ереване.",  # a Russian label, inflected
        "Заявление Вардана Гукасяна было коротким.",  # only the English label: transliterated
        "Վարդան Ղուկասյանը հայտարարեց։",  # Armenian script, English label
    ],
)
def test_an_inflected_person_is_found_by_label_or_transliteration(nlp: Language, text: str) -> None:
    found = _found(nlp, text)
    assert len(found) == 1 and found[0] in ("tigran-sargsyan", "vardan-ghukasyan")


def test_an_english_word_is_not_a_transliterated_name(nlp: Language) -> None:
    # "Vardana" would share the key of "Вардана"; Latin text is matched as written
    assert _found(nlp, "Vardana Ghukasyana spoke.") == []


def test_a_post_is_named_in_russian_and_armenian_from_its_owners_labels(nlp: Language) -> None:
    by_name = {"armenia": STATE}
    names = _derived_names(POST, {}, by_name)
    assert "министр обороны Армения" in names
    assert "Հայաստան պաշտպանության նախարար" in names
    post = Entity(POST.id, POST.type, POST.label, (*POST.names, *names), POST.located_in)
    found = _found(nlp, "Министр обороны Армении Тигран Саргсян заявил.", post)
    assert found == ["post/armenia-defence-minister", "tigran-sargsyan"]


def test_the_armenian_full_stop_ends_a_sentence(nlp: Language) -> None:
    text = "Առաջին նախադասությունն է։ Երկրորդը՝ նույնպես։\n"
    sentences = [s.text for s in numbered(nlp, text)]
    assert sentences == ["Առաջին նախադասությունն է։", "Երկրորդը՝ նույնպես։"]


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("28 ноября 2019 года", "2019-11-28"),
        ("Ноя. 24, 2023", "2023-11-24"),
        ("20 NOVEMBRE", "2023-11-20"),  # the year from the publication date
        ("2023 թ. նոյեմբերի 20-ին", "2023-11-20"),
        ("3 de enero de 2025", "2025-01-03"),
        ("1 stycznia 2024 r.", "2024-01-01"),
        ("в ноябре 2022 года", "2022-11"),
        ("24.05.2024", "2024-05-24"),
        ("September 11-20, 2023", "2023-09-11"),
    ],
)
def test_dates_in_other_languages_and_numeric(expression: str, value: str) -> None:
    found = DateFinder("2023-11-24").find(f"Сказано {expression} здесь")
    assert [f.value for f in found] == [value]


def test_a_bare_day_after_a_range_keeps_the_month() -> None:
    found = DateFinder("2023-11-24").find("September 11-20, 2023")
    assert (found[0].value, found[0].end_value) == ("2023-09-11", "2023-09-20")


def test_two_consecutive_days_are_a_period() -> None:
    found = DateFinder("2023-11-13").find("On October 22 and 23, the minister")
    assert [(f.value, f.end_value) for f in found] == [("2023-10-22", "2023-10-23")]


def test_a_numeric_range_of_years_is_not_a_day() -> None:
    assert DateFinder("2023-11-24").find("по контрактам 2021-22 годов") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Заголовок новости о встрече\n\n15:55 Ноя. 24, 2023\n\nТекст статьи здесь.", "2023-11-24"),
        ("Title of the news item here\n\n16:26, 24.05.2024\n\nThe body of it.", "2024-05-24"),
    ],
)
def test_publication_date_printed_under_the_headline(text: str, value: str) -> None:
    assert find_published(text, None).value == value


def test_a_dateline_in_another_script_and_the_year_from_the_address() -> None:
    text = "Бишкек. 28 ноября. КирТАГ – Совет утвердил решение о встрече министров.\n"
    alone = find_published(text, None)
    assert alone.value is None and alone.dateline is not None and alone.todo
    with_url = find_published(text, None, "https://example.org/news/2019/11/28/item")
    assert with_url.value == "2019-11-28" and "address" in with_url.note


def test_the_address_dates_an_undated_text() -> None:
    text = "A headline about a meeting here\n\nThe ministers met and talked for hours.\n"
    found = find_published(text, None, "https://example.org/2024/03/14/a-story/")
    assert found.value == "2024-03-14" and "address" in found.note
    assert url_date("https://example.org/2024/03/a-story") == "2024-03"
    assert url_date("https://example.org/press/2024/296854/26/12/51") == "2024"
    assert url_date("https://example.org/news/296854") is None


@pytest.mark.parametrize(
    "text",
    [
        "Le Premier ministre arménien Tigran Sargsyan a parlé.",
        "El primer ministro armenio Tigran Sargsyan habló.",
    ],
)
def test_a_post_in_french_and_spanish_with_the_adjective_after(nlp: Language, text: str) -> None:
    post = Entity("post/armenia-prime-minister", "Post", "Prime Minister of Armenia",
                  ("Prime Minister of Armenia",), "armenia")  # fmt: skip
    names = _derived_names(post, {}, {"armenia": STATE})
    post = Entity(post.id, post.type, post.label, (*post.names, *names), post.located_in)
    assert _found(nlp, text, post) == ["post/armenia-prime-minister", "tigran-sargsyan"]


def test_french_elision_leaves_the_name_alone(nlp: Language) -> None:
    state = Entity("armenia", "State", "Armenia", ("Armenia", "Arménie"))
    assert _found(nlp, "La délégation de l'Arménie est arrivée.", state) == ["armenia"]
