"""`dev.py`, the README's commands: it runs on any Python the project supports, stops at once on an older
one saying what to do, and makes .venv again when another Python made it."""

import ast
import sys
import tomllib
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config

import dev
from tests.project import ROOT


def test_dev_py_asks_for_the_python_that_pyproject_requires():
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    major, minor = dev.MIN_PYTHON
    assert requires == f">={major}.{minor}"


def test_this_python_and_any_newer_one_are_accepted(monkeypatch):
    dev.check_python()
    monkeypatch.setattr(dev, "MIN_PYTHON", (sys.version_info.major, sys.version_info.minor - 1))
    dev.check_python()


def test_an_older_python_is_refused_in_one_line_naming_the_one_to_use(monkeypatch):
    monkeypatch.setattr(dev, "MIN_PYTHON", (sys.version_info.major, sys.version_info.minor + 1))
    with pytest.raises(SystemExit) as stop:
        dev.check_python()
    message = str(stop.value)
    assert "\n" not in message
    assert f"needs Python {sys.version_info.major}.{sys.version_info.minor + 1} or newer" in message
    assert f"run python{sys.version_info.major}.{sys.version_info.minor + 1} dev.py" in message


def a_venv(folder, version: str):
    (folder / "bin").mkdir(parents=True)
    (folder / "pyvenv.cfg").write_text(f"home = /usr/bin\nversion = {version}\n")
    return folder


def test_a_venv_made_with_another_python_is_made_again(monkeypatch, tmp_path, capsys):
    other = f"{sys.version_info.major}.{sys.version_info.minor + 1}"
    monkeypatch.setattr(dev, "VENV", a_venv(tmp_path / ".venv", f"{other}.1"))
    dev.discard_venv_of_another_python()
    assert not (tmp_path / ".venv").exists()
    assert f".venv was made with Python {other}" in capsys.readouterr().out


def test_a_venv_made_with_this_python_is_kept(monkeypatch, tmp_path):
    this = f"{sys.version_info.major}.{sys.version_info.minor}.0"
    monkeypatch.setattr(dev, "VENV", a_venv(tmp_path / ".venv", this))
    dev.discard_venv_of_another_python()
    assert (tmp_path / ".venv" / "pyvenv.cfg").exists()


def test_the_address_shown_includes_the_path_of_site_url():
    site_url = load_config(str(ROOT / "mkdocs.yml"))["site_url"]
    assert dev.site_path() == urlsplit(site_url).path
    assert dev.site_path() != "/"


def commands_run(monkeypatch, java: str | None, can_apt_get: bool) -> list[tuple]:
    ran = []
    monkeypatch.setattr(dev.shutil, "which", lambda name: java if name == "java" else None)
    monkeypatch.setattr(dev, "can_apt_get", lambda: can_apt_get)
    monkeypatch.setattr(dev, "run", lambda *command: ran.append(command))
    dev.ensure_java()
    return ran


def test_the_html_checkers_java_is_installed_with_apt_get_where_it_is_missing(monkeypatch):
    ran = commands_run(monkeypatch, java=None, can_apt_get=True)
    assert ran[-1][:2] == ("apt-get", "install") and ran[-1][-1] == "default-jre-headless"


@pytest.mark.parametrize(("java", "can_apt_get"), [("/usr/bin/java", True), (None, False)], ids=["present", "not-root"])
def test_java_is_left_alone_where_it_is_or_where_apt_get_cannot_install_it(monkeypatch, java, can_apt_get):
    assert commands_run(monkeypatch, java, can_apt_get) == []


def test_an_older_python_can_read_dev_py_far_enough_to_be_told():
    # Python 3.7's grammar, and annotations left unevaluated: list[str] would stop 3.8 with a TypeError.
    source = (ROOT / "dev.py").read_text(encoding="utf-8")
    ast.parse(source, feature_version=(3, 7))
    assert "from __future__ import annotations\n" in source


def test_build_builds_the_site_as_the_deploy_does_into_site_and_says_where(monkeypatch, capsys):
    ran = []
    monkeypatch.setattr(dev, "install", lambda extra="": None)
    monkeypatch.setattr(dev, "run", lambda *command: ran.append(command))
    dev.build([])
    assert ran == [(dev.PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", "site")]
    assert str(ROOT / "site") in capsys.readouterr().out
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert "mkdocs build --strict --site-dir site" in deploy


def test_the_help_names_every_command_and_what_new_starts():
    assert all(command in dev.__doc__ for command in dev.COMMANDS)
    assert "new plan" in dev.__doc__ and "new workout" in dev.__doc__


def test_the_print_font_is_installed_with_apt_get_where_it_is_missing(monkeypatch, tmp_path):
    ran = []
    monkeypatch.setattr(dev, "PRINT_FONT", tmp_path / "missing.ttf")
    monkeypatch.setattr(dev, "can_apt_get", lambda: True)
    monkeypatch.setattr(dev, "run", lambda *command: ran.append(command))
    dev.apt_get_update.cache_clear()
    dev.ensure_print_font()
    assert ran[-1][:2] == ("apt-get", "install") and ran[-1][-1] == "fonts-liberation"
