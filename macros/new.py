"""`python -m macros.new workout|variation|plan ID`: start a new piece of content from its template.

A workout or a plan gets its own file, data/workouts/<id>.yaml or data/plans/<id>.yaml, schema
modeline included. A variation is added
as text at the end of the variations list in data/variations.yaml, with a figure of its own at the end
of data/figures.yaml (the basic movement's, without its equipment, to redraw), so that the files keep
their comments, layout and line endings. Either way the result validates but for its placeholders
("TODO: say ..."), which say what to write and which validation reports until they are replaced.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from string import Template

import yaml

from .load import ContentError, load_content
from .models import ID_PATTERN, KINDS, Content, Plan, Workout
from .schemas import modeline
from .validate import DEFAULT_DATA_DIR
from .yaml_reader import read_yaml

SCAFFOLDS = Path(__file__).parent / "scaffolds"
WORKOUTS = next(kind for kind in KINDS if kind.model is Workout)
PLANS = next(kind for kind in KINDS if kind.model is Plan)
VARIATIONS_FILE = "variations.yaml"
VARIATIONS_KEY = "variations"
FIGURES_FILE = "figures.yaml"
FIGURES_KEY = "figures"
EQUIPMENT_DRAWN = ("bar", "band", "platform")  # what a figure draws besides the body and the bench


class ScaffoldError(Exception):
    """Why nothing was created, said to the contributor."""


def _template(kind: str, **values: str) -> str:
    return Template((SCAFFOLDS / f"{kind}.yaml.tmpl").read_text(encoding="utf-8")).substitute(values)


def _title(item_id: str) -> str:
    return item_id.replace("-", " ").capitalize()


def new_workout(data_dir: Path, workout_id: str, content: Content) -> Path:
    path = data_dir / WORKOUTS.data_name(workout_id)
    first_variation = content.variations.variations[0].id
    text = _template(
        "workout",
        modeline=modeline(path, data_dir),
        id=workout_id,
        title=_title(workout_id),
        variation=first_variation,
    )
    path.write_text(text, encoding="utf-8")
    return path


def new_plan(data_dir: Path, plan_id: str, content: Content) -> Path:
    path = data_dir / PLANS.data_name(plan_id)
    # A first week that keeps every rule: one session of the first phase, at the low end of its ranges.
    phase = content.programming.phases[0]
    text = _template(
        "plan",
        modeline=modeline(path, data_dir),
        id=plan_id,
        title=_title(plan_id),
        phase=phase.id,
        variation=content.variations.variations[0].id,
        sets=str(phase.sets.min),
        reps=str(phase.reps.min),
        reps_in_reserve=str(phase.reps_in_reserve.max),
        rest_seconds=str(phase.rest_seconds.min),
    )
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def end_of_list(text: str, key: str) -> int:
    """The offset just after the last item of a top-level list: before the next top-level key and the
    comments and blank lines that lead up to it, or at the end of the file."""
    doc = read_yaml(text)
    lines = text.splitlines(keepends=True)
    key_line = doc.key_positions[(key,)].line
    later_keys = [position.line for path, position in doc.key_positions.items() if len(path) == 1]
    next_key_line = min((line for line in later_keys if line > key_line), default=len(lines) + 1)
    end = next_key_line - 1  # lines before the next key, 0-based count
    while end > key_line and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return sum(len(line) for line in lines[:end])


def append_to_list(path: Path, key: str, entry: str) -> None:
    """Add the entry's text at the end of a top-level list, in the file's own line endings."""
    with path.open(encoding="utf-8", newline="") as file:  # as it is: CRLF stays CRLF
        text = file.read()
    newline = "\r\n" if "\r\n" in text else "\n"
    at = end_of_list(text, key)
    before = text[:at] if text[:at].endswith("\n") else text[:at] + newline
    path.write_text(before + entry.replace("\n", newline) + text[at:], encoding="utf-8", newline="")


class _FileStyle(yaml.SafeDumper):
    """YAML as the data files write it: a list inside a mapping indented under its key."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _whole_numbers(value):
    """51.0 as 51, as the files write positions."""
    if isinstance(value, dict):
        return {key: _whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(item) for item in value]
    return int(value) if isinstance(value, float) and value.is_integer() else value


