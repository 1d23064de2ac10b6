"""Loading: every problem of every file is reported as one line with file, line, column, field and
what was expected; valid content comes back as typed objects."""

import contextlib
import gc

import pytest

from macros.load import ContentError, load_content
from macros.models import Workout
from tests.broken_content import broken_cases, problems


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
        "title: x\ngoal: y\nexercises:\n  - variation: basic-thrust\n    reps: 5\nlevel: 1\n"
    )
    assert problems(data_dir) == [
        "data/workouts/short-session.yaml:4:5: exercises[0].sets: expected this required field; it is missing"
    ]


def test_a_number_out_of_range_names_the_range(data_dir):
    (data_dir / "workouts" / "short-session.yaml").write_text(
        "title: x\ngoal: y\nexercises:\n  - variation: basic-thrust\n    sets: 11\n    reps: 5\nlevel: 1\n"
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


def test_references_into_a_file_that_failed_are_not_reported_as_dangling(data_dir):
    technique = (data_dir / "technique.yaml").read_text().replace("cue: Upper back on the bench", "cue: [x]")
    (data_dir / "technique.yaml").write_text(technique)
    assert problems(data_dir) == ["data/technique.yaml:4:10: setup[0].cue: expected text, got a list"]


@pytest.mark.parametrize("collector_on", [True, False], ids=["collector-on", "collector-off"])
@pytest.mark.parametrize("valid", [True, False], ids=["valid", "broken"])
def test_loading_leaves_the_garbage_collector_as_it_found_it(data_dir, collector_on, valid):
    # Loading pauses the collector; `mkdocs serve` goes on building in the same process afterwards.
    if not valid:
        (data_dir / "summary.yaml").write_text("points: []\n")
    was_enabled = gc.isenabled()
    (gc.enable if collector_on else gc.disable)()
    try:
        with contextlib.nullcontext() if valid else pytest.raises(ContentError):
            load_content(data_dir)
        assert gc.isenabled() is collector_on
    finally:
        (gc.enable if was_enabled else gc.disable)()
