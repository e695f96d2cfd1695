"""A post embedded in a page, signed "— Name (@handle) Month D, YYYY" under its words: the
statement of that person, when the graph knows him, on the signature's day (issue 19,
drafter41: wave 15's Greek page 358 got no proposal, its one statement an embedded post of a
known official). Sentences written for the test."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def _statements(drafter: Drafter, body: str) -> list[dict[str, object]]:
    return [p.fields for p in drafter.body(body).facts if p.kind == "statement"]


def test_a_signed_post_is_its_authors_statement_of_that_day(drafter: Drafter) -> None:
    body = "Η αποστολή ξεκίνησε σήμερα. — Josep Borrell Fontelles (@JBorrell) February 20, 2023"
    [said] = _statements(drafter, body)
    assert said["speaker"] == "josep-borrell" and said["date"] == "2023-02-20"


def test_a_signature_after_the_posts_words_on_one_line(drafter: Drafter) -> None:
    body = "The anthems were played. pic.twitter.com/x1 — Suren Papikyan (@papikyan) May 2, 2024"
    [said] = _statements(drafter, body)
    assert said["speaker"] == "suren-papikyan" and said["date"] == "2024-05-02"


def test_no_statement_from_a_signature_of_a_name_the_graph_lacks(drafter: Drafter) -> None:
    assert _statements(drafter, "The army moved. — Zorg Qwerty (@zq) May 2, 2024") == []


def test_no_statement_from_a_handle_without_a_date(drafter: Drafter) -> None:
    assert _statements(drafter, "We met — Suren Papikyan (@papikyan) on the border.") == []
