"""The add-load rule of data/programming.yaml, applied to a plan's log at build time: for each weighted exercise of
each session, which logged rows decide whether to add load next time, and from how many repetitions left in the
last set each one counts. The plan page's log only compares what was logged with these numbers
(docs/javascripts/plan-log.js): the rule itself is here, once.
"""

from __future__ import annotations

from collections.abc import Mapping

from .models import Plan, ProgrammingFile, Workout
from .plan_rules import LIGHTER_STAGES, session_exercises

# The format of a log as the page stores and exports it; docs/javascripts/plan-log.js carries older ones forward.
LOG_VERSION = 1


def session_id(week: int, session: int) -> str:
    """A logged session's name, as the page stores its date and tick under it: "w1s2" (counted from 1)."""
    return f"w{week + 1}s{session + 1}"


def row_id(week: int, session: int, exercise: int) -> str:
    """A log row's name, as the page stores entries under it: "w1s2e1" (counted from 1)."""
    return f"{session_id(week, session)}e{exercise + 1}"


def log_advice(
    plan: Plan, programming: ProgrammingFile, workouts: Mapping[str, Workout], loaded: set[str]
) -> dict[str, dict]:
    """For each row of a weighted exercise: {"keep": true} in a lighter week or a taper, where load is never added;
    else {"after": [[row, fewest left], ...]}: add load next time when every one of those rows logged at least
    that many repetitions left: this session and the ones before it with the same variation, as many as the rule
    asks for in a row. `loaded` names the variations that take a load."""
    rule, phases = programming.plan_rules.add_load, programming.phases_by_id
    history: dict[str, list[list]] = {}  # variation -> its rows so far, oldest first
    advice = {}
    for week_index, week in enumerate(plan.weeks):
        for session_index, session in enumerate(week.sessions):
            for exercise_index, exercise in enumerate(session_exercises(session, workouts)):
                if exercise.variation not in loaded:
                    continue
                row = row_id(week_index, session_index, exercise_index)
                rows = history.setdefault(exercise.variation, [])
                rows.append([row, exercise.reps_in_reserve + rule.reps_beyond_target])
                if phases[week.phase].stage not in LIGHTER_STAGES and len(rows) >= rule.sessions_in_a_row:
                    advice[row] = {"after": rows[-rule.sessions_in_a_row :]}
                else:
                    advice[row] = {"keep": True}
    return advice
