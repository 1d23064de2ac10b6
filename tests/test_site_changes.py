""".github/scripts/site_changes.py: the job summary lists the pages a pull request changes, by comparing the
built site with the base branch's, each with its file in the preview and its printed card or sheet."""

import re
import shutil
import subprocess
import sys

from tests.project import ROOT, mkdocs_build

SCRIPT = ROOT / ".github" / "scripts" / "site_changes.py"


def site_changes(base, new, preview) -> str:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(base), str(new), str(preview)], capture_output=True, text=True, check=True
    )
    return result.stdout


def built_with(base_project, tmp_path, change) -> tuple:
    """The base site, and the changed project's site as deployed and as previewed."""
    project = tmp_path / "project"
    shutil.copytree(base_project, project, ignore=shutil.ignore_patterns("site", ".cache"))
    change(project / "data")
    for site, offline in (("site", False), ("preview", True)):
        result = mkdocs_build(project, project / site, offline=offline)
        assert result.returncode == 0, result.stderr
    return base_project / "site", project / "site", project / "preview"


def one_page_site(folder, article: str):
    page = folder / "benefits" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f'<html><article class="md-content__inner md-typeset">{article}</article></html>')
    return folder


def test_the_same_sources_change_no_page(built_project, tmp_path):
    assert "None: every page reads as on the base branch." in site_changes(
        built_project / "site", built_project / "site", tmp_path
    )


def test_a_citation_whose_number_alone_moved_is_no_change(tmp_path):
    cited = "<p>Claim <sup class=cite>[<a href=#ref-{}>{}</a>]</sup></p><ol><li id=ref-{}>A source</li></ol>"
    base = one_page_site(tmp_path / "base", cited.format("smith-2020", 3, "smith-2020"))
    new = one_page_site(tmp_path / "new", cited.format("smith-2020", 1, "smith-2020"))
    assert "None: every page reads as on the base branch." in site_changes(base, new, new)


def test_a_citation_of_another_source_is_a_change(tmp_path):
    cited = "<p>Claim <sup class=cite>[<a href=#ref-{}>1</a>]</sup></p>"
    base = one_page_site(tmp_path / "base", cited.format("smith-2020"))
    new = one_page_site(tmp_path / "new", cited.format("jones-2021"))
    assert "| `benefits/` | changed | `benefits/index.html` |" in site_changes(base, new, new)


def test_an_edited_workout_lists_the_pages_that_show_it_and_its_card(built_project, tmp_path):
    def edit(data):
        workout = data / "workouts" / "short-session.yaml"
        workout.write_text(workout.read_text().replace("goal: A quick one.", "goal: A quicker one."))

    listed = site_changes(*built_with(built_project, tmp_path, edit))
    changed = [line for line in listed.splitlines() if line.startswith("| `")]
    assert (
        "| `workouts/short-session/` | changed | `workouts/short-session.html` |"
        " `cards/short-session-A4.png`, `cards/short-session-Letter.png` |"
    ) in listed
    # The workouts index and the page of all cards show the goal too; no other page does.
    assert sorted(line.split("`")[1] for line in changed) == ["workouts/", "workouts/cards/", "workouts/short-session/"]


def test_a_new_workout_is_listed_as_added_without_every_page_whose_navigation_grew(built_project, tmp_path):
    def add(data):
        shutil.copy(data / "workouts" / "short-session.yaml", data / "workouts" / "second-session.yaml")

    listed = site_changes(*built_with(built_project, tmp_path, add))
    assert (
        "| `workouts/second-session/` | added | `workouts/second-session.html` | `cards/second-session-A4.png`"
        in listed
    )
    assert "`benefits/`" not in listed


def test_a_changed_plan_is_listed_with_its_printed_sheet(built_project, tmp_path):
    def edit(data):
        plan = next((data / "plans").glob("*.yaml"))
        plan.write_text(plan.read_text().replace("title: ", "title: The ", 1))

    listed = site_changes(*built_with(built_project, tmp_path, edit))
    plan_rows = [line for line in listed.splitlines() if line.startswith("| `plans/") and "`plans/` |" not in line]
    assert plan_rows
    assert all(
        re.search(r"\| `plans/[a-z0-9-]+-A4\.png`, `plans/[a-z0-9-]+-Letter\.png` \|$", row) for row in plan_rows
    )
