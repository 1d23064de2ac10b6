"""The runner's own week on a plan page, in a real browser: the address or the last choice sets the week, the page
shows the sessions on the days the build worked out, dates the weeks from a race date, and says which rules a
week that no placement suits cannot keep. Without the script the page shows the plan's example weeks."""

from macros.models import WEEKDAYS
from macros.week_placement import placements, table_entry

NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def shown_week(page) -> dict[str, str]:
    """Each day of the runner's week as the page lists it: "Tuesday" -> "Hard run · Hip thrusts 1"."""
    items = page.locator(".plan-week__days li").all_inner_texts()
    return dict(item.split(": ", 1) for item in items)


def looked_up(plan, content, long: str, hard: list[str], race_day: str | None = None) -> list[int]:
    data = placements(plan, content.programming, content.workouts)
    mask = sum(1 << WEEKDAYS.index(day) for day in hard)
    race_index = WEEKDAYS.index(race_day) if race_day else 0
    bits = int(table_entry(data["table"], WEEKDAYS.index(long), mask, race_index), 16)
    return [day for day in range(7) if bits & (1 << day)]


def test_the_address_sets_the_week_and_the_sessions_go_on_the_days_worked_out_at_build_time(page, site_url, content):
    plan = content.plans["build"]
    page.goto(f"{site_url}plans/build/?long=sat&hard=tue,thu&rest=mon")
    week = shown_week(page)
    assert week["Saturday"] == "Long run" and week["Monday"] == "Rest" and week["Wednesday"] == "Easy run"
    slots = looked_up(plan, content, "sat", ["tue", "thu"])
    sessions = {NAMES[day]: f"Hip thrusts {number}" for number, day in enumerate(slots, start=1)}
    for day, text in week.items():
        assert text.endswith(sessions[day]) if day in sessions else "Hip thrusts" not in text, day


def test_a_race_date_dates_the_weeks_so_that_the_plan_ends_on_race_day(page, site_url, content):
    plan = content.plans["racing-season"]
    page.goto(f"{site_url}plans/racing-season/?long=sun&hard=tue&race=2027-04-17")
    result = page.locator(".plan-week__result").inner_text()
    assert (
        f"Week 1 starts on Monday, 22 February 2027; the race is on Saturday, 17 April 2027, at the end of week {len(plan.weeks)}."
        in result
    )
    assert (
        page.locator(".plan-race-day").inner_text()
        == f"Race day: Saturday, 17 April 2027, the end of week {len(plan.weeks)}."
    )
    dates = page.locator(".plan-grid__date").all_inner_texts()
    assert dates[0] == "from 22 Feb" and dates[-1] == "from 12 Apr" and len(dates) == len(plan.weeks)
    slots = looked_up(plan, content, "sun", ["tue"], "sat")
    assert [day for day, text in enumerate(shown_week(page).values()) if "Hip thrusts" in text] == slots


def test_without_a_race_date_the_plan_names_its_own_race_day(page, site_url, content):
    plan = content.plans["racing-season"]
    page.goto(f"{site_url}plans/racing-season/?long=sun&hard=tue&race=2027-04-17")
    page.get_by_label("Race date").fill("")
    page.get_by_label("Race date").dispatch_event("change")
    assert page.locator(".plan-race-day").inner_text() == f"Race day: the Sunday of week {len(plan.weeks)}."


def test_a_week_that_no_placement_suits_names_the_rules_it_cannot_keep(page, site_url):
    page.goto(f"{site_url}plans/build/?long=sun&hard=mon,tue,wed,thu")
    problem = page.locator(".plan-week__problem").inner_text()
    assert "No placement of this plan's 2 sessions keeps every rule in this week" in problem
    assert "placement" in problem.split("cannot keep:")[1]
    assert page.locator(".plan-week__days").count() == 0


def test_the_last_choice_is_remembered_on_the_device_and_goes_into_the_address(page, site_url):
    page.goto(f"{site_url}plans/from-zero/")
    page.get_by_role("group", name="Long run").get_by_label("Sat").check()
    assert "long=sat" in page.url
    page.goto(f"{site_url}plans/build/")
    assert page.get_by_role("group", name="Long run").get_by_label("Sat").is_checked()
    assert shown_week(page)["Saturday"] == "Long run"


def test_without_the_script_the_page_shows_the_example_weeks_and_no_form(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}plans/build/?long=sat&hard=tue")
    assert not page.locator("[data-plan-week]").is_visible()
    assert page.locator("table.running-week").count() == 2
    context.close()
