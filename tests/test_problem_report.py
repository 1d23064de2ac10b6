"""Content problems under GitHub Actions: an annotation each, on its file, line and column, from validate
and from the build; a job summary in plain words with a link to CONTRIBUTING's section for that kind of
content. Everywhere else, the plain `file:line:col: field: expected ...` lines."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from macros.load import ContentError, Problem
from macros.models import KINDS
from macros.problem_report import (
    OVERVIEW_HEADING,
    annotation,
    contributing_heading,
    contributing_url,
    github_anchor,
    report,
)
from tests.broken_content import INVALID_FIXTURES, broken_cases, problems
from tests.project import ROOT

BROKEN_FIXTURE = INVALID_FIXTURES / "wrong-type.yaml"  # a workout with `sets: three`
ANNOTATION = (
    "::error file=data/workouts/short-session.yaml,line=7,col=11,title=Content problem::"
    "exercises[0].sets: expected a whole number, got the text 'three'"
)
GITHUB = {
    "GITHUB_ACTIONS": "true",
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "hip-thrusts-for-runners/hip-thrusts-for-runners",
    "GITHUB_BASE_REF": "main",
}


@pytest.fixture
def broken_project(project):
    shutil.copy(BROKEN_FIXTURE, project / "data" / "workouts" / "short-session.yaml")
    return project


def github_run(command: list[str], cwd, summary) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,  # the tests assert on the exit code
        env={**os.environ, **GITHUB, "GITHUB_STEP_SUMMARY": str(summary), "NO_MKDOCS_2_WARNING": "1"},
    )


def test_validate_under_github_actions_prints_an_annotation_per_problem(broken_project, tmp_path):
    summary = tmp_path / "summary.md"
    result = github_run([sys.executable, "-m", "macros.validate"], broken_project, summary)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["1 problem(s) in the content:", ANNOTATION]


def test_the_build_under_github_actions_prints_an_annotation_per_problem(broken_project, tmp_path):
    summary = tmp_path / "summary.md"
    site_build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")]
    result = github_run(site_build, broken_project, summary)
    assert result.returncode == 1
    assert ANNOTATION in result.stderr.splitlines()  # a workflow command starts its line
    assert "short-session.yaml:7:11" not in result.stderr


def test_the_job_summary_says_where_each_problem_is_and_links_to_how_to_write_the_file(broken_project, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier steps' summary\n")
    github_run([sys.executable, "-m", "macros.validate"], broken_project, summary)
    text = summary.read_text()
    assert text.startswith("Earlier steps' summary\n### The content has 1 problem\n")
    assert "#### data/workouts/short-session.yaml" in text
    assert "- Line 7, column 11: exercises\\[0\\].sets: expected a whole number, got the text 'three'" in text
    assert (
        "(https://github.com/hip-thrusts-for-runners/hip-thrusts-for-runners/blob/main/CONTRIBUTING.md"
        "#dataworkoutsidyaml)" in text
    )


def test_outside_github_actions_the_plain_lines_are_unchanged(data_dir):
    error = ContentError([Problem("data/x.yaml", 6, 11, "sets", "a whole number")])
    assert report(error, {}) == report(error, {"GITHUB_ACTIONS": "false"}) == str(error)
    assert report(error, {}).splitlines()[1] == "data/x.yaml:6:11: sets: expected a whole number"


@pytest.mark.parametrize("case", broken_cases(), ids=lambda case: case.name)
def test_every_broken_case_gives_one_annotation_per_problem_where_the_plain_line_points(case, data_dir):
    case.apply(data_dir)
    plain = problems(data_dir)
    annotations = [line for line in report_of(data_dir).splitlines() if line.startswith("::error ")]
    assert len(annotations) == len(plain)
    for line, annotated in zip(plain, annotations, strict=True):
        file, row, column = re.match(r"(.*?):(\d+):(\d+): ", line).groups()
        assert annotated.startswith(f"::error file={file.replace(':', '%3A')},line={row},col={column},")


def report_of(data_dir) -> str:
    from macros.load import load_content

    with pytest.raises(ContentError) as error:
        load_content(data_dir)
    return report(error.value, {"GITHUB_ACTIONS": "true"})


def test_an_annotation_escapes_what_would_end_or_split_the_command():
    problem = Problem("data/a,b:c.yaml", 1, 2, "title", "one line%\nnot two")
    assert annotation(problem) == (
        "::error file=data/a%2Cb%3Ac.yaml,line=1,col=2,title=Content problem::title: expected one line%25%0Anot two"
    )


def test_the_summary_shows_the_contents_words_as_words(tmp_path):
    summary = tmp_path / "summary.md"
    error = ContentError([Problem("data/technique.yaml", 7, 13, "setup[0].detail", "text, got <i>[x](y)</i>")])
    report(error, {**GITHUB, "GITHUB_STEP_SUMMARY": str(summary)})
    assert "got &lt;i&gt;\\[x\\](y)&lt;/i&gt;" in summary.read_text()


@pytest.mark.parametrize(
    "file",
    [
        *(f"data/{kind.data_name('x')}" for kind in KINDS),
        *(f"data/{kind.data.rstrip('/')}" for kind in KINDS if kind.is_folder),
        "data/x",
    ],
)
def test_each_kind_of_content_links_to_a_section_that_contributing_has(file):
    headings = re.findall(r"^#+ (.+)$", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.M)
    heading = contributing_heading(file)
    assert heading in headings
    assert contributing_url(heading, GITHUB).endswith(f"/CONTRIBUTING.md#{github_anchor(heading)}")


def test_a_file_of_no_known_kind_links_to_where_everything_is():
    assert contributing_heading("data/notes.yaml") == OVERVIEW_HEADING
    assert github_anchor(OVERVIEW_HEADING) == "where-everything-is"
    assert github_anchor("`data/workouts/<id>.yaml`") == "dataworkoutsidyaml"
