"""What the drafter leaves out and adds after measuring the draft log (issue 19): no
Deployment from a count alone and no unnamed exercise without a day (mostly deleted by the
curators), a tenure's post among the mentions with the day its sentence states as its
as-of date, headline names mentioned. Sentences written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def test_no_deployment_from_a_count_and_no_vague_exercise(drafter: Drafter) -> None:
    draft = drafter.text(
        "Soldiers and drills in the region\n\n"
        "About 85 American soldiers are in Armenia, officials noted.\n\n"
        "Armenia held an exercise in 2023, the report added.\n",
    )
    kinds = {p.kind for p in draft.facts}
    assert "deployment" not in kinds and "exercise" not in kinds


def test_a_tenure_mentions_its_post_and_is_as_of_its_day(drafter: Drafter) -> None:
    draft = drafter.text(
        "Talks in the capital end\n\n"
        "Armenian Defence Minister Suren Papikyan visited the base on Tuesday.\n",
    )
    tenure = next(p.fields for p in draft.facts if p.kind == "tenure")
    assert tenure["post"] == "post/armenia-defence-minister"
    # the Tuesday before the article's Wednesday is the news of its days: the default as-of,
    # no asOf (docs/modelling.md, "As of when a title is attested", session 33)
    assert "asOf" not in tenure and "asOfNoLaterThan" not in tenure
    assert "2024-06-18" in tenure["dateNote"]  # the day it was read as, for the reviewer
    assert {"post/armenia-defence-minister", "suren-papikyan"} <= set(draft.mentions)


def test_the_headline_names_are_mentioned(drafter: Drafter) -> None:
    draft = drafter.text("Papikyan meets officials in Paris\n\nThe talks lasted two hours.\n")
    assert {"suren-papikyan", "paris"} <= set(draft.mentions)
    assert not draft.facts  # the headline itself proposes nothing


def test_a_known_post_before_a_new_name_is_a_tenure(drafter: Drafter) -> None:
    draft = drafter.text(
        "Talks in the capital end\n\n"
        "Armenian Defence Minister Vardan Ghukasyan visited the base on Tuesday.\n",
    )
    tenures = [(p.fields["holder"], p.fields["post"]) for p in draft.facts if p.kind == "tenure"]
    assert ("vardan-ghukasyan", "post/armenia-defence-minister") in tenures


def test_he_said_on_a_day_is_the_last_person_named(drafter: Drafter) -> None:
    draft = drafter.text(
        "Talks in the capital end\n\n"
        "Suren Papikyan arrived in Paris.\n\nHe said on Monday that the talks went well.\n",
    )
    (statement,) = [p.fields for p in draft.facts if p.kind == "statement"]
    assert (statement["speaker"], statement["date"]) == ("suren-papikyan", "2024-06-17")


def test_adjectives_and_title_words_are_no_new_names(drafter: Drafter) -> None:
    draft = drafter.text(
        "News of the day in brief\n\n"
        "Goods came from Azerbaijani ports, according to Russian media.\n\n"
        "The decree came from Prime Minister Nikol Pashinyan.\n",
    )
    labels = {e.label for e in draft.new_entities}
    assert not labels & {"Azerbaijani", "Russian", "Prime"}


def test_the_last_part_of_a_hyphenated_place_is_that_place(drafter: Drafter) -> None:
    draft = drafter.text("Refugees and aid\n\nRefugees left Karabakh in September.\n")
    assert "nagorno-karabakh" in draft.mentions
    assert "karabakh" not in {e.id for e in draft.new_entities}


def test_the_count_of_a_deal_may_come_in_a_later_sentence(drafter: Drafter) -> None:
    draft = drafter.text(
        "A new arms contract\n\n"
        "France signed a contract to supply armoured vehicles to Armenia.\n\n"
        "The vehicles will come by sea.\n\nThis concerns a batch of 24 armoured vehicles.\n",
    )
    (deal,) = [p.fields for p in draft.facts if p.kind == "deal"]
    assert deal["quantityOrdered"] == 24 and deal["locator"] == "s2, s4"


def test_a_bare_title_in_russian_before_a_known_holder(drafter: Drafter) -> None:
    draft = drafter.text(
        "Новости дня коротко здесь\n\nВстреча премьер-министра Никола Пашиняна прошла в Ереване.\n",
    )
    tenures = [(p.fields["holder"], p.fields["post"]) for p in draft.facts if p.kind == "tenure"]
    assert tenures == [("nikol-pashinyan", "post/armenia-prime-minister")]