def figure_entry(variation_id: str, key_cues: list[str], content: Content) -> tuple[str, str]:
    """The id and text of a figure for a new variation: the basic movement's, without the equipment drawn
    for it (a barbell would be wrong for most variations), showing the key cues it shows."""
    base = content.figure(content.variations.variations[0].figure)
    figure = base.model_dump(mode="json", exclude_defaults=True, exclude={*EQUIPMENT_DRAWN, "gets_wrong"})
    figure_id = f"{variation_id}-top"
    figure |= {"id": figure_id, "title": f"{_title(variation_id)}, top position"}
    figure["shows"] = [cue for cue in base.shows if cue in key_cues] or base.shows
    body = yaml.dump([_whole_numbers(figure)], Dumper=_FileStyle, default_flow_style=None, sort_keys=False, width=120)
    comment = (
        f"# {variation_id}: a copy of {base.id} without its equipment. Move the joints and add the equipment\n"
        "# this variation uses (bench, platform, band), then list in shows the cues the figure shows.\n"
    )
    return figure_id, "\n" + "".join(f"  {line}\n" for line in (comment + body).splitlines())


def new_variation(data_dir: Path, variation_id: str, content: Content) -> Path:
    # The cues of the basic movement hold for every variation: a sound start for the card.
    key_cues = [cue.id for cue in content.technique.execution[:2]]
    figure_id, figure = figure_entry(variation_id, key_cues, content)
    if figure_id in content.file_of_id:
        raise ScaffoldError(f"the id '{figure_id}' for its figure is taken, in data/{content.file_of_id[figure_id]}")
    entry = _template(
        "variation", id=variation_id, title=_title(variation_id), key_cues=", ".join(key_cues), figure=figure_id
    )
    append_to_list(data_dir / FIGURES_FILE, FIGURES_KEY, figure)
    append_to_list(data_dir / VARIATIONS_FILE, VARIATIONS_KEY, entry)
    return data_dir / VARIATIONS_FILE


MAKERS = {"workout": new_workout, "variation": new_variation, "plan": new_plan}


def create(kind: str, item_id: str, data_dir: Path) -> Path:
    """Create the content and return the file written; ScaffoldError says why not."""
    if not re.fullmatch(ID_PATTERN, item_id):
        raise ScaffoldError(
            f"'{item_id}' is not a kebab-case id: use lowercase letters and digits, words joined by single "
            f"hyphens, e.g. '{re.sub(r'[^a-z0-9]+', '-', item_id.lower()).strip('-') or 'my-' + kind}'"
        )
    try:
        content = load_content(data_dir)
    except ContentError as error:
        raise ScaffoldError(f"fix the content first (python3 dev.py validate):\n{error}") from None
    if item_id in content.file_of_id:
        raise ScaffoldError(
            f"the id '{item_id}' is already taken, in data/{content.file_of_id[item_id]}: choose another"
        )
    return MAKERS[kind](data_dir, item_id, content)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.new",
        description="Start a new workout or plan (its own file) or variation (added to data/variations.yaml) from its"
        " template.",
        epilog="Example: python -m macros.new workout tempo-day",
    )
    parser.add_argument("kind", choices=list(MAKERS), help="what to create")
    parser.add_argument("id", help="its kebab-case id, e.g. tempo-day: the page address and anchor")
    parser.add_argument(
        "--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="the data folder (default: this project's data/)"
    )
    args = parser.parse_args(argv)
    try:
        path = create(args.kind, args.id, args.data_dir)
    except ScaffoldError as error:
        print(f"python -m macros.new: {error}", file=sys.stderr)
        return 1
    print(f"{path}: new {args.kind} '{args.id}'; replace the placeholders, then run python3 dev.py validate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
