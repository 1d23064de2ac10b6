"""data/ -> Content: read every file strictly, validate it against the schema, resolve every id.

All problems of all files are collected and reported together, one line each:
`data/mistakes.yaml:9:7: mistakes[0].fixed_by[0]: expected the id of a cue; there is no cue 'x'`.
"""

from __future__ import annotations

import difflib
import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .kept_readings import KeptReadings
from .models import (
    DATA_FILES,
    ID_PATTERN,
    UNANCHORED,
    Content,
    Figure,
    Model,
    Plan,
    Workout,
    field_at,
    nested_model,
    references_of,
)
from .plan_rules import plan_problems
from .site_map import PLANS_DIR, WORKOUTS_DIR
from .text_links import TEXT_LINK
from .yaml_reader import Path as FieldPath
from .yaml_reader import Position, YamlDocument, describe

_NUMBER = re.compile(r"-?\d+(\.\d+)?")
# Folders of data/ with one item per file, named by its id: what model each file holds.
ITEM_FOLDERS: dict[str, type[Model]] = {WORKOUTS_DIR: Workout, PLANS_DIR: Plan}
FOLDERS_NOT_EMPTY = {Workout}  # the guide has workouts; plans are optional


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    expected: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field or '(whole file)'}: expected {self.expected}"


class ContentError(Exception):
    """The content has problems; str() lists them all, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the content:\n" + "\n".join(map(str, self.problems)))


def format_path(path: FieldPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


@dataclass
class _SourceFile:
    """One data file on its way through loading."""

    shown_name: str
    data_name: str  # relative to the data folder: where an id lives, for links between pages
    doc: YamlDocument
    model: Model | None = None

    def problem(self, path: FieldPath, expected: str, position: Position | None = None) -> Problem:
        position = position or self.doc.position_of(path)
        return Problem(self.shown_name, position.line, position.column, format_path(path), expected)


def _number_bounds(ctx: dict) -> str:
    if "ge" in ctx and "le" in ctx:
        return f"from {ctx['ge']} to {ctx['le']}"
    return f"of at least {ctx['ge']}" if "ge" in ctx else f"of at most {ctx['le']}"


def _expected(error: dict) -> str:
    """Pydantic's error, said as what the content author should have written."""
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    got = f", got {describe(value)}"
    if kind == "missing":
        return "this required field; it is missing"
    if kind == "extra_forbidden":
        hint = difflib.get_close_matches(str(error["loc"][-1]), ctx.get("known_fields", []), n=1, cutoff=0.7)
        return "only known fields; this one is unknown (" + (
            f"did you mean '{hint[0]}'?)" if hint else "check its spelling against the schema)"
        )
    if kind in ("string_type", "str_type"):
        return "text" + got
    # A number in quotes is text to YAML: say how to write it.
    unquote = " (write it without quotes)" if isinstance(value, str) and _NUMBER.fullmatch(value.strip()) else ""
    if kind == "int_type" or kind == "int_from_float":
        return "a whole number" + got + unquote
    if kind == "float_type":
        return "a number" + got + unquote
    if kind == "bool_type":
        return "true or false" + got
    if kind == "list_type":
        return "a list (items starting with '- ')" + got
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "a mapping of fields" + got
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"a number {_number_bounds(ctx)}{got}"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        return "a kebab-case id (lowercase letters and digits, words joined by single hyphens)" + got
    if kind == "literal_error":
        return f"one of {ctx['expected']}{got}"
    if kind == "string_too_long":
        return f"text of at most {ctx['max_length']} characters, got {len(value)}"
    if kind == "string_too_short":
        return "some text; it is empty"
    if kind == "too_short":
        return f"at least {ctx['min_length']} item(s), got {ctx.get('actual_length', 0)}"
    if kind == "too_long":
        return f"at most {ctx['max_length']} items, got {ctx.get('actual_length')}"
    if kind == "value_error":
        return str(ctx["error"])
    return f"{error['msg'][0].lower()}{error['msg'][1:]}{got}"


