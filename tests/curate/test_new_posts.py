"""Posts the graph does not have yet (wave 10's feedback: new Greek, Cypriot, Pakistani
officials got neither a tenure nor a post): a title before a new name, its state given by an
adjective the drafter knows, a portfolio word, or "of <state>" right after the name, gives the
post by the reference's naming convention (``post/<state>-<role>``) and the tenure."""

from __future__ import annotations

from kg.draft.pipeline import Draft
from tests.curate.conftest import Drafter


def _tenures(draft: Draft) -> set[tuple[str, str]]:
    return {
        (p.fields["holder"], p.fields["post"]) for p in draft.facts if p.fields["type"] == "Tenure"
    }


def _new_posts(draft: Draft) -> dict[str, str]:
    return {e.id: e.label for e in draft.new_entities if e.type == "Post"}


def test_a_greek_title_before_a_new_name(drafter: Drafter) -> None:
    draft = drafter.body("Greek Foreign Minister Petros Alexandrou arrived in Yerevan on Monday.")
    assert ("petros-alexandrou", "post/greece-foreign-minister") in _tenures(draft)
    assert _new_posts(draft)["post/greece-foreign-minister"] == "Foreign Minister of Greece"


def test_a_cypriot_title_before_a_new_name(drafter: Drafter) -> None:
    draft = drafter.body("Cypriot Defence Minister Andreas Nikolaou said the talks were useful.")
    assert ("andreas-nikolaou", "post/cyprus-defence-minister") in _tenures(draft)


def test_a_portfolio_before_the_title(drafter: Drafter) -> None:
    draft = drafter.body("Greek Interior Minister Stavros Petrou said the talks were useful.")
    assert ("stavros-petrou", "post/greece-interior-minister") in _tenures(draft)


def test_the_state_after_the_name(drafter: Drafter) -> None:
    draft = drafter.body("Information Minister Marios Kallides of Cyprus visited Yerevan.")
    assert ("marios-kallides", "post/cyprus-information-minister") in _tenures(draft)
    assert _new_posts(draft)["post/cyprus-information-minister"] == (
        "Information Minister of Cyprus"
    )


def test_a_state_named_elsewhere_is_not_the_owner(drafter: Drafter) -> None:
    """Only a state printed at the title or right after the name owns the post."""
    draft = drafter.body("Minister Andreas Loizides met the Greek delegation in Nicosia.")
    assert not _tenures(draft)
    assert not _new_posts(draft)
