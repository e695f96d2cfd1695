"""Arms deals on unseen text (issue 19): quantities, the system's name and kind, the maker
beside the supplying state, who buys, and the graph's id for a deal it already has.
Sentences written for the test; the known deal is a fixture added to a copy of the seeds."""

from __future__ import annotations

from pathlib import Path

from kg import config
from kg.draft.pipeline import Draft, draft_article
from tests.curate.conftest import Drafter


def _deals(draft: Draft) -> list[dict]:
    return [p.fields for p in draft.facts if p.kind == "deal"]


def _text(body: str) -> str:
    return "Arms for the Caucasus\n\n" + body


def test_quantity_designation_kind_and_maker(drafter: Drafter) -> None:
    text = _text(
        "Armenia signed a contract to buy 36 ZEPHYR self-propelled howitzers from France.\n\n"
        "Armenia will also buy three GM400 radars from France made by the defence group "
        "Qorvitan.\n"
    )
    deal, other = _deals(drafter.text(text))
    assert other["designation"] == "GM400"  # another system: another deal
    assert (deal["supplier"], deal["recipient"]) == ("france", "armenia")
    assert deal["designation"] == "ZEPHYR" and deal["quantityOrdered"] == 36
    assert deal["systemType"] == "code:weapon-self-propelled-howitzer"


def test_a_second_system_is_a_second_deal_with_its_maker(drafter: Drafter) -> None:
    text = _text(
        "Armenia will buy three GM400 radar systems from France made by the defence group "
        "Qorvitan.\n"
    )
    (deal,) = _deals(drafter.text(text))
    assert deal["designation"] == "GM400" and deal["quantityOrdered"] == 3
    assert deal["manufacturer"] == "qorvitan" and deal["systemType"] == "code:weapon-radar"


def test_the_buyer_is_the_subject_of_acquire(drafter: Drafter) -> None:
    text = _text("Azerbaijan plans to acquire Turkish-made armed drones.\n")
    (deal,) = _deals(drafter.text(text))
    assert (deal["supplier"], deal["recipient"]) == ("turkey", "azerbaijan")
    assert deal["systemType"] == "code:weapon-combat-drone"


def test_a_deal_the_graph_has_keeps_its_id(seed_copy: config.Paths, tmp_path: Path) -> None:
    (seed_copy.articles / "900_0000000000000000.yaml").write_text(
        "article:\n  id: article/900_0000000000000000\n  type: NewsArticle\n"
        "  headline: A fixture\n  datePublished: 2024-06-01\n"
        "facts:\n  - id: deal/fixture-zephyr\n    type: ArmsDeal\n    supplier: france\n"
        "    recipient: armenia\n    designation: ZEPHYR\n"
        "    systemType: code:weapon-self-propelled-howitzer\n",
        encoding="utf-8",
    )
    path = tmp_path / "article.txt"
    path.write_text(
        _text(
            "The first ZEPHYR guns reached Armenia.\n\nFrance signed the contract to supply "
            "them to Armenia.\n"
        ),
        encoding="utf-8",
    )
    (deal,) = _deals(draft_article(path, seed_copy, published="2024-06-19"))
    assert deal["id"] == "deal/fixture-zephyr" and deal["designation"] == "ZEPHYR"