def _field_names_at(model: type[BaseModel], path: tuple) -> list[str]:
    """The fields of the mapping at path, e.g. ("exercises", 0) -> an exercise's fields."""
    if not any(isinstance(part, str) for part in path):
        return list(model.model_fields)
    field = field_at(model, path)
    holder = nested_model(field.annotation) if field else None
    return list(holder.model_fields) if holder else []


def _bounds_of(model: type[BaseModel], loc: tuple) -> dict:
    """The ge/le bounds of the field at loc, so a bound error can name both ends of the range."""
    field = field_at(model, loc)
    bounds = {}
    for item in getattr(field, "metadata", []):
        for name in ("ge", "le"):
            if getattr(item, name, None) is not None:
                bounds[name] = getattr(item, name)
    return bounds


def _validate(source: _SourceFile, model: type[Model]) -> list[Problem]:
    if source.doc.value is None:  # unreadable or empty: already reported
        return []
    try:
        source.model = model.model_validate(source.doc.value)
        return []
    except ValidationError as validation_error:
        yaml_problem_paths = {problem.path for problem in source.doc.problems}
        problems = []
        for error in validation_error.errors(include_url=False):
            loc = tuple(error["loc"])
            # pydantic marks a mapping key that fails its type with a last step "[key]": the key is the field.
            is_key = loc[-1:] == ("[key]",)
            loc = loc[:-1] if is_key else loc
            if any(loc[: len(path)] == path for path in yaml_problem_paths):
                continue  # already reported by the YAML reader
            if error["type"] in ("greater_than_equal", "less_than_equal"):
                error = {**error, "ctx": {**error.get("ctx", {}), **_bounds_of(model, loc)}}
            if error["type"] == "extra_forbidden":
                error = {**error, "ctx": {"known_fields": _field_names_at(model, loc[:-1])}}
            # An unknown field or a wrong key is best shown at its name, everything else at its value.
            key_position = source.doc.key_positions.get(loc) if is_key or error["type"] == "extra_forbidden" else None
            problems.append(source.problem(loc, _expected(error), key_position))
        return problems


