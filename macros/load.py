"""data/ -> Content: read every file strictly, validate it against the schema, resolve every id.

All problems of all files are collected and reported together, one line each:
`data/mistakes.yaml:9:7: mistakes[0].fixed_by[0]: expected the id of a cue; there is no cue 'x'`.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import figure_rules, site_map
from .models import (
    ID_MAX_LENGTH,
    ID_PATTERN,
    KINDS,
    UNANCHORED,
    Content,
    ContentKind,
    Figure,
    Model,
    Plan,
    Workout,
    field_at,
    nested_model,
    references_of,
)
from .plan_rules import plan_problems
from .text_links import TEXT_LINK
from .yaml_reader import FieldPath, SourcePosition, YamlDocument, describe, read_yaml

_NUMBER = re.compile(r"-?\d+(\.\d+)?")


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
    """The content has problems; str() lists them all, one per line: those of files that could not be read first
    (`unread`, their shown names), then the others, by file and place."""

    def __init__(self, problems: list[Problem], unread: set[str] = frozenset()):
        self.problems = sorted(problems, key=lambda problem: (problem.file not in unread, problem))
        shown = list(map(str, self.problems[:MAX_PROBLEMS_SHOWN]))
        if len(self.problems) > MAX_PROBLEMS_SHOWN:
            shown.append(f"and {len(self.problems) - MAX_PROBLEMS_SHOWN} more")
        super().__init__(f"{len(self.problems)} problem(s) in the content:\n" + "\n".join(shown))


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
    failed: set[FieldPath] = field(default_factory=set)  # where its value failed the schema or the YAML reader

    def problem(self, path: FieldPath, expected: str, position: SourcePosition | None = None) -> Problem:
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
        source.failed |= yaml_problem_paths
        problems = []
        for error in validation_error.errors(include_url=False):
            loc = tuple(error["loc"])
            # pydantic marks a mapping key that fails its type with a last step "[key]": the key is the field.
            is_key = loc[-1:] == ("[key]",)
            loc = loc[:-1] if is_key else loc
            source.failed.add(loc)
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


def _read(path: Path, shown_name: str, data_name: str) -> tuple[_SourceFile, list[Problem]]:
    source = _SourceFile(shown_name, data_name, YamlDocument())
    try:
        if not path.is_file():  # a folder, a pipe (which would never end) or a link to nothing: not opened
            raise OSError(
                0, "this is a link to nothing" if path.is_symlink() and not path.exists() else "this is not a file"
            )
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # no more: a huge file costs no time and no memory
    except OSError as error:
        return source, [source.problem((), f"a file this build can read; {_reason(error)}", SourcePosition(1, 1))]
    if len(raw) > MAX_FILE_BYTES:
        expected = f"a data file of at most {MAX_FILE_BYTES // 1_000_000} MB; split it or shorten it"
        return source, [source.problem((), expected, SourcePosition(1, 1))]
    if raw.startswith(b"\xef\xbb\xbf"):
        return source, [source.problem((), "UTF-8 without a byte-order mark; save the file without a BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return source, [source.problem((), "UTF-8 text; this byte is not valid UTF-8", SourcePosition(line, column))]
    source.doc = read_yaml(text)
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
        self.unchecked_citations: set[str] = set()  # what the `sources` of files that failed validation name
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
        has_id, fields = _fields_to_scan(model)
        if has_id:
            self.add_id(item.id, model.__name__, source, path + ("id",))
        for name, referenced_model in fields:
            child = getattr(item, name)
            for index, value in enumerate(child) if isinstance(child, list) else [(None, child)]:
                # A field's path is built only for what is recorded: most values are plain text or numbers.
                if referenced_model:
                    if value is None:  # an optional reference, left out
                        continue
                    self.references.append(_Reference(source, _path_to(path, name, index), value, referenced_model))
                elif isinstance(value, BaseModel):
                    self.scan(value, source, _path_to(path, name, index))
                elif isinstance(value, str) and "](#" in value:  # most text links nowhere: skip the pattern
                    for match in TEXT_LINK.finditer(value):
                        self.references.append(_Reference(source, _path_to(path, name, index), match.group(2), None))

    def scan_raw(self, value: object, model: type[BaseModel] | None, source: _SourceFile, path: FieldPath) -> None:
        """What can be read of a file that failed the schema: its ids, which links may then name without being
        reported as dangling, and its references and text links where its values did not fail."""
        if isinstance(value, list):
            for index, item in enumerate(value):
                self.scan_raw(item, model, source, path + (index,))
            return
        if not isinstance(value, dict):
            return
        if isinstance(value.get("id"), str):
            self.unchecked_ids.add(value["id"])
        if isinstance(value.get("sources"), list):  # cited, even where the claim failed: not an uncited source
            self.unchecked_citations.update(item for item in value["sources"] if isinstance(item, str))
        fields = model.model_fields if model else {}
        references = references_of(model) if model else {}
        for name, child in value.items():
            items = enumerate(child) if isinstance(child, list) else [(None, child)]
            for index, item in items:
                item_path = _path_to(path, name, index)
                if any(item_path[: len(failed)] == failed for failed in source.failed):
                    self.scan_raw(item, None, source, item_path)  # only its ids
                elif name in references and isinstance(item, str):
                    self.references.append(_Reference(source, item_path, item, references[name]))
                elif isinstance(item, str) and name != "id" and name in fields:
                    for match in TEXT_LINK.finditer(item):
                        self.references.append(_Reference(source, item_path, match.group(2), None))
                else:
                    nested = nested_model(fields[name].annotation) if name in fields else None
                    self.scan_raw(item, nested, source, item_path)

    def check_references(self, held_back: set[str] = frozenset()) -> None:
        """Each reference to an id: to one that exists, of the model it names. `held_back` names the models whose
        ids may be in a file that could not be read: a reference to one of them, or a link, is not checked yet."""
        for ref in self.references:
            if held_back and (ref.model is None or ref.model in held_back):
                continue
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


def _models_within(model: type[BaseModel]) -> set[str]:
    """The names of the models whose items a file of this model may hold, its own included."""
    found, todo = set(), [model]
    while todo:
        current = todo.pop()
        if current.__name__ in found:
            continue
        found.add(current.__name__)
        todo += [nested for field in current.model_fields.values() if (nested := nested_model(field.annotation))]
    return found


def _uncited_source_problems(index: _Index) -> list[Problem]:
    """A source that no claim cites is refused: the list of sources is what the guide rests on, nothing more."""
    cited = {ref.target for ref in index.references if ref.model == "Source"} | index.unchecked_citations
    return [
        source.problem(
            path, f"a source that some claim cites in its sources; nothing cites '{item_id}' (cite it or remove it)"
        )
        for item_id, (model, source, path) in index.owners.items()
        if model == "Source" and item_id not in cited
    ]


def _citations(index: _Index) -> dict[str, list[str]]:
    """Each data file's cited sources, in the order it first cites them."""
    citations: dict[str, list[str]] = {}
    for ref in index.references:
        if ref.model == "Source":
            cited = citations.setdefault(ref.source.data_name, [])
            if ref.target not in cited:
                cited.append(ref.target)
    return citations


