"""Loading: every problem of every file is reported as one line with file, line, column, field and
what was expected; valid content comes back as typed objects."""

from pathlib import Path

import pytest

from macros.load import ContentError, load_content
from macros.models import Workout
from tests.broken_content import VALID_WORKOUT, broken_cases, problems


def test_valid_content_loads_as_typed_objects(data_dir):
    content = load_content(data_dir)
    assert isinstance(content.workouts["short-session"], Workout)
    assert content.cue("level-hips").cue == "Keep your hips level"
    assert [v.id for v in content.easier("one-leg-thrust")] == ["basic-thrust"]


def test_every_id_knows_the_file_that_holds_it(data_dir):
    content = load_content(data_dir)
    assert content.file_of_id["level-hips"] == "variations.yaml"
    assert content.file_of_id["short-session"] == "workouts/short-session.yaml"


@pytest.mark.parametrize("case", broken_cases(), ids=lambda case: case.name)
def test_broken_content_is_reported_exactly(case, data_dir):
    case.apply(data_dir)
    assert problems(data_dir) == case.expected


def test_problems_in_several_files_are_reported_together(data_dir):
    (data_dir / "summary.yaml").write_text("points:\n  - id: Worth It\n    text: x\n")
    (data_dir / "workouts" / "short-session.yaml").write_text("title: x\ngoal: y\nexercises: []\nlevel: 1\n")
    assert problems(data_dir) == [
        (
            "data/summary.yaml:2:9: points[0].id: expected a kebab-case id (lowercase letters and digits, "
            "words joined by single hyphens), got the text 'Worth It'"
        ),
        "data/workouts/short-session.yaml:3:12: exercises: expected at least 1 item(s), got 0",
    ]


def test_a_missing_required_field_is_reported_at_its_parent(data_dir):
    (data_dir / "workouts" / "short-session.yaml").write_text(
        "title: x\ngoal: y\nexercises:\n  - variation: basic-thrust\n    reps: 5\n    reps_in_reserve: 3\n    rest_seconds: 90\nlevel: 1\n"
    )
    assert problems(data_dir) == [
        "data/workouts/short-session.yaml:4:5: exercises[0].sets: expected this required field; it is missing"
    ]


def test_a_number_out_of_range_names_the_range(data_dir):
    (data_dir / "workouts" / "short-session.yaml").write_text(
        "title: x\ngoal: y\nexercises:\n  - variation: basic-thrust\n    sets: 11\n    reps: 5\n    reps_in_reserve: 3\n    rest_seconds: 90\nlevel: 1\n"
    )
    assert problems(data_dir) == [
        "data/workouts/short-session.yaml:5:11: exercises[0].sets: expected a number from 1 to 10, got the number 11"
    ]


def test_a_reference_to_an_item_of_the_wrong_kind_is_refused(data_dir):
    mistakes = (data_dir / "mistakes.yaml").read_text().replace("fixed_by: [drive-up]", "fixed_by: [basic-thrust]")
    (data_dir / "mistakes.yaml").write_text(mistakes)
    assert problems(data_dir) == [
        "data/mistakes.yaml:7:16: mistakes[0].fixed_by[0]: expected the id of a cue; 'basic-thrust' is a variation"
    ]


def test_a_link_in_text_must_point_at_an_existing_id(data_dir):
    summary = "points:\n  - id: worth-it\n    text: See [the cue](#drive-upp).\n"
    (data_dir / "summary.yaml").write_text(summary)
    assert problems(data_dir) == [
        (
            "data/summary.yaml:3:24: points[0].text: expected a link to the id of an item in the content; "
            "there is no item 'drive-upp'; did you mean 'drive-up'?"
        )
    ]


def test_a_less_than_sign_that_opens_no_tag_is_text(data_dir):
    (data_dir / "summary.yaml").write_text("points:\n  - id: worth-it\n    text: Keep the pace < threshold.\n")
    assert load_content(data_dir).summary.points[0].text == "Keep the pace < threshold."


def test_references_into_a_file_that_failed_are_not_reported_as_dangling(data_dir):
    technique = (data_dir / "technique.yaml").read_text().replace("cue: Upper back on the bench", "cue: [x]")
    (data_dir / "technique.yaml").write_text(technique)
    assert problems(data_dir) == ["data/technique.yaml:4:10: setup[0].cue: expected text, got a list"]


NOT_CONTENT = [".DS_Store", ".hidden.yaml", ".short-session.yaml.swp", "short-session.yaml~", "#short-session.yaml#"]


def test_hidden_editor_and_system_files_are_skipped_not_reported(data_dir):
    for folder in (data_dir, data_dir / "workouts"):
        for name in NOT_CONTENT:
            (folder / name).write_bytes(b"\xff half-saved: [\n")
    assert list(load_content(data_dir).workouts) == ["short-session"]


def test_a_data_folder_that_links_out_of_the_project_is_refused(tmp_path, data_dir):
    project = tmp_path / "project"
    project.mkdir()
    (project / "data").symlink_to(data_dir, target_is_directory=True)
    assert problems(project / "data") == [
        "data:1:1: (whole file): expected a folder inside the project; this is a link to a place outside it"
    ]


