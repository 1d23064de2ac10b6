"""`python -m macros.schemas`: the JSON Schemas and CONTRIBUTING.md's generated parts, from models.py and data.

One schema per content kind (models.KINDS), written to schemas/ for
editors (through each data file's `# yaml-language-server: $schema=...` modeline) and pre-commit. The
same schemas, as tables, make the field reference in CONTRIBUTING.md; data/programming.yaml makes its plan
limits (macros/plan_limits.py). With --check nothing is written:
the exit code says whether the committed files are up to date. With --check-data FILE...: whether each data
file matches the committed schema of its kind, as editors see it (pre-commit's check).
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import re
import sys
from pathlib import Path

from .load import ContentError, load_content
from .models import ID_PATTERN, KINDS, Model
from .plan_limits import plan_limits
from .problem_report import report
from .site_map import kind_of_data_file

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS_DIR = "schemas"
CONTRIBUTING = "CONTRIBUTING.md"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_models() -> dict[str, type[Model]]:
    """Schema file name -> the model it describes: one per content kind."""
    return {kind.schema: kind.model for kind in KINDS}


def schema_name_of(data_name: str) -> str:
    """The schema file for a data file, given relative to data/ (e.g. "workouts/tempo.yaml"); StopIteration
    for a file of no kind."""
    return kind_of_data_file(data_name).schema


def modeline(data_file: Path, data_dir: Path) -> str:
    """The first line of a data file: where editors find its schema (schemas/ beside data/), relative to the file."""
    data_name = data_file.relative_to(data_dir).as_posix()
    schema = data_dir.parent / SCHEMAS_DIR / schema_name_of(data_name)
    return f"# yaml-language-server: $schema={Path(os.path.relpath(schema, data_file.parent)).as_posix()}"


def json_schema(model: type[Model]) -> dict:
    schema = model.model_json_schema()
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}


def render_schema(model: type[Model]) -> str:
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"


# The field reference: one Markdown table per model, read from the JSON Schema.


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _item_heading(name: str) -> str:
    return f"{name} item"


def _item_link(ref: str) -> str:
    """A link to an item's table: GitHub's heading anchors are lowercase with hyphens for spaces."""
    heading = _item_heading(_ref_name(ref))
    return f"[{heading}](#{heading.lower().replace(' ', '-')})"


def _optional(prop: dict) -> dict:
    """`X | None` shows as anyOf [X, null]: for authors the field is simply optional."""
    options = [option for option in prop.get("anyOf", []) if option.get("type") != "null"]
    return {**prop, **options[0]} if len(options) == 1 else prop


def _limits(low: int | None, high: int | None, unit: str = "") -> str:
    if low is not None and high is not None:
        return f"{low} to {high}{unit}"
    if high is not None:
        return f"at most {high}{unit}"
    return f"at least {low}{unit}" if low is not None else ""


def _kind(prop: dict) -> str:
    """A field's type and bounds, in words."""
    prop = _optional(prop)
    if "$ref" in prop:
        return _item_link(prop["$ref"])
    kind = prop.get("type")
    if "enum" in prop:
        return "one of " + ", ".join(f"`{value}`" for value in prop["enum"])
    if kind == "string":
        if prop.get("pattern") == ID_PATTERN:
            return "kebab-case id"
        length = _limits(None, prop.get("maxLength"), " characters")
        return f"text, {length}" if length else "text"
    if kind == "integer":
        return f"whole number, {_limits(prop.get('minimum'), prop.get('maximum'))}"
    if kind == "number":
        bounds = _limits(prop.get("minimum"), prop.get("maximum"))
        return f"number, {bounds}" if bounds else "number"
    if kind == "boolean":
        return "true or false"
    if kind == "object" and "additionalProperties" in prop:
        names = prop.get("propertyNames", {}).get("enum")
        keys = "one of " + ", ".join(f"`{name}`" for name in names) if names else "a name"
        return f"mapping from {keys} to {_kind(prop['additionalProperties'])}"
    if kind == "array":
        low, high = prop.get("minItems"), prop.get("maxItems")
        if (low, high) == (1, None):
            count = "not empty"
        elif low == high is not None:
            count = f"{low} items"
        else:
            count = _limits(low, high, " items")
        return f"list of {_kind(prop['items'])}" + (f" ({count})" if count else "")
    raise ValueError(f"no words for the JSON Schema type {kind!r}: add them to macros/schemas.py")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(model_schema: dict) -> list[str]:
    lines = ["| Field | Required | Type | What to write |", "| --- | --- | --- | --- |"]
    required = set(model_schema.get("required", []))
    for name, prop in model_schema["properties"].items():
        default = prop.get("default")
        needed = (
            "yes" if name in required else "no" if default in (None, []) else f"no (default `{json.dumps(default)}`)"
        )
        description = prop.get("description") or _optional(prop).get("description", "")
        lines.append(f"| `{name}` | {needed} | {_kind(prop)} | {_cell(description)} |")
    return lines


