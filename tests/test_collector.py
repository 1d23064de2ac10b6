"""While a build makes its pages the garbage collector leaves the loaded content alone, as it lives as long as
the build; the next build of `mkdocs serve` hands it back, and what is garbage by then is freed."""

import json
import subprocess
import sys

import pytest

from tests.project import ROOT, copy_project

# Two builds' macros set-up in one process, as under `mkdocs serve`. A reference cycle made during the first
# build and dropped after it stands for that build's garbage.
BUILDS = """
import gc, json, sys, weakref
sys.path.insert(0, sys.argv[1])
import macros

class Env:  # what define_env reads of mkdocs-macros' env
    conf = {"site_url": "https://example.org/"}
    project_dir = sys.argv[2]
    def macro(self, function, name):
        pass

class Garbage:
    pass

cycle = Garbage()
cycle.itself = cycle
first_builds_garbage = weakref.ref(cycle)
macros.define_env(Env())
frozen_after_the_first_build = gc.get_freeze_count()
del cycle
macros.define_env(Env())
print(json.dumps({
    "frozen_after_the_first_build": frozen_after_the_first_build,
    "first_builds_garbage_freed": first_builds_garbage() is None,
}))
"""


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> dict:
    project = copy_project(tmp_path_factory.mktemp("collector") / "project")
    result = subprocess.run(
        [sys.executable, "-c", BUILDS, str(ROOT), str(project)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_loaded_content_is_left_out_of_garbage_collection_during_the_build(two_builds):
    assert two_builds["frozen_after_the_first_build"] > 0


def test_the_next_build_frees_what_the_build_before_left_as_garbage(two_builds):
    assert two_builds["first_builds_garbage_freed"]