def _mistake_figure_problems(
    mistakes: _SourceFile, figures: dict[str, Figure], reported: list[Problem]
) -> list[Problem]:
    """A mistake's figure gets wrong a cue that fixes it; its correct figure gets those cues right, in the same view."""
    problems = []
    for index, mistake in enumerate(mistakes.model.mistakes):
        item = f"mistakes[{index}]"
        if any(p.file == mistakes.shown_name and p.field.startswith(item) for p in reported):
            continue  # a wrong reference in it is reported already; what follows from it would only repeat it
        if mistake.figure is None:
            continue
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


def _figure_problems(
    figures: _SourceFile | None, technique: _SourceFile | None, variations: _SourceFile | None
) -> list[Problem]:
    """A figure that cannot be drawn, or that contradicts a cue it claims (macros/figure_rules.py)."""
    if not (figures and figures.model):
        return []
    rule_of_cue: dict[str, str | None] = {}  # none known while a file of cues has failed: its cues are not checked
    if technique and technique.model and variations and variations.model:
        own_cues = [cue for variation in variations.model.variations for cue in variation.cues]
        for cue in [*technique.model.setup, *technique.model.execution, *own_cues]:
            rule_of_cue.setdefault(cue.id, cue.figure_rule)  # a duplicate id is reported already: the first counts
    return [
        figures.problem(("figures", problem.index, *problem.path), problem.expected)
        for problem in figure_rules.figure_problems(figures.model.figures, rule_of_cue)
    ]


