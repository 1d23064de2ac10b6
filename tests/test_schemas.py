"""The JSON Schemas, the field reference and the plan limits: generated from the models and data, committed, in
sync, strict, and used by every data file's modeline."""

import json
import os
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.load import load_content
from macros.models import MAX_EXERCISES, RUN_KINDS, RuleNumber
from macros.plan_limits import plan_limits
from macros.schemas import (
    CONTRIBUTING,
    SCHEMAS_DIR,
    data_file_problems,
    field_reference,
    json_schema,
    schema_models,
    schema_name_of,
    stale_files,
)
from tests.broken_content import broken_cases
from tests.project import ROOT, VALID_FIXTURES

DATA_SETS = {
    "data": ROOT / "data",
    "valid-fixtures": VALID_FIXTURES,
    "fullest-card-fixtures": ROOT / "tests" / "fixtures" / "fullest-card",
}
DATA_FILES_TO_CHECK = [(data_dir, path) for data_dir in DATA_SETS.values() for path in sorted(data_dir.rglob("*.yaml"))]


def data_name(data_dir: Path, path: Path) -> str:
    return path.relative_to(data_dir).as_posix()


def committed_schema(name: str) -> dict:
    return json.loads((ROOT / SCHEMAS_DIR / name).read_text(encoding="utf-8"))


