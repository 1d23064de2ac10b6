"""The strict build is the gate: bad content stops it with the loader's messages, never a traceback."""

import json
import shutil
import subprocess
import sys

import pytest

from macros.fragment_cache import FRAGMENTS_FILE, FragmentCache
from macros.kept_files import KEPT_DIR
from macros.kept_readings import READINGS_FILE
from tests.project import ROOT, BuiltSite, mkdocs_build


def test_the_site_builds_from_valid_content(project, tmp_path):
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "workouts" / "short-session" / "index.html").is_file()


def test_bad_content_stops_the_build_with_one_line_per_problem(project, tmp_path):
    workout = project / "data" / "workouts" / "short-session.yaml"
    workout.write_text(workout.read_text().replace("sets: 3", "sets: three").replace("reps: 8", "reps: 80"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "data/workouts/short-session.yaml:6:11: exercises[0].sets: expected a whole number, got the text "
        "'three'" in result.stderr
    )
    assert (
        "data/workouts/short-session.yaml:10:11: exercises[1].reps: expected a number from 1 to 50, got "
        "the number 80" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_macro_error_in_a_page_stops_the_build(project, tmp_path):
    (project / "docs" / "technique.md").write_text("# Technique\n\n{{ no_such_macro() }}\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0


def test_a_broken_anchor_in_a_page_stops_the_build(project, tmp_path):
    (project / "docs" / "technique.md").write_text("# Technique\n\nSee [this](mistakes.md#no-such-anchor).\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-anchor" in result.stderr


def test_a_new_workout_file_adds_its_page_nav_entry_and_index_card(project, tmp_path):
    new_workout = project / "data" / "workouts" / "tempo-day.yaml"
    new_workout.write_text(
        "title: Tempo day\ngoal: Before a tempo run.\nlevel: 2\nexercises:\n"
        "  - variation: basic-thrust\n    sets: 2\n    reps: 6\n"
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "site")
    assert "Tempo day" in site.text("workouts/tempo-day/")
    # navigation.prune renders a section's pages only inside that section: look from the workouts index.
    nav_links = {a.get_text(strip=True): a["href"] for a in site.soup("workouts/").select("nav.md-nav--primary a")}
    assert nav_links["Tempo day"] == "tempo-day/"
    assert "Tempo day" in site.text("workouts/")


def test_edit_this_page_opens_the_data_file_a_page_is_built_from(built_site):
    def edit_link(url_path):
        return built_site.soup(url_path).select_one("a.md-content__button[href*='/edit/']")["href"]

    assert edit_link("technique/").endswith("/edit/main/data/technique.yaml")
    assert edit_link("workouts/sample-hip-thrust-workout/").endswith(
        "/edit/main/data/workouts/sample-hip-thrust-workout.yaml"
    )
    assert edit_link("").endswith("/edit/main/docs/index.md")


def differing_files(site_dir, other_site_dir) -> list:
    """The pages and search index files that differ between two built sites, or that only one of them has."""

    def files(root):
        return {
            path.relative_to(root): path.read_bytes() for path in root.rglob("*") if path.suffix in {".html", ".json"}
        }

    first, second = files(site_dir), files(other_site_dir)
    return sorted(path for path in first.keys() | second.keys() if first.get(path) != second.get(path))


def test_the_same_sources_build_byte_identical_html(built_site, tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    assert differing_files(built_site.root, tmp_path / "again") == []


def test_a_rebuild_from_kept_fragments_makes_the_same_site(project, tmp_path):
    first = mkdocs_build(project, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    assert (project / FRAGMENTS_FILE).is_file()
    again = mkdocs_build(project, tmp_path / "again")
    assert again.returncode == 0, again.stderr
    assert differing_files(tmp_path / "first", tmp_path / "again") == []


def test_a_rebuild_with_unchanged_inputs_gives_back_the_kept_fragment_instead_of_rendering_again(project, tmp_path):
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    kept_file = project / FRAGMENTS_FILE
    kept = json.loads(kept_file.read_text(encoding="utf-8"))
    key = FragmentCache.key("workout", "workouts/short-session.md", ("short-session",))
    kept["fragments"][key][0] = "Only the kept fragment says this.\n"
    kept_file.write_text(json.dumps(kept), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    # The title is the one the workout macro set in the page's metadata, kept with the fragment.
    assert (
        BuiltSite(tmp_path / "site").text("workouts/short-session/")
        == "Short session Only the kept fragment says this."
    )


def test_after_an_edit_to_one_workout_only_the_pages_that_read_it_are_rendered_again(project, tmp_path):
    workouts = project / "data" / "workouts"
    short_session = (workouts / "short-session.yaml").read_text()
    (workouts / "other-session.yaml").write_text(short_session.replace("Short session", "Other session"))
    for _ in ("renders every fragment", "gets every page back whole, so asks for no card on its own"):
        assert mkdocs_build(project, tmp_path / "site").returncode == 0
    kept_file = project / FRAGMENTS_FILE
    kept = json.loads(kept_file.read_text(encoding="utf-8"))
    for fragment in kept["fragments"].values():
        fragment[0] += "\nKept from the build before.\n"
    kept_file.write_text(json.dumps(kept), encoding="utf-8")
    (workouts / "short-session.yaml").write_text(short_session.replace("Short session", "Brief session"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "site")
    assert "Kept from the build before." in site.text("workouts/other-session/")
    assert "Kept from the build before." in site.text("technique/")
    for shows_the_edit in ("workouts/short-session/", "workouts/"):
        assert "Brief session" in site.text(shows_the_edit)
        assert "Kept from the build before." not in site.text(shows_the_edit)
    # The page of all cards is put together again: the edited workout's card anew, the other one as kept.
    assert "Brief session" in site.text("workouts/cards/")
    assert site.text("workouts/cards/").count("Kept from the build before.") == 1


@pytest.mark.parametrize(
    ("data_file", "before", "after"),
    [
        ("workouts/short-session.yaml", "Short session", "Brief session"),
        ("variations.yaml", "Basic thrust", "Plain thrust"),
    ],
)
def test_a_build_after_a_content_edit_makes_the_same_site_as_a_build_with_nothing_kept(
    project, tmp_path, data_file, before, after
):
    assert mkdocs_build(project, tmp_path / "before").returncode == 0
    edited = project / "data" / data_file
    edited.write_text(edited.read_text().replace(before, after))
    assert mkdocs_build(project, tmp_path / "after-the-edit").returncode == 0
    assert after in BuiltSite(tmp_path / "after-the-edit").text("workouts/short-session/")
    shutil.rmtree(project / KEPT_DIR)
    assert mkdocs_build(project, tmp_path / "nothing-kept").returncode == 0
    assert differing_files(tmp_path / "after-the-edit", tmp_path / "nothing-kept") == []


def test_a_rebuild_from_kept_fragments_imports_neither_the_schema_nor_pydantic(project, tmp_path):
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    build_and_list_modules = (
        "import sys\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        f"build(load_config(config_file='mkdocs.yml', site_dir={str(tmp_path / 'again')!r}, strict=True))\n"
        "print(sorted(name for name in sys.modules if name.startswith(('pydantic', 'macros.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", build_and_list_modules], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    modules = result.stdout.strip().splitlines()[-1]
    assert "macros.render" in modules  # the macros did run
    assert "pydantic" not in modules and "macros.models" not in modules and "macros.load" not in modules


def test_bad_content_stops_the_build_after_a_good_build_kept_its_fragments(project, tmp_path):
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    workout = project / "data" / "workouts" / "short-session.yaml"
    workout.write_text(workout.read_text().replace("sets: 3", "sets: three"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/workouts/short-session.yaml:6:11: exercises[0].sets: expected a whole number" in result.stderr


def test_a_build_keeps_what_it_read_of_each_data_file_for_the_next_load(project, tmp_path):
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    data_files = list((project / "data").rglob("*.yaml"))
    assert len(json.loads((project / READINGS_FILE).read_text(encoding="utf-8"))["readings"]) == len(data_files)


def test_an_edited_template_shows_in_the_next_build(project, tmp_path):
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    template = project / "macros" / "templates" / "workout.md"
    template.write_text(template.read_text() + "\nEdited template.\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Edited template." in BuiltSite(tmp_path / "site").text("workouts/short-session/")
