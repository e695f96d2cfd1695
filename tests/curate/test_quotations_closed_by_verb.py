"""A quotation over several sentences closed by a verb that ends its sentence (Turkish,
Azerbaijani, Kazakh: "X, “A. B” dedi."): the splitter cuts it at each full stop inside, so the
verb and its subject fall in different sentences (wave 16's curators: 319, 327 and 372 each
lost such a statement). The speaker heads the quotation's first sentence; the statement spans
the quotation. Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.curate.conftest import Drafter


def _statements(drafter: Drafter, body: str) -> list[dict[str, object]]:
    return [p.fields for p in drafter.body(body).facts if p.kind == "statement"]


@pytest.mark.parametrize(
    ("body", "speaker", "locator"),
    [
        # Turkish: the quotation ends in its own full stop, "dedi." is cut off after it
        ('Kremlin sözcüsü Dmitriy Peskov, "Bu karar kabul edilemez. Görüşmeler sürecek." dedi.',
         "dmitry-peskov", "s2-s4"),
        # Turkish: "ifadelerini kullandı" after a quotation of two sentences
        ("Dışişleri Bakanı Ararat Mirzoyan, “Barış yakındır. Görüşmeler sürecek” ifadelerini "
         "kullandı.", "ararat-mirzoyan", "s2-s3"),
        # Turkish: words between the speaker and the quotation
        ("Nikol Paşinyan, gazetecilere yaptığı açıklamada, “Sınır açıktır. Görüşmeler sürecek. "
         "Yakında anlaşma olur” dedi.", "nikol-pashinyan", "s2-s4"),
        # Azerbaijani: the evidential "deyib"
        ("Prezident İlham Əliyev, “Sülh yaxındır. Danışıqlar davam edəcək” deyib.", "aliyev",
         "s2-s3"),
        # Kazakh: the speaker and a colon, "деді" after the quotation
        ("Пашинян: «Біз шығамыз. Қашан шығу керектігін өзіміз шешеміз» деді.",
         "nikol-pashinyan", "s2-s3"),
    ],
)  # fmt: skip
def test_the_quotations_head_speaks(
    drafter: Drafter, body: str, speaker: str, locator: str
) -> None:
    said = _statements(drafter, body)
    assert [s["speaker"] for s in said] == [speaker]
    assert said[0]["locator"] == locator


def test_its_day_is_the_heads(drafter: Drafter) -> None:
    body = ("Nikol Paşinyan, salı günü yaptığı açıklamada, “Sınır açıktır. Görüşmeler sürecek” "
            "dedi.")  # fmt: skip
    said = _statements(drafter, body)
    assert [(s["speaker"], s.get("date")) for s in said] == [("nikol-pashinyan", "2024-06-18")]


@pytest.mark.parametrize(
    "body",
    [
        # the words quoted are another's, reacted to: no verb of saying closes them
        'Nikol Paşinyan, Sergey Lavrov\'un "Koridor açılacak. Bu kesin." sözlerine tepki gösterdi.',
        # the name before the quotation is in the genitive: it is not the subject
        "Nikol Paşinyan'ın “Sınır açıktır. Görüşmeler sürecek” sözleri dün yayımlandı.",
        # the quotation closed before the verb's sentence: the verb has its own subject
        "Dmitriy Peskov, “Görüşmeler sürecek.” Sonra gazeteciler sorularını sordu. Ardından "
        "toplantı bitti dedi.",
    ],
)
def test_no_speaker_without_the_construction(drafter: Drafter, body: str) -> None:
    assert _statements(drafter, body) == []