def _read(path: Path, shown_name: str, data_name: str, readings: KeptReadings) -> tuple[_SourceFile, list[Problem]]:
    source = _SourceFile(shown_name, data_name, YamlDocument())
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return source, [source.problem((), "UTF-8 without a byte-order mark; save the file without a BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return source, [source.problem((), "UTF-8 text; this byte is not valid UTF-8", Position(line, column))]
    source.doc = readings.read(raw, text)
    problems = [source.problem(p.path, p.expected, p.position) for p in source.doc.problems]
    return source, problems


@dataclass(frozen=True)
class _Reference:
    source: _SourceFile
    path: FieldPath
    target: str
    model: str | None  # None: any id (a link in text)


class _Index:
    """Every id and every reference in the content, for the checks that span files."""

    def __init__(self):
        self.owners: dict[str, tuple[str, _SourceFile, FieldPath]] = {}
        self.unchecked_ids: set[str] = set()  # ids in files that failed validation
        self.references: list[_Reference] = []
        self.problems: list[Problem] = []

    def add_id(self, item_id: str, model: str, source: _SourceFile, path: FieldPath) -> None:
        if item_id in self.owners:
            other_model, other, other_path = self.owners[item_id]
            where = other.doc.position_of(other_path)
            self.problems.append(
                source.problem(
                    path,
                    f"an id used nowhere else; '{item_id}' is already the id of a {other_model.lower()} "
                    f"at {other.shown_name}:{where.line}:{where.column}",
                )
            )
        else:
            self.owners[item_id] = (model, source, path)

    def scan(self, item: BaseModel, source: _SourceFile, path: FieldPath) -> None:
        """Record the id, the id references and the text links of an item, and of the items it holds."""
        model = type(item)
        if "id" in model.model_fields:
            self.add_id(item.id, model.__name__, source, path + ("id",))
        references = references_of(model)
        for name in model.model_fields:
            child = getattr(item, name)
            for index, value in enumerate(child) if isinstance(child, list) else [(None, child)]:
                # A field's path is built only for what is recorded: most values are plain text or numbers.
                if name in references:
                    if value is None:  # an optional reference, left out
                        continue
                    self.references.append(_Reference(source, _path_to(path, name, index), value, references[name]))
                elif isinstance(value, BaseModel):
                    self.scan(value, source, _path_to(path, name, index))
                elif isinstance(value, str) and name != "id":
                    for match in TEXT_LINK.finditer(value):
                        self.references.append(_Reference(source, _path_to(path, name, index), match.group(2), None))

    def scan_raw_ids(self, value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                self.unchecked_ids.add(value["id"])
            value = list(value.values())
        if isinstance(value, list):
            for item in value:
                self.scan_raw_ids(item)

    def check_references(self) -> None:
        for ref in self.references:
            owner = self.owners.get(ref.target)
            linkable = ref.model is not None or owner is None or owner[0] not in UNANCHORED
            if owner and linkable and (ref.model is None or owner[0] == ref.model):
                continue
            if ref.target in self.unchecked_ids:
                continue
            wanted = ref.model.lower() if ref.model else "item"
            candidates = [
                i
                for i, (model, _, _) in self.owners.items()
                if model == ref.model or (ref.model is None and model not in UNANCHORED)
            ]
            hint = difflib.get_close_matches(ref.target, candidates, n=1)
            detail = f"'{ref.target}' is a {owner[0].lower()}" if owner else f"there is no {wanted} '{ref.target}'"
            detail += ", which has no anchor to link to" if owner and not linkable else ""
            detail += f"; did you mean '{hint[0]}'?" if hint else ""
            what = f"the id of a {wanted}" if ref.model else "a link to the id of an item in the content"
            # A link is pointed at where it is written, which in a block of text may be lines below its start.
            at = ref.source.doc.position_in_value(ref.path, f"(#{ref.target})") if ref.model is None else None
            self.problems.append(ref.source.problem(ref.path, f"{what}; {detail}", at))


def _mistake_figure_problems(
    mistakes: _SourceFile, figures: dict[str, Figure], reported: list[Problem]
) -> list[Problem]:
    """A mistake's figure gets wrong a cue that fixes it; its correct figure gets those cues right, in the same view."""
    problems = []
    for index, mistake in enumerate(mistakes.model.mistakes):
        item = f"mistakes[{index}]"
        if any(p.file == mistakes.shown_name and p.field.startswith(item) for p in reported):
            continue  # a wrong reference in it is reported already; what follows from it would only repeat it
        fault, correct = figures[mistake.figure], figures[mistake.correct_figure]
        wrong = ", ".join(fault.gets_wrong) or "no cue"
        if not set(fault.gets_wrong) & set(mistake.fixed_by):
            expected = f"a figure whose gets_wrong lists a cue of fixed_by; '{fault.id}' gets wrong {wrong}"
            problems.append(mistakes.problem(("mistakes", index, "figure"), expected))
        missing = [cue_id for cue_id in fault.gets_wrong if cue_id not in correct.shows]
        if missing or correct.view != fault.view:
            expected = f"a {fault.view} view that shows done right what '{fault.id}' gets wrong ({wrong})"
            problems.append(mistakes.problem(("mistakes", index, "correct_figure"), expected))
    return problems


def _plan_problems(sources: dict[str, _SourceFile], data_dir: Path, reported: list[Problem]) -> list[Problem]:
    """Every valid plan, checked against the programming rules, where what it refers to is valid too."""
    programming = sources.get(str(data_dir / "programming.yaml"))
    if not programming or not programming.model:
        return []
    workouts = {Path(key).stem: s.model for key, s in sources.items() if isinstance(s.model, Workout)}
    problems = []
    for source in sources.values():
        if not isinstance(source.model, Plan) or any(p.file == source.shown_name for p in reported):
            continue  # a wrong reference in it is reported already; the rules would only repeat it
        workout_ids = {session.workout for week in source.model.weeks for session in week.sessions}
        if all(workout_id in workouts for workout_id in workout_ids - {None}):
            problems += plan_problems(source.model, programming.model, workouts, source.problem)
    return problems


def _path_to(path: FieldPath, name: str, index: int | None) -> FieldPath:
    return path + (name,) if index is None else path + (name, index)


@contextmanager
def _no_garbage_collection():
    """Loading makes tens of thousands of small dicts and lists, and reference counting frees any it drops:
    the cycle collector would only scan them again and again (a tenth of the loading time at 100x content)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_content(data_dir: Path, shown_root: Path | None = None, kept_readings: Path | None = None) -> Content:
    """Load and validate everything under data_dir; raise ContentError listing every problem.

    kept_readings: where to keep what the YAML reader made of each file, for the next load (none: read all)."""
    readings = KeptReadings(kept_readings)
    try:
        with _no_garbage_collection():
            return _load_content(Path(data_dir), shown_root, readings)
    finally:
        readings.save()


def _load_content(data_dir: Path, shown_root: Path | None, readings: KeptReadings) -> Content:
    shown_root = shown_root or data_dir.parent

    def shown(path: Path) -> str:
        return path.relative_to(shown_root).as_posix() if path.is_relative_to(shown_root) else str(path)

    problems: list[Problem] = []
    sources: dict[str, _SourceFile] = {}
    index = _Index()
    expected_files = {data_dir / name: model for name, model in DATA_FILES.items()}
    folders = {data_dir / folder: model for folder, model in ITEM_FOLDERS.items()}
    for folder, model in folders.items():
        kind = model.__name__.lower()
        files = sorted(folder.iterdir()) if folder.is_dir() else []
        for path in files:
            if path.suffix == ".yaml" and re.fullmatch(ID_PATTERN, path.stem):
                expected_files[path] = model
            else:
                problems.append(Problem(shown(path), 1, 1, "", f"a {kind} file named <kebab-case-id>.yaml"))
        if not files and model in FOLDERS_NOT_EMPTY:
            problems.append(Problem(shown(folder), 1, 1, "", f"at least one {kind} file in this folder"))
    for path in sorted(data_dir.iterdir()):
        if path not in expected_files and path not in folders:
            known = ", ".join([*DATA_FILES, *(f"{folder}/" for folder in ITEM_FOLDERS)])
            problems.append(Problem(shown(path), 1, 1, "", f"only the known data files ({known})"))

    for path, model in expected_files.items():
        if not path.is_file():
            problems.append(Problem(shown(path), 1, 1, "", "this data file; it is missing"))
            continue
        source, read_problems = _read(path, shown(path), path.relative_to(data_dir).as_posix(), readings)
        problems += read_problems + _validate(source, model)
        sources[str(path)] = source
        if source.model is None:
            index.scan_raw_ids(source.doc.value)
            continue
        if model in ITEM_FOLDERS.values():
            index.add_id(path.stem, model.__name__, source, ())
        index.scan(source.model, source, ())

    index.check_references()
    problems += index.problems
    mistakes, figures = (sources.get(str(data_dir / name)) for name in ("mistakes.yaml", "figures.yaml"))
    if mistakes and figures and mistakes.model and figures.model:
        figures_by_id = {figure.id: figure for figure in figures.model.figures}
        problems += _mistake_figure_problems(mistakes, figures_by_id, problems)
    problems += _plan_problems(sources, data_dir, problems)
    if problems:
        raise ContentError(problems)
    models = {Path(name).stem: sources[str(data_dir / name)].model for name in DATA_FILES}
    workouts = {Path(key).stem: source.model for key, source in sources.items() if isinstance(source.model, Workout)}
    plans = {Path(key).stem: source.model for key, source in sources.items() if isinstance(source.model, Plan)}
    return Content(
        **models,
        workouts=dict(sorted(workouts.items())),
        plans=dict(sorted(plans.items())),
        file_of_id={item_id: source.data_name for item_id, (_, source, _) in index.owners.items()},
    )
