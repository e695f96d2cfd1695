"""`kg validate --texts DIR` compares each block with the sentences its locator points to
(numbered by the drafter's splitter), and `kg validate` compares labels and headlines with
the blocks' own dates and the article's language: the classes the auditors found by hand
(docs/audit/audit4.md, audit5.md, "What a machine could catch")."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg import config
from kg.audit_blocks import headline_problems, label_dates
from tests.curate.test_seed_errors import kg

# s1 headline; s2-s3 the meeting; s4 an earlier meeting; s5 breaks off
TEXT = (
    "Armenian and French ministers meet in Yerevan\n"
    "The defence ministers met on Monday in Yerevan. They agreed to deepen cooperation.\n"
    "In March, the two sides had met in Moscow.\n"
    "The talks will continue next\n"
)

FACTS = """
facts:
  - id: meeting/test-yerevan-2024-05-13
    type: Meeting
    label: Armenian and French defence ministers meet in Yerevan (April 2024)
    participant: [armenia, france]
    location: yerevan
    date: 2024-05-13
    locator: s2-s3
    summary: The two ministers met and agreed to work more closely.

  - id: meeting/test-noted-2024-05-13
    type: Meeting
    participant: [armenia, france]
    date: 2024-05-13
    dateNote: '"On Monday": the Monday before the article (Wednesday 15 May 2024), resolved.'
    locator: s2
    summary: The ministers met on the Monday before the article.

  - id: meeting/test-moscow-2024-03
    type: Meeting
    participant: [armenia, france]
    location: yerevan
    date: 2024-03
    dateNote: '"In March": the year is the article''s, from context.'
    locator: s4
    summary: The two sides had met in March.

  - id: event/test-talks-to-continue
    type: PoliticalEvent
    participant: [armenia, france]
    latestDate: 2024-05-15
    locator: s5
    summary: The talks were to go on.

  - id: event/test-talks-acknowledged
    type: PoliticalEvent
    participant: [armenia, france]
    latestDate: 2024-05-15
    locator: s5
    summary: The talks were to go on; the text breaks off before saying when.
