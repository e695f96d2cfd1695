"""Arms deals on unseen text (issue 19): quantities, the system's name and kind, the maker
beside the supplying state, who buys, and the graph's id for a deal it already has.
Sentences written for the test; the known deal is a fixture added to a copy of the seeds."""

from __future__ import annotations

from pathlib import Path

from kg import config
from kg.draft.pipeline import draft_article


def _deals(paths: config.Paths, tmp_path: Path, text: str) -> list[dict]:
    path = tmp_path / "article.txt"
    path.write_text("Arms for the Caucasus\n\n" + text, encoding="utf-8")
    draft = draft_article(path, paths, published="2024-06-19")
    return [p.fields for p in draft.facts if p.kind == "deal"]


def test_quantity_designation_kind_and_maker(tmp_path: Path) -> None:
    deal, other = _deals(
        config.Paths(),
        tmp_path,
        "Armenia signed a contract to buy 36 ZEPHYR self-propelled howitzers from France.\n\n"
        "Armenia will also buy three GM400 radars from France made by the defence group "
        "Qorvitan.\n",
    )
    assert other["designation"] == "GM400"  # another system: another deal
    assert (deal["supplier"], deal["recipient"]) == ("france", "armenia")
    assert deal["designation"] == "ZEPHYR" and deal["quantityOrdered"] == 36
    assert deal["systemType"] == "code:weapon-self-propelled-howitzer"


def test_a_second_system_is_a_second_deal_with_its_maker(tmp_path: Path) -> None:
    deals = _deals(
        config.Paths(),
        tmp_path,
        "Armenia will buy three GM400 radar systems from France made by the defence group "
        "Qorvitan.\n",
    )
    (deal,) = deals
    assert deal["designation"] == "GM400" and deal["quantityOrdered"] == 3
    assert deal["manufacturer"] == "qorvitan" and deal["systemType"] == "code:weapon-radar"


def test_the_buyer_is_the_subject_of_acquire(tmp_path: Path) -> None:
    (deal,) = _deals(
        config.Paths(), tmp_path, "Azerbaijan plans to acquire Turkish-made armed drones.\n"
    )
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
    (deal,) = _deals(
        seed_copy,
        tmp_path,
        "The first ZEPHYR guns reached Armenia.\n\nFrance signed the contract to supply them to "
        "Armenia.\n",
    )
    assert deal["id"] == "deal/fixture-zephyr" and deal["designation"] == "ZEPHYR"
