"""Which name a title belongs to (drafter feedback, wave 3): in a list "A, President of X,
B, Prime Minister of Y" each title after a name is that name's; an aide, adviser or
spokesperson of an office holder does not hold the office. Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _tenures(drafter: Drafter, body: str) -> set[tuple[str, str]]:
    draft = drafter.text("Leaders of the region\n\n" + body + "\n")
    return {(p.fields["holder"], p.fields["post"]) for p in draft.facts if p.kind == "tenure"}


def test_a_title_after_a_name_in_a_list_is_that_names(drafter: Drafter) -> None:
    body = (
        "The guests were Vladimir Putin, President of Russia, Nikol Pashinyan, Prime Minister "
        "of Armenia, and Ilham Aliyev, President of Azerbaijan."
    )
    assert _tenures(drafter, body) == {
        ("vladimir-putin", "post/russia-president"),
        ("nikol-pashinyan", "post/armenia-prime-minister"),
        ("aliyev", "post/azerbaijan-president"),
    }


@pytest.mark.parametrize(
    "body",
    [
        "An adviser to the President of Azerbaijan Maria Zakharova arrived in the capital.",
        "Прибыла советник президента Азербайджана Мария Захарова.",
    ],
)
def test_an_aide_is_not_the_office_holder(drafter: Drafter, body: str) -> None:
    assert ("maria-zakharova", "post/azerbaijan-president") not in _tenures(drafter, body)
