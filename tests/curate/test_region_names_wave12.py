"""Karabakh, Azerbaijan's border service and its state agency as the region's and the
European press write them (wave 12: an Azerbaijani page's "Dövlət Sərhəd Xidməti (DSX)",
"Azərtac" and "Qarabağ", a Turkish page's "Dağlık Karabağ" were missed). Sentences written
for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


@pytest.mark.parametrize(
    ("body", "ref"),
    [
        ("Dövlət Sərhəd Xidməti bu barədə məlumat yayıb.", "azerbaijan-state-border-service"),
        ("Ermenistan ile Azerbaycan arasındaki Dağlık Karabağ sorunu sürüyor.",
         "nagorno-karabakh"),
        ("Qarabağda yeni yollar çəkilir.", "nagorno-karabakh"),
        ("Die Lage in Bergkarabach bleibt angespannt.", "nagorno-karabakh"),
    ],
)  # fmt: skip
def test_region_names(drafter: Drafter, body: str, ref: str) -> None:
    assert ref in drafter.body(body).mentions
