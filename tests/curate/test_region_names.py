"""Names the graph knows, as Azerbaijani, Turkish, Georgian and Armenian texts write them
(kg.draft.region): case endings, the region's letters, capitals and organisations, and the
text's language. Sentences written for the test."""

from __future__ import annotations

import pytest

from kg.draft.names import match_key, translit_key
from kg.draft.region import armenian_base, georgian_stem, turkic_forms
from kg.draft.source import language
from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("body", "found"),
    [
        # Azerbaijani: endings without an apostrophe, ə/ş/ı/c in a person's name
        (
            "Paşinyanın sözlərinə görə, Ermənistanın Bakıda səfiri yoxdur, Rusiyanın "
            "mövqeyi isə dəyişməyib.",
            {"nikol-pashinyan", "armenia", "baku", "russia"},
        ),
        (
            "Hikmət Hacıyev bildirib ki, Azərbaycan KTMT ilə NATO arasında seçim etmir.",
            {"hikmet-hajiyev", "azerbaijan", "csto", "nato"},
        ),
        # Turkish: the ending after an apostrophe, ş in the name, ABD
        (
            "Paşinyan'ın açıklamasına göre Ermenistan, ABD ile görüşecek.",
            {"nikol-pashinyan", "armenia", "united-states"},
        ),
        # Georgian: the nominative's -ი dropped, case endings, caseless abbreviations
        (
            "ფაშინიანმა განაცხადა, რომ სომხეთის მთავრობა აშშ-ის და ნატოს წარმომადგენლებს "
            "ერევანში შეხვდა.",
            {"nikol-pashinyan", "armenia", "united-states", "nato", "yerevan"},
        ),
        # Armenian: -յ- before the ending, an ending after a hyphen, a name the graph has
        # only in Latin letters in the dative
        (
            "Միրզոյանին Թուրքիայի ներկայացուցիչը Մոսկվայում ասաց, որ ՀԱՊԿ-ի հետ խնդիր կա։",
            {"ararat-mirzoyan", "turkey", "moscow", "csto"},
        ),
    ],
)
def test_a_known_name_is_found_with_its_case_ending(
    drafter: Drafter, body: str, found: set[str]
) -> None:
    assert found <= set(drafter.body(body).mentions)


@pytest.mark.parametrize(
    ("body", "state"),
    [
        ("Սահմանին ռուս սահմանապահները մնում են, ասաց նախարարը։", "russia"),
        ("ՌԴ-ի ներկայացուցիչը այսօր ժամանել է։", "russia"),
        ("ამერიკული მხარე მოლაპარაკებებს მიესალმა.", "united-states"),
        ("Sərhəddə erməni hərbçilər görünüb, nazirlik bildirib.", "armenia"),
    ],
)
def test_a_states_adjective_in_the_regions_languages(
    drafter: Drafter, body: str, state: str
) -> None:
    assert state in drafter.body(body).mentions


def test_a_given_name_is_no_adjective(drafter: Drafter) -> None:
    # Հայկ (a given name) shares its stem with "հայկական" (Armenian), which is left out
    assert "armenia" not in drafter.body("Հայկ Մարտիրոսյանը երեկ խոսեց լրագրողների հետ։").mentions


def test_no_name_inside_a_longer_word_or_from_a_short_stem(drafter: Drafter) -> None:
    # "Arazda" (Araz + locative) is no Armenia, "Rusiyapərəst" (pro-Russian) no Russia:
    # an ending is cut only where the rest is the whole of a name's word
    body = "Rusiyapərəst bloqer Arazda balıq tutub və Bakıxanovun kitabını oxuyub."
    assert not {"armenia", "russia", "baku"} & set(drafter.body(body).mentions)
    assert all(len(f) >= 4 for f in turkic_forms("Arın"))
    assert turkic_forms("Arda") == []


