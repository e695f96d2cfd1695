"""An article of the growing corpus (issue 19): url, language, hash of the text as read, and a
locator on every fact, checked on real seed files by the real ``kg validate FILE`` and build."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox

from kg import config
from kg.build import load
from tests.conftest import corpus_seeds
from tests.curate.test_seed_errors import kg

TEXT_SHA = hashlib.sha256(b"a text as read, kept outside the repository").hexdigest()
NAME = f"995_{TEXT_SHA[:16]}"

ARTICLE = f"""\
article:
  id: article/{NAME}
  type: NewsArticle
  headline: A test article of the corpus
  datePublished: 2024-06-19
  url: https://news.example.com/2024/06/19/armenia-visit
  publisher: civilnet
  inLanguage: hy
  textSha256: {TEXT_SHA}
  seedFile: {NAME}.txt
  mentions: [nikol-pashinyan, suren-papikyan, france]
facts:
  - id: tenure/pashinyan-armenia-prime-minister
    type: Tenure
    holder: nikol-pashinyan
    post: post/armenia-prime-minister
    locator: s2
  - id: visit/papikyan-france-corpus-test
    type: Visit
    label: Papikyan's visit to France (test)
    visitor: suren-papikyan
    destination: france
    date: 2024-06-18
    dateNote: The day before publication ("on Tuesday").
    summary: Armenia's defence minister went to France.
{{locator}}"""


def _write(tmp_path: Path, locator: str = "    locator: s4-s6, s9\n") -> Path:
    path = tmp_path / f"{NAME}.yaml"
    path.write_text(ARTICLE.format(locator=locator), encoding="utf-8")
    return path


def test_a_corpus_article_validates_and_maps_its_metadata(
    tmp_path: Path, frozen_seeds: config.Paths
) -> None:
    path = _write(tmp_path)
    result = kg("validate", str(path), "--seeds", str(frozen_seeds.seeds))
    assert result.returncode == 0, result.stderr
    paths = corpus_seeds(tmp_path / "corpus")
    shutil.copy(path, paths.articles / path.name)
    store = load(paths).mapped.store
    rows = list(
        store.query(
            """PREFIX schema: <http://schema.org/> PREFIX sk: <https://seckg.example.org/ontology#>
            SELECT ?url ?lang ?sha ?locator WHERE { GRAPH ?g {
              ?article schema:url ?url ; schema:inLanguage ?lang ; sk:textSha256 ?sha .
              ?att <http://www.w3.org/ns/prov#wasDerivedFrom> ?article ; sk:locator ?locator ;
                   sk:attests <https://seckg.example.org/id/visit/papikyan-france-corpus-test> .
            } }"""
        )
    )
    assert [(r["url"], r["lang"].value, r["sha"].value, r["locator"].value) for r in rows] == [
        (
            ox.NamedNode("https://news.example.com/2024/06/19/armenia-visit"),
            "hy",
            TEXT_SHA,
            "s4-s6, s9",
        )
    ]


def test_a_fact_without_locator_is_named_by_line(
    tmp_path: Path, frozen_seeds: config.Paths
) -> None:
    path = _write(tmp_path, locator="")
    result = kg("validate", str(path), "--seeds", str(frozen_seeds.seeds))
    assert result.returncode == 1
    assert f"{path}:18: " in result.stderr  # the line of the fact's block
    assert "the fact needs a locator" in result.stderr
    assert f"attestation/{NAME}.visit.papikyan-france-corpus-test" in result.stderr
    assert "tenure" not in result.stderr  # the tenure has its locator


def test_a_locator_that_is_not_sentence_numbers_is_refused(
    tmp_path: Path, frozen_seeds: config.Paths
) -> None:
    result = kg(
        "validate",
        str(_write(tmp_path, locator="    locator: sentence 4\n")),
        "--seeds",
        str(frozen_seeds.seeds),
    )
    assert result.returncode == 1
    assert "locator must be one text of sentence numbers" in result.stderr


def test_the_five_old_articles_need_no_url(
    live_validated: subprocess.CompletedProcess[str],
) -> None:
    result = live_validated  # `kg validate` of the live seeds, which hold them
    assert result.returncode == 0, result.stderr
