"""Shared fixtures: one real build of the project's seeds per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import config
from kg.build import BuildResult, build
from kg.query import open_store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[config.Paths, BuildResult]:
    """The project's seeds built into a temporary dist/ (the real pipeline, real files)."""
    dist = tmp_path_factory.mktemp("build") / "dist"
    paths = config.Paths(dist=dist)
    return paths, build(paths)


@pytest.fixture(scope="session")
def store(built: tuple[config.Paths, BuildResult]) -> ox.Store:
    return open_store(built[0].dist)


@pytest.fixture
def seed_copy(tmp_path: Path) -> config.Paths:
    """A writable copy of the seeds, for tests that break them."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return config.Paths(seeds=tmp_path / "seeds", dist=tmp_path / "dist")
