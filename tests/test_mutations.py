"""Property: whatever single change breaks valid content, the loader reports it at the changed path
and never crashes. Hypothesis picks the file, the kind of change and the place."""

import copy
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from macros.load import ContentError, format_path, load_content
from macros.models import field_at, nested_model, reference_target
from macros.site_map import kind_of_data_file
from macros.yaml_reader import read_yaml
from tests.project import VALID_FIXTURES

# Every file of the valid fixtures, with the model of its kind.
FILES = {
    name: kind_of_data_file(name).model
    for name in sorted(path.relative_to(VALID_FIXTURES).as_posix() for path in VALID_FIXTURES.rglob("*.yaml"))
}
# A value of another type for each type found in the data.
OTHER_TYPE = {str: 42, int: "many", float: "some", bool: "sometimes", list: "a list", dict: "a mapping"}


def sites(value, path=()):
    """Every place in a value tree, with its path."""
    yield path, value
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        yield from sites(child, path + (key,))


def model_of_mapping(model: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    return model if not path else nested_model(getattr(field_at(model, path), "annotation", None))


def mutations(model: type[BaseModel], tree) -> list[tuple[str, tuple, tuple, Callable]]:
    """(kind, path to report, path to change, change) for every single change the schema must refuse; the
    change is made by mutated(), to a copy of the tree, only for the one that a test draws."""
    found = []
    for path, value in sites(tree):
        if isinstance(value, dict):
            mapping_model = model_of_mapping(model, path)
            found.append(("add a field", path + ("surplus",), path + ("surplus",), _set("x")))
            for name, field in mapping_model.model_fields.items() if mapping_model else []:
                if field.is_required() and name in value:
                    found.append(("drop a field", path + (name,), path + (name,), _delete))
        if path:
            found.append(("change a type", path, path, _set(OTHER_TYPE[type(value)])))
            field = field_at(model, path)
            if field and reference_target(field) and isinstance(value, str):
                found.append(("break a reference", path, path, _set("no-such-id")))
        if isinstance(value, list) and value and all(isinstance(item, dict) and "id" in item for item in value):
            found.append(("duplicate an item", path + (len(value), "id"), path + (0,), _append_a_copy))
    return found


def mutated(tree, path: tuple, change: Callable):
    """A copy of the tree with change(parent, key) made at the path."""
    copied = copy.deepcopy(tree)
    parent = copied
    for part in path[:-1]:
        parent = parent[part]
    change(parent, path[-1])
    return copied


def _set(new):
    def replace(parent, key):
        parent[key] = new

    return replace


def _delete(parent, key):
    del parent[key]


def _append_a_copy(parent, key):
    parent.append(copy.deepcopy(parent[key]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_single_breaking_change_is_reported_at_its_path(data):
    name = data.draw(st.sampled_from(sorted(FILES)), label="file")
    tree = read_yaml((VALID_FIXTURES / name).read_text()).value
    kind, path, changed_path, change = data.draw(st.sampled_from(mutations(FILES[name], tree)), label="mutation")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(VALID_FIXTURES, data_dir)
        (data_dir / name).write_text(yaml.safe_dump(mutated(tree, changed_path, change), sort_keys=False))
        try:
            load_content(data_dir)
        except ContentError as error:
            reported = {problem.field for problem in error.problems}
        else:
            reported = set()
    assert format_path(path) in reported, f"{kind} at {format_path(path)} in {name}: reported {reported}"


def test_every_file_offers_every_kind_of_mutation():
    kinds = set()
    for name, model in FILES.items():
        kinds |= {kind for kind, *_ in mutations(model, read_yaml((VALID_FIXTURES / name).read_text()).value)}
    assert kinds == {"add a field", "drop a field", "change a type", "break a reference", "duplicate an item"}
