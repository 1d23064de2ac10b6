"""`python -m macros.validate`: the build's checks without the build, for editors, pre-commit and CI."""

import os
import subprocess
import sys

import pytest

from macros import validate
from macros.load import load_content
from macros.models import KINDS
from tests.broken_content import broken_cases
from tests.project import ROOT


def run_validate(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.validate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,  # the tests assert on the exit code
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # macros is found from any folder
    )


def test_valid_content_exits_0_with_a_short_summary(data_dir):
    result = run_validate(str(data_dir))
    assert result.returncode == 0, result.stderr
    files = len(list(data_dir.glob("*.yaml")))
    items = [f"{len(list(data_dir.glob(f'{kind.data}*.yaml')))} {kind.field}" for kind in KINDS if kind.is_folder]
    ids = len(load_content(data_dir).file_of_id)
    assert result.stdout == f"OK: {', '.join([f'{files} data files', *items])} and {ids} ids, all valid\n"
    assert result.stderr == ""


def test_the_live_content_is_valid():
    result = run_validate()
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", broken_cases(), ids=lambda case: case.name)
def test_broken_content_exits_1_with_the_builds_lines(case, data_dir, tmp_path, monkeypatch, capsys):
    case.apply(data_dir)
    monkeypatch.chdir(tmp_path)  # paths are shown from the current folder, as from a project root
    assert validate.main([str(data_dir)]) == 1
    output = capsys.readouterr()
    assert output.out == ""
    assert output.err.splitlines()[1:] == case.expected


def test_problems_are_reported_from_the_command_line_with_exit_status_1(data_dir, tmp_path):
    workout = data_dir / "workouts" / "short-session.yaml"
    workout.write_text(workout.read_text().replace("sets: 3", "sets: three"))
    result = run_validate("data", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "1 problem(s) in the content:",
        "data/workouts/short-session.yaml:6:11: exercises[0].sets: expected a whole number, got the text 'three'",
    ]


def test_help_says_what_it_checks_and_what_the_exit_status_means():
    result = run_validate("--help")
    assert result.returncode == 0
    assert "usage: python -m macros.validate [-h] [data_dir]" in result.stdout
    assert "Exit status: 0 when the content is valid, 1 when it has problems" in result.stdout


def test_a_data_folder_that_does_not_exist_is_a_usage_error(tmp_path):
    result = run_validate(str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "is not a folder" in result.stderr


def test_validating_imports_nothing_from_mkdocs():
    # MkDocs and its plugins take most of a build's start-up; the validate command must not need them.
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, macros.validate; print(*sorted(sys.modules))"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert [name for name in loaded if name.split(".")[0] in ("mkdocs", "material", "mkdocs_macros")] == []
