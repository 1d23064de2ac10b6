"""Kept files are filed under a digest of every input that made them."""

import pytest

from macros.kept_files import inputs_digest


@pytest.fixture
def folders(tmp_path):
    data, code = tmp_path / "data", tmp_path / "macros"
    (data / "workouts").mkdir(parents=True)
    (data / "workouts" / "short-session.yaml").write_text("title: Short session\n")
    code.mkdir()
    (code / "render.py").write_text("RENDER = 1\n")
    return [data, code]


def test_the_inputs_digest_is_stable(folders):
    assert inputs_digest(folders, "https://example.org/") == inputs_digest(folders, "https://example.org/")


def test_the_inputs_digest_changes_with_a_library_version(folders, monkeypatch):
    before = inputs_digest(folders, "setting")
    monkeypatch.setattr("macros.kept_files.version", lambda name: "0.0.1" if name == "segno" else "1.0")
    changed = inputs_digest(folders, "setting")
    monkeypatch.setattr("macros.kept_files.version", lambda name: "1.0")
    assert len({before, changed, inputs_digest(folders, "setting")}) == 3


def test_the_inputs_digest_changes_with_the_setting(folders):
    assert inputs_digest(folders, "https://example.org/") != inputs_digest(folders, "https://example.com/")


@pytest.mark.parametrize(
    "change",
    [
        lambda data, code: (data / "workouts" / "short-session.yaml").write_text("title: Short sessions\n"),
        lambda data, code: (data / "workouts" / "long-session.yaml").write_text("title: Long session\n"),
        lambda data, code: (data / "workouts" / "short-session.yaml").rename(data / "workouts" / "short.yaml"),
        lambda data, code: (code / "render.py").write_text("RENDER = 2\n"),
        lambda data, code: (code / "templates").mkdir() or (code / "templates" / "workout.md").write_text("x"),
    ],
    ids=["a file edited", "a file added", "a file renamed", "code edited", "a template added"],
)
def test_the_inputs_digest_changes_with_any_file_in_the_folders(folders, change):
    before = inputs_digest(folders, "setting")
    change(*folders)
    assert inputs_digest(folders, "setting") != before


def test_the_inputs_digest_ignores_compiled_python(folders):
    before = inputs_digest(folders, "setting")
    (folders[1] / "__pycache__").mkdir()
    (folders[1] / "__pycache__" / "render.cpython-311.pyc").write_bytes(b"\0")
    assert inputs_digest(folders, "setting") == before


def test_the_inputs_digest_of_a_file_given_changes_with_its_bytes(tmp_path):
    reader = tmp_path / "yaml_reader.py"
    reader.write_text("VERSION = 1\n")
    before = inputs_digest([reader], "setting")
    reader.write_text("VERSION = 2\n")
    assert inputs_digest([reader], "setting") != before
