"""The browser helpers work for real: a served site opens in Chromium, and CHROMIUM_PATH is honoured."""

import urllib.request

import pytest

from tests.browser import HEADLESS_SHELL, find_chromium, serve_directory


@pytest.fixture
def site(tmp_path):
    """A two-page site laid out as MkDocs does with directory URLs."""
    (tmp_path / "index.html").write_text("<!doctype html><title>Home</title><p>home</p>")
    (tmp_path / "workouts" / "bridge").mkdir(parents=True)
    (tmp_path / "workouts" / "bridge" / "index.html").write_text("<!doctype html><title>Bridge</title><p>bridge</p>")
    return tmp_path


def test_chromium_opens_served_pages(site, page):
    """The browser fixture launches Chromium with tests.browser's launch_chromium."""
    with serve_directory(site) as base:
        page.goto(base)
        assert page.title() == "Home"
        page.goto(base + "workouts/bridge/")
        assert page.title() == "Bridge"


def test_server_is_quiet_and_stops_on_exit(site, capfd):
    with serve_directory(site) as base:
        assert urllib.request.urlopen(base + "workouts/bridge/").status == 200
    assert capfd.readouterr().err == ""
    with pytest.raises(OSError):
        urllib.request.urlopen(base, timeout=2)


def test_find_chromium_honours_env(monkeypatch):
    monkeypatch.setenv("CHROMIUM_PATH", "/opt/some/chrome")
    assert find_chromium() == "/opt/some/chrome"


@pytest.fixture
def path_with_both_chromiums(tmp_path, monkeypatch):
    """A PATH holding only a full Chromium and the headless shell, as Debian's two packages install them."""
    for name in ("chromium", HEADLESS_SHELL):
        (tmp_path / name).write_text("#!/bin/sh\n")
        (tmp_path / name).chmod(0o755)
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("tests.browser.FULL_BROWSERS", ("chromium",))  # not /usr/bin/chromium, outside PATH
    return tmp_path


def test_find_chromium_prefers_the_headless_shell_for_tests(path_with_both_chromiums):
    assert find_chromium() == str(path_with_both_chromiums / HEADLESS_SHELL)


def test_find_chromium_gives_the_full_browser_when_asked(path_with_both_chromiums):
    assert find_chromium(full_browser=True) == str(path_with_both_chromiums / "chromium")
