"""A person the graph lacks, after a title that follows a state or an organisation, held that
post (issue 19: most missed facts of the draft log were such tenures). Invented names."""

from __future__ import annotations

from tests.curate.conftest import Drafter


def test_new_people_with_titles_get_tenures(drafter: Drafter) -> None:
    draft = drafter.text(
        "Officials meet in Yerevan\n\n"
        "Kazakh Deputy Foreign Minister Nurlan Tokayuly met the press.\n\n"
        "CSTO spokesman Ivan Zorinov said the drills would go ahead.\n\n"
        "Russian Foreign Ministry spokeswoman Olga Petrovskaya said nothing.\n"
    )
    tenures = {p.fields["holder"]: p.fields["post"] for p in draft.facts if p.kind == "tenure"}
    assert tenures["nurlan-tokayuly"] == "post/kazakhstan-deputy-foreign-minister"
    assert tenures["ivan-zorinov"] == "post/csto-spokesperson"
    assert tenures["olga-petrovskaya"] == "post/russia-foreign-ministry-spokesperson"
    posts = {e.id: e.label for e in draft.new_entities if e.type == "Post"}
    assert posts["post/kazakhstan-deputy-foreign-minister"] == (
        "Deputy Foreign Minister of Kazakhstan"
    )
    assert "post/csto-spokesperson" not in posts  # the graph has it
