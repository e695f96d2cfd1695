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