"""


def _article(seeds: config.Paths, texts: Path) -> Path:
    """A small article file and its text as read, named by its hash as the curators do."""
    data = TEXT.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    name = f"900_{digest[:16]}"
    texts.mkdir(exist_ok=True)
    (texts / f"{name}.txt").write_bytes(data)
    path = seeds.articles / f"{name}.yaml"
    path.write_text(
        f"article:\n  id: article/{name}\n  type: NewsArticle\n"
        "  url: https://example.org/ministers-meet\n  publisher: oc-media\n  inLanguage: en\n"
        f"  textSha256: {digest}\n  seedFile: {name}.txt\n"
        "  headline: Armenian and French ministers meet in Yerevan\n"
        "  datePublished: 2024-05-15\n  mentions: [armenia, france, yerevan]\n" + FACTS,
        encoding="utf-8",
    )
    return path


def _lines(out: str, check: str) -> list[str]:
    return [line for line in out.splitlines() if f"warning ({check})" in line]


def test_texts_warnings_name_the_block_and_its_line(
    seed_copy: config.Paths, tmp_path: Path
) -> None:
    path = _article(seed_copy, tmp_path / "texts")
    plain = kg("validate", "--seeds", str(seed_copy.seeds))
    assert plain.returncode == 0, plain.stderr
    assert not _lines(plain.stdout, "context-date")  # opt-in: no texts, no text warnings
    result = kg("validate", "--seeds", str(seed_copy.seeds), "--texts", str(tmp_path / "texts"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    dates = _lines(out, "context-date")
    # the year of "on Monday" is in neither s2-s3 nor the article's date; the noted one is said
    assert len(dates) == 1, out
    assert f"{path}:" in dates[0] and "meeting/test-yerevan-2024-05-13" in dates[0]
    assert "the year of its date 2024-05-13 is not in its sentences (s2-s3)" in dates[0]
    places = _lines(out, "unstated-place")
    assert len(places) == 1 and "meeting/test-moscow-2024-03" in places[0], out
    assert "its location yerevan is not named in its sentences (s4)" in places[0]
    broken = _lines(out, "broken-off")
    assert len(broken) == 1 and "event/test-talks-to-continue" in broken[0], out
    assert "includes s5, where the text as read breaks off" in broken[0]
    labels = [line for line in _lines(out, "label-date") if "meeting/test-" in line]
    assert len(labels) == 1 and "names April 2024, which none of its dates gives" in labels[0]
    line = (
        path.read_text(encoding="utf-8")
        .splitlines()
        .index("  - id: meeting/test-yerevan-2024-05-13")
    )
    assert f"{path}:{line + 1}: warning (context-date)" in out


def test_a_day_from_a_weekday_is_caught_when_the_year_is_printed(
    seed_copy: config.Paths, tmp_path: Path
) -> None:
    path = _article(seed_copy, tmp_path / "texts")
    text = path.read_text(encoding="utf-8").replace(
        "    date: 2024-05-13\n    locator: s2-s3\n", "    date: 2024-05-13\n    locator: s1-s3\n"
    )
    path.write_text(text, encoding="utf-8")
    (tmp_path / "texts" / path.with_suffix(".txt").name).write_text(
        TEXT.replace("ministers meet in Yerevan", "ministers meet in Yerevan in 2024"),
        encoding="utf-8",
    )
    from kg.audit_texts import warnings

    found = [w for w in warnings(seed_copy, tmp_path / "texts") if w.check == "context-date"]
    assert [w.fact for w in found] == ["meeting/test-yerevan-2024-05-13"]
    assert "the day of its date 2024-05-13 is not in its sentences" in found[0].why


def test_texts_must_be_a_directory(seed_copy: config.Paths, tmp_path: Path) -> None:
    result = kg("validate", "--seeds", str(seed_copy.seeds), "--texts", str(tmp_path / "none"))
    assert result.returncode != 0
    assert "--texts must be a directory" in result.stderr


def test_label_months_and_years_against_the_blocks_own_dates() -> None:
    def why(label: str, **dates: str) -> list[str]:
        return list(label_dates({"label": label, **dates}))

    # 067: "(June 2024)" on a block only bounded by a day in June
    assert why("Deal signed (June 2024)", latestDate="2024-06-18")
    assert not why("Deal signed (June 2024)", date="2024-06-18")
    assert not why("Talks (June 2024)", earliestDate="2024-05", latestDate="2024-07")
    # 075: a month in the label of a block without any date
    assert why("Talks on the arms (November 2023)") == [
        "its label names November 2023, but the block gives no date of its own"
    ]
    assert why("Eagle Partner 2021", date="2023-09")
    assert not why("Eagle Partner 2023", date="2023-09")
    # a label that says when it was seen, not when it was
    assert not why("Alliance as reported in November 2023")
    assert not why("Deployment as of June 2024", latestDate="2024-06-18")
    assert not why("Handover by March 2025")


def test_by_exempts_a_label_only_before_a_date() -> None:
    """audit12 (145): "by" in a label meant "seen by then" ("by June 2024"), but any "by"
    exempted the label, so "prolongs its mission by two years (January 2025)" on a block
    bounded only by the article's day (30 January) passed."""

    def why(label: str, **dates: str) -> list[str]:
        return list(label_dates({"label": label, **dates}))

    old_145 = "The EU Council prolongs its Armenia monitoring mission by two years (January 2025)"
    assert why(old_145, latestDate="2025-01-30") == [
        "its label names January 2025, which none of its dates gives (latestDate 2025-01-30)"
    ]
    assert not why(old_145, earliestDate="2025-01-29", latestDate="2025-01-30")  # as fixed
    assert why("Mission enlarged by half, to 209 personnel (January 2024)", latestDate="2024-02")
    assert why("Article 4 invoked, by this article's account (2020)", date="2021")
    # "by" before a date still says when it was seen
    assert not why("Deployment (by June 2024)", latestDate="2024-07-18")
    assert not why("Guards to leave the airport by 1 August 2024", latestDate="2024-03-14")
    assert not why("Report to be ready by the end of 2025", latestDate="2025-01-02")
    assert not why("Fighters to arrive by early 2020", latestDate="2019-02-04")


