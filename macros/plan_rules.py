"""A valid plan, checked against the programming advice: the ranges of its phases and the plan rules of
data/programming.yaml. Each broken rule is one breach at the place in the plan that breaks it, naming the rule
and what it allows. The placement rules take any running week, so that the build can place a plan's sessions
in a runner's own week with the same rules (see `placement_breaches`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from .models import (
    MAX_PLAN_EXERCISES,
    MAX_PLAN_LOG_ROWS,
    MOST_IN_RESERVE,
    WEEKDAYS,
    Exercise,
    Phase,
    Plan,
    PlanRules,
    PlanSession,
    PlanWeek,
    ProgrammingFile,
    Range,
    Workout,
)

# (path in the plan file, what the rule allows) -> a located problem
Report = Callable[[tuple, str], object]
KEY_RUNS = ("hard", "long")
LIGHTER_STAGES = ("lighter", "taper")


class Day(Protocol):
    """A day of a running week as the placement rules read it: a plan's RunDay, or a runner's own day."""

    run: str
    hip_thrusts: bool


@dataclass(frozen=True)
class Breach:
    """A broken rule: where in the plan file, which rule, what it allows, and what the plan has instead."""

    path: tuple
    rule: str
    allowed: str
    got: object = None  # a count, or words

    @property
    def expected(self) -> str:
        return f"{self.allowed} (rule: {self.rule})" + ("" if self.got is None else f", got {self.got}")


def session_exercises(session: PlanSession, workouts: Mapping[str, Workout]) -> list[Exercise]:
    """What a session does: its workout's exercises, or its own."""
    return list(workouts[session.workout].exercises) if session.workout else list(session.exercises or [])


def weekly_sets(plan: Plan, workouts: Mapping[str, Workout]) -> list[int]:
    """Hip thrust sets of each week (every exercise of the guide is a hip thrust variation)."""
    return [
        sum(exercise.sets for session in week.sessions for exercise in session_exercises(session, workouts))
        for week in plan.weeks
    ]


def session_days(days: Sequence[Day]) -> list[int]:
    """The days (0 is Monday) that take the week's sessions, in order."""
    return [index for index, day in enumerate(days) if day.hip_thrusts]


def plan_problems(
    plan: Plan, programming: ProgrammingFile, workouts: Mapping[str, Workout], report: Report
) -> list[object]:
    return [report(breach.path, breach.expected) for breach in plan_breaches(plan, programming, workouts)]


def plan_breaches(plan: Plan, programming: ProgrammingFile, workouts: Mapping[str, Workout]) -> list[Breach]:
    phases = programming.phases_by_id
    rules = programming.plan_rules
    breaches = [
        *_phase_ranges(plan, phases, workouts),
        *_starting_out(plan, phases, rules),
        *_weekly_volume(plan, phases, rules, workouts),
        *_race(plan, phases, rules, workouts),
    ]
    shape = plan_shape(plan, phases, rules, workouts)
    for index, running_week in enumerate(plan.running_weeks):
        breaches += placement_breaches(shape, running_week.days, rules, ("running_weeks", index))
    return breaches


def _span(bounds: Range) -> str:
    return str(bounds.min) if bounds.min == bounds.max else f"{bounds.min} to {bounds.max}"


def _exercise_path(session: PlanSession, at: tuple, exercise_index: int, field: str) -> tuple[tuple, str]:
    """Where an exercise's field is written, in the session or in the workout it names, and words that say which
    exercise of a workout it is."""
    if session.workout:
        return at + ("workout",), f" for its exercise {exercise_index + 1}"
    return at + ("exercises", exercise_index, field), ""


def _placed_exercises(plan: Plan, workouts, week_indexes=None):
    """Each exercise of the plan's weeks (or of the weeks given): (week index, exercise, where), where(field) being
    where that field of it is written (see _exercise_path)."""
    for week_index in range(len(plan.weeks)) if week_indexes is None else week_indexes:
        for session_index, session in enumerate(plan.weeks[week_index].sessions):
            at = ("weeks", week_index, "sessions", session_index)
            for exercise_index, exercise in enumerate(session_exercises(session, workouts)):
                yield week_index, exercise, partial(_exercise_path, session, at, exercise_index)


def _is_heavy(exercise: Exercise, rules: PlanRules) -> bool:
    return exercise.reps_in_reserve < rules.heavy_below_reps_in_reserve.value


