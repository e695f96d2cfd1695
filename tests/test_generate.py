"""bench/generate.py: deterministic, valid, about the requested size, and usable as N-Quads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from benchgen import generator

from kg import config
from kg.build import load


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_seed_gives_identical_files(tmp_path: Path) -> None:
    gen = generator()
    gen.generate(tmp_path / "a", articles=6, seed=11, violations=3)
    gen.generate(tmp_path / "b", articles=6, seed=11, violations=3)
    gen.generate(tmp_path / "c", articles=6, seed=12, violations=3)
    a, b, c = (_files(tmp_path / x) for x in "abc")
    assert len(a) == 6 + 3  # articles, reference, context, violations.json
    assert a == b
    assert a != c


def test_small_size_is_about_ten_thousand_triples(tmp_path: Path) -> None:
    gen = generator()
    gen.generate(tmp_path / "seeds", articles=gen.SIZES["10k"])
    loaded = load(config.Paths(seeds=tmp_path / "seeds"))
    assert 9_000 <= loaded.asserted_size() <= 11_000
    # one named graph per article, plus the reference graph
    assert len(loaded.mapped.graph_names()) == gen.SIZES["10k"] + 1


def test_nquads_output_holds_the_asserted_graphs(tmp_path: Path) -> None:
    gen = generator()
    gen.main(["--articles", "3", "--out", str(tmp_path / "seeds"), "--format", "nquads"])
    quads = list(ox.parse(path=tmp_path / "seeds" / "asserted.nq", format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads}
    assert str(config.REFERENCE_GRAPH) in graphs
    assert len([g for g in graphs if "/graph/article/" in g]) == 3
    loaded = load(config.Paths(seeds=tmp_path / "seeds"))
    assert len({q.triple for q in quads}) == loaded.asserted_size()


def test_the_benchmarks_on_generated_data_run(tmp_path: Path) -> None:
    """bench/relations.py and bench/search.py load the generated N-Quads with one function,
    ``load_union`` (the default graph as the union, as the server queries it), and run."""
    gen = generator()
    gen.main(["--articles", "3", "--out", str(tmp_path / "seeds"), "--format", "nquads"])
    nquads = tmp_path / "seeds" / "asserted.nq"
    bench = Path(gen.__file__).parent
    loaded = f"loaded {sum(1 for _ in nquads.open()):,} quads"
    for script, args in [("relations.py", ["--rounds", "1"]), ("search.py", ["--repeat", "1"])]:
        done = subprocess.run(
            [sys.executable, str(bench / script), str(nquads), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(loaded), done.stdout
        assert " ms" in done.stdout
