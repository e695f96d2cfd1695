"""A copyright line and a photo caption stamped with the picture's width and date are page
clutter, never the headline (issue 19, drafter41: wave 15's first drafts took "© <Agency> -
Riproduzione riservata" and "<caption> - Sputnik <edition>, 1920, <date>" as headlines).
Lines written for the test."""

from __future__ import annotations

import pytest

from kg.draft.text import title

BODY = "\n\nThe ministry confirmed the order on Monday. Deliveries begin next year.\n"


@pytest.mark.parametrize(
    "clutter",
    [
        "© Zorg Agency - Riproduzione riservata",
        "Copyright (c) 2024 Zorg Media. All rights reserved",
        "© 2024 Зорг. Все права защищены",
        "Soldiers at work - Sputnik Zorg, 1920, 17.03.2023",
    ],
)
def test_clutter_before_the_headline_is_skipped(clutter: str) -> None:
    assert title(clutter + "\nArmenia orders new howitzers from India" + BODY) == (
        "Armenia orders new howitzers from India"
    )


def test_a_headline_with_a_year_is_still_a_headline() -> None:
    assert title("Armenia orders 90 howitzers, 2024 deliveries" + BODY) == (
        "Armenia orders 90 howitzers, 2024 deliveries"
    )