_RANGES = (  # a field of both an exercise and a phase, its words, the rule's name
    ("sets", "sets", "sets and reps"),
    ("reps", "reps", "sets and reps"),
    ("reps_in_reserve", "repetitions in reserve", "effort"),
    ("rest_seconds", "seconds of rest", "rest"),
)


def _phase_ranges(plan: Plan, phases: dict[str, Phase], workouts) -> list[Breach]:
    """Sessions per week, sets, reps, effort and rest, within the ranges of the week's phase; a session the sheet
    has room for."""
    breaches = []
    for week_index, week in enumerate(plan.weeks):
        phase = phases[week.phase]
        allowed, count = phase.sessions_per_week, len(week.sessions)
        if not allowed.min <= count <= allowed.max:
            breaches.append(
                Breach(
                    ("weeks", week_index, "sessions"),
                    "sessions per week",
                    f"{_span(allowed)} sessions in a week of phase '{phase.id}'",
                    count,
                )
            )
        for session_index, session in enumerate(week.sessions):
            count = len(session_exercises(session, workouts))
            if count > MAX_PLAN_EXERCISES:
                breaches.append(
                    Breach(
                        ("weeks", week_index, "sessions", session_index, "workout"),
                        "sheet",
                        f"a workout of at most {MAX_PLAN_EXERCISES} exercises in a plan, as its sheet has room for",
                        count,
                    )
                )
    placed = list(_placed_exercises(plan, workouts))
    rows = len(placed)
    if rows > MAX_PLAN_LOG_ROWS:
        breaches.append(
            Breach(
                ("weeks",),
                "sheet",
                f"at most {MAX_PLAN_LOG_ROWS} exercises across the plan's sessions, a row each on its printed log",
                rows,
            )
        )
    for week_index, exercise, where in placed:
        phase = phases[plan.weeks[week_index].phase]
        for field, words, rule in _RANGES:
            bounds, value = getattr(phase, field), getattr(exercise, field)
            if not bounds.min <= value <= bounds.max:
                path, of = where(field)
                breaches.append(Breach(path, rule, f"{_span(bounds)} {words} in phase '{phase.id}'{of}", value))
    return breaches


def _starting_out(plan: Plan, phases: dict[str, Phase], rules: PlanRules) -> list[Breach]:
    """A plan that starts from zero (level 1) begins with its starting-out weeks."""
    needed = rules.starting_out_weeks.value
    if plan.level != 1:
        return []
    first = next(
        (index for index, week in enumerate(plan.weeks) if phases[week.phase].stage != "starting-out"), len(plan.weeks)
    )
    if first >= needed:
        return []
    return [
        Breach(
            ("weeks", first, "phase"),
            "starting out",
            f"a plan of level 1 (from zero) that starts with at least {needed} starting-out weeks",
            first,
        )
    ]


def _fewest_in_reserve(plan: Plan, workouts, week_index: int) -> int:
    """The effort of a week's hardest set (a week without a session leaves everything in reserve)."""
    return min(
        (
            exercise.reps_in_reserve
            for session in plan.weeks[week_index].sessions
            for exercise in session_exercises(session, workouts)
        ),
        default=MOST_IN_RESERVE,
    )