def _per_side_problems(sources: dict[str, _SourceFile], variations: _SourceFile | None) -> list[Problem]:
    """Reps per side only for a variation done one side at a time: for any other, "each leg" is wrong. Workouts
    and the sessions of plans list exercises alike."""
    if not (variations and variations.model):
        return []
    by_id = {variation.id: variation for variation in variations.model.variations}
    problems = []
    for source, path, exercises in _exercise_lists(sources):
        for index, exercise in enumerate(exercises):
            variation = by_id.get(exercise.variation)
            if exercise.per_side and variation and not variation.one_side_at_a_time:
                expected = (
                    f"per_side left out: '{variation.id}' is not done one side at a time (if it is, say so with "
                    f"one_side_at_a_time: true in {variations.shown_name})"
                )
                problems.append(source.problem((*path, index, "per_side"), expected))
    return problems


def _exercise_lists(sources: dict[str, _SourceFile]):
    """Each list of exercises in the valid workouts and plans, with its file and field path."""
    for source in sources.values():
        if isinstance(source.model, Workout):
            yield source, ("exercises",), source.model.exercises
        elif isinstance(source.model, Plan):
            for week_index, week in enumerate(source.model.weeks):
                for session_index, session in enumerate(week.sessions):
                    if session.exercises:
                        yield source, ("weeks", week_index, "sessions", session_index, "exercises"), session.exercises


def _plan_problems(sources: dict[str, _SourceFile], reported: list[Problem]) -> list[Problem]:
    """Every valid plan, checked against the programming rules, where what it refers to is valid too."""
    programming = sources.get("programming.yaml")
    if not programming or not programming.model:
        return []
    workouts = {Path(name).stem: s.model for name, s in sources.items() if isinstance(s.model, Workout)}
    problems = []
    for source in sources.values():
        if not isinstance(source.model, Plan) or any(p.file == source.shown_name for p in reported):
            continue  # a wrong reference in it is reported already; the rules would only repeat it
        workout_ids = {session.workout for week in source.model.weeks for session in week.sessions}
        if all(workout_id in workouts for workout_id in workout_ids - {None}):
            problems += plan_problems(source.model, programming.model, workouts, source.problem)
    return problems


def _listed(kind: ContentKind, items: dict[str, Model]) -> dict[str, Model]:
    """A folder's items by id, in the kind's order."""
    return dict(sorted(items.items(), key=lambda item: kind.item_order(item[0], dict(item[1]))))


@cache
def _fields_to_scan(model: type[BaseModel]) -> tuple[bool, tuple[tuple[str, str | None], ...]]:
    """Whether a model has an id, and each of its other fields with the model it refers to by id (or None):
    worked out once per model, not once per item."""
    references = references_of(model)
    fields = tuple((name, references.get(name)) for name in model.model_fields if name != "id")
    return "id" in model.model_fields, fields


def _path_to(path: FieldPath, name: str, index: int | None) -> FieldPath:
    return path + (name,) if index is None else path + (name, index)


# Not content: hidden files (.DS_Store, .git), and the swap and backup files editors keep beside an open file.
_NOT_CONTENT = re.compile(r"^\.|~$|\.sw[a-p]$|^#.*#$")
MAX_FILE_BYTES = 1_000_000  # far above any real data file: a bigger one is a mistake, refused before reading
MAX_PROBLEMS_SHOWN = 200


