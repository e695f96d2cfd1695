"""The article block's source keys from ``kg draft --url``: language, publisher, text hash
(the shapes ask for them beside ``url``). Sentences and outlets written for the test."""

from __future__ import annotations

import pytest

from kg.draft.names import Entity, Gazetteer
from kg.draft.source import language, publisher
from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The minister said that the talks in the capital were useful for both sides.", "en"),
        ("Le ministre a dit que les discussions dans la capitale et des autres villes.", "fr"),
        ("El ministro dijo que las conversaciones con los socios y el gobierno por fin.", "es"),
        ("Minister powiedział, że rozmowy w stolicy i na granicy nie są łatwe do końca.", "pl"),
        ("Министр заявил, что переговоры были полезными.", "ru"),
        ("Նախարարը հայտարարեց, որ բանակցություններն օգտակար էին։", "hy"),
    ],
)
def test_language_of_the_text(text: str, lang: str) -> None:
    assert language(text) == lang


def test_publisher_from_the_host_or_a_parent_domain() -> None:
    outlets = [
        Entity(
            "qarvel-herald", "MediaOutlet", "Qarvel Herald", ("Qarvel Herald", "qarvel.example")
        ),
        Entity("zorpress", "MediaOutlet", "Zorpress", ("Zorpress",)),
    ]
    gazetteer = Gazetteer({e.id: e for e in outlets})
    assert publisher("https://news.qarvel.example/2024/01/02/x", gazetteer) == "qarvel-herald"
    assert publisher("https://www.zorpress.am/eng/news/1", gazetteer) == "zorpress"
    assert publisher("https://unknown.example/x", gazetteer) is None


def test_the_block_has_url_language_and_hash(drafter: Drafter) -> None:
    text = "A headline about the talks\n\nThe talks in the capital were useful, they said.\n"
    draft = drafter.text(text, published=None, url="https://nowhere.example/2024/03/14/x")
    block = draft.block
    assert block["url"] == "https://nowhere.example/2024/03/14/x"
    assert block["inLanguage"] == "en" and len(block["textSha256"]) == 64
    assert block["datePublished"] == "2024-03-14"
    assert any(note.startswith("publisher:") for note in draft.block_notes)


def test_publisher_host_spelled_as_the_outlets_altlabel() -> None:
    """A host is compared folded, as the outlets' names are: a "y" in the host
    ("novayagazeta.eu") matched no altLabel before (wave 5's feedback)."""
    outlets = [Entity("novaya-qarvel", "MediaOutlet", "Novaya Qarvel", ("novayaqarvel.eu",))]
    gazetteer = Gazetteer({e.id: e for e in outlets})
    assert publisher("https://novayaqarvel.eu/articles/2024/1/2/x", gazetteer) == "novaya-qarvel"
