"""The gate holds for every case of the broken-content corpus (tests/broken_content.py): the strict build
stops cleanly, with every promised problem line, and never a traceback."""

import json
import os
import subprocess
import sys

import pytest

from tests.broken_content import broken_cases
from tests.project import ROOT, copy_project

CASES = broken_cases()


def test_the_corpus_covers_at_least_forty_cases():
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def corpus_builds(tmp_path_factory):
    """Each case in its own project copy, all built strictly, in a few processes of many builds each."""
    projects = {}
    for case in CASES:
        project = copy_project(tmp_path_factory.mktemp(case.name))
        case.apply(project / "data")
        projects[case.name] = str(project)
    # A process per core, but few: a container may report its host's cores, and each process pays
    # MkDocs' start-up of about a second.
    workers = min(os.cpu_count() or 1, 4, len(projects))
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.strict_builds", *list(projects.values())[worker::workers]],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        for worker in range(workers)
    ]
    outcomes = {}
    for run in runs:
        stdout, stderr = run.communicate()
        assert run.returncode == 0, stderr
        outcomes.update(json.loads(stdout))
    return {name: outcomes[project] for name, project in projects.items()}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_broken_content_stops_the_build_with_its_messages(case, corpus_builds):
    build = corpus_builds[case.name]
    assert build["outcome"] == "aborted"
    reported = "\n".join(build["errors"]).splitlines()
    for line in case.expected:
        assert line in reported
