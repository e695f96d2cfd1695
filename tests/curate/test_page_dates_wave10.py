"""Page dates wave 10's first drafts missed: a date with spaced slashes after a time (read as
its year alone) and a dotted day glued to the agency's name that opens the first sentence."""

from __future__ import annotations

from kg.draft.published import find_published
from tests.curate.conftest import Drafter


def test_spaced_slashes_after_a_time() -> None:
    text = "Drills near the border\n\n10:53 - 30 / 10 / 2019\n\nThe drills began, the army said.\n"
    assert find_published(text, None).value == "2019-10-30"


def test_a_dotted_day_before_an_agency() -> None:
    text = (
        "Учения у границы\n29.04.2022 ТАСС Учения начались в понедельник, "
        "сообщили в министерстве обороны страны.\n"
    )
    assert find_published(text, None).value == "2022-04-29"


def test_a_dotted_day_glued_to_the_agency() -> None:
    text = (
        "Учения у границы\n29.04.2022ТАСС. Учения начались в понедельник, "
        "сообщили в министерстве обороны.\n"
    )
    assert find_published(text, None).value == "2022-04-29"


def test_a_dotted_day_in_the_middle_of_a_line_is_no_page_date() -> None:
    text = "Учения у границы\nУчения начались 29.04.2022 ТАСС сообщило об этом в полдень.\n"
    published = find_published(text, None)
    assert published.value is None or published.note.startswith("Printed as a dateline at")
    assert "agency" not in published.note


def test_the_agency_dateline_dates_no_event(drafter: Drafter) -> None:
    draft = drafter.text(
        "Учения у границы\n\n29.04.2022 ТАСС Учения ОДКБ прошли в Армении, "
        "сообщили в штабе ОДКБ.\n",
        published=None,
    )
    assert draft.block["datePublished"] == "2022-04-29"
    assert "2022-04-29" not in str([p.fields for p in draft.facts])