def field_reference() -> str:
    """Markdown: for each kind of data file, a table of its fields, then one per kind of item in it."""
    lines: list[str] = []
    shown: set[str] = set()
    for kind in KINDS:
        schema = json_schema(kind.model)
        path = f"data/{kind.data_name('<id>')}"
        # The model's docstring starts with its file's path, which the heading already shows.
        about = schema.get("description", "").removeprefix(f"{path}: ")
        lines += ["", f"#### `{path}`", "", _cell(about[:1].upper() + about[1:]), ""]
        lines += _table(schema)
        for name, definition in schema.get("$defs", {}).items():
            if name in shown:
                continue
            shown.add(name)
            lines += ["", f"##### {_item_heading(name)}", ""]
            if definition.get("description"):
                lines += [_cell(definition["description"]), ""]
            lines += _table(definition)
    return "\n".join(lines).strip() + "\n"


# CONTRIBUTING.md's generated parts, each between its two markers, and what writes it from a project's root.
GENERATED_PARTS = {
    "field reference": lambda root: field_reference(),
    "plan limits": lambda root: plan_limits(load_content(root / "data").programming),
}


def markers(part: str) -> tuple[str, str]:
    return f"<!-- {part}: generated by `python -m macros.schemas`; do not edit by hand -->", f"<!-- end of {part} -->"


def with_generated_parts(contributing: str, root: Path = ROOT) -> str:
    """CONTRIBUTING.md's text with every generated part fresh between its markers."""
    for part, write in GENERATED_PARTS.items():
        start, end = markers(part)
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
        if not pattern.search(contributing):
            raise ValueError(f"{CONTRIBUTING} has no {part} markers ({start} ... {end})")
        block = f"{start}\n\n{write(root)}\n{end}"
        contributing = pattern.sub(lambda _, block=block: block, contributing)
    return contributing


def expected_files(root: Path = ROOT) -> dict[Path, str]:
    """Every generated file and the text it should hold."""
    files = {root / SCHEMAS_DIR / name: render_schema(model) for name, model in schema_models().items()}
    contributing = root / CONTRIBUTING
    files[contributing] = with_generated_parts(contributing.read_text(encoding="utf-8"), root)
    return files


def stale_files(root: Path = ROOT, expected: dict[Path, str] | None = None) -> list[Path]:
    """Generated files that are missing or out of date, and schema files no model makes any more (given what
    expected_files makes, where the caller has it already)."""
    expected = expected_files(root) if expected is None else expected
    stale = [path for path, text in expected.items() if not path.is_file() or path.read_text("utf-8") != text]
    return stale + [path for path in sorted((root / SCHEMAS_DIR).glob("*.json")) if path not in expected]


def data_file_problems(path: Path, root: Path = ROOT) -> list[str]:
    """What the committed JSON Schema of its kind finds wrong with a data file, as editors would show it.
    What is not a data file of a known kind, or not YAML, is left to `python -m macros.validate`."""
    import jsonschema  # a development tool's library, not the build's
    import yaml

    data_dir = root / "data"
    if not path.resolve().is_relative_to(data_dir):
        return []
    data_name = path.resolve().relative_to(data_dir).as_posix()
    try:
        schema_name = schema_name_of(data_name)
        value = yaml.safe_load(path.read_bytes())
    except (StopIteration, OSError, yaml.YAMLError):
        return []
    schema = json.loads((root / SCHEMAS_DIR / schema_name).read_text(encoding="utf-8"))
    return [
        f"data/{data_name}: {'.'.join(map(str, error.absolute_path)) or '(whole file)'}: {error.message}"
        for error in jsonschema.Draft202012Validator(schema).iter_errors(value)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.schemas",
        description="Write schemas/*.schema.json and the generated parts of CONTRIBUTING.md (field reference, plan"
        " limits) from macros/models.py and data/programming.yaml.",
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a generated file is stale")
    parser.add_argument(
        "--check-data", nargs="+", type=Path, metavar="FILE", help="check data files against their kinds' schemas"
    )
    args = parser.parse_args(argv)
    if args.check_data:
        problems = [problem for path in args.check_data for problem in data_file_problems(path)]
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    try:
        expected = expected_files()
    except ContentError as error:  # the plan limits come from the data: it must load first
        print(report(error), file=sys.stderr)
        return 1
    stale = stale_files(expected=expected)
    shown = [posixpath.join(*path.relative_to(ROOT).parts) for path in stale]
    if args.check:
        for name in shown:
            print(f"{name}: out of date with macros/models.py or data/programming.yaml; run `python3 dev.py schemas`")
        return 1 if stale else 0
    for path in stale:
        if path in expected:
            path.parent.mkdir(exist_ok=True)
            path.write_text(expected[path], encoding="utf-8")
        else:
            path.unlink()
    print(f"wrote {', '.join(shown)}" if shown else "schemas and CONTRIBUTING.md already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
