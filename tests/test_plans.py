"""Training plans as data: the guide's plans have the shapes the guide promises, and the rules they are
checked against are the numbers in data/programming.yaml (each rule's broken case is in the corpus)."""

import re

import pytest

from macros.load import ContentError, load_content
from macros.plan_rules import weekly_sets

PLAN_RULES_LINE = re.compile(r"^(\s+max_set_increase_per_week:) \d+$", re.M)


def sessions_per_week(plan) -> list[int]:
    return [len(week.sessions) for week in plan.weeks]


def test_the_plan_from_zero_grows_from_one_to_two_sessions_over_eight_weeks_with_lighter_weeks(content):
    plan = content.plans["from-zero"]
    assert len(plan.weeks) == 8
    assert sessions_per_week(plan)[0] == 1 and max(sessions_per_week(plan)) == 2
    assert "deload" in [week.phase for week in plan.weeks]


def test_the_build_plan_lasts_six_to_eight_weeks_at_two_to_three_sessions(content):
    plan = content.plans["build"]
    assert 6 <= len(plan.weeks) <= 8
    build_weeks = [len(week.sessions) for week in plan.weeks if week.phase == "progressing"]
    assert set(build_weeks) <= {2, 3} and 3 in build_weeks


def test_the_racing_season_plan_keeps_one_session_a_week_and_tapers_before_its_race(content):
    plan = content.plans["racing-season"]
    assert set(sessions_per_week(plan)) == {1}
    assert plan.race_day is not None
    assert [week.phase for week in plan.weeks][-2:] == ["taper", "taper"]
    sets = weekly_sets(plan, content.workouts)
    assert sets[-1] < sets[-2] < sets[0]


def test_every_plan_places_its_sessions_in_two_example_running_weeks(content):
    for plan_id, plan in content.plans.items():
        assert len(plan.running_weeks) == 2, plan_id


def test_a_workout_in_a_plan_counts_with_all_its_sets(content):
    sets = weekly_sets(content.plans["build"], content.workouts)
    own = sum(exercise.sets for exercise in content.workouts["single-leg-strength"].exercises)
    assert sets[0] == own + sum(exercise.sets for exercise in content.workouts["first-session"].exercises)


@pytest.mark.parametrize(("step", "valid"), [(3, False), (4, True)])
def test_the_weekly_set_step_is_the_number_in_programming_yaml(data_dir, step, valid):
    # The fixture plan's second week gets a second exercise: from 3 sets a week to 7, a rise of 4.
    plan = data_dir / "plans" / "short-plan.yaml"
    second = "{variation: basic-thrust, sets: 4, reps: 10}"
    more = second + "\n          - {variation: basic-thrust, sets: 3, reps: 10}"
    plan.write_text(plan.read_text(encoding="utf-8").replace(second, more), encoding="utf-8")
    programming = data_dir / "programming.yaml"
    text = programming.read_text(encoding="utf-8")
    programming.write_text(PLAN_RULES_LINE.sub(rf"\1 {step}", text), encoding="utf-8")
    if valid:
        assert "short-plan" in load_content(data_dir).plans
    else:
        with pytest.raises(ContentError, match=r"rule: weekly set step"):
            load_content(data_dir)
