"""The limits a training plan is written within, as Markdown for CONTRIBUTING.md: each phase's ranges and the
plan rules' numbers from data/programming.yaml, the kinds of run and the sheet's bounds from the schema.

A contributor writing a plan reads them there instead of opening the data; `python -m macros.schemas`
writes them and its --check (a test too) says when they have drifted from the data.
"""

from __future__ import annotations

from .models import (
    MAX_PLAN_EXERCISES,
    MAX_PLAN_LOG_ROWS,
    MAX_PLAN_SESSIONS,
    MAX_PLAN_WEEKS,
    MAX_RUNNING_WEEKS,
    RUN_KINDS,
    AddLoad,
    Model,
    PlanRules,
    ProgrammingFile,
    Range,
    RuleNumber,
    Taper,
)

PHASE_RANGES = {
    "sessions_per_week": "Sessions a week",
    "sets": "Sets",
    "reps": "Reps",
    "reps_in_reserve": "In reserve",
    "rest_seconds": "Rest (s)",
}


def _span(bounds: Range) -> str:
    return str(bounds.min) if bounds.min == bounds.max else f"{bounds.min}–{bounds.max}"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *map(_row, rows)]


def _from(number: RuleNumber) -> str:
    return ", ".join(
        [*(f"`{source}`" for source in number.sources), *(["the guide's choice"] if number.choice else [])]
    )


def _numbers(model: type[Model], values: Model) -> list[list[str]]:
    """A row for each number of a rule: its field, its value, what it means and, for a RuleNumber, where it
    comes from (sources, or the guide's choice)."""
    rows = []
    for name, field in model.model_fields.items():
        value = getattr(values, name)
        if isinstance(value, RuleNumber):
            rows.append([f"`{name}`", str(value.value), field.description, _from(value)])
        elif isinstance(value, int | float) and not isinstance(value, bool):
            rows.append([f"`{name}`", f"{value:g}", field.description, ""])
    return rows


def plan_limits(programming: ProgrammingFile) -> str:
    rules = programming.plan_rules
    lines = ["#### Each phase's ranges", ""]
    lines += _table(
        ["Phase", "`id`", "`stage`", *PHASE_RANGES.values()],
        [
            [phase.title, f"`{phase.id}`", f"`{phase.stage}`"]
            + [_span(getattr(phase, field)) for field in PHASE_RANGES]
            for phase in programming.phases
        ],
    )
    lines += ["", "#### Kinds of run", ""]
    lines += [f"- `{kind}`: {meaning}." for kind, meaning in RUN_KINDS.items()]
    lines += ["", "#### The rules' numbers (`plan_rules`)", ""]
    number_header = ["Field", "Number", "What it checks", "From"]
    lines += _table(number_header, _numbers(PlanRules, rules))
    for taper in rules.tapers:
        lines += ["", f"Taper for {', '.join(f'`{distance}`' for distance in taper.distances)}:", ""]
        lines += _table(number_header, _numbers(Taper, taper))
    lines += ["", f"Adding load (`add_load`, from {', '.join(f'`{s}`' for s in rules.add_load.sources)}):", ""]
    lines += _table(number_header[:3], [row[:3] for row in _numbers(AddLoad, rules.add_load)])
    lines += [
        "",
        "#### What fits on the printed sheet",
        "",
        f"Up to {MAX_PLAN_WEEKS} weeks of up to {MAX_PLAN_SESSIONS} sessions, each of up to {MAX_PLAN_EXERCISES}"
        f" exercises (counting those of a workout it names), at most {MAX_PLAN_LOG_ROWS} exercises in all (a row each in the"
        f" log), and up to {MAX_RUNNING_WEEKS} running weeks.",
    ]
    return "\n".join(lines) + "\n"
