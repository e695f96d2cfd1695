"""Names in the inflected forms of Armenian, Azerbaijani and Georgian, and the Russian
transliteration of Armenian surnames (wave 14's curators, 321, 331, 333, 335): a new
Armenian person is proposed in the nominative with an English-style id, "Arutyunyan" and
"Akopyan" are the graph's Harutyunyan and Hakobyan, a Georgian case form with the particle
"-ც" is the state's name. Sentences written for the test, never article text."""

from __future__ import annotations

from kg.draft.candidates import slug
from kg.draft.morphology import nominative
from kg.draft.names import translit_key
from kg.draft.region import georgian_stem
from tests.curate.conftest import Drafter


def _draft(drafter: Drafter, headline: str, body: str) -> tuple[list[str], dict[str, str]]:
    draft = drafter.text(headline + "\n\n" + body + "\n", published="2024-06-19")
    return draft.mentions, {e.id: e.label for e in draft.new_entities if e.type == "Person"}


def test_an_armenian_name_loses_its_article_and_case_ending() -> None:
    assert nominative("Արամ Մանուկյանը") == "Արամ Մանուկյան"
    assert nominative("Արամ Մանուկյանն") == "Արամ Մանուկյան"  # "-ն" before "ու"
    assert nominative("Արամ Մանուկյանից") == "Արամ Մանուկյան"
    assert nominative("Արամ Մանուկյանին") == "Արամ Մանուկյան"
    assert nominative("Արամ Մանուկյան") == "Արամ Մանուկյան"
    assert nominative("Աբբաս Արաղչի") == "Աբբաս Արաղչի"  # a final "-ի" of its own stays
    assert nominative("Սամվել Մուստաֆաևը") == "Սամվել Մուստաֆաև"


def test_an_armenian_id_is_spelled_as_english_writes_armenian_names() -> None:
    assert slug("Արամ Մանուկյան") == "aram-manukyan"  # not "manowkyan"
    assert slug("Երվանդ Ոսկանյան") == "yervand-voskanyan"
    assert slug("Ռուբեն Խաչատրյան") == "ruben-khachatryan"  # no "rr", no apostrophe
    assert slug("Սամվել Մուստաֆաև") == "samvel-mustafaev"


def test_a_new_armenian_person_is_proposed_in_the_nominative(drafter: Drafter) -> None:
    body = (
        "Երեկ լրագրողների հետ զրույցում հայտարարել է մարզպետ Արամ Մանուկյանը, "
        "որ ճանապարհը կվերանորոգվի:"
    )
    _, people = _draft(drafter, "Լուրեր", body)
    assert people == {"aram-manukyan": "Արամ Մանուկյան"}


def test_russian_transliterations_of_armenian_surnames_share_a_key() -> None:
    assert translit_key("Arutyunyan") == translit_key("Harutyunyan")
    assert translit_key("Акопяна") == translit_key("Hakobyan") == translit_key("Akopyan")
    assert translit_key("Геворкян") == translit_key("Gevorgyan")
    assert translit_key("Мустафаев") == translit_key("Mustafayev")
    assert translit_key("Vaqarşak") == translit_key("Vagharshak")
    assert translit_key("Harutyunyan") != translit_key("Hambardzumyan")
    assert translit_key("Hayastan") == "haiastan"  # no "-yan" surname: the "h" stays


def test_a_russian_spelling_of_an_armenian_name_is_the_graphs_person(drafter: Drafter) -> None:
    mentions, people = _draft(
        drafter, "Новости", "Вагаршак Арутюнян заявил, что переговоры продолжатся."
    )
    assert "vagharshak-harutyunyan" in mentions
    assert people == {}


def test_an_azerbaijani_spelling_in_the_genitive_is_the_graphs_person(drafter: Drafter) -> None:
    body = "Baş nazirin müşaviri Vaqarşak Arutyunyanın sözlərinə görə, danışıqlar davam edəcək."
    mentions, people = _draft(drafter, "Xəbərlər", body)
    assert "vagharshak-harutyunyan" in mentions
    assert people == {}


def test_a_latin_surname_alone_is_not_matched_by_transliteration(drafter: Drafter) -> None:
    body = "Arutyunyan bu barədə danışmayıb. Hökumət iclası sabah keçiriləcək."
    mentions, _ = _draft(drafter, "Xəbərlər", body)
    assert "vagharshak-harutyunyan" not in mentions


def test_a_georgian_case_form_with_the_particle_is_the_name() -> None:
    assert georgian_stem("რუსეთისთვისაც") == georgian_stem("რუსეთი")
    assert georgian_stem("რუსეთმაც") == georgian_stem("რუსეთი")
    assert georgian_stem("რუსეთსა") == georgian_stem("რუსეთი")
    assert georgian_stem("სომხეთშიც") == georgian_stem("სომხეთი")
    assert georgian_stem("ოდესა") == "ოდესა"  # a vowel before "-სა": the name's own letters


def test_russia_is_found_in_a_georgian_form_with_the_particle(drafter: Drafter) -> None:
    mentions, _ = _draft(drafter, "ახალი ამბები", "ეს რუსეთისთვისაც მნიშვნელოვანია.")
    assert "russia" in mentions
