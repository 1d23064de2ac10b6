"""Training plans as data: the guide's plans have the shapes the guide promises, and the rules they are
checked against are the numbers in data/programming.yaml (each rule's broken case is in the corpus)."""

import re

import pytest

from macros.load import ContentError, load_content
from macros.models import RunDay
from macros.plan_rules import placement_breaches, plan_shape, session_exercises, weekly_sets
from tests.contributor import fail_for


def sessions_per_week(plan) -> list[int]:
    return [len(week.sessions) for week in plan.weeks]


def phases_of(plan, content) -> list[str]:
    return [content.programming.phases_by_id[week.phase].stage for week in plan.weeks]


def keeps(promises: dict[tuple[str, str], bool]) -> None:
    """Each plan keeps each promise the guide makes of it: {(plan id, what the promise is): whether it is kept}."""
    fail_for(
        (
            f"data/plans/{plan_id}.yaml: no longer {promise}"
            for (plan_id, promise), kept in promises.items()
            if not kept
        ),
        "keep what the guide promises of this plan (its title, the plans page and the questions rely on it), or"
        " change the promise in tests/test_plans.py and say why in your pull request.",
    )


def keeps_plan(plan_id: str, promises: dict[str, bool]) -> None:
    keeps({(plan_id, promise): kept for promise, kept in promises.items()})


def test_the_plan_from_zero_starts_with_starting_out_weeks_and_grows_from_one_to_two_sessions(content):
    plan = content.plans["from-zero"]
    keeps_plan(
        "from-zero",
        {
            "a level 1 plan of 8 weeks": plan.level == 1 and len(plan.weeks) == 8,
            "starts with 2 starting-out weeks": phases_of(plan, content)[:2] == ["starting-out", "starting-out"],
            "grows from 1 session a week to 2": sessions_per_week(plan)[0] == 1 and max(sessions_per_week(plan)) == 2,
            "has a lighter week": "lighter" in phases_of(plan, content),
        },
    )


def test_the_build_plan_lasts_six_to_eight_weeks_at_two_sessions_a_week_at_most(content):
    plan = content.plans["build"]
    keeps_plan(
        "build",
        {
            "6 to 8 weeks long": 6 <= len(plan.weeks) <= 8,
            "at most 2 sessions a week": max(sessions_per_week(plan)) == 2,
        },
    )


def test_the_racing_season_plan_keeps_one_session_a_week_and_tapers_for_its_10_km(content):
    plan = content.plans["racing-season"]
    sets = weekly_sets(plan, content.workouts)
    keeps_plan(
        "racing-season",
        {
            "1 session every week": set(sessions_per_week(plan)) == {1},
            "a plan for a 10 km race": plan.race is not None and plan.race.distance == "10k",
            "ends with a taper week": phases_of(plan, content)[-1] == "taper",
            "ends with fewer sets than it starts with": sets[-1] < sets[0],
        },
    )


def test_the_marathon_plan_tapers_longer_and_keeps_race_week_for_running(content):
    plan = content.plans["marathon-season"]
    keeps_plan(
        "marathon-season",
        {
            "a plan for a marathon": plan.race is not None and plan.race.distance == "marathon",
            "ends with 2 taper weeks": phases_of(plan, content)[-2:] == ["taper", "taper"],
            "keeps race week free of sessions": plan.weeks[-1].sessions == [],
        },
    )


def test_the_no_gym_plan_needs_no_barbell(content):
    plan = content.plans["no-gym"]
    variations = {
        exercise.variation
        for week in plan.weeks
        for s in week.sessions
        for exercise in session_exercises(s, content.workouts)
    }
    keeps_plan(
        "no-gym",
        {
            "6 to 8 weeks long": 6 <= len(plan.weeks) <= 8,
            "free of barbell exercises": all("Barbell" not in content.variation(v).equipment for v in variations),
        },
    )


def test_every_plan_says_what_comes_after_it(content):
    keeps({(plan_id, "says what comes after it (next)"): bool(plan.next) for plan_id, plan in content.plans.items()})


def test_every_plan_places_its_sessions_in_two_example_running_weeks(content):
    keeps(
        {(plan_id, "shows 2 example running weeks"): len(p.running_weeks) == 2 for plan_id, p in content.plans.items()}
    )