def test_turkic_endings_are_cut_only_in_a_turkic_text(drafter: Drafter) -> None:
    # in English, "Moscowda" is no word and must not become Moscow by a Turkic ending
    english = "The band Moscowda played in the city and the critics said that it was loud."
    assert "moscow" not in drafter.body(english).mentions
    azerbaijani = "Nazir Moskvada və Bakıda görüşlər keçirib, bu barədə məlumat verilib."
    assert {"moscow", "baku"} <= set(drafter.body(azerbaijani).mentions)


def test_a_known_place_after_a_new_persons_name_ends_the_name(drafter: Drafter) -> None:
    # Turkish puts the destination after the name: the person is "Nikos Antoniou", not
    # "Nikos Antoniou Erivan'a" (found now that "Erivan" is Yerevan)
    draft = drafter.body("Yunanistan Savunma Bakanı Nikos Antoniou Erivan'a geldi.")
    assert {"nikos-antoniou", "yerevan", "post/greece-defence-minister"} <= set(draft.mentions)


def test_the_keys_of_the_regions_case_forms() -> None:
    assert georgian_stem("სომხეთის") == georgian_stem("სომხეთი") == georgian_stem("სომხეთმა")
    assert georgian_stem("აშშ-ის") == "აშშ"
    assert georgian_stem("ნატო") == "ნატო"  # a vowel-final name keeps its vowel
    assert armenian_base("Թուրքիայի") == "Թուրքիա" and armenian_base("ՀԱՊԿ-ի") == "ՀԱՊԿ"
    assert armenian_base("Հայաստանի") == "Հայաստանի"  # no glide: the stemmer's business
    assert match_key("Թուրքիայում") == match_key("Թուրքիա")
    assert translit_key("ფაშინიანთან") == translit_key("Pashinyan")
    assert "Pashinyan" in turkic_forms("Paşinyanın")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nazir bildirib ki, Ermənistan və Azərbaycan arasında danışıqlar davam edəcək.", "az"),
        ("Bakan, Ermenistan ile görüşmelerin bu hafta başlayacağını söyledi.", "tr"),
        ("Ministr Ermenistan bilen gepleşikleriň dowam etjekdigini aýtdy.", "tk"),
        ("მინისტრმა განაცხადა, რომ მოლაპარაკებები გაგრძელდება.", "ka"),
        ("Міністр заявіў, што перамовы з суседзямі працягнуцца ў наступным тыдні.", "be"),
        ("Министр келіссөздер келесі аптада жалғасатынын айтты, бұл маңызды қадам.", "kk"),
        ("Министр сүйлөшүүлөр кийинки жумада уланарын билдирди, бул өтө маанилүү.", "ky"),
        ("Der Minister sagte, die Gespräche mit den Nachbarn und der Regierung sind gut.", "de"),
        ("Министр заявил, что переговоры продолжатся на следующей неделе.", "ru"),
    ],
)
def test_the_language_of_the_regions_texts(text: str, lang: str) -> None:
    assert language(text) == lang


@pytest.mark.parametrize(
    ("body", "bodies"),
    [
        ("Ermənistan hökuməti bu barədə heç nə bildirməyib.", {"armenian-government"}),
        ("Ermənistanın Müdafiə Nazirliyi məlumat yayıb.", {"armenian-defence-ministry"}),
        ("Azərbaycan XİN bəyanat verib.", {"azerbaijani-foreign-ministry"}),
        ("სომხეთის თავდაცვის სამინისტრომ განცხადება გაავრცელა.", {"armenian-defence-ministry"}),
        ("ՀՀ զինված ուժերը զորավարժություն են անցկացրել։", {"armenian-armed-forces"}),
    ],
)
def test_a_states_body_in_the_regions_languages(
    drafter: Drafter, body: str, bodies: set[str]
) -> None:
    assert bodies <= set(drafter.body(body).mentions)


def test_a_body_word_away_from_the_state_names_no_body(drafter: Drafter) -> None:
    # the government is Azerbaijan's, not Armenia's: the state's word must stand right before
    body = "Ermənistan ilə sərhəddə Azərbaycan hökuməti yeni post açıb."
    assert "armenian-government" not in drafter.body(body).mentions
