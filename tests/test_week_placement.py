"""Where a plan's sessions go in a runner's own week, worked out at build time: every placement the page can show
keeps every rule of the plan checker, and a week that no placement suits names the rules it cannot keep."""

from macros.models import WEEKDAYS, RunDay
from macros.plan_rules import placement_breaches, plan_shape
from macros.week_placement import placements, runs_of, table_entry


def entries(plan, content):
    """Every entry of the plan's table: (race day or None, long-run day, hard days' mask, entry)."""
    table = placements(plan, content.programming, content.workouts)["table"]
    race_days = WEEKDAYS if plan.race else [None]
    for race_index, race_day in enumerate(race_days):
        for long in range(7):
            for mask in range(128):
                yield race_day, long, mask, table_entry(table, long, mask, race_index)


def week(runs: list[str], slots: list[int]) -> list[RunDay]:
    return [RunDay(run=run, hip_thrusts=day in slots) for day, run in enumerate(runs)]


def test_every_placement_the_page_can_show_keeps_every_rule(content):
    phases, rules = content.programming.phases_by_id, content.programming.plan_rules
    for plan_id, plan in content.plans.items():
        shown = 0
        for race_day, long, mask, entry in entries(plan, content):
            if entry == "--" or entry.startswith("!"):
                continue
            slots = [day for day in range(7) if int(entry, 16) & (1 << day)]
            shape = plan_shape(plan, phases, rules, content.workouts, race_day)
            assert placement_breaches(shape, week(runs_of(long, mask), slots), rules) == [], (plan_id, entry)
            shown += 1
        assert shown, plan_id


def test_the_rules_treat_a_rest_day_as_an_easy_day(content):
    # So the days a runner does not run need not be part of what the page looks up.
    phases, rules = content.programming.phases_by_id, content.programming.plan_rules
    for plan in content.plans.values():
        shape = plan_shape(plan, phases, rules, content.workouts)
        for long, mask, slots in [(6, 0b0001010, [1, 3]), (5, 0b0000010, [0, 3]), (6, 0b0000000, [2])]:
            runs = runs_of(long, mask)
            rested = ["rest" if run == "easy" else run for run in runs]
            easy, rest = (placement_breaches(shape, week(r, slots), rules) for r in (runs, rested))
            assert [b.expected for b in easy] == [b.expected for b in rest]


def test_there_is_an_entry_for_every_long_run_day_set_of_hard_days_and_race_day(content):
    for plan_id, plan in content.plans.items():
        found = list(entries(plan, content))
        assert len(found) == 7 * 128 * (7 if plan.race else 1), plan_id
        # A mask that holds the long-run day is no week: its entry says so.
        assert all((entry == "--") == bool(mask & (1 << long)) for _, long, mask, entry in found), plan_id


def test_a_week_of_hard_runs_on_four_days_in_a_row_names_the_rules_it_cannot_keep(content):
    plan = content.plans["build"]
    data = placements(plan, content.programming, content.workouts)
    entry = table_entry(data["table"], 6, 0b0001111)  # long run on Sunday, hard runs Monday to Thursday
    assert entry.startswith("!")
    assert "placement" in data["problems"][int(entry[1:], 16)]