def is_content_name(name: str) -> bool:
    return not _NOT_CONTENT.search(name)


def item_ids(data_dir: Path, kind: ContentKind) -> list[str]:
    """The ids of a folder kind's items, as the loader finds and lists them: its <id>.yaml files, in the
    kind's order. Read for the navigation before the build renders a page; the loader checks them."""
    folder = data_dir / kind.data
    try:
        ids = [path.stem for path in folder.iterdir() if is_content_name(path.name) and _is_item_file_name(path.name)]
    except OSError:
        return []  # reported by the loader
    if not kind.order_by:
        return sorted(ids)
    return sorted(ids, key=lambda item_id: kind.item_order(item_id, _fields_of(folder / f"{item_id}.yaml")))


def _fields_of(path: Path) -> Mapping:
    try:
        value = read_yaml(path.read_text(encoding="utf-8")).value
    except (OSError, UnicodeDecodeError):
        value = None  # reported by the loader
    return value if isinstance(value, Mapping) else {}


def _is_item_file_name(name: str) -> bool:
    return name.endswith(".yaml") and re.fullmatch(ID_PATTERN, name[: -len(".yaml")]) is not None


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _kebab_case(name: str) -> str:
    stem = name[: -len(".yaml")] if name.endswith(".yaml") else name.rsplit(".", 1)[0] or name
    words = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return f"{words or 'item'}.yaml"


class _Discovery:
    """Which files under data/ are content, of which kind; and what is wrong with the rest."""

    def __init__(self, data_dir: Path, docs_dir: Path, shown):
        self.data_dir, self.docs_dir, self.shown = data_dir, docs_dir, shown
        self.root = data_dir.parent.resolve()  # the project: no data file may lead out of it
        self.problems: list[Problem] = []
        self.files: list[tuple[Path, ContentKind]] = []

    def problem(self, path: Path, expected: str) -> None:
        # A name that is not UTF-8 is shown with its odd bytes escaped (\xe9), so that it can be printed.
        shown = os.fsencode(self.shown(path)).decode("utf-8", "backslashreplace")
        self.problems.append(Problem(shown, 1, 1, "", expected))

    def entries(self, folder: Path) -> list[Path] | None:
        """The content entries of a folder (None if it cannot be read); a name that is not UTF-8 is reported,
        not listed."""
        try:
            paths = sorted(folder.iterdir())
        except OSError as error:
            self.problem(folder, f"a folder this build can read; {_reason(error)}")
            return None
        listed = []
        for path in paths:
            try:
                path.name.encode("utf-8")
            except UnicodeEncodeError:
                self.problem(path, "a file name in UTF-8; rename this file")
                continue
            if is_content_name(path.name):
                listed.append(path)
        return listed

    def inside_project(self, path: Path) -> bool:
        if not path.resolve().is_relative_to(self.root):
            what = "folder" if path.is_dir() else "file"
            self.problem(path, f"a {what} inside the project; this is a link to a place outside it")
            return False
        return True

    def discover(self) -> None:
        if not self.inside_project(self.data_dir):
            return
        known = {kind.data.rstrip("/"): kind for kind in KINDS}
        for path in self.entries(self.data_dir) or []:
            if path.name not in known:
                names = ", ".join(kind.data for kind in KINDS)
                self.problem(path, f"only the known data files ({names})")
        for kind in KINDS:
            path = self.data_dir / kind.data
            if not (path.is_dir() if kind.is_folder else path.is_file()) and not path.is_symlink():
                if not kind.optional:
                    self.problem(path, f"this data {'folder' if kind.is_folder else 'file'}; it is missing")
            elif self.inside_project(path):
                if kind.is_folder:
                    self.discover_items(path, kind)
                else:
                    self.files.append((path, kind))

    def discover_items(self, folder: Path, kind: ContentKind) -> None:
        items = self.entries(folder)
        if items == [] and not kind.optional:
            self.problem(folder, "at least one file in this folder")
        for path in items or []:
            if not _is_item_file_name(path.name):
                expected = f"a file named <kebab-case-id>.yaml, such as {_kebab_case(path.name)}"
                self.problem(path, expected)
            elif len(path.stem) > ID_MAX_LENGTH:
                what = kind.model.__name__.lower()
                expected = f"a file name of at most {ID_MAX_LENGTH} characters before .yaml (it is the {what}'s id)"
                self.problem(path, f"{expected}, got {len(path.stem)}")
            elif self.inside_project(path) and not self.takes_over_a_page(path, kind):
                self.files.append((path, kind))

    def takes_over_a_page(self, path: Path, kind: ContentKind) -> bool:
        """An item whose page would be a page the site already has: its folder's index, or a page in docs/."""
        page = kind.page_of(path.stem)
        taken = next(
            (
                other
                for other in (page, f"{page.removesuffix('.md')}/index.md")
                if other == site_map.folder_index(kind) or (self.docs_dir / other).exists()
            ),
            None,
        )
        if taken:
            what = kind.model.__name__.lower()
            self.problem(path, f"a {what} id that no page of the site uses; '{path.stem}' would take over docs/{taken}")
        return taken is not None


