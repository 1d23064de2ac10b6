"""Helpers for tests that build the site: project copies, strict builds, and reading the built HTML."""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
VALID_FIXTURES = ROOT / "tests" / "fixtures" / "valid"


def mkdocs_build(project: Path, site_dir: Path, offline: bool = False) -> subprocess.CompletedProcess:
    """A strict build; offline, as a pull request's preview is built to be browsed from disk (mkdocs.yml)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,  # the tests assert on the exit code
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": str(offline).lower()},
    )


def copy_site_sources(target: Path) -> None:
    """Everything a build reads but the data: pages, macros, hooks, theme overrides and mkdocs.yml."""
    for name in ("docs", "macros", "hooks", "overrides"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")


def copy_project(target: Path, data: Path = VALID_FIXTURES) -> Path:
    """The project's site sources with another data folder."""
    copy_site_sources(target)
    shutil.copytree(data, target / "data")
    return target


def copy_built_project(built: Path, target: Path) -> Path:
    """A copy of a built project as the build left it: its site folder and anything it kept beside the sources."""
    shutil.copytree(built, target, symlinks=True)
    return target


def words(text: str) -> str:
    """Text with its white space folded (and none before punctuation), for comparing what a reader sees."""
    return re.sub(r"\s+([.,:;!?)])", r"\1", re.sub(r"\s+", " ", text)).strip()


class BuiltSite:
    def __init__(self, root: Path):
        self.root = root
        self._soups: dict[Path, BeautifulSoup] = {}

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def soup_of_file(self, html: Path) -> BeautifulSoup:
        if html not in self._soups:
            self._soups[html] = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        return self._soups[html]

    def soup(self, url_path: str) -> BeautifulSoup:
        """The page at a site path such as "benefits/" or "" (the home page)."""
        return self.soup_of_file(self.root / url_path / "index.html")

    def article(self, url_path: str) -> BeautifulSoup:
        """The page's main content, without navigation and footer."""
        return self.soup(url_path).select_one("article.md-content__inner")

    @property
    def base_url(self) -> str:
        """The site's public address (site_url), as the home page's canonical link gives it."""
        return self._home_address.removesuffix("index.html")

    @property
    def directory_urls(self) -> bool:
        """Whether pages are addressed by folder (as deployed) or by file (the preview browsed from disk)."""
        return not self._home_address.endswith("index.html")

    @property
    def _home_address(self) -> str:
        return self.soup("").find("link", rel="canonical")["href"]

    def text(self, url_path: str) -> str:
        """The article's words as a reader sees them: without the heading permalinks, hidden until hovered."""
        article = copy.copy(self.article(url_path))
        for permalink in article.select("a.headerlink"):
            permalink.decompose()
        return words(article.get_text(" "))
