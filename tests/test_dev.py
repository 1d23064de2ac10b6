"""`dev.py`, the README's commands: it stops at once, saying what to do, on a Python the project cannot use."""

import re
import sys
import tomllib

import pytest

import dev
from tests.project import ROOT


def test_dev_py_asks_for_the_python_that_pyproject_requires():
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    major, minor = dev.PYTHON_VERSION
    assert requires == f">={major}.{minor},<{major}.{minor + 1}"


def test_another_python_is_refused_naming_the_one_to_use(monkeypatch):
    monkeypatch.setattr(dev, "PYTHON_VERSION", (sys.version_info.major, sys.version_info.minor + 1))
    with pytest.raises(SystemExit) as stop:
        dev.check_python()
    assert re.search(rf"run python{sys.version_info.major}\.{sys.version_info.minor + 1} dev\.py$", str(stop.value))


def test_a_venv_made_with_another_python_is_refused_with_what_to_do(monkeypatch, tmp_path):
    other = f"{sys.version_info.major}.{sys.version_info.minor + 1}"
    (tmp_path / "pyvenv.cfg").write_text(f"home = /usr/bin\nversion = {other}.1\n")
    monkeypatch.setattr(dev, "PYTHON_VERSION", sys.version_info[:2])
    monkeypatch.setattr(dev, "VENV", tmp_path)
    with pytest.raises(SystemExit) as stop:
        dev.check_python()
    assert f"made with Python {other}: delete the .venv folder" in str(stop.value)


def test_a_venv_made_with_this_python_is_used(monkeypatch, tmp_path):
    (tmp_path / "pyvenv.cfg").write_text(f"version = {sys.version_info.major}.{sys.version_info.minor}.0\n")
    monkeypatch.setattr(dev, "PYTHON_VERSION", sys.version_info[:2])
    monkeypatch.setattr(dev, "VENV", tmp_path)
    dev.check_python()
