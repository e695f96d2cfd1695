"""Seed files: curator mistakes are reported with file and line, and dates keep precision."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import config
from kg.build import build, load
from kg.errors import Location, SeedError
from kg.seeds import Vocabulary, load_context, read_seed, typed_date


def _vocab() -> Vocabulary:
    return Vocabulary.from_context(load_context(config.Paths().context))


@pytest.mark.parametrize(
    ("text", "datatype"),
    [
        ("2023", "gYear"),
        ("2023-09", "gYearMonth"),
        ("2023-09-11", "date"),
    ],
)
def test_date_precision_is_the_datatype(text: str, datatype: str) -> None:
    value = typed_date(text, Location(Path("x.yaml"), 1), "date")
    assert value == {"@value": text, "@type": f"http://www.w3.org/2001/XMLSchema#{datatype}"}


@pytest.mark.parametrize("text", ["Sept 2023", "2023-13", "2023-02-30x", "23"])
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(SeedError, match="must be a date"):
        typed_date(text, Location(Path("x.yaml"), 7), "startDate")


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_invalid_yaml_names_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "article:\n  id: a\nfacts:\n  - id: x\n    label: [unclosed\n")
    with pytest.raises(SeedError, match=r"bad\.yaml:\d+: invalid YAML"):
        read_seed(path, _vocab())


def test_unknown_key_names_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "article:\n  id: a\nfacts:\n  - id: x\n    type: Visit\n    memeber: armenia\n"
    )
    # the key's own line, not the line where its block starts
    with pytest.raises(SeedError, match=r"bad\.yaml:6: unknown key 'memeber'"):
        read_seed(path, _vocab())


def test_remote_context_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "article:\n  id: a\n  '@context': http://127.0.0.1:9/ctx\nfacts: []\n")
    with pytest.raises(SeedError, match="unknown key '@context'"):
        read_seed(path, _vocab())


def test_number_fields_must_be_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path, "article:\n  id: a\nfacts:\n  - id: x\n    personnelCount: many\n")
    with pytest.raises(SeedError, match=r"bad\.yaml:5: 'personnelCount' must be a whole number"):
        read_seed(path, _vocab())


def test_unknown_type_names_line(seed_copy: config.Paths) -> None:
    path = seed_copy.articles / "003_2df4d016d329b367.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("type: PoliticalEvent", "type: PolticalEvent", 1), "utf-8")
    with pytest.raises(
        SeedError, match=r"003_2df4d016d329b367\.yaml:\d+: unknown type 'PolticalEvent'"
    ):
        load(seed_copy)


def test_unicode_round_trips_into_outputs(seed_copy: config.Paths) -> None:
    path = seed_copy.reference
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text
        + '  - {id: test-place, type: Place, label: Gyumri, labels: {hy: "Գյումրի Гюмри 🛡️"}}\n',
        encoding="utf-8",
    )
    build(seed_copy)
    for name in ("asserted.ttl", "asserted.nt", "dataset.trig", "dataset.nq", "dataset.jsonld"):
        assert "Գյումրի Гюмри 🛡️" in (seed_copy.dist / name).read_text(encoding="utf-8"), name


def test_names_in_other_languages_keep_their_tags(seed_copy: config.Paths) -> None:
    """``altLabels: {ru: [...], hy: [...]}`` is a language map: each name keeps its own tag."""
    path = seed_copy.reference
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - {id: test-alliance, type: Alliance, label: Test Alliance, altLabel: TA,"
        " altLabels: {ru: [ТА, Тестовый альянс], hy: Թեստ}}\n",
        encoding="utf-8",
    )
    store = load(seed_copy).store
    names = {
        (row["l"].value, row["l"].language)
        for row in store.query(
            "SELECT ?l WHERE { GRAPH ?g { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?l } "
            f"FILTER(?s = <{config.ID}test-alliance>) }}"
        )
    }
    assert names == {("TA", "en"), ("ТА", "ru"), ("Тестовый альянс", "ru"), ("Թեստ", "hy")}
