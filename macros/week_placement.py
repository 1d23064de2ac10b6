"""Where a plan's sessions go in a runner's own week, worked out at build time for every week a runner can give:
each long-run day, each set of hard days and, for a plan with a race, each race day. Every placement is one that
the plan checker's own rules (plan_rules.placement_breaches) find nothing wrong with; where none is, the rules
that cannot all be kept are named. The plan page looks the runner's week up (docs/javascripts/plan-week.js).

The rules tell a rest day from an easy day in nothing (tests/test_week_placement.py checks it), so the days a
runner does not run are not part of the key: the page only labels them.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from typing import NamedTuple

from .models import WEEKDAYS, Plan, ProgrammingFile, Workout
from .plan_rules import KEY_RUNS, PlanShape, placement_breaches, plan_shape


def runs_of(long: int, hard_mask: int) -> list[str]:
    """The runs of a runner's week from its long-run day and its hard days as a bit mask (Monday is bit 0); the
    other days are easy or rest days, which the rules treat alike."""
    return ["long" if day == long else "hard" if hard_mask & (1 << day) else "easy" for day in range(7)]


class _Day(NamedTuple):
    """A day of the runner's week, as placement_breaches reads it (cheaper to make, many thousand times, than a
    validated RunDay)."""

    run: str
    hip_thrusts: bool


def _days(runs: list[str], slots: tuple[int, ...]) -> list[_Day]:
    return [_Day(run, day in slots) for day, run in enumerate(runs)]


def _ranked(runs: list[str], sessions: int) -> list[tuple[int, ...]]:
    """Every choice of session days, the one to show first if it keeps the rules: sessions spread out, far from
    the next key run (up to four days counts)."""
    room = [
        next(offset for offset in range(1, 5) if runs[(day + offset) % 7] in KEY_RUNS or offset == 4)
        for day in range(7)
    ]

    def preference(slots: tuple[int, ...]) -> tuple:
        gaps = [(slots[(index + 1) % len(slots)] - day - 1) % 7 for index, day in enumerate(slots)]
        return (-min(gaps), -sum(room[day] for day in slots), slots)

    return sorted(combinations(range(7), sessions), key=preference)


def _rules_broken(breaches_of_each: list[list]) -> list[str]:
    """The rules that the placement breaking the fewest rules breaks."""
    closest = min(breaches_of_each, key=len)
    return sorted({breach.rule for breach in closest})


def table_entry(table: str, long: int, hard_mask: int, race_day: int = 0) -> str:
    """A week's entry in placements()["table"], found as the plan page finds it (docs/javascripts/plan-week.js)."""
    index = ((race_day * 7 + long) * 128 + hard_mask) * 2
    return table[index : index + 2]


def placements(plan: Plan, programming: ProgrammingFile, workouts: dict[str, Workout]) -> dict:
    """What the plan page looks up, as two characters a week in one string: at ((race day × 7 + long-run day)
    × 128 + hard days' mask) × 2, the session days' bit mask in hex, or "!" and, in hex, the index of the rules
    that no placement keeps; "--" where the mask holds the long-run day. A plan without a race has race day 0."""
    phases, rules = programming.phases_by_id, programming.plan_rules
    shapes = [plan_shape(plan, phases, rules, workouts, race_day) for race_day in (WEEKDAYS if plan.race else [None])]
    # What breaks a rule without the race breaks it on any race day: the race days are tried on the rest only.
    without_race = replace(shapes[0], race=None)
    problems: list[str] = []
    entries = {shape: [] for shape in shapes}

    def enter(shape: PlanShape, placed: tuple[int, ...] | list[str]) -> None:
        if isinstance(placed, tuple):
            entries[shape].append(f"{sum(1 << day for day in placed):02x}")
            return
        text = ", ".join(placed)
        if text not in problems:
            problems.append(text)
        entries[shape].append(f"!{problems.index(text):x}")

    for long in range(7):
        for mask in range(128):
            if mask & (1 << long):
                for shape in shapes:
                    entries[shape].append("--")
                continue
            runs = runs_of(long, mask)
            ranked = _ranked(runs, without_race.busiest)
            checked, kept = [], []
            for slots in ranked:
                checked.append(placement_breaches(without_race, _days(runs, slots), rules))
                if not checked[-1]:
                    kept.append(slots)
                    if plan.race is None:
                        break  # the first that keeps every rule is the one shown

            for shape in shapes:
                if shape.race is None or not kept:  # without a race, the checks above were this shape's own
                    enter(shape, kept[0] if kept else _rules_broken(checked))
                    continue
                with_race = [placement_breaches(shape, _days(runs, slots), rules) for slots in kept]
                placed = next((slots for slots, breaches in zip(kept, with_race, strict=True) if not breaches), None)
                enter(shape, placed if placed is not None else _rules_broken(with_race))
    return {
        "sessions": without_race.busiest,
        "table": "".join("".join(entries[shape]) for shape in shapes),
        "problems": problems,
    }