def subschemas(schema: object):
    """Every schema object inside a schema, itself included."""
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from subschemas(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from subschemas(item)


def validation_errors(schema_name: str, yaml_text: str | bytes) -> list[str]:
    validator = jsonschema.Draft202012Validator(committed_schema(schema_name))
    return [error.message for error in validator.iter_errors(yaml.safe_load(yaml_text))]


def test_the_committed_schemas_and_field_reference_match_the_models():
    stale = [path.relative_to(ROOT).as_posix() for path in stale_files()]
    assert stale == [], "run `python -m macros.schemas` to regenerate them"


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of what the generated files are made from, and of the generated files."""
    for folder in (SCHEMAS_DIR, "data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / CONTRIBUTING, tmp_path / CONTRIBUTING)
    return tmp_path


def test_a_stale_or_orphaned_schema_is_reported(project):
    workout_schema = project / SCHEMAS_DIR / "workout.schema.json"
    workout_schema.write_text(
        workout_schema.read_text().replace(f'"maxItems": {MAX_EXERCISES}', f'"maxItems": {MAX_EXERCISES + 1}')
    )
    (project / SCHEMAS_DIR / "old.schema.json").write_text("{}")
    assert stale_files(project) == [workout_schema, project / SCHEMAS_DIR / "old.schema.json"]


def test_a_hand_edited_field_reference_is_reported(project):
    contributing = (project / CONTRIBUTING).read_text().replace("| `per_side` | no", "| `per_side` | yes")
    (project / CONTRIBUTING).write_text(contributing)
    assert stale_files(project) == [project / CONTRIBUTING]


def test_the_plan_limits_give_each_phases_ranges_every_rules_number_and_every_kind_of_run():
    programming = load_content(VALID_FIXTURES).programming
    limits = plan_limits(programming)
    for phase in programming.phases:
        ranges = [phase.sessions_per_week, phase.sets, phase.reps, phase.reps_in_reserve, phase.rest_seconds]
        shown = [str(r.min) if r.min == r.max else f"{r.min}–{r.max}" for r in ranges]
        assert f"| {phase.title} | `{phase.id}` | `{phase.stage}` | {' | '.join(shown)} |" in limits
    for name, value in programming.plan_rules:
        if isinstance(value, RuleNumber):
            assert f"| `{name}` | {value.value} |" in limits
    assert all(f"- `{kind}`: {meaning}." in limits for kind, meaning in RUN_KINDS.items())


def test_a_changed_phase_in_the_data_makes_contributings_plan_limits_stale(project):
    programming = project / "data" / "programming.yaml"
    programming.write_text(programming.read_text().replace("sets: {min: 2, max: 4}", "sets: {min: 2, max: 5}", 1))
    assert stale_files(project) == [project / CONTRIBUTING]


def test_hand_edited_plan_limits_are_reported(project):
    contributing = (project / CONTRIBUTING).read_text().replace("| `max_weeks_before_lighter` | 3 |", "| x | 4 |")
    (project / CONTRIBUTING).write_text(contributing)
    assert stale_files(project) == [project / CONTRIBUTING]


@pytest.mark.parametrize("name", sorted(schema_models()))
def test_schemas_refuse_unknown_fields_everywhere(name):
    objects = [schema for schema in subschemas(committed_schema(name)) if "properties" in schema]
    assert objects
    assert all(schema.get("additionalProperties") is False for schema in objects)


@pytest.mark.parametrize("name", sorted(schema_models()))
def test_schemas_describe_every_field(name):
    undescribed = [
        field
        for schema in subschemas(committed_schema(name))
        for field, prop in schema.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert undescribed == []


@pytest.mark.parametrize("name", sorted(schema_models()))
def test_schema_list_items_are_one_schema_for_every_item(name):
    # An array under `items` would mean tuple validation: only the first item checked.
    assert all(isinstance(schema["items"], dict) for schema in subschemas(committed_schema(name)) if "items" in schema)


@pytest.mark.parametrize(
    ("data_dir", "path"), DATA_FILES_TO_CHECK, ids=[str(path.relative_to(ROOT)) for _, path in DATA_FILES_TO_CHECK]
)
def test_data_files_are_valid_against_their_json_schema(data_dir, path):
    assert validation_errors(schema_name_of(data_name(data_dir, path)), path.read_bytes()) == []


def test_a_misspelled_field_fails_the_json_schema_too():
    case = next(case for case in broken_cases() if case.name == "unknown-field")
    errors = validation_errors(schema_name_of(case.path), case.content)
    assert any("'repetitions' was unexpected" in error for error in errors)


@pytest.mark.parametrize(
    ("data_dir", "path"), DATA_FILES_TO_CHECK, ids=[str(path.relative_to(ROOT)) for _, path in DATA_FILES_TO_CHECK]
)
def test_every_data_file_starts_with_the_modeline_of_its_schema(data_dir, path):
    schema = ROOT / SCHEMAS_DIR / schema_name_of(data_name(data_dir, path))
    relative = Path(os.path.relpath(schema, path.parent)).as_posix()
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema={relative}"


def test_the_field_reference_covers_every_field_of_every_model():
    contributing = (ROOT / CONTRIBUTING).read_text(encoding="utf-8")
    for model in schema_models().values():
        for schema in subschemas(json_schema(model)):
            for field in schema.get("properties", {}):
                assert f"| `{field}` |" in contributing


def test_the_field_reference_leaves_out_bounds_a_field_does_not_have():
    assert "None" not in field_reference()


def test_the_style_guide_states_the_models_length_limits():
    style_guide = (ROOT / CONTRIBUTING).read_text(encoding="utf-8").split("## Style guide")[1].split("\n## ")[0]
    limits = {
        schema.get("maxLength")
        for model in schema_models().values()
        for schema in subschemas(json_schema(model))
        if schema.get("type") == "string"
    } - {None}
    stated = {int(number) for number in re.findall(r"up to (\d+) characters", " ".join(style_guide.split()))}
    assert stated == limits


def test_pre_commit_checks_every_data_file_against_the_schema_of_its_kind():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [hook for repo in config["repos"] for hook in repo["hooks"] if hook["id"] == "data-matches-its-schema"]
    assert hook["entry"] == "python -m macros.schemas --check-data"
    assert hook.get("pass_filenames", True)
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        assert re.search(hook["files"], path.relative_to(ROOT).as_posix())


def test_the_data_check_reports_a_file_that_its_kinds_schema_refuses(tmp_path):
    shutil.copytree(ROOT / SCHEMAS_DIR, tmp_path / SCHEMAS_DIR)
    shutil.copytree(VALID_FIXTURES, tmp_path / "data")
    case = next(case for case in broken_cases() if case.name == "unknown-field")
    case.apply(tmp_path / "data")
    assert data_file_problems(tmp_path / "data" / case.path, tmp_path) == [
        "data/workouts/short-session.yaml: exercises.0: Additional properties are not allowed ('repetitions' was unexpected)"
    ]
    assert data_file_problems(tmp_path / "data" / "benefits.yaml", tmp_path) == []
