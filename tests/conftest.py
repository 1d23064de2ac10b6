"""Shared fixtures: the real site and other sites built once per run and served, throwaway copies of the project,
a browser, and the sheets it prints."""

import os
import shutil
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from subprocess import CompletedProcess
from urllib.parse import urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup
from filelock import FileLock
from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

from macros.load import load_content
from tests.browser import launch_chromium, print_to_pdf, serve_directory
from tests.project import ROOT, BuiltSite, copy_project, mkdocs_build


def pytest_configure(config):
    """The tests read problems in their plain format, as shown everywhere but under GitHub Actions (even when
    they run there); tests/test_problem_report.py asks for GitHub's format where it checks it."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        os.environ.pop(name, None)


def pytest_collection_modifyitems(items):
    """A test that needs Chromium, through the browser fixture, is a browser test: CI runs those on one Python."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def content():
    """The live content, for tests about the guide itself (not about general behaviour)."""
    return load_content(ROOT / "data")


def built_once_per_run(tmp_path_factory, name: str, build: Callable[[Path], CompletedProcess]) -> Path:
    """The folder <name> in the run's temporary folder, made by build(folder) for the first worker that asks;
    the others wait for it and read the same one (a build costs each worker a core-second). Every test that
    needs a failed build fails with its messages."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    folder, failure = shared / name, shared / f"{name}.failure"  # empty once the build has passed
    with FileLock(shared / f"{name}.lock"):
        if not failure.exists():
            result = build(folder)
            failure.write_text(f"exit code {result.returncode}\n{result.stderr}" if result.returncode else "")
    if failure.read_text():
        pytest.fail(f"the build of {name} failed: {failure.read_text()}")
    return folder


@pytest.fixture(scope="module")
def site_markdown() -> Callable[[str], BeautifulSoup]:
    """Markdown -> HTML with the site's own extensions, as MkDocs converts a page."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def convert(text: str) -> BeautifulSoup:
        converter.reset()
        return BeautifulSoup(converter.convert(text), "html.parser")

    return convert


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The real site, built once per run with `mkdocs build --strict` (without -v, which skips anchor checks)."""
    return BuiltSite(built_once_per_run(tmp_path_factory, "site", lambda site_dir: mkdocs_build(ROOT, site_dir)))


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> BuiltSite:
    """The real site built as a pull request's preview is, to be browsed from disk once downloaded."""
    build = lambda site_dir: mkdocs_build(ROOT, site_dir, offline=True)  # noqa: E731
    return BuiltSite(built_once_per_run(tmp_path_factory, "offline-site", build))


def build_in_place(project: Path) -> CompletedProcess:
    return mkdocs_build(project, project / "site")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """A copy of the project with the small valid fixture set, built once per run into its site/ folder. Tests
    that start from a built project work on a copy of it (tests.project.copy_built_project)."""
    return built_once_per_run(tmp_path_factory, "built-project", lambda folder: build_in_place(copy_project(folder)))


@pytest.fixture(scope="session")
def fullest_site(tmp_path_factory) -> Iterator[tuple[BuiltSite, str]]:
    """The small valid site plus a workout card and a plan as full as the schema allows (the plan on the card's
    long names), built once per run and served: (the site, its address)."""

    def build(project: Path) -> CompletedProcess:
        copy_project(project)
        for fixture in ("fullest-card", "fullest-plan"):
            shutil.copytree(ROOT / "tests" / "fixtures" / fixture, project / "data", dirs_exist_ok=True)
        return build_in_place(project)

    site = BuiltSite(built_once_per_run(tmp_path_factory, "fullest", build) / "site")
    with serve_directory(site.root) as base_url:
        yield site, base_url


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


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory):
    """The built site served under its site_url's path, as on the real host: 404.html links there absolutely."""
    path = urlsplit(built_site.base_url).path.strip("/")
    host_root = built_site.root
    if path:
        host_root = tmp_path_factory.mktemp("host")
        (host_root / path).parent.mkdir(parents=True, exist_ok=True)
        (host_root / path).symlink_to(built_site.root, target_is_directory=True)
    with serve_directory(host_root) as base:
        yield f"{base}{path}/" if path else base


@pytest.fixture(scope="session")
def browser():
    """One Chromium per worker, launched by tests.browser's helper and shared by every browser test; each test
    works in contexts of its own. (Playwright's sync API cannot start twice at once in one process.)"""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def printed(browser, site_url):
    """printed(url_path, paper) -> the PDF of that page of the live site, as a page that has made no choice
    prints it; printed once per module, for every test that reads that sheet."""
    context = browser.new_context()
    page = context.new_page()

    @cache
    def print_page(url_path: str, paper: str) -> bytes:
        return print_to_pdf(page, site_url + url_path, paper)

    yield print_page
    context.close()


@pytest.fixture
def page(browser):
    """A fresh page with its own storage, so that no test sees another's unit choice."""
    context = browser.new_context()
    yield context.new_page()
    context.close()
