"""The classes audit23-27 found by hand ("What a machine could catch"), each a warning that
fails without its check: a label naming a date after its article's (267), `broken-off` on an
Armenian text ending with a colon (268) and silent on a summary that says "breaks off" yet
finishes the sentence (249), and a statement dated on the article's day whose sentence names
another day. Texts and blocks written for the tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg import config
from kg.audit_blocks import file_warnings, label_after_article, label_dates
from kg.audit_texts import ended, finished, warnings

HEAD = """article:
  id: article/{name}
  type: NewsArticle
  url: https://example.org/{name}
  publisher: oc-media
  inLanguage: {language}
  textSha256: {digest}
  seedFile: {name}.txt
  headline: A test article
  datePublished: {published}
  mentions: [armenia, france]

facts:
"""


def _article(
    seeds: config.Paths, texts: Path, text: str, facts: str, published: str = "2024-05-15",
    language: str = "en",
) -> Path:  # fmt: skip
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    name = f"902_{digest[:16]}"
    texts.mkdir(exist_ok=True)
    (texts / f"{name}.txt").write_bytes(data)
    path = seeds.articles / f"{name}.yaml"
    head = HEAD.format(name=name, digest=digest, published=published, language=language)
    path.write_text(head + facts, encoding="utf-8")
    return path


def _found(seeds: config.Paths, texts: Path, path: Path, check: str) -> list[str]:
    return [f"{w.fact}: {w.why}" for w in warnings(seeds, texts, [path]) if w.check == check]


# (a) -------------------------------------------------------------------------------------


def test_a_label_dated_after_its_article_is_flagged_even_as_reported(tmp_path: Path) -> None:
    """audit27: 267 (January 2021) carried a shared id's "(reported November 2021)"; the label
    check let any "reported" label pass."""
    block = {"id": "event/x", "label": "Trade office opens (reported November 2021)",
             "latestDate": "2021-01-20"}  # fmt: skip
    assert not list(label_dates(block))  # the block check alone: "reported" exempts it
    (why,) = label_after_article(block, "2021-01-20")
    assert "names November 2021 (as when it was seen), after this article's date" in why
    assert not list(label_after_article(block, "2021-12-01"))  # a later article may say so
    # a deadline, a plan's own date, a year it is for, a term it runs to: left alone
    assert not list(label_after_article({"label": "Guards to leave by 1 August 2024"},
                                        "2024-03-14"))  # fmt: skip
    assert not list(label_after_article({"label": "Summit (November 2025)", "date": "2025-11-27"},
                                        "2025-11-24"))  # fmt: skip
    assert not list(label_after_article({"label": "Plan for 2026"}, "2025-03-01"))
    assert not list(label_after_article({"label": "Lease extended until 2044", "date": "2010"},
                                        "2020-01-01"))  # fmt: skip
    # through kg validate's file check, once per label
    path = tmp_path / "903_0000000000000903.yaml"
    path.write_text(
        "article:\n  id: article/903_0000000000000903\n  type: NewsArticle\n"
        "  headline: h\n  datePublished: 2021-01-20\n  mentions: [armenia]\n"
        "facts:\n  - id: event/x\n    type: PoliticalEvent\n    participant: [armenia]\n"
        "    label: Trade office opens (reported November 2021)\n    latestDate: 2021-01-20\n",
        encoding="utf-8",
    )
    labels = [w for w in file_warnings(path) if w.check == "label-date"]
    assert len(labels) == 1 and "after this article's date (2021-01-20)" in labels[0].why


# (b) -------------------------------------------------------------------------------------

ARMENIAN = "Նախարարը այցելեց Փարիզ\nՆախարարը երեկ հանդիպեց իր գործընկերոջը:\n"
ARMENIAN_FACTS = """  - id: meeting/test-armenian-colon
    type: Meeting
    participant: [armenia, france]
    latestDate: 2024-05-15
    dateNote: No later than the article.
    locator: s2
    summary: The minister met his counterpart.
