"""An exercise's period as news prints it (wave 5's first drafts missed 10 of 10 exercise
dates): the year from its name when the text prints no date, one range before a list of
names, a start reported with a speech verb, an end in a later sentence ("runs until …"),
a name with a spaced dash or a bare year before "exercise". Sentences written for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _exercises(drafter: Drafter, body: str, published: str | None) -> list[dict[str, Any]]:
    draft = drafter.text("Drills\n\n" + body + "\n", published=published)
    return [p.fields for p in draft.facts if p.kind == "exercise"]


def _period(fields: dict[str, Any]) -> tuple[Any, Any]:
    return fields.get("startDate"), fields.get("endDate")


def test_the_year_of_the_name_when_the_text_prints_no_date(drafter: Drafter) -> None:
    body = "Armenia will skip the “Silver Falcon-2026” military exercises on August 14-16."
    (found,) = _exercises(drafter, body, None)
    assert _period(found) == ("2026-08-14", "2026-08-16")


def test_one_range_before_a_list_of_names_dates_them_all(drafter: Drafter) -> None:
    body = (
        "В Казахстане с 11 по 15 сентября прошли два учения: «Северная Рысь-2026» и "
        "«Синий Сокол-2026»."
    )
    found = _exercises(drafter, body, None)
    assert len(found) == 2
    assert {_period(f) for f in found} == {("2026-09-11", "2026-09-15")}


def test_a_start_reported_by_a_speaker_keeps_its_day(drafter: Drafter) -> None:
    body = (
        'The joint exercise "Silver Falcon-2026" with Kazakhstan began on Monday, the '
        "ministry said on Monday.\n\nThe exercise, which runs until June 20, trains medics."
    )
    (found,) = _exercises(drafter, body, "2026-06-15")
    # the end after the article's day is only scheduled: no evidence that it ended then
    assert _period(found) == ("2026-06-15", None)
    assert found["scheduledEndDate"] == "2026-06-20"
    assert "mode" not in found  # under way, not planned


def test_an_end_the_article_has_seen_is_an_end(drafter: Drafter) -> None:
    body = (
        'The joint exercise "Silver Falcon-2026" with Kazakhstan began on June 15.\n\n'
        "The exercise, which ran until June 20, trained medics."
    )
    (found,) = _exercises(drafter, body, "2026-06-22")
    assert _period(found) == ("2026-06-15", "2026-06-20")
    assert "scheduledEndDate" not in found


def test_a_name_with_a_spaced_dash_or_a_bare_year(drafter: Drafter) -> None:
    body = (
        "Kazakhstan and Georgia opened the Silver Falcon - 2026 drills on 3 June.\n\n"
        "The Blue Lynx 2026 exercise of Georgia ended on 9 June."
    )
    found = {f["id"] for f in _exercises(drafter, body, "2026-06-10")}
    assert found == {"exercise/silver-falcon-2026", "exercise/blue-lynx-2026"}


def test_a_dash_between_two_days_before_a_foreign_month(drafter: Drafter) -> None:
    body = "Учения «Silver Falcon-2026» Армении и Казахстана прошли 9–10 апреля."
    (found,) = _exercises(drafter, body, "2026-04-12")
    assert _period(found) == ("2026-04-09", "2026-04-10")


def test_an_alliance_exercise_has_the_alliance_as_participant(drafter: Drafter) -> None:
    body = "Armenia will skip the CSTO “Silver Falcon-2026” exercises in Kazakhstan on June 3-5."
    (found,) = _exercises(drafter, body, "2026-06-01")
    assert found["participant"] == "csto"
    assert found["location"] == "kazakhstan"


def test_an_exercise_of_two_states_is_a_joint_exercise(drafter: Drafter) -> None:
    body = "Kazakhstan and Georgia opened the Silver Falcon-2026 drills on 3 June."
    (found,) = _exercises(drafter, body, "2026-06-10")
    assert found["topic"] == "code:topic-joint-exercise"
