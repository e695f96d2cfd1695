"""A person the graph knows to hold a post, named right after that post's title in a language
the title tables of Russian, Armenian, French and Spanish do not cover, is another attestation
of the known tenure (wave 12: Turkish, Azerbaijani, Georgian, Belarusian, German, Polish, Greek
and Arabic pages gave no tenure for Pashinyan, Aliyev or Trump). Sentences written for the
test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _tenures(drafter: Drafter, body: str) -> set[tuple[str, str]]:
    draft = drafter.body(body)
    return {(p.fields["holder"], p.fields["post"]) for p in draft.facts if p.kind == "tenure"}


@pytest.mark.parametrize(
    "body",
    [
        "Ermenistan Başbakanı Nikol Paşinyan dün Brüksel'e gitti.",
        "Ermənistanın Baş naziri Nikol Paşinyan dünən Brüsselə gedib.",
        "Wczoraj premier Nikol Paszynian poleciał do Brukseli.",
        "Gestern reiste der armenische Premierminister Nikol Pashinyan nach Brüssel.",
        "Ieri il primo ministro Nikol Pashinyan è partito per Bruxelles.",
    ],
)
def test_prime_minister_elsewhere(drafter: Drafter, body: str) -> None:
    assert ("nikol-pashinyan", "post/armenia-prime-minister") in _tenures(drafter, body)


def test_a_president_in_turkish(drafter: Drafter) -> None:
    tenures = _tenures(drafter, "Azerbaycan Cumhurbaşkanı İlham Aliyev dün Bakü'de konuştu.")
    assert ("aliyev", "post/azerbaijan-president") in tenures


def test_no_title_no_tenure(drafter: Drafter) -> None:
    """The name alone, or after another office's word, attests nothing."""
    assert not _tenures(drafter, "Dün Nikol Paşinyan Brüksel'e gitti.")
    assert not _tenures(drafter, "Wczoraj doradca Nikol Paszynian poleciał do Brukseli.")


@pytest.mark.parametrize(
    "body",
    [
        "Вчера премьер-министр страны Никол Пашинян посетил Брюссель.",
        "Wczoraj premier Armenii Nikol Paszynian poleciał do Brukseli.",
    ],
)
def test_the_country_between_title_and_name(drafter: Drafter, body: str) -> None:
    """ "премьер-министр страны X", "premier Armenii X": the owner in the genitive, or a
    word for "the country's", between the title and the name."""
    assert ("nikol-pashinyan", "post/armenia-prime-minister") in _tenures(drafter, body)


def test_another_state_between_is_no_owner(drafter: Drafter) -> None:
    """Another state than the post's between title and name: not that post's title."""
    tenures = _tenures(drafter, "Wczoraj premier Gruzji Nikol Paszynian poleciał do Brukseli.")
    assert ("nikol-pashinyan", "post/armenia-prime-minister") not in tenures


@pytest.mark.parametrize(
    "body",
    [
        "Hier, le secrétaire général de l'Organisation du traité de sécurité collective (OTSC)"
        " Imangali Tasmagambetov a reçu des journalistes à Moscou.",
        "Ayer, el secretario general de la OTSC, Imangali Tasmagambetov, recibió a periodistas.",
        "Вчера генеральный секретарь Организации Договора о коллективной безопасности (ОДКБ)"
        " Имангали Тасмагамбетов принял журналистов в Москве.",
        "Yesterday the Secretary General of the Collective Security Treaty Organization (CSTO)"
        " Imangali Tasmagambetov met journalists in Moscow.",
    ],
)
def test_an_organisation_between_title_and_name(drafter: Drafter, body: str) -> None:
    """The owner after the title ("de l'OTSC", "of the … (CSTO)"), its abbreviation in
    brackets, then the name."""
    tenures = _tenures(drafter, body)
    assert ("imangali-tasmagambetov", "post/csto-secretary-general") in tenures
