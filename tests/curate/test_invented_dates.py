"""Dates a first draft must not invent (wave 7 feedback: 3 invented dates on unseen text): an
exercise dated by its ceremony's day, a deal whose supplier is only the place something was
launched or made. Sentences written for the test."""

from __future__ import annotations

from typing import Any

from tests.curate.conftest import Drafter


def _facts(drafter: Drafter, body: str, kind: str, published: str) -> list[dict[str, Any]]:
    draft = drafter.text("News of the week\n\n" + body + "\n", published=published)
    return [p.fields for p in draft.facts if p.kind == kind]


def test_a_ceremony_day_does_not_date_the_exercise(drafter: Drafter) -> None:
    body = (
        "The closing ceremony of the joint exercise “Silver Falcon-2026” of Armenia and "
        "Kazakhstan was held on 12 June."
    )
    (found,) = _facts(drafter, body, "exercise", "2026-06-14")
    assert "startDate" not in found and "endDate" not in found


def test_a_russian_ceremony_day_does_not_date_the_exercise(drafter: Drafter) -> None:
    body = "Церемония открытия учений «Серебряный Сокол-2026» Армении и Казахстана прошла 3 июня."
    (found,) = _facts(drafter, body, "exercise", "2026-06-14")
    assert "startDate" not in found


def test_a_place_of_launch_is_no_supplier(drafter: Drafter) -> None:
    body = (
        "Azerbaijan bought the Zephyr-9 drones, whose production was launched in December "
        "2019 in China."
    )
    assert _facts(drafter, body, "deal", "2026-06-14") == []


def test_a_supplier_after_from_is_still_read(drafter: Drafter) -> None:
    body = "Azerbaijan bought Zephyr-9 drones from China in December 2019."
    (deal,) = _facts(drafter, body, "deal", "2026-06-14")
    assert (deal["supplier"], deal["recipient"]) == ("china", "azerbaijan")


def test_talk_of_a_possible_meeting_is_no_meeting(drafter: Drafter) -> None:
    body = "A possible meeting of Nikol Pashinyan and Ilham Aliyev in Prague was discussed."
    assert _facts(drafter, body, "meeting", "2026-06-14") == []


def test_who_reports_a_meeting_is_not_in_it(drafter: Drafter) -> None:
    body = "Dmitry Peskov said on Monday that Vladimir Putin and Nikol Pashinyan met in Moscow."
    (meeting,) = _facts(drafter, body, "meeting", "2026-06-14")
    assert set(meeting["participant"]) == {"vladimir-putin", "nikol-pashinyan"}


def test_the_speaker_named_after_the_words(drafter: Drafter) -> None:
    body = (
        "Армения не будет участвовать в учениях ОДКБ в Казахстане. Об этом заявил Никол "
        "Пашинян в пятницу."
    )
    (said,) = _facts(drafter, body, "statement", "2026-06-14")
    assert said["speaker"] == "nikol-pashinyan"
    assert "csto" in said["about"] or "kazakhstan" in said["about"]


def test_a_french_contract_with_a_company(drafter: Drafter) -> None:
    body = "L'Arménie a signé un contrat portant sur 3 radars GM400 avec la France."
    (deal,) = _facts(drafter, body, "deal", "2026-06-14")
    assert (deal["supplier"], deal["recipient"]) == ("france", "armenia")
    assert deal["quantityOrdered"] == 3


def test_supplying_a_number_of_systems(drafter: Drafter) -> None:
    body = "France is supplying four ZEPHYR howitzers to Armenia for $40 million."
    (deal,) = _facts(drafter, body, "deal", "2026-06-14")
    assert (deal["supplier"], deal["recipient"]) == ("france", "armenia")
    assert deal["quantityOrdered"] == 4


def test_quoted_as_saying(drafter: Drafter) -> None:
    body = "On Monday, TASS quoted Nikol Pashinyan as saying that Armenia would leave the CSTO."
    (said,) = _facts(drafter, body, "statement", "2026-06-14")
    assert said["speaker"] == "nikol-pashinyan"
    assert said.get("date") == "2026-06-08"
