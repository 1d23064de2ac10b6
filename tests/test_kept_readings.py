"""What the YAML reader made of a file is reused by the next load for the very same bytes, and only then."""

import json

import pytest

import macros.kept_files
import macros.kept_readings
from macros.kept_readings import READINGS_FILE, KeptReadings
from macros.load import ContentError, load_content
from tests.broken_content import broken_cases, problems


@pytest.fixture
def kept(tmp_path):
    return tmp_path / READINGS_FILE


@pytest.fixture
def files_read(monkeypatch) -> list[str]:
    """The texts the YAML reader reads, in order."""
    texts = []
    read_yaml = macros.kept_readings.read_yaml

    def counting_read_yaml(text):
        texts.append(text)
        return read_yaml(text)

    monkeypatch.setattr(macros.kept_readings, "read_yaml", counting_read_yaml)
    return texts


def test_a_second_load_of_unchanged_files_reads_no_yaml_and_gives_the_same_content(data_dir, kept, files_read):
    first = load_content(data_dir, kept_readings=kept)
    assert len(files_read) == 9  # the seven data files, one workout and one plan
    files_read.clear()
    assert load_content(data_dir, kept_readings=kept) == first
    assert files_read == []


def test_an_edited_file_is_read_again_and_only_it(data_dir, kept, files_read):
    load_content(data_dir, kept_readings=kept)
    files_read.clear()
    workout = data_dir / "workouts" / "short-session.yaml"
    workout.write_text(workout.read_text().replace("title: ", "title: Shorter ", 1))
    assert load_content(data_dir, kept_readings=kept).workouts["short-session"].title.startswith("Shorter ")
    assert files_read == [workout.read_text()]


@pytest.mark.parametrize("case", broken_cases(), ids=lambda case: case.name)
def test_kept_readings_never_change_what_the_loader_reports(case, data_dir, kept):
    load_content(data_dir, kept_readings=kept)  # the valid files' readings are kept
    case.apply(data_dir)
    expected = problems(data_dir)
    assert problems(data_dir, kept) == expected  # the broken file read afresh
    assert problems(data_dir, kept) == expected  # and now from what was kept


def test_readings_by_another_reader_are_not_used(data_dir, kept, files_read):
    load_content(data_dir, kept_readings=kept)
    kept.write_text(json.dumps({**json.loads(kept.read_text()), "reader": "an older reader"}))
    files_read.clear()
    load_content(data_dir, kept_readings=kept)
    assert len(files_read) == 9


@pytest.mark.parametrize("text", ["", "{not json", '{"reader": 1}', "[]"])
def test_a_kept_file_that_is_not_in_shape_is_ignored(data_dir, kept, files_read, text):
    kept.parent.mkdir()
    kept.write_text(text)
    assert load_content(data_dir, kept_readings=kept).workouts
    assert len(files_read) == 9


def test_only_the_files_of_the_last_load_are_kept(data_dir, kept):
    load_content(data_dir, kept_readings=kept)
    (data_dir / "workouts" / "short-session.yaml").rename(data_dir / "workouts" / "other-session.yaml")
    (data_dir / "workouts" / "other-session.yaml").write_text("title: Other\n")
    with pytest.raises(ContentError):
        load_content(data_dir, kept_readings=kept)
    assert len(json.loads(kept.read_text())["readings"]) == 9


def test_the_reader_digest_follows_the_reader_code(tmp_path, kept, monkeypatch):
    reader = tmp_path / "yaml_reader.py"
    reader.write_text("VERSION = 1\n")
    monkeypatch.setattr(macros.kept_readings.yaml_reader, "__file__", str(reader))
    before = KeptReadings(kept).reader
    reader.write_text("VERSION = 2\n")
    assert KeptReadings(kept).reader != before


def test_the_reader_digest_follows_the_pyyaml_version(kept, monkeypatch):
    before = KeptReadings(kept).reader
    real_version = macros.kept_files.version
    monkeypatch.setattr(macros.kept_files, "version", lambda name: "0.0.1" if name == "PyYAML" else real_version(name))
    assert KeptReadings(kept).reader != before


def test_without_a_place_to_keep_them_nothing_is_kept(data_dir, tmp_path):
    load_content(data_dir)
    assert list(tmp_path.rglob("readings.json")) == []
