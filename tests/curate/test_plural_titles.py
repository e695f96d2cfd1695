"""A title in the plural before two names joined by "and" ("Presidents X and Y",
"Cumhurbaşkanları X ve Y", "Президенты X и Y", "Prezydenci X i Y"): each name holds the title,
attested again when the graph knows the person in a post of that title (issue 19, drafter41:
wave 15's Turkish page 353 got no proposal, its two presidents' tenures missed). A singular
title before the first name is not the second's. Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _tenures(drafter: Drafter, body: str) -> set[tuple[str, str]]:
    draft = drafter.body(body)
    return {(p.fields["holder"], p.fields["post"]) for p in draft.facts if p.kind == "tenure"}


BOTH = {("recep-tayyip-erdogan", "post/turkey-president"), ("aliyev", "post/azerbaijan-president")}


@pytest.mark.parametrize(
    "body",
    [
        "Cumhurbaşkanları Recep Tayyip Erdoğan ve İlham Aliyev belgeyi Şuşa'da imzalamıştı.",
        "Presidents Recep Tayyip Erdogan and Ilham Aliyev signed the text in Shusha.",
    ],
)
def test_a_plural_title_is_held_by_both_names(drafter: Drafter, body: str) -> None:
    assert _tenures(drafter, body) == BOTH


def test_a_russian_plural_title_is_held_by_both_names(drafter: Drafter) -> None:
    body = "Президенты Владимир Путин и Ильхам Алиев подписали документ в Москве."
    assert _tenures(drafter, body) == {("vladimir-putin", "post/russia-president"),
                                       ("aliyev", "post/azerbaijan-president")}  # fmt: skip


def test_a_singular_title_is_only_the_first_names(drafter: Drafter) -> None:
    body = "President Ilham Aliyev and Nikol Pashinyan met in Prague."
    assert _tenures(drafter, body) == {("aliyev", "post/azerbaijan-president")}


def test_a_plural_title_is_not_held_by_one_who_never_held_it(drafter: Drafter) -> None:
    body = "Presidents Ilham Aliyev and Nikol Pashinyan met in Prague."
    assert _tenures(drafter, body) == {("aliyev", "post/azerbaijan-president")}
