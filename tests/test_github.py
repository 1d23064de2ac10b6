"""The GitHub files: workflows, issue forms and their config are valid, and every action is pinned."""

import re
import subprocess
import sys

import pytest

from tests.project import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(path for path in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml")


def check_jsonschema(builtin_schema: str, files) -> subprocess.CompletedProcess:
    # check-jsonschema ships these schemas, so the check needs no network.
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", builtin_schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,  # the tests assert on the exit code
    )


@pytest.mark.parametrize(
    ("builtin_schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.github-issue-forms", ISSUE_FORMS),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ],
    ids=["workflows", "issue-forms", "issue-config"],
)
def test_github_files_are_valid_for_github(builtin_schema, files):
    assert files
    result = check_jsonschema(builtin_schema, files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_issue_forms_cover_corrections_suggestions_and_bugs():
    assert [path.stem for path in ISSUE_FORMS] == ["content-correction", "new-variation-or-workout", "site-bug"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_noted(workflow):
    uses = re.findall(r"uses:\s*(\S+)(.*)", workflow.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", comment), f"{action}: note its exact version"
