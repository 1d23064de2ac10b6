"""The gate holds in a real strict build for a representative case of each kind of broken content: the build
stops cleanly, with every promised problem line, and never a traceback.

Every case of the corpus (tests/broken_content.py) is proved line for line through the loader
(tests/test_load.py), through `validate` (tests/test_validate.py) and in GitHub's format
(tests/test_problem_report.py). The build reads the content only through the loader, so building every case
would prove the loader again; these cases prove each way a problem reaches the build's log.
"""

import json
import os
import subprocess
import sys

import pytest

from tests.broken_content import broken_cases
from tests.project import ROOT, copy_project

CASES = {case.name: case for case in broken_cases()}

# One case of each kind of failure (its kind, for the test ids), and why the build is tried with it.
BUILT = {
    # The YAML reader fails before there is anything to validate: its message, not a parser's traceback.
    "syntax-unclosed-bracket": "yaml-syntax",
    # The models refuse well-formed YAML: pydantic's errors come out as our lines.
    "unknown-field-at-top-level": "schema",
    # Resolved only once every file has loaded: a reference from one file to another.
    "dangling-mistake-cue": "reference",
    # Found from the folder's listing, before any file is read. hooks/generated_pages.py lists the same folder
    # for the pages it makes: a workout file named index.yaml would take over the workouts index.
    "workout-id-takes-over-the-workouts-index": "file-level",
    # The figure rules are part of validation (issue 23): the build refuses a figure it could not draw.
    "figure-that-cannot-be-drawn": "figure-rules",
}
ALL_AT_ONCE = "all-kinds-at-once"  # every case above in one copy (each in a file of its own)


def test_the_corpus_covers_at_least_forty_cases():
    assert len(CASES) >= 40
    assert len(CASES) == len(broken_cases())  # no two cases share a name


def test_the_built_cases_are_in_the_corpus_and_break_different_files():
    assert [CASES[name].path for name in BUILT] == list(dict.fromkeys(CASES[name].path for name in BUILT))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Each built case in its own project copy, and one copy with them all, built strictly in one process."""
    projects = {}
    for name, cases in [*((name, [CASES[name]]) for name in BUILT), (ALL_AT_ONCE, [CASES[name] for name in BUILT])]:
        project = copy_project(tmp_path_factory.mktemp(name))
        for case in cases:
            case.apply(project / "data")
        projects[name] = str(project)
    run = subprocess.run(
        [sys.executable, "-m", "tests.strict_builds", *projects.values()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,  # asserted below, with the process's error output
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stderr
    outcomes = json.loads(run.stdout)
    return {name: outcomes[project] for name, project in projects.items()}


def assert_stopped_with(build: dict, expected: list[str]) -> None:
    assert build["outcome"] == "aborted"
    reported = "\n".join(build["errors"]).splitlines()
    for line in expected:
        assert line in reported


@pytest.mark.parametrize("name", BUILT, ids=lambda name: f"{BUILT[name]}-{name}")
def test_broken_content_stops_the_build_with_its_messages(name, builds):
    assert_stopped_with(builds[name], CASES[name].expected)


def test_problems_of_every_kind_stop_one_build_with_all_their_messages(builds):
    assert_stopped_with(builds[ALL_AT_ONCE], [line for name in BUILT for line in CASES[name].expected])
