"""Facts wave 5's curators recorded and the drafter did not propose (issue 19,
drafter-feedback-wave5): a known person's statement the sentence does not date, in English
and after a Russian speech verb; meetings and visits told with Russian, French and Armenian
verbs; a title attested at an event the text does not date. Sentences written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def test_a_title_at_an_undated_event_is_no_later_than_the_article(drafter: Drafter) -> None:
    draft = drafter.text(
        "Talks in the capital\n\n"
        "On Tuesday, Armenian Prime Minister Nikol Pashinyan met Russian Foreign Minister "
        "Sergei Lavrov.\n\n"
        "At an earlier meeting, Armenian Defence Minister Suren Papikyan praised the army.\n\n"
        "Russian Defence Minister Sergei Shoigu said the mission would arrive on 15 "
        "September.\n",
        published="2024-06-19",
    )
    tenures = {p.fields["holder"]: p.fields for p in draft.facts if p.kind == "tenure"}
    # the sentence's Tuesday, the day before the article: the news of its days, the default
    # as-of (docs/modelling.md, session 33), neither an asOf nor "no later than"
    pashinyan = tenures["nikol-pashinyan"]
    assert "asOf" not in pashinyan and "asOfNoLaterThan" not in pashinyan
    papikyan = tenures["suren-papikyan"]
    assert "asOf" not in papikyan and papikyan["asOfNoLaterThan"] == "2024-06-19"
    # a day the title was not printed for (a plan, after the article) dates nothing
    assert tenures["sergey-shoygu"]["asOfNoLaterThan"] == "2024-06-19"


def test_meetings_and_visits_told_abroad(drafter: Drafter) -> None:
    draft = drafter.text(
        "Diplomacy in three languages\n\n"
        "Le 12 mai, Nikol Pachinian a rencontré Sergueï Lavrov à Paris.\n\n"
        "15 мая Никол Пашинян встретился с Сергей Лавров в Москве.\n\n"
        "Le 3 juin, Nikol Pachinian est arrivé à Paris.\n",
        published="2024-06-19",
    )
    meetings = [p.fields for p in draft.facts if p.kind == "meeting"]
    assert [(m["participant"], m["date"]) for m in meetings] == [
        (["nikol-pashinyan", "sergei-lavrov"], "2024-05-12"),
        (["nikol-pashinyan", "sergei-lavrov"], "2024-05-15"),
    ]
    visit = next(p.fields for p in draft.facts if p.kind == "visit")
    assert (visit["visitor"], visit["destination"], visit["date"]) == (
        "nikol-pashinyan", "france", "2024-06-03"
    )  # fmt: skip


def test_an_undated_statement_by_a_known_speaker(drafter: Drafter) -> None:
    draft = drafter.text(
        "Ministers speak on the alliance\n\n"
        "Earlier Nikol Pashinyan said that the missiles had failed.\n\n"
        "\u00abМы готовы к переговорам\u00bb, \u2014 сказал Сергей Лавров.\n\n"
        "Officials said the weather was fine.\n",
        published="2023-01-11",
    )
    said = {p.fields["speaker"]: p.fields for p in draft.facts if p.kind == "statement"}
    assert set(said) == {"nikol-pashinyan", "sergei-lavrov"}  # nobody for "officials"
    for statement in said.values():  # no day of its own: no later than the article
        assert "date" not in statement
        assert statement["latestDate"] == "2023-01-11"


def test_a_meeting_is_dated_by_its_own_clause(drafter: Drafter) -> None:
    draft = drafter.text(
        "Talks recalled\n\n"
        "On Tuesday, Nikol Pashinyan said that he had met Sergei Lavrov in Moscow on 3 May.\n",
        published="2024-06-19",
    )
    meeting = next(p.fields for p in draft.facts if p.kind == "meeting")
    assert meeting["date"] == "2024-05-03"  # not the Tuesday of the saying


def test_he_met_is_the_person_named_last(drafter: Drafter) -> None:
    draft = drafter.text(
        "Talks in Paris\n\n"
        "Nikol Pashinyan arrived in Paris on Monday.\n\n"
        "On Tuesday he met with Sergei Lavrov.\n",
        published="2024-06-19",
    )
    meeting = next(p.fields for p in draft.facts if p.kind == "meeting")
    assert meeting["participant"] == ["nikol-pashinyan", "sergei-lavrov"]
    assert meeting["date"] == "2024-06-18"