def test_a_workout_in_a_plan_counts_with_all_its_sets(content):
    sets = weekly_sets(content.plans["build"], content.workouts)
    own = sum(exercise.sets for exercise in content.workouts["single-leg-strength"].exercises)
    second = content.plans["build"].weeks[0].sessions[1]
    assert sets[0] == own + sum(exercise.sets for exercise in second.exercises)


def _running_week(spec: str) -> list[RunDay]:
    return [RunDay(run=token.rstrip("*"), hip_thrusts=token.endswith("*")) for token in spec.split()]


def _placement(content, spec: str) -> list[str]:
    plan = content.plans["short-plan"]
    phases = content.programming.phases_by_id
    rules = content.programming.plan_rules
    shape = plan_shape(plan, phases, rules, content.workouts)
    return [breach.expected for breach in placement_breaches(shape, _running_week(spec), rules)]


def test_a_session_may_go_on_a_rest_day(data_dir):
    content = load_content(data_dir)
    assert _placement(content, "rest rest rest* easy rest rest long") == []


def test_the_placement_rules_check_any_running_week_not_only_the_plans_own(data_dir):
    content = load_content(data_dir)
    assert any("long-run day" in breach for breach in _placement(content, "rest rest rest easy rest long* rest"))


RULE_LINE = r"^(\s+{name}:) {{value: \d+,"


def _set_rule(data_dir, name: str, value: int) -> None:
    programming = data_dir / "programming.yaml"
    text = programming.read_text(encoding="utf-8")
    changed, count = re.subn(RULE_LINE.format(name=name), rf"\1 {{value: {value},", text, flags=re.M)
    assert count == 1
    programming.write_text(changed, encoding="utf-8")


def _second_week_gets_three_more_sets(data_dir) -> None:
    # The fixture plan's second week gets a second exercise: from 3 sets a week to 6, a rise of 3 (100%).
    plan = data_dir / "plans" / "short-plan.yaml"
    second = "{variation: basic-thrust, sets: 4, reps: 10, reps_in_reserve: 3, rest_seconds: 90}"
    more = "{variation: basic-thrust, sets: 3, reps: 10, reps_in_reserve: 3, rest_seconds: 90}"
    more += "\n          - {variation: basic-thrust, sets: 3, reps: 10, reps_in_reserve: 3, rest_seconds: 90}"
    plan.write_text(plan.read_text(encoding="utf-8").replace(second, more), encoding="utf-8")


LOOSE = {"max_set_increase_per_week": 6, "max_set_increase_percent": 100}


@pytest.mark.parametrize(
    ("rule", "value", "refusal"),
    [
        ("max_set_increase_per_week", 2, r"2 more than the 3 before"),
        ("max_set_increase_per_week", 3, None),
        ("max_set_increase_percent", 50, r"no more than 50% more \(rule: weekly set step\)"),
        ("max_set_increase_percent", 100, None),
    ],
)
def test_the_weekly_rise_is_bounded_by_the_numbers_in_programming_yaml(data_dir, rule, value, refusal):
    _second_week_gets_three_more_sets(data_dir)
    for name, loose in LOOSE.items():  # only the rule under test binds
        _set_rule(data_dir, name, value if name == rule else loose)
    if refusal is None:
        assert "short-plan" in load_content(data_dir).plans
    else:
        with pytest.raises(ContentError, match=refusal):
            load_content(data_dir)


def test_a_holding_week_may_come_back_to_the_level_before_a_lighter_week(data_dir):
    session = "{exercises: [{variation: basic-thrust, sets: %d, reps: 10, reps_in_reserve: 3, rest_seconds: 120}]}"
    weeks = [("holding", 4), ("rest-week", 2), ("holding", 4)]
    plan = (data_dir / "plans" / "short-plan.yaml").read_text(encoding="utf-8")
    head, running = plan.split("weeks:\n")[0], "running_weeks:" + plan.split("running_weeks:")[1]
    body = "".join(f"  - phase: {phase}\n    sessions: [{session % sets}]\n" for phase, sets in weeks)
    (data_dir / "plans" / "short-plan.yaml").write_text(
        head.replace("level: 1", "level: 2") + "weeks:\n" + body + running, encoding="utf-8"
    )
    assert weekly_sets(load_content(data_dir).plans["short-plan"], {}) == [4, 2, 4]