def test_headline_against_its_note_and_language() -> None:
    def problems(**article: str) -> list[str]:
        return list(headline_problems(article))

    note = "The curator's English rendering of the page's headline."
    # 068: a note, so the headline is tagged English, but it is still the Spanish one
    assert problems(headline="Armenia y Francia firman un acuerdo", headlineNote=note,
                    inLanguage="es")  # fmt: skip
    assert problems(headline="Пашинян обвинил Россию", headlineNote=note, inLanguage="ru")
    assert not problems(headline="Pashinyan accuses Russia", headlineNote=note, inLanguage="ru")
    assert not problems(headline="Пашинян обвинил Россию", inLanguage="ru")  # the page's own
    # 059, 060: the curator's note written into the headline itself
    found = problems(headline="Border handover (curator's rendering)", inLanguage="en")
    assert found and "headlineNote" in found[0]


def test_a_negated_end_is_not_an_end(seed_copy: config.Paths) -> None:
    clean = kg("validate", "--seeds", str(seed_copy.seeds))
    assert clean.returncode == 0, clean.stderr
    assert "warning (ended-not-former)" not in clean.stdout  # 001: "was not ended"
    second = seed_copy.articles / "001_e969199d57bb9a7d.yaml"
    text = second.read_text(encoding="utf-8")
    assert "Membership itself was not ended." in text
    second.write_text(text.replace("Membership itself was not ended.", "It has ended."))
    result = kg("validate", "--seeds", str(seed_copy.seeds))
    assert "warning (ended-not-former): status/armenia-csto-frozen-2024" in result.stdout


