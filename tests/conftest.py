"""Shared fixtures: the real site built once per run, and throwaway copies of the project."""

import shutil
from pathlib import Path

import pytest

from macros.load import load_content
from tests.project import ROOT, BuiltSite, copy_project, mkdocs_build


@pytest.fixture(scope="session")
def content():
    """The live content, for tests about the guide itself (not about general behaviour)."""
    return load_content(ROOT / "data")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The real site, built once per run with `mkdocs build --strict` (without -v, which skips anchor checks)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return BuiltSite(site_dir)


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project whose data/ is the small valid fixture set from tests/fixtures/valid."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A data folder holding the small valid fixture set, to break in one way per test."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", target)
    return target
