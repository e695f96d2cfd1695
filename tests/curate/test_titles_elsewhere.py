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


@pytest.mark.parametrize(
    "body",
    [
        "Вчера помощник президента России Юрий Ушаков ответил журналистам.",
        "Yesterday the Russian presidential aide Yuri Ushakov met journalists.",
    ],
)
def test_a_presidential_aide(drafter: Drafter, body: str) -> None:
    """A serving title before the president's post, then the known aide: the aide's tenure,
    never the president's."""
    tenures = _tenures(drafter, body)
    assert ("yuri-ushakov", "post/russia-presidential-aide") in tenures
    assert ("yuri-ushakov", "post/russia-president") not in tenures


def _as_of(drafter: Drafter, body: str) -> dict[str, object]:
    draft = drafter.text("A day in the capital\n\n" + body + "\n", published="2024-06-20")
    tenure = next(p for p in draft.facts if p.kind == "tenure")
    return {k: str(v) for k, v in tenure.fields.items() if k in ("asOf", "asOfNoLaterThan")}


def test_a_title_at_the_news_of_the_week_writes_no_as_of(drafter: Drafter) -> None:
    """docs/modelling.md: a day of the seven before the article is the news of its days, the
    default as-of; a day further back is the title's own asOf."""
    assert _as_of(drafter, "On 17 June Prime Minister Nikol Pashinyan visited Gyumri.") == {}
    assert _as_of(drafter, "On 2 June Prime Minister Nikol Pashinyan visited Gyumri.") == {
        "asOf": "2024-06-02"
    }


@pytest.mark.parametrize(
    ("body", "held"),
    [
        ("Das sagte der scheidende US-Außenminister Antony Blinken am Abend.",
         ("antony-blinken", "post/us-secretary-of-state")),
        ("Вчера пресс-секретарь Дмитрий Песков ответил журналистам.",
         ("dmitry-peskov", "post/kremlin-spokesperson")),
    ],
)  # fmt: skip
def test_a_title_after_its_owners_name_in_the_label(
    drafter: Drafter, body: str, held: tuple[str, str]
) -> None:
    """ "United States Secretary of State", "Kremlin spokesperson": the title is the label's
    tail after the owner's name, and is named so abroad."""
    assert held in _tenures(drafter, body)


def test_a_former_presidential_aide(drafter: Drafter) -> None:
    draft = drafter.body("Вчера бывший помощник президента России Юрий Ушаков ответил журналистам.")
    tenures = [p.fields for p in draft.facts if p.kind == "tenure"]
    assert [t["post"] for t in tenures] == ["post/russia-presidential-aide"]
    assert tenures[0].get("former") is True
