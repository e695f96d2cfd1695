"""Candidate noise of wave 9's feedback: a building, a common word before "reports", a
surname after "according to", a place named by an adjective, a body of an organisation
the graph has, "the former Soviet Union". Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("sentence", "noise"),
    [
        ("News reports quoted officials as saying the talks failed.", "news"),
        ("Officials at the Defence Ministry Headquarters said the talks failed.",
         "defence-ministry-headquarters"),
        ("According to Zorvanyan, the talks failed.", "zorvanyan"),
        ("Troops left the only Armenian province on Monday.", "armenian-province"),
        ("The Collective Security Council will meet in Qarva.", "collective-security-council"),
        ("The former Soviet Union had bases there.", "soviet-union"),
    ],
)  # fmt: skip
def test_no_candidate(drafter: Drafter, sentence: str, noise: str) -> None:
    draft = drafter.body(sentence)
    assert noise not in {e.id for e in draft.new_entities}


def test_a_named_outlet_and_a_real_body_stay_candidates(drafter: Drafter) -> None:
    draft = drafter.body("According to Zorland Times, the Qarvel Defence Council met.")
    ids = {e.id for e in draft.new_entities}
    assert "zorland-times" in ids
