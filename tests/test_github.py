"""The GitHub files: workflows, issue forms and their config are valid, and every action is pinned."""

import re
import subprocess
import sys

import pytest
import yaml

import dev
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
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
    ],
    ids=["workflows", "issue-forms", "issue-config", "dependabot"],
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


def workflow(name: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("workflow_file", WORKFLOWS, ids=lambda path: path.name)
def test_a_workflow_reads_only_unless_a_deploy_job_asks_for_more(workflow_file):
    text = workflow_file.read_text(encoding="utf-8")
    assert "pull_request_target" not in text  # it would run a pull request's code with write access
    assert yaml.safe_load(text)["permissions"] == {"contents": "read"}
    for name, job in yaml.safe_load(text)["jobs"].items():
        if "write" in str(job.get("permissions", {})):
            assert name == "deploy" and workflow_file.name == "deploy.yml"


def test_checkouts_keep_no_credentials():
    for workflow_file in WORKFLOWS:
        for job in yaml.safe_load(workflow_file.read_text(encoding="utf-8"))["jobs"].values():
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, workflow_file.name


def test_pull_requests_are_tested_on_every_supported_python_and_in_the_browser_on_one():
    tests = workflow("pull-request.yml")["jobs"]["tests"]
    versions = tests["strategy"]["matrix"]["python"]
    assert versions[0] == ".".join(map(str, dev.MIN_PYTHON))
    assert versions == ["3.11", "3.12", "3.13"]
    assert [entry for entry in tests["strategy"]["matrix"]["include"] if entry.get("browser")] == [
        {"python": versions[0], "browser": True}
    ]


def test_pull_requests_upload_the_site_and_the_printed_cards():
    jobs = workflow("pull-request.yml")["jobs"]
    uploads = {
        step["with"]["name"]: step["with"]["path"]
        for job in jobs.values()
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/upload-artifact@")
    }
    assert uploads == {"site": "site", "test-output": "test-output"}


def test_dependabot_keeps_the_actions_the_python_dependencies_and_the_pre_commit_hooks_current():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"github-actions", "pip", "pre-commit"}


def test_every_pull_request_has_reviewers_named_in_codeowners():
    owners = [line for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert any(re.fullmatch(r"\*\s+@\S+(\s+@\S+)*", line) for line in owners if not line.startswith("#"))


def test_gitattributes_fix_line_endings_and_mark_what_tools_generate():
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8")
    assert "* text=auto eol=lf" in attributes
    generated = [line.split()[0] for line in attributes.splitlines() if "linguist-generated=true" in line]
    assert "schemas/*.schema.json" in generated and "requirements.txt" in generated
    for pattern in generated:
        assert list(ROOT.glob(pattern)), pattern


def test_pre_commit_hooks_are_pinned_to_exact_versions_or_commits():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    revs = [repo["rev"] for repo in config["repos"] if repo["repo"] != "local"]
    assert revs
    for rev in revs:
        assert re.fullmatch(r"v?\d+\.\d+\.\d+|[0-9a-f]{40}", rev), rev


def test_the_forms_and_the_pull_request_template_offer_plans_and_the_preview():
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "new-variation-or-workout.yml").read_text(encoding="utf-8"))
    kinds = next(item for item in form["body"] if item.get("id") == "kind")["attributes"]["options"]
    assert "A training plan" in kinds
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert "new workout|variation|plan" in template and "`site` artifact" in template