def test_one_file_run_prints_that_files_own_warnings(
    seed_copy: config.Paths, tmp_path: Path
) -> None:
    """`kg validate --texts DIR FILE`, the curator's step, warns about that file (its text
    checks and its label warnings), not only the corpus-wide run."""
    path = _article(seed_copy, tmp_path / "texts")
    seeds = str(seed_copy.seeds)
    result = kg("validate", "--seeds", seeds, "--texts", str(tmp_path / "texts"), str(path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    dates = _lines(out, "context-date")
    assert len(dates) == 1 and "meeting/test-yerevan-2024-05-13" in dates[0], out
    assert dates[0].startswith(f"{path}:")
    assert len(_lines(out, "unstated-place")) == 1, out
    assert len(_lines(out, "broken-off")) == 1, out
    labels = _lines(out, "label-date")
    assert len(labels) == 1 and "names April 2024" in labels[0], out
    # only this file's: no other article's warning is printed
    assert all(line.startswith(f"{path}:") for line in out.splitlines() if "warning (" in line)
    assert "4 warning(s) for a reviewer" in out
    plain = kg("validate", "--seeds", seeds, str(path))  # without texts: the label still
    assert len(_lines(plain.stdout, "label-date")) == 1, plain.stdout
    assert not _lines(plain.stdout, "context-date")


def test_a_date_published_from_the_address_is_not_printed(
    seed_copy: config.Paths, tmp_path: Path
) -> None:
    """A datePublished taken from the page's address or context is not a printed date: a
    block dated on that day needs its own dateNote (audit6, audit7)."""
    from kg.audit_texts import warnings

    path = _article(seed_copy, tmp_path / "texts")

    def dated(note: str, text: str = TEXT) -> list[str]:
        article = path.read_text(encoding="utf-8").replace(
            "  datePublished: 2024-05-15\n", f"  datePublished: 2024-05-15\n  dateNote: {note}\n"
        )
        path.write_text(article, encoding="utf-8")
        (tmp_path / "texts" / path.with_suffix(".txt").name).write_text(text, encoding="utf-8")
        found = warnings(seed_copy, tmp_path / "texts")
        return sorted(w.fact for w in found if w.check == "context-date")

    assert dated("Printed under the headline.") == ["meeting/test-yerevan-2024-05-13"]
    path = _article(seed_copy, tmp_path / "texts")
    assert dated("Taken from the page's address (/2024/05/15/).") == [
        "event/test-talks-acknowledged",
        "event/test-talks-to-continue",
        "meeting/test-yerevan-2024-05-13",
    ]
    # the same note, but the text prints the day and year: it counts as printed
    path = _article(seed_copy, tmp_path / "texts")
    printed = TEXT.replace("\n", "\n15 May 2024\n", 1)
    assert dated("From the address.", printed) == ["meeting/test-yerevan-2024-05-13"]


def _why(label: str, **dates: str) -> list[str]:
    """What ``label_dates`` says of a block with this label and these dates."""
    return list(label_dates({"label": label, **dates}))


def test_a_year_in_a_name_is_the_names_and_a_year_is_warned_once() -> None:
    """audit12 (148): "Interaction-2025 (Vzaimodeystvie-2025)" with no date of its own was
    warned twice, though the year is the exercise's name, as the text prints it."""
    assert not _why("CSTO exercise Interaction-2025 (Vzaimodeystvie-2025)")
    assert not _why("Учения «Кобальт-2024»", date="2024-08")
    assert _why("Drill of 2025 in Belarus (the 2025 drill)") == [
        "its label names 2025, but the block gives no date of its own"
    ]


def test_a_year_a_label_is_for_is_not_when_it_was() -> None:
    assert not _why("Defence modernisation plan for 2025", date="2023-09")
    assert not _why("Budget pour 2026", date="2024-11")
    assert not _why("Программа вооружений на 2027 год", date="2024-11")
    assert not _why("Plan para 2030", date="2024-11")
    assert not _why("Target set in the year 2030", date="2024-11")
    assert _why("Plan adopted in 2021 for 2025", date="2023-09")  # 2021 is still checked
    assert _why("Informational 2025 plan", date="2023-09")


def test_a_terms_end_and_an_announcement_are_not_the_blocks_dates() -> None:
    """audit8: the end of a term a thing runs to ("until 2044" on an agreement of 2010), the
    end of a period it is for ("for 2026–2029"), and the month it was announced in, which its
    latestDate gives ("(announced November 2022)"), are not dates the block lacks."""
    assert not _why("Extension of the base agreement until 2044 (2010)", date="2010")
    assert not _why("Mission extended to February 2027", date="2025-01-29")
    assert not _why("Secretary General for 2026–2029", date="2025-11-27")
    assert not _why("Chairmanship for 2022–2023 passes to Belarus", earliestDate="2022-11-23")
    assert not _why("Guns for Armenia (announced November 2022)", latestDate="2022-11-09")
    assert not _why("Ceremony at the bridge (announced 9 June 2025)", latestDate="2025-06-09")
    # still flagged: a year before the block's dates, an ended period's own end, a bound
    # that is not an announcement, an announcement in another month, and no date at all
    assert _why("Agreement in force until 2009", date="2010")
    assert _why("Minister of defence (2020 to 2023)", startDate="2020")  # its own span
    assert _why("Secretary of the council (to 2022)", latestDate="2021-07-14", former="true")
    assert _why("Deal signed (June 2024)", latestDate="2024-06-18")
    assert _why("Deal (announced July 2024)", latestDate="2024-06-18")
    assert _why("Mission extended to 2027")


def test_a_note_naming_the_article_as_the_bound_says_where(
    seed_copy: config.Paths, tmp_path: Path
) -> None:
    """audit8: "planned as of the article", "had appeared by the article" say that the date
    is the article's (030, 041); "the text as read cuts off" acknowledges a broken-off
    sentence (020)."""
    from kg.audit_texts import warnings

    path = _article(seed_copy, tmp_path / "texts")
    article = path.read_text(encoding="utf-8").replace(
        "  datePublished: 2024-05-15\n",
        "  datePublished: 2024-05-15\n  dateNote: From the page's address.\n",
    )
    article = article.replace(
        "    summary: The talks were to go on.\n",
        "    dateNote: Still to come as of the article (15 May 2024).\n"
        "    summary: The talks were to go on, on terms the text as read cuts off.\n",
    )
    path.write_text(article, encoding="utf-8")
    found = warnings(seed_copy, tmp_path / "texts")
    assert "event/test-talks-to-continue" not in [w.fact for w in found]
    dated = sorted(w.fact for w in found if w.check == "context-date")
    assert dated == ["event/test-talks-acknowledged", "meeting/test-yerevan-2024-05-13"]


def test_a_place_named_by_its_adjective_is_named(seed_copy: config.Paths) -> None:
    """audit8: "в бакинском офисе" names Baku (091); a word that only begins like the name
    does not, nor does another city's adjective."""
    from kg.audit_texts import _place_named
    from kg.draft.names import NameMatcher, load_gazetteer, make_nlp

    nlp = make_nlp()
    matcher = NameMatcher(nlp, load_gazetteer(seed_copy))
    assert _place_named("baku", "МВД провело обыск в бакинском офисе радио.", nlp, matcher)
    assert _place_named("yerevan", "Встреча прошла в ереванском офисе.", nlp, matcher)
    assert not _place_named("baku", "МВД провело обыск в московском офисе радио.", nlp, matcher)
    assert not _place_named("baku", "Бакалея закрыта.", nlp, matcher)


def test_an_armenian_place_in_a_case_form_is_named(seed_copy: config.Paths) -> None:
    """audit16: "Բաքվում" (in Baku) names Բաքու (190): Armenian final -ու turns to -վ-
    before a case ending; another word that only shares the first letters does not."""
    from kg.audit_texts import _place_named
    from kg.draft.names import NameMatcher, load_gazetteer, make_nlp

    reference = seed_copy.reference.read_text(encoding="utf-8")
    baku = "  - {id: baku, type: Place, label: Baku, locatedIn: azerbaijan}"
    assert baku in reference
    with_hy = baku[:-1] + ", labels: {hy: Բաքու}}"
    seed_copy.reference.write_text(reference.replace(baku, with_hy), encoding="utf-8")
    nlp = make_nlp()
    matcher = NameMatcher(nlp, load_gazetteer(seed_copy))
    assert _place_named("baku", "Հանդիպումը տեղի ունեցավ Բաքվում։", nlp, matcher)
    assert not _place_named("baku", "Հանդիպումը տեղի ունեցավ Բաքարում։", nlp, matcher)


def test_no_text_only_where_a_locator_needs_it(seed_copy: config.Paths, tmp_path: Path) -> None:
    """audit8: the fixture articles 000-004 have no locators, so their missing texts are not
    warned about; an article with located blocks whose text is missing still is."""
    from kg.audit_texts import warnings

    path = _article(seed_copy, tmp_path / "texts")
    (tmp_path / "texts" / path.with_suffix(".txt").name).unlink()
    missing = [w.fact for w in warnings(seed_copy, tmp_path / "texts") if w.check == "no-text"]
    assert missing == [f"article/{path.stem}"]


FIGURES_TEXT = (
    "Troops and money for the border\n"
    "About 2,000 troops and up to 40 monitors were sent to the border.\n"
    "The package is worth €10 million (approximately $10.8 million), and the deal $155 million.\n"
)

FIGURE_BLOCKS = """
  - id: deployment/test-troops
    type: Deployment
    contributor: russia
    personnelCount: 2000
    locator: s2
    summary: About two thousand troops were sent.

  - id: deployment/test-monitors
    type: Deployment
    contributor: france
    personnelCount: 40
    figureQualifier: code:figure-at-most
    locator: s2
    summary: Up to forty monitors were sent.

  - id: deal/test-package
    type: ArmsDeal
    supplier: france
    recipient: armenia
    valueAmount: 10000000
    locator: s2-s3
    summary: A package of ten million euros.

  - id: deal/test-deal
    type: ArmsDeal
    supplier: france
    recipient: armenia
    valueAmount: 155000000
    locator: s3
    summary: A deal of 155 million dollars.
"""


def test_a_figure_printed_as_approximate_needs_its_qualifier(
    seed_copy: config.Paths, tmp_path: Path
) -> None:
    """audit12: 150's "environ 85", 151's "almost 2,000" and 039's "about $ 2 billion" were
    written as exact figures. A figure its sentences print with "about", "up to", … right
    before it warns, naming the file, the block and the sentence; a qualified figure, an exact
    one, and an exact figure beside an approximate conversion ("€10 million (approximately
    $10.8 million)") do not."""
    from kg.audit_texts import warnings

    path = _article(seed_copy, tmp_path / "texts")
    article = path.read_text(encoding="utf-8").split("\nfacts:\n")[0]
    path.write_text(article + "\nfacts:\n" + FIGURE_BLOCKS, encoding="utf-8")
    (tmp_path / "texts" / path.with_suffix(".txt").name).write_text(FIGURES_TEXT, "utf-8")
    found = [w for w in warnings(seed_copy, tmp_path / "texts") if w.check == "approximate-figure"]
    assert [w.fact for w in found] == ["deployment/test-troops"], found
    assert 'personnelCount 2000 is printed as "About 2,000" (s2)' in found[0].why
    assert "figureQualifier: code:figure-approximate" in found[0].why
    line = path.read_text(encoding="utf-8").splitlines().index("  - id: deployment/test-troops")
    assert str(found[0].where) == f"{path}:{line + 1}"


def test_figures_as_the_corpus_prints_them() -> None:
    from kg.audit_figures import qualifiers

    def codes(figure: float, text: str) -> list[str]:
        return [q.code.rsplit("-", 1)[-1] for q in qualifiers(figure, text)]

    assert codes(2e9, "orders amounted to about $ 2 billion.") == ["approximate"]  # 039
    assert codes(85, "environ 85 militaires et quelque 175") == ["approximate"]  # 150
    assert codes(175, "environ 85 militaires et quelque 175") == ["approximate"]
    assert codes(2000, "all of its nearly 2,000 troops") == ["approximate"]  # 008
    assert codes(2000, "около 2 000 военнослужащих") == ["approximate"]
    assert codes(2000, "составляет около двух тысяч человек") == ["approximate"]  # 044
    assert codes(2000, "more than two thousand troops") == ["least"]
    assert codes(2030, "свыше 2030 человек") == ["least"]
    assert codes(40, "до 40 наблюдателей") == ["most"]
    assert codes(100, "about a hundred people work for EUMA") == ["approximate"]
    assert codes(1.6e9, "a deal valued at $1.6 billion") == []
    assert codes(1960, "The mission comprised 1,960 troops") == []
    assert codes(2000, "about 1,960 troops, 2,000 by other counts") == []  # not its figure
    assert codes(10e6, "€10 million (approximately $10.8 million)") == []


ACTING_TEXT = (
    "Leaders meet in Moscow\n"
    "Acting Prime Minister Nikol Pashinyan and President Vladimir Putin met in Moscow.\n"
)

ACTING_BLOCKS = """
  - id: tenure/test-pashinyan-prime-minister
    type: Tenure
    holder: nikol-pashinyan
    post: post/armenia-prime-minister
    locator: s2
    summary: Pashinyan is named as prime minister.

  - id: tenure/test-putin-president
    type: Tenure
    holder: vladimir-putin
    post: post/russia-president
    locator: s2
    summary: Putin is named as president.
"""


def test_a_holder_the_text_calls_acting_needs_acting_true(
    seed_copy: config.Paths, tmp_path: Path
) -> None:
    """audit11 (132): "Хачатуров исполнял обязанности замминистра" was filed as holding the
    post. The holder the sentence calls acting warns at its block's line; the president
    named after him in the same sentence does not, and neither does the block with
    ``acting: true``."""
    from kg.audit_texts import warnings

    path = _article(seed_copy, tmp_path / "texts")
    article = path.read_text(encoding="utf-8").split("\nfacts:\n")[0]
    path.write_text(article + "\nfacts:\n" + ACTING_BLOCKS, encoding="utf-8")
    (tmp_path / "texts" / path.with_suffix(".txt").name).write_text(ACTING_TEXT, "utf-8")
    found = [w for w in warnings(seed_copy, tmp_path / "texts") if w.check == "acting"]
    assert [w.fact for w in found] == ["tenure/test-pashinyan-prime-minister"], found
    assert '"Acting Prime Minister Nikol Pashinyan"' in found[0].why
    line = (
        path.read_text(encoding="utf-8")
        .splitlines()
        .index("  - id: tenure/test-pashinyan-prime-minister")
    )
    assert str(found[0].where) == f"{path}:{line + 1}"
    fixed = ACTING_BLOCKS.replace(
        "    post: post/armenia-prime-minister\n",
        "    post: post/armenia-prime-minister\n    acting: true\n",
    )
    path.write_text(article + "\nfacts:\n" + fixed, encoding="utf-8")
    assert not [w for w in warnings(seed_copy, tmp_path / "texts") if w.check == "acting"]


def test_acting_as_the_corpus_words_it() -> None:
    from kg.audit_acting import acting_words

    khachaturov = ("Yuri Khatchaturov", "Yuri Khachaturov")
    assert acting_words(khachaturov, "Весной 2008 года Хачатуров исполнял обязанности замминистра")
    ayvazyan = ("Ara Ayvazyan",)
    assert acting_words(ayvazyan, "указ об освобождении и.о. главы МИД Ара Айвазяна от должности")
    semerikov = ("Valery Semerikov", "Валерий Семериков")
    assert acting_words(
        semerikov, "Как сообщил исполняющий обязанности генсека ОДКБ Валерий Семериков"
    )
    # another person's word: a list, or another clause with a date
    assert not acting_words(
        ("Vladimir Putin",), "Acting Prime Minister Nikol Pashinyan and President Vladimir Putin"
    )
    grigoryan = ("Armen Grigoryan",)
    assert not acting_words(
        grigoryan, "и.о. премьер-министра решением от 14 июля Армен Григорян назначен"
    )
    assert not acting_words(grigoryan, "Armen Grigoryan, the secretary, met the acting minister")


def test_a_plan_in_a_sources_words_needs_its_claimant() -> None:
    """audit11 (130): the CBP team's visit "in the coming weeks" was a plan in Blinken's
    words with no claimant. A plan whose summary gives it in a named source's words warns;
    with its claimant, in the article's own voice, relayed from an outlet (reportedBy), or
    from sources no one can name, it does not."""
    from kg.audit_blocks import summary_problems

    def checks(summary: str, **block: str) -> list[str]:
        found = summary_problems({"mode": "code:mode-plan", "summary": summary, **block})
        return [check for check, _ in found]

    assert checks("A CBP team is to visit in the coming weeks, in Blinken's words.") == [
        "plan-in-words"
    ]
    assert checks("According to the acting Secretary General, Zas is to take up his duties.")
    assert checks("An observer day is scheduled for 30 June, the spokesperson said.")
    said = "An observer day is scheduled for 30 June, the spokesperson said."
    assert not checks(said, claimant="turkish-defence-ministry")
    assert not checks("The article says the next drill is to be held in Turkey.")
    assert not checks("According to RIA Novosti, Davtyan is to be chief.", reportedBy="ria-novosti")
    assert not checks("According to unnamed reports, Pakistan is to train the crews.")
    assert not checks("The document shows the EU planning an assistance measure, its stated aim.")
    reported = summary_problems({"summary": "The ministry said the exercise opened."})
    assert not list(reported)  # a reported fact: the plan rule only


def test_a_summary_that_says_implies_is_the_curators_reading() -> None:
    """audit11 (140): "his words imply" a situation the text does not state."""
    from kg.audit_blocks import summary_problems

    found = list(summary_problems({"summary": "His words imply the contribution is unpaid."}))
    assert [check for check, _ in found] == ["summary-implies"]
    assert not list(summary_problems({"summary": "He set a condition for payment."}))


def test_words_keep_their_combining_marks() -> None:
    """audit35 (310): the place check split Devanagari words at their vowel signs, so a city
    named in Hindi was warned about as unstated."""
    from kg.audit_texts import _WORD

    assert _WORD.findall("बेंगलुरु में, 2025") == ["बेंगलुरु", "में"]
    assert _WORD.findall("Երևան, Ереван!") == ["Երևան", "Ереван"]
