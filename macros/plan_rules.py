"""A valid plan, checked against the programming advice: the ranges of its phases and the plan rules of
data/programming.yaml. Each broken rule is one problem at the place in the plan that breaks it, naming
the rule and what it allows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .models import WEEKDAYS, Exercise, Phase, Plan, PlanSession, ProgrammingFile, Range, RunningWeek, Workout

# (path in the plan file, what the rule allows) -> a located problem
Report = Callable[[tuple, str], object]


def session_exercises(session: PlanSession, workouts: Mapping[str, Workout]) -> list[Exercise]:
    """What a session does: its workout's exercises, or its own."""
    return list(workouts[session.workout].exercises) if session.workout else list(session.exercises or [])


def weekly_sets(plan: Plan, workouts: Mapping[str, Workout]) -> list[int]:
    """Hip thrust sets of each week (every exercise of the guide is a hip thrust variation)."""
    return [
        sum(exercise.sets for session in week.sessions for exercise in session_exercises(session, workouts))
        for week in plan.weeks
    ]


def session_days(running_week: RunningWeek) -> list[int]:
    """The days (0 is Monday) that take the week's sessions, in order."""
    return [index for index, day in enumerate(running_week.days) if day.hip_thrusts]


def plan_problems(
    plan: Plan, programming: ProgrammingFile, workouts: Mapping[str, Workout], report: Report
) -> list[object]:
    phases = {phase.id: phase for phase in programming.phases}
    checks = (_phase_ranges, _weekly_volume, _placement, _race_taper)
    return [problem for check in checks for problem in check(plan, phases, programming, workouts, report)]


def _span(bounds: Range) -> str:
    return str(bounds.min) if bounds.min == bounds.max else f"{bounds.min} to {bounds.max}"


def _phase_ranges(plan, phases: dict[str, Phase], programming, workouts, report) -> list:
    """Sessions per week, sets and reps, within the ranges of the week's phase."""
    problems = []
    for week_index, week in enumerate(plan.weeks):
        phase = phases[week.phase]
        allowed, count = phase.sessions_per_week, len(week.sessions)
        if not allowed.min <= count <= allowed.max:
            problems.append(
                report(
                    ("weeks", week_index, "sessions"),
                    f"{_span(allowed)} sessions in a week of phase '{phase.id}' (rule: sessions per week), got {count}",
                )
            )
        for session_index, session in enumerate(week.sessions):
            at = ("weeks", week_index, "sessions", session_index)
            for exercise_index, exercise in enumerate(session_exercises(session, workouts)):
                for name in ("sets", "reps"):
                    bounds, value = getattr(phase, name), getattr(exercise, name)
                    if bounds is None or bounds.min <= value <= bounds.max:
                        continue
                    where = at + ("workout",) if session.workout else at + ("exercises", exercise_index, name)
                    of = f" for its exercise {exercise_index + 1}" if session.workout else ""
                    problems.append(
                        report(
                            where,
                            f"{_span(bounds)} {name} in phase '{phase.id}'{of} (rule: sets and reps), got {value}",
                        )
                    )
    return problems


def _weekly_volume(plan, phases: dict[str, Phase], programming: ProgrammingFile, workouts, report) -> list:
    """Build weeks rise by a bounded step, a few at most in a row; hold weeks hold, drop weeks drop."""
    rules, sets = programming.plan_rules, weekly_sets(plan, workouts)
    problems, build_streak, level = [], 0, None  # level: the sets of the latest week that was no drop
    for index, week in enumerate(plan.weeks):
        volume, at = phases[week.phase].volume, ("weeks", index, "phase")
        build_streak = build_streak + 1 if volume == "build" else 0
        if build_streak > rules.max_build_weeks_in_a_row:
            problems.append(
                report(
                    at,
                    f"a phase that holds or drops after {rules.max_build_weeks_in_a_row} build weeks in a row "
                    f"(rule: lighter week), got build week {build_streak} in a row",
                )
            )
        if index:
            before = sets[index - 1]
            # Back up to the level before a lighter week is no rise: a rise is measured from that level.
            base = level if level is not None else before
            if sets[index] - base > rules.max_set_increase_per_week:
                problems.append(
                    report(
                        at,
                        f"at most {base + rules.max_set_increase_per_week} hip thrust sets this week, "
                        f"{rules.max_set_increase_per_week} more than {base} (rule: weekly set step), "
                        f"got {sets[index]}",
                    )
                )
            if volume == "hold" and sets[index] > before:
                problems.append(
                    report(at, f"at most {before} hip thrust sets, as the week before (rule: hold), got {sets[index]}")
                )
            if volume == "drop" and sets[index] >= base:
                problems.append(
                    report(
                        at,
                        f"fewer hip thrust sets than the {base} before this lighter stretch (rule: drop), "
                        f"got {sets[index]}",
                    )
                )
        if volume != "drop":
            level = sets[index]
    return problems


def _placement(plan, phases, programming, workouts, report) -> list:
    """Sessions on hard days after the run, or on easy days; none on long-run day or the day before a hard run
    or the long run; a day for every session of the busiest week."""
    problems, busiest = [], max(len(week.sessions) for week in plan.weeks)
    for week_index, running_week in enumerate(plan.running_weeks):
        days = running_week.days
        for day_index in session_days(running_week):
            at = ("running_weeks", week_index, "days", day_index, "hip_thrusts")
            run, next_run = days[day_index].run, days[(day_index + 1) % len(days)].run
            if run == "long":
                problems.append(report(at, "no session on long-run day (rule: placement)"))
            elif run == "rest":
                problems.append(report(at, "a session on a hard day, after the run, or an easy day (rule: placement)"))
            if next_run in ("hard", "long"):
                problems.append(report(at, f"no session on the day before a {next_run} run (rule: placement), got one"))
        placed = len(session_days(running_week))
        if placed < busiest:
            problems.append(
                report(
                    ("running_weeks", week_index, "days"),
                    f"a day with hip_thrusts: true for each of the {busiest} sessions of the plan's busiest week "
                    f"(rule: placement), got {placed}",
                )
            )
    return problems


def _race_taper(plan, phases, programming: ProgrammingFile, workouts, report) -> list:
    """No heavy session in the last days before the race, wherever a running week puts the sessions."""
    if plan.race_day is None:
        return []
    rules, race = programming.plan_rules, (len(plan.weeks) - 1) * 7 + WEEKDAYS.index(plan.race_day)
    problems = []
    for week_index, week in enumerate(plan.weeks):
        for session_index, session in enumerate(week.sessions):
            if session.reps_in_reserve >= rules.heavy_below_reps_in_reserve:
                continue
            for running_week in plan.running_weeks:
                days = session_days(running_week)
                if session_index >= len(days):
                    continue  # reported by the placement rule
                days_before = race - (week_index * 7 + days[session_index])
                if 0 <= days_before < rules.no_heavy_days_before_race:
                    problems.append(
                        report(
                            ("weeks", week_index, "sessions", session_index, "reps_in_reserve"),
                            f"at least {rules.heavy_below_reps_in_reserve} repetitions in reserve "
                            f"{days_before} day(s) before the race in '{running_week.name}': no heavy session in "
                            f"the last {rules.no_heavy_days_before_race} days (rule: race taper), "
                            f"got {session.reps_in_reserve}",
                        )
                    )
                    break
    return problems