"""


def test_an_armenian_colon_ends_the_text(seed_copy: config.Paths, tmp_path: Path) -> None:
    """audit27: 268 ends with "…հայտարարել է նա:", the Armenian full stop typed as a colon,
    and was warned as broken off."""
    assert ended("Նախարարը հանդիպեց իր գործընկերոջը:") and ended("Նա ասաց։")
    assert not ended("The talks were held on:") and not ended("Նախարարը հանդիպեց իր")
    texts = tmp_path / "texts"
    path = _article(seed_copy, texts, ARMENIAN, ARMENIAN_FACTS, language="hy")
    assert _found(seed_copy, texts, path, "broken-off") == []
    cut = _article(seed_copy, texts, ARMENIAN.replace("գործընկերոջը:", "գործ"), ARMENIAN_FACTS,
                   language="hy")  # fmt: skip
    assert len(_found(seed_copy, texts, cut, "broken-off")) == 1


CUT = (
    "A visit to Yerevan\n"
    "The Secretary General praised the government's reforms.\n"
    "He welcomed its work to bolster democratic contr"
)
CUT_FACTS = """  - id: statement/test-reforms
    type: Statement
    speaker: armenia
    latestDate: 2024-05-15
    dateNote: No later than the article.
    locator: s2-s3
    summary: {summary}
"""


def test_a_summary_saying_breaks_off_yet_finishing_the_sentence(
    seed_copy: config.Paths, tmp_path: Path
) -> None:
    """audit23: 249's summary supplied "institutions" after "…democratic contr" and said the
    text breaks off, which silenced the warning."""
    texts = tmp_path / "texts"
    said = "He welcomed work to bolster democratic institutions; the text breaks off there."
    path = _article(seed_copy, texts, CUT, CUT_FACTS.format(summary=said))
    (found,) = _found(seed_copy, texts, path, "broken-off")
    assert 'goes on past the cut in s3 ("democratic institutions")' in found
    honest = "He welcomed work to bolster democratic … (the text breaks off mid-word)."
    path.write_text(path.read_text("utf-8").replace(said, honest), "utf-8")
    assert _found(seed_copy, texts, path, "broken-off") == []
    # the cut word completed is finishing it too
    assert finished("it bolsters control; the text breaks off", CUT, CUT) == "control"
    assert finished("the text breaks off in a word of s3", CUT, CUT) is None


# (c) -------------------------------------------------------------------------------------

SAID = (
    "Ministers on the talks\n"
    "The foreign minister said on Monday that the talks would go on.\n"
    "The defence minister spoke on Wednesday about the drills.\n"
)
SAID_FACTS = """  - id: statement/test-monday
    type: Statement
    speaker: armenia
    date: {day}
    locator: s2
    summary: The minister said the talks would go on.

  - id: statement/test-wednesday
    type: Statement
    speaker: armenia
    date: 2024-05-15
    locator: s3
    summary: The minister spoke about the drills.
"""


def test_a_statement_dated_on_the_article_day_its_sentence_does_not_give(
    seed_copy: config.Paths, tmp_path: Path
) -> None:
    """A statement "said on Monday" in a Wednesday article (15 May 2024) dated on the article's
    day; "on Wednesday" is the article's day and is not warned about."""
    texts = tmp_path / "texts"
    path = _article(seed_copy, texts, SAID, SAID_FACTS.format(day="2024-05-15"))
    (found,) = _found(seed_copy, texts, path, "statement-day")
    assert found.startswith("statement/test-monday:")
    assert '"on Monday" (2024-05-13)' in found
    path.write_text(path.read_text("utf-8").replace("date: 2024-05-15\n    locator: s2",
                                                    "date: 2024-05-13\n    locator: s2"),
                    "utf-8")  # fmt: skip
    assert _found(seed_copy, texts, path, "statement-day") == []
