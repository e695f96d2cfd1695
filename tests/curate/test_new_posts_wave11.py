"""New officials' posts in the other word orders of a title (issue 19; wave 10's feedback: 23
of 29 Latin-script post mentions missed, officials the graph did not know). The person the
graph lacks holds ``post/<state>-<role>`` (the reference's convention) when the title and its
state are printed right at the name: "X, Greece's defence minister,", "Defence Minister of
Greece X", "the Greek defence minister, X", Russian "министр обороны Греции X". The sentences
and names are made up."""

from __future__ import annotations

from kg.draft.pipeline import Draft
from tests.curate.conftest import Drafter


def _tenures(draft: Draft) -> set[tuple[str, str]]:
    return {
        (p.fields["holder"], p.fields["post"]) for p in draft.facts if p.fields["type"] == "Tenure"
    }


def _posts(draft: Draft) -> set[str]:
    return {p.fields["post"] for p in draft.facts if p.fields["type"] == "Tenure"}


def test_the_state_possessive_after_the_name(drafter: Drafter) -> None:
    draft = drafter.body("Nikos Antoniou, Greece's defence minister, said the talks were useful.")
    assert ("nikos-antoniou", "post/greece-defence-minister") in _tenures(draft)


def test_the_adjective_title_after_the_name(drafter: Drafter) -> None:
    draft = drafter.body("Nikos Antoniou, the Greek defence minister, said the talks were useful.")
    assert ("nikos-antoniou", "post/greece-defence-minister") in _tenures(draft)


def test_title_of_state_before_the_name(drafter: Drafter) -> None:
    draft = drafter.body("Defence Minister of Greece Nikos Antoniou arrived in Yerevan.")
    assert ("nikos-antoniou", "post/greece-defence-minister") in _tenures(draft)


def test_the_adjective_title_then_a_comma(drafter: Drafter) -> None:
    draft = drafter.body("The Greek defence minister, Nikos Antoniou, arrived in Yerevan.")
    assert ("nikos-antoniou", "post/greece-defence-minister") in _tenures(draft)


def test_title_of_state_then_a_comma(drafter: Drafter) -> None:
    draft = drafter.body("The Foreign Minister of Cyprus, Andreas Loizides, arrived in Yerevan.")
    assert ("andreas-loizides", "post/cyprus-foreign-minister") in _tenures(draft)


def test_russian_title_state_genitive_name(drafter: Drafter) -> None:
    draft = drafter.body("Министр обороны Греции Никос Антониу прибыл в Ереван.")
    assert "post/greece-defence-minister" in _posts(draft)


def test_russian_head_of_the_foreign_ministry(drafter: Drafter) -> None:
    draft = drafter.body("Глава МИД Кипра Андреас Лоизидис прибыл в Ереван.")
    assert "post/cyprus-foreign-minister" in _posts(draft)


def test_french_adjective_inside_the_title(drafter: Drafter) -> None:
    draft = drafter.body("Le ministre grec de la Défense, Nikos Antoniou, est arrivé à Erevan.")
    assert "post/greece-defence-minister" in _posts(draft)


def test_german_compound_title(drafter: Drafter) -> None:
    draft = drafter.body("Der griechische Verteidigungsminister Nikos Antoniou kam nach Eriwan.")
    assert "post/greece-defence-minister" in _posts(draft)


def test_a_former_title_gives_no_tenure(drafter: Drafter) -> None:
    draft = drafter.body("Nikos Antoniou, Greece's former defence minister, spoke in Yerevan.")
    assert not _tenures(draft)


def test_a_deputy_is_not_the_minister(drafter: Drafter) -> None:
    draft = drafter.body("The deputy defence minister of Greece, Nikos Antoniou, came to Yerevan.")
    assert "post/greece-defence-minister" not in _posts(draft)


def test_a_state_elsewhere_owns_nothing(drafter: Drafter) -> None:
    draft = drafter.body("Nikos Antoniou, the defence minister, flew from Greece to Yerevan.")
    assert "post/greece-defence-minister" not in _posts(draft)


def test_polish_title_state_genitive_name(drafter: Drafter) -> None:
    draft = drafter.body("Minister obrony Grecji Nikos Antoniou przyjechał do Erywania.")
    assert "post/greece-defence-minister" in _posts(draft)


def test_turkish_state_title_name(drafter: Drafter) -> None:
    draft = drafter.body("Yunanistan Savunma Bakanı Nikos Antoniou Erivan'a geldi.")
    assert "post/greece-defence-minister" in _posts(draft)


def test_a_deputy_has_the_deputy_post(drafter: Drafter) -> None:
    draft = drafter.body("Deputy Defence Minister of Greece Nikos Antoniou came to Yerevan.")
    assert ("nikos-antoniou", "post/greece-deputy-defence-minister") in _tenures(draft)


def test_russian_former_title_gives_no_tenure(drafter: Drafter) -> None:
    draft = drafter.body("Бывший министр обороны Греции Никос Антониу прибыл в Ереван.")
    assert not _tenures(draft)


def test_a_clause_after_the_title_is_no_name(drafter: Drafter) -> None:
    draft = drafter.body("The President of Cyprus said Nikos Antoniou would come to Yerevan.")
    assert not _tenures(draft)
