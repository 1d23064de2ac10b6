""".github/scripts/site_changes.py: the job summary lists the pages and cards a pull request changes, by
comparing the built site with the base branch's."""

import shutil
import subprocess
import sys

from tests.project import ROOT, mkdocs_build

SCRIPT = ROOT / ".github" / "scripts" / "site_changes.py"


def site_changes(base, new) -> str:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(base), str(new)], capture_output=True, text=True, check=True
    )
    return result.stdout


def built_with(base_project, tmp_path, change) -> tuple:
    project = tmp_path / "project"
    shutil.copytree(base_project, project, ignore=shutil.ignore_patterns("site", ".cache"))
    change(project / "data")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return base_project / "site", project / "site"


def test_the_same_sources_change_no_page(built_project):
    assert "None: every page reads as on the base branch." in site_changes(
        built_project / "site", built_project / "site"
    )


def test_an_edited_workout_lists_the_pages_that_show_it_and_its_card(built_project, tmp_path):
    def edit(data):
        workout = data / "workouts" / "short-session.yaml"
        workout.write_text(workout.read_text().replace("goal: A quick one.", "goal: A quicker one."))

    listed = site_changes(*built_with(built_project, tmp_path, edit))
    changed = [line for line in listed.splitlines() if line.startswith("- ")]
    assert "- changed: `workouts/short-session/` (and its printed card: `cards/short-session-*.png`" in listed
    # The workouts index and the page of all cards show the goal too; no other page does.
    assert sorted(line.split("`")[1] for line in changed) == ["workouts/", "workouts/cards/", "workouts/short-session/"]


def test_a_new_workout_is_listed_as_added_without_every_page_whose_navigation_grew(built_project, tmp_path):
    def add(data):
        shutil.copy(data / "workouts" / "short-session.yaml", data / "workouts" / "second-session.yaml")

    listed = site_changes(*built_with(built_project, tmp_path, add))
    assert "- added: `workouts/second-session/` (and its printed card" in listed
    assert "`benefits/`" not in listed