def load_content(data_dir: Path, shown_root: Path | None = None) -> Content:
    """Load and validate everything under data_dir; raise ContentError listing every problem.

    The pages the items of a folder must not take over are those of docs/ beside data/."""
    data_dir = Path(data_dir)
    shown_root = shown_root or data_dir.parent

    def shown(path: Path) -> str:
        return path.relative_to(shown_root).as_posix() if path.is_relative_to(shown_root) else str(path)

    discovery = _Discovery(data_dir, data_dir.parent / "docs", shown)
    discovery.discover()
    problems = discovery.problems
    sources: dict[str, _SourceFile] = {}
    index = _Index()
    unread: list[Problem] = []  # a file that could not be read or parsed: reported first, alone for its file
    unread_kinds: set[ContentKind] = set()
    for path, kind in discovery.files:
        data_name = path.relative_to(data_dir).as_posix()
        source, read_problems = _read(path, shown(path), data_name)
        if source.doc.value is None:
            unread += read_problems
            unread_kinds.add(kind)
        else:
            problems += read_problems  # it reads, with a problem the reader found (a key given twice, say)
        problems += _validate(source, kind.model)
        sources[data_name] = source
        if source.model is None:
            index.scan_raw(source.doc.value, kind.model, source, ())
            if kind.is_folder:
                index.unchecked_ids.add(path.stem)  # the file is there: links to it are not dangling
            continue
        if kind.is_folder:
            index.add_id(path.stem, kind.model.__name__, source, ())
        index.scan(source.model, source, ())

    # A file that cannot be read is reported first. What other files say about it waits until it reads: links
    # to the ids it may hold, and sources that only it might cite. Everything else is said now.
    index.check_references(held_back={model for kind in unread_kinds for model in _models_within(kind.model)})
    problems = unread + problems + index.problems + ([] if unread else _uncited_source_problems(index))
    mistakes, figures = (sources.get(name) for name in ("mistakes.yaml", "figures.yaml"))
    if mistakes and figures and mistakes.model and figures.model:
        figures_by_id = {figure.id: figure for figure in figures.model.figures}
        problems += _mistake_figure_problems(mistakes, figures_by_id, problems)
    technique, variations = (sources.get(name) for name in ("technique.yaml", "variations.yaml"))
    problems += _figure_problems(figures, technique, variations) + _per_side_problems(sources, variations)
    problems += _plan_problems(sources, problems)
    if problems:
        raise ContentError(problems, unread={problem.file for problem in unread})
    return Content(
        **{
            kind.field: _listed(
                kind,
                {path.stem: sources[kind.data_name(path.stem)].model for path, of in discovery.files if of is kind},
            )
            if kind.is_folder
            else sources[kind.data].model
            for kind in KINDS
        },
        file_of_id={item_id: source.data_name for item_id, (_, source, _) in index.owners.items()},
        citations=_citations(index),
    )