def _weekly_volume(plan: Plan, phases: dict[str, Phase], rules: PlanRules, workouts) -> list[Breach]:
    """Sets rise by a bounded step; a lighter week comes after a few weeks without one; holding weeks hold; lighter
    weeks and the taper are lighter, in sets and in effort."""
    sets, breaches = weekly_sets(plan, workouts), []
    step, share = rules.max_set_increase_per_week.value, rules.max_set_increase_percent.value
    cuts = {"lighter": rules.lighter_set_cut_percent.value, "taper": rules.taper_set_cut_percent.value}
    most_in_a_row = rules.max_weeks_before_lighter.value
    streak, level = 0, sets[0]  # level: the sets of the latest week that was not lighter
    for index, week in enumerate(plan.weeks):
        stage, at = phases[week.phase].stage, ("weeks", index, "phase")
        streak = 0 if stage in LIGHTER_STAGES else streak + 1
        if streak > most_in_a_row:
            breaches.append(
                Breach(
                    at,
                    "lighter week",
                    f"a lighter week after at most {most_in_a_row} weeks in a row without one",
                    f"week {streak} in a row",
                )
            )
        if not index:
            continue
        # A rise, or a hold, is measured from the level before a lighter stretch: coming back to it is no rise.
        most = min(level + step, level + level * share // 100)
        if stage not in LIGHTER_STAGES and sets[index] > most:
            breaches.append(
                Breach(
                    at,
                    "weekly set step",
                    f"at most {most} hip thrust sets this week: {step} more than the {level} before, and no more than "
                    f"{share}% more",
                    sets[index],
                )
            )
        if stage == "holding" and sets[index] > level:
            breaches.append(Breach(at, "hold", f"at most {level} hip thrust sets, as the weeks before", sets[index]))
        if stage in LIGHTER_STAGES:
            cut = cuts[stage]
            most_lighter = level * (100 - cut) // 100
            if sets[index] > most_lighter:
                breaches.append(
                    Breach(
                        at,
                        "taper" if stage == "taper" else "lighter week",
                        f"at most {most_lighter} hip thrust sets, at least {cut}% fewer than the {level} before this "
                        "lighter stretch",
                        sets[index],
                    )
                )
            fewest, fewest_before = (
                _fewest_in_reserve(plan, workouts, index),
                _fewest_in_reserve(plan, workouts, index - 1),
            )
            if fewest < fewest_before:
                breaches.append(
                    Breach(
                        at,
                        "lighter week",
                        f"at least {fewest_before} repetitions in reserve in every set, no harder than the week before",
                        fewest,
                    )
                )
        else:
            level = sets[index]
    return breaches


def _race(plan: Plan, phases: dict[str, Phase], rules: PlanRules, workouts) -> list[Breach]:
    """A race plan ends with the taper its distance asks for, light to the end; a plan without a race has none."""
    tapering = [index for index, week in enumerate(plan.weeks) if phases[week.phase].stage == "taper"]
    if plan.race is None:
        return [
            Breach(("weeks", index, "phase"), "taper", "a taper only in a plan with a race", "a taper week")
            for index in tapering
        ]
    taper = rules.taper_for(plan.race.distance)
    weeks, last = taper.weeks.value, len(plan.weeks) - 1
    wanted = list(range(max(0, last + 1 - weeks), last + 1))
    breaches = []
    if tapering != wanted:
        breaches.append(
            Breach(
                ("race", "distance"),
                "taper",
                f"the last {weeks} week(s) in a taper phase before a {plan.race.distance} race, and no other",
                f"taper weeks {', '.join(str(index + 1) for index in tapering) or 'none'}",
            )
        )
    most = taper.last_week_sessions.value
    if len(plan.weeks[last].sessions) > most:
        breaches.append(
            Breach(
                ("weeks", last, "sessions"),
                "taper",
                f"at most {most} session(s) in the race week of a {plan.race.distance} race",
                len(plan.weeks[last].sessions),
            )
        )
    heavy = rules.heavy_below_reps_in_reserve.value
    for _, exercise, where in _placed_exercises(plan, workouts, tapering):
        if _is_heavy(exercise, rules):
            path, of = where("reps_in_reserve")
            breaches.append(
                Breach(
                    path,
                    "taper",
                    f"at least {heavy} repetitions in reserve{of}: nothing heavy in a taper",
                    exercise.reps_in_reserve,
                )
            )
    return breaches


@dataclass(frozen=True)
class PlanShape:
    """What the placement rules ask of a plan, worked out once for any number of running weeks: how many sessions
    its busiest week has, which days each session keeps clear, and when its race is."""

    sessions: tuple[int, ...]  # each week's
    # Which session of a week keeps the days before it clear, and why ("first weeks" or "heavy"), each pair once,
    # in the order the weeks first ask for it.
    guarded: tuple[tuple[int, str], ...]
    race: int | None  # the race's day, counted from the Monday of week 1
    race_distance: str | None

    @property
    def busiest(self) -> int:
        return max(self.sessions)


def plan_shape(plan: Plan, phases: dict[str, Phase], rules: PlanRules, workouts, race_day: str | None = None):
    """The plan's shape; race_day puts the race on another day of the last week than the plan's own."""

    def guard(week: PlanWeek, session: PlanSession) -> str | None:
        if phases[week.phase].stage == "starting-out":
            return "first weeks"
        return "heavy" if any(_is_heavy(e, rules) for e in session_exercises(session, workouts)) else None

    race = None
    if plan.race is not None:
        race = (len(plan.weeks) - 1) * 7 + WEEKDAYS.index(race_day or plan.race.day)
    guards = [(index, guard(week, session)) for week in plan.weeks for index, session in enumerate(week.sessions)]
    return PlanShape(
        sessions=tuple(len(week.sessions) for week in plan.weeks),
        guarded=tuple(dict.fromkeys((index, kind) for index, kind in guards if kind)),
        race=race,
        race_distance=plan.race.distance if plan.race else None,
    )


# The runs whose days before them a guard keeps clear.
GUARDED_RUNS = {"first weeks": KEY_RUNS, "heavy": ("long",)}


def placement_breaches(shape: PlanShape, days: Sequence[Day], rules: PlanRules, at: tuple = ()) -> list[Breach]:
    """Where the sessions go in a running week (Monday first, repeating every week): after the run on hard days,
    on easy or rest days; never on long-run day or the day before a hard or long run; days apart; clear of key runs
    while starting out and when heavy; clear of the race. A week with fewer sessions uses the first days."""
    slots, breaches = session_days(days), []
    if len(slots) < shape.busiest:
        breaches.append(
            Breach(
                at + ("days",),
                "placement",
                f"a day with hip_thrusts: true for each of the {shape.busiest} sessions of the plan's busiest week",
                len(slots),
            )
        )
    apart = rules.days_between_sessions.value
    for order, day in enumerate(slots):
        where = at + ("days", day, "hip_thrusts")
        next_run = days[(day + 1) % 7].run
        if days[day].run == "long":
            breaches.append(Breach(where, "placement", "no session on long-run day"))
        if next_run in KEY_RUNS:
            breaches.append(Breach(where, "placement", f"no session on the day before a {next_run} run", "one"))
        previous = slots[order - 1] if len(slots) > 1 else None
        if previous is not None and (day - previous - 1) % 7 < apart:
            breaches.append(
                Breach(
                    where,
                    "days between sessions",
                    f"at least {apart} day(s) without hip thrusts between two sessions",
                    f"{(day - previous - 1) % 7} after {WEEKDAYS[previous]}",
                )
            )
    breaches += _clear_of_key_runs(shape, days, rules, at, slots)
    breaches += _clear_of_the_race(shape, rules, at, slots)
    return breaches


def _clear_of_key_runs(shape: PlanShape, days, rules: PlanRules, at: tuple, slots: list[int]) -> list[Breach]:
    """The days before a key run stay clear: of every session in starting-out weeks (before a hard or long run),
    of heavy sessions in any week (before the long run)."""
    clear, heavy = rules.first_weeks_clear_days.value, rules.heavy_below_reps_in_reserve.value
    reported, breaches = set(), []
    for index, guard in shape.guarded:
        if index >= len(slots) or slots[index] in reported:
            continue  # a missing day is the placement rule's
        day = slots[index]
        ahead = [days[(day + offset) % 7].run for offset in range(1, clear + 1)]
        key = next((run for run in ahead if run in GUARDED_RUNS[guard]), None)
        if key is None:
            continue
        reported.add(day)
        rule, allowed = (
            ("first weeks", f"no session in the {clear} days before a hard or long run in a starting-out week")
            if guard == "first weeks"
            else (
                "heavy sessions",
                f"no heavy session (fewer than {heavy} in reserve) in the {clear} days before the long run",
            )
        )
        got = f"one {ahead.index(key) + 1} day(s) before a {key} run"
        breaches.append(Breach(at + ("days", day, "hip_thrusts"), rule, allowed, got))
    return breaches


def _clear_of_the_race(shape: PlanShape, rules: PlanRules, at: tuple, slots: list[int]) -> list[Breach]:
    """No session in the last days before the race, nor after it."""
    if shape.race is None:
        return []
    clear = rules.taper_for(shape.race_distance).no_session_days.value
    reported, breaches = set(), []
    for week_index, sessions in enumerate(shape.sessions):
        for day in slots[:sessions]:
            days_before = shape.race - (week_index * 7 + day)
            if days_before < clear and day not in reported:
                reported.add(day)
                breaches.append(
                    Breach(
                        at + ("days", day, "hip_thrusts"),
                        "taper",
                        f"no session in the last {clear} days before a {shape.race_distance} race, race day "
                        "included, nor after it",
                        f"one in week {week_index + 1}, {days_before} day(s) before",
                    )
                )
    return breaches