def test_a_file_that_cannot_be_read_is_named_with_the_reason(data_dir, monkeypatch):
    unreadable = data_dir / "workouts" / "short-session.yaml"
    real_open = Path.open

    def refusing_open(path, *args, **kwargs):
        if path == unreadable:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    assert problems(data_dir) == [
        "data/workouts/short-session.yaml:1:1: (whole file): expected a file this build can read; permission denied"
    ]


def test_a_folder_that_cannot_be_read_is_named_with_the_reason(data_dir, monkeypatch):
    unreadable = data_dir / "workouts"
    real_iterdir = Path.iterdir

    def refusing_iterdir(path):
        if path == unreadable:
            raise PermissionError(13, "Permission denied")
        return real_iterdir(path)

    monkeypatch.setattr(Path, "iterdir", refusing_iterdir)
    assert problems(data_dir) == [
        "data/workouts:1:1: (whole file): expected a folder this build can read; permission denied"
    ]


def test_a_workout_id_that_would_take_over_a_page_of_the_site_is_refused(project):
    (project / "data" / "workouts" / "cards.yaml").write_bytes(VALID_WORKOUT)
    assert problems(project / "data") == [
        "data/workouts/cards.yaml:1:1: (whole file): expected a workout id that no page of the site uses; "
        "'cards' would take over docs/workouts/cards.md"
    ]


def test_at_most_200_problem_lines_are_shown_then_how_many_more(data_dir):
    for number in range(250):
        (data_dir / "workouts" / f"Session {number}.yaml").write_bytes(VALID_WORKOUT)
    with pytest.raises(ContentError) as error:
        load_content(data_dir)
    lines = str(error.value).splitlines()
    assert lines[0] == "250 problem(s) in the content:"
    assert len(lines[1:]) == 201
    assert lines[-1] == "and 50 more"


def test_two_problems_in_one_workout_file_are_both_reported(data_dir):
    (data_dir / "workouts" / "short-session.yaml").write_text(
        "title: x\ngoal: y\nexercises:\n  - variation: deadlift\n    sets: 11\n    reps: 5\n    reps_in_reserve: 3\n    rest_seconds: 90\nlevel: 1\n"
    )
    assert problems(data_dir) == [
        "data/workouts/short-session.yaml:4:16: exercises[0].variation: expected the id of a variation; "
        "there is no variation 'deadlift'",
        "data/workouts/short-session.yaml:5:11: exercises[0].sets: expected a number from 1 to 10, got the number 11",
    ]


def test_a_link_to_a_broken_workout_file_is_not_reported_as_dangling(data_dir):
    summary = data_dir / "summary.yaml"
    summary.write_text(summary.read_text().replace("text: ", "text: See [the short session](#short-session). ", 1))
    assert load_content(data_dir).file_of_id["short-session"] == "workouts/short-session.yaml"
    workout = data_dir / "workouts" / "short-session.yaml"
    workout.write_text(workout.read_text().replace("sets: 3", "sets: three"))
    assert problems(data_dir) == [
        "data/workouts/short-session.yaml:6:11: exercises[0].sets: expected a whole number, got the text 'three'"
    ]


def test_the_items_of_a_folder_are_listed_by_their_kinds_order_then_by_id(data_dir):
    workout = (data_dir / "workouts" / "short-session.yaml").read_text()
    for name, level in (("a-hard-one", 3), ("b-easy-one", 1), ("c-middle-one", 2)):
        (data_dir / "workouts" / f"{name}.yaml").write_text(workout.replace("level: 1", f"level: {level}"))
    assert list(load_content(data_dir).workouts) == ["b-easy-one", "short-session", "c-middle-one", "a-hard-one"]


def test_a_file_that_does_not_parse_is_reported_first_and_what_refers_to_it_waits(data_dir):
    technique = data_dir / "technique.yaml"
    technique.write_text(technique.read_text(encoding="utf-8").replace("cue: ", 'cue: "', 1), encoding="utf-8")
    summary = data_dir / "summary.yaml"
    summary.write_text(summary.read_text(encoding="utf-8").replace("id: worth-it", "id: Worth It"), encoding="utf-8")
    reported = problems(data_dir)
    assert reported[0].startswith("data/technique.yaml:") and "expected valid YAML" in reported[0]
    # The mistakes and the figures name the technique's cues: nothing about them until it parses.
    assert not [line for line in reported if "cue" in line and not line.startswith("data/technique.yaml")]
    # A problem that has nothing to do with the broken file is still said, after it.
    assert [line for line in reported[1:] if line.startswith("data/summary.yaml")]


def test_once_it_parses_what_refers_to_a_file_is_checked_again(data_dir):
    technique = data_dir / "technique.yaml"
    technique.write_text(
        technique.read_text(encoding="utf-8").replace("id: drive-up", "id: drive-upp"), encoding="utf-8"
    )
    assert any("there is no cue 'drive-up'" in line for line in problems(data_dir))
