"""The strict build is the gate: bad content stops it with the loader's messages, never a traceback."""

from tests.project import ROOT, BuiltSite, copy_built_project, copy_project, mkdocs_build


def test_the_site_builds_from_valid_content(built_project):
    # built_project's fixture asserts that the strict build exits 0.
    assert (built_project / "site" / "workouts" / "short-session" / "index.html").is_file()


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
        "data/workouts/short-session.yaml:12:11: exercises[1].reps: expected a number from 1 to 50, got "
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
        "  - variation: basic-thrust\n    sets: 2\n    reps: 6\n    reps_in_reserve: 3\n    rest_seconds: 90\n"
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "site")
    assert "Tempo day" in site.text("workouts/tempo-day/")
    # navigation.prune renders a section's pages only inside that section: look from the workouts index.
    nav_links = {a.get_text(strip=True): a["href"] for a in site.soup("workouts/").select("nav.md-nav--primary a")}
    assert nav_links["Tempo day"] == "tempo-day/"
    assert "Tempo day" in site.text("workouts/")


def test_the_files_an_editor_keeps_beside_an_open_workout_do_not_stop_the_build(project, tmp_path):
    workouts = project / "data" / "workouts"
    for name in (".short-session.yaml.swp", "short-session.yaml~", "#short-session.yaml#", ".DS_Store"):
        (workouts / name).write_bytes(b"\x00 half-saved: [\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "site" / "workouts").iterdir() if path.is_dir()) == [
        "cards",
        "short-session",
    ]


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


def site_files(site_dir) -> dict:
    return {path.relative_to(site_dir): path.read_bytes() for path in site_dir.rglob("*") if path.is_file()}


def rename_short_session(project) -> None:
    workout = project / "data" / "workouts" / "short-session.yaml"
    workout.write_text(workout.read_text().replace("Short session", "Brief session"))


def test_a_build_depends_only_on_the_sources_whatever_lies_in_the_cache_folder(built_project, tmp_path):
    project = copy_built_project(built_project, tmp_path / "project")
    cache = project / ".cache"
    # What builds once kept there, and what a plugin might keep: each file garbled, truncated or emptied.
    for name in ("fragments.json", "readings.json", "qr-codes/0123abcd.svg", "plugin/social/card.png"):
        (cache / name).parent.mkdir(parents=True, exist_ok=True)
        (cache / name).write_text('{"valid_content": "x", "fragments": {}} <svg><g></svg> Kept text.\n')
    for number, path in enumerate(sorted(path for path in cache.rglob("*") if path.is_file())):
        data = path.read_bytes()
        path.write_bytes([b"\xff\x00garbled" + data[::-1], data[: len(data) // 2], b""][number % 3])
    rename_short_session(project)
    assert mkdocs_build(project, tmp_path / "after").returncode == 0
    clean = copy_project(tmp_path / "clean")
    rename_short_session(clean)
    assert mkdocs_build(clean, tmp_path / "clean-site").returncode == 0
    assert "Brief session" in BuiltSite(tmp_path / "after").text("workouts/short-session/")
    assert site_files(tmp_path / "after") == site_files(tmp_path / "clean-site")


def test_an_edited_template_shows_in_the_next_build(built_project, tmp_path):
    project = copy_built_project(built_project, tmp_path / "project")
    template = project / "macros" / "templates" / "workout.md"
    template.write_text(template.read_text() + "\nEdited template.\n")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert "Edited template." in BuiltSite(project / "site").text("workouts/short-session/")
