"""The log on a plan page, in a real browser: its blanks are labelled fields, what is entered stays on the device
through a reload and another tab's entries, the page says what load to use next time by the add-load rule, the
log goes out as CSV and JSON and comes back in, anything that is not a log of this plan is refused and changes
nothing, full storage is said, and a printed log holds what was entered."""

import json

import pytest
from playwright.sync_api import expect

from macros.load_rule import LOG_VERSION
from tests.browser import print_to_pdf
from tests.test_print import pages_text

LOAD = "Week 1, session 1, Barbell hip thrust: load"
LEFT = "Week 1, session 1, Barbell hip thrust: repetitions left in the last set"
KEY = "hip-thrusts-for-runners.log.build"


@pytest.fixture
def log_page(page, site_url):
    page.goto(f"{site_url}plans/build/")
    return page


def enter(page, label: str, value: str) -> None:
    page.get_by_label(label, exact=True).fill(value)
    page.get_by_label(label, exact=True).dispatch_event("change")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"() => localStorage.getItem('{KEY}')") or "null")


def test_every_blank_of_the_log_is_a_labelled_field(log_page, content):
    plan = content.plans["build"]
    sessions = sum(len(week.sessions) for week in plan.weeks)
    assert log_page.locator("input.plan-log__field--date").count() == sessions
    assert log_page.locator("input.plan-log__field--done").count() == sessions
    assert log_page.locator("input.plan-log__field--left").count() == log_page.locator("tr[data-row]").count()
    labels = log_page.locator("input.plan-log__field").evaluate_all(
        "fields => fields.map(f => f.getAttribute('aria-label'))"
    )
    assert all(labels) and len(set(labels)) == len(labels)


def test_what_is_entered_stays_through_a_reload(log_page):
    enter(log_page, LOAD, "62.5")
    log_page.reload()
    assert log_page.get_by_label(LOAD, exact=True).input_value() == "62.5"
    assert stored(log_page) == {
        "version": LOG_VERSION,
        "plan": "build",
        "entries": {"w1s1e1": {"load": "62.5", "unit": "kg"}},
    }


def test_entries_from_two_tabs_are_both_kept(log_page, site_url):
    second = log_page.context.new_page()
    second.goto(f"{site_url}plans/build/")
    enter(log_page, LOAD, "60")
    enter(second, LEFT, "5")
    log_page.reload()
    assert log_page.get_by_label(LOAD, exact=True).input_value() == "60"
    assert log_page.get_by_label(LEFT, exact=True).input_value() == "5"


def test_the_page_says_to_add_load_after_two_sessions_that_beat_their_target_and_to_keep_it_otherwise(
    log_page, content
):
    step = content.programming.plan_rules.add_load
    second_load, second_left = (
        "Week 1, session 2, Barbell hip thrust: load",
        "Week 1, session 2, Barbell hip thrust: repetitions left in the last set",
    )
    advice = log_page.locator('tr[data-row="w1s2e1"] .plan-log__advice')
    enter(log_page, second_load, "60")
    assert advice.inner_text() == "Next time: 60 kg"
    # Aims: 2 left in week 1's first session, 3 in its second; the rule asks for 2 more, two sessions in a row.
    enter(log_page, LEFT, "4")
    enter(log_page, second_left, "5")
    assert advice.inner_text() == f"Next time: {60 + step.add_kg:g} kg"
    enter(log_page, LEFT, "3")
    assert advice.inner_text() == "Next time: 60 kg"


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_the_log_goes_out_and_comes_back_in(log_page, tmp_path, kind):
    enter(log_page, LOAD, "60")
    enter(log_page, LEFT, "4")
    with log_page.expect_download() as download:
        log_page.locator(f'[data-log-export="{kind}"]').click()
    path = tmp_path / f"log.{kind}"
    download.value.save_as(path)
    log_page.evaluate(f"() => localStorage.removeItem('{KEY}')")
    log_page.reload()
    assert log_page.get_by_label(LOAD, exact=True).input_value() == ""
    log_page.locator("[data-log-import]").set_input_files(path)
    expect(log_page.locator(".plan-log-tools__status")).to_contain_text("Imported 1 entries")
    assert log_page.get_by_label(LOAD, exact=True).input_value() == "60"
    assert stored(log_page)["entries"]["w1s1e1"]["left"] == "4"


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("other-plan.json", json.dumps({"version": 1, "plan": "from-zero", "entries": {}}), "another plan"),
        ("cut.json", '{"version": 1, "plan": "build", "entr', "not a complete log"),
        ("bad.csv", "plan,row,date\nbuild,w1s1e1,x\n", "not a log exported from this guide"),
        ("short.csv", "plan,row,date,done,load,unit,reps,left\nbuild,w1s1e1,2027-01-05\n", "cut short"),
        ("wrong-row.json", json.dumps({"version": 1, "plan": "build", "entries": {"w99s1e1": {"load": "1"}}}), "row"),
        ("newer.json", json.dumps({"version": 99, "plan": "build", "entries": {}}), "can read"),
        ("huge.json", "{" + " " * 300000 + "}", "too large"),
    ],
)
def test_a_file_that_is_not_a_log_of_this_plan_is_refused_and_changes_nothing(log_page, tmp_path, name, text, reason):
    enter(log_page, LOAD, "60")
    before = stored(log_page)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    log_page.locator("[data-log-import]").set_input_files(path)
    expect(log_page.locator(".plan-log-tools__status")).to_contain_text("nothing changed")
    assert reason in log_page.locator(".plan-log-tools__status").inner_text()
    assert stored(log_page) == before


def test_clearing_the_log_asks_first(log_page):
    enter(log_page, LOAD, "60")
    log_page.once("dialog", lambda dialog: dialog.dismiss())
    log_page.locator("[data-log-clear]").click()
    assert stored(log_page)["entries"]
    log_page.once("dialog", lambda dialog: dialog.accept())
    log_page.locator("[data-log-clear]").click()
    assert stored(log_page)["entries"] == {}


def test_full_storage_is_said_and_the_field_keeps_what_was_typed(log_page):
    log_page.evaluate(
        "() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }"
    )
    enter(log_page, LOAD, "70")
    assert "storage is full" in log_page.locator(".plan-log-tools__status").inner_text()
    assert log_page.get_by_label(LOAD, exact=True).input_value() == "70"


def test_a_log_of_a_newer_format_is_left_as_it_was(log_page):
    newer = json.dumps({"version": LOG_VERSION + 1, "plan": "build", "entries": {"w1s1e1": {"load": "1"}}})
    log_page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, newer])
    log_page.reload()
    assert "another version of this page" in log_page.locator(".plan-log-tools__status").inner_text()
    assert log_page.evaluate(f"() => localStorage.getItem('{KEY}')") == newer


def test_a_printed_log_holds_what_was_entered(log_page, site_url):
    enter(log_page, LOAD, "102.5")
    enter(log_page, "Week 1, session 1: date", "2027-01-05")
    (text,) = pages_text(print_to_pdf(log_page, f"{site_url}plans/build/", "A4"))
    assert "102.5" in text
    assert any(date in text for date in ("01/05/2027", "05/01/2027", "2027-01-05"))  # in the browser's format
