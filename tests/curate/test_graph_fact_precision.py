"""What a sentence's words and dates must share with a fact the graph has before the draft
mentions that fact's id (wave 16's wrong matches, each as a construction): every state that
takes part in a summit named in the article; a caption tells no fact. Sentences written for
the test, never article text."""

from __future__ import annotations

from tests.curate.conftest import Drafter

TRILATERAL = "summit/armenia-cyprus-greece-trilateral-summit"


def _mentions(drafter: Drafter, body: str, published: str) -> list[str]:
    return drafter.text("A day in the capital\n\n" + body + "\n", published=published).mentions


def test_a_summit_of_three_states_needs_the_three_named(drafter: Drafter) -> None:
    """Armenia's prime minister "at the summit in Yerevan" is not at the summit of Armenia,
    Cyprus and Greece while neither of the other two is named."""
    one = "Armenian Prime Minister Nikol Pashinyan spoke at the summit in Yerevan."
    assert TRILATERAL not in _mentions(drafter, one, "2019-10-01")
    three = "The leaders of Armenia, Cyprus and Greece met at the summit in Yerevan."
    assert TRILATERAL in _mentions(drafter, three, "2019-10-01")


def test_a_fight_of_one_day_is_told_without_its_year_only_in_its_year() -> None:
    """The fighting a text of September 2022 speaks of is not a clash the graph dates to one
    day of May 2021; a war the graph gives a start and an end keeps the year after it."""
    from kg.draft.names import Described, _then

    clash = Described("war-then", {"where qarvel"}, {"2021-05-12"}, {"2021-05-12"},
                      {"2021-05-12"}, {"2021-05-12"})  # fmt: skip
    assert _then([], clash, "2021-06-02")
    assert not _then([], clash, "2022-09-16")
    war = Described("war-then", {"where qarvel"}, {"2020-09-27", "2020-11-10"},
                    {"2020-09-27", "2020-11-10"}, {"2020-09-27"}, set())  # fmt: skip
    assert _then([], war, "2021-02-10")
    by_year = Described("war-then", {"where qarvel"}, {"2020"}, {"2020"}, {"2020"}, {"2020"})
    assert _then([], by_year, "2021-02-10")


def test_a_caption_tells_no_fact(drafter: Drafter) -> None:
    """A weapon in a picture's caption is no deal the text reports; the same words in the
    body are."""
    deal = "deal/france-armenia-caesar-2024"
    body = "Armenia has received the French CAESAR howitzers, its ministry said."
    assert deal in _mentions(drafter, body, "2024-07-01")
    for caption in ("Screenshot from a video showing Armenia's French CAESAR howitzers.",
                    "Armenian CAESAR howitzers on parade. Photo: the Armenian ministry",
                    "Armenian CAESAR howitzers on parade Credit: the ministry"):  # fmt: skip
        assert deal not in _mentions(drafter, caption, "2024-07-01"), caption


def test_the_organisation_is_the_one_named_before(drafter: Drafter) -> None:
    """A summit "of the organisation" after a sentence naming the CSTO is the CSTO's
    summit; without an organisation named before, or of "an international organisation",
    none."""
    summit = "meeting/csto-summit-yerevan-2022"
    said = "Armenian Prime Minister Nikol Pashinyan spoke at the organisation's summit in Yerevan."
    before = "The leaders of the CSTO states gathered on Wednesday.\n\n"
    assert summit in _mentions(drafter, before + said, "2022-11-25")
    assert summit not in _mentions(drafter, said, "2022-11-25")
    russian = "Никол Пашинян выступил на саммите организации в Ереване."
    assert summit in _mentions(drafter, "Лидеры стран ОДКБ собрались в среду.\n\n" + russian,
                               "2022-11-25")  # fmt: skip
    other = "Никол Пашинян выступил на саммите международной организации в Ереване."
    assert summit not in _mentions(drafter, "Лидеры стран ОДКБ собрались в среду.\n\n" + other,
                                   "2022-11-25")  # fmt: skip
