"""Printing a plan in a real browser: one sheet on A4 and on Letter, even for the fullest plan the schema
allows, holding the plan, its running weeks and a QR code back to its page, black on white and nothing
of the site around it. The printed sheets are saved as PNGs under test-output/plans/ to look at."""

import pytest

from macros.load import load_content
from macros.models import (
    MAX_EXERCISES,
    MAX_PLAN_EXERCISES,
    MAX_PLAN_SESSIONS,
    MAX_PLAN_WEEKS,
    MAX_RUNNING_WEEKS,
    CardText,
    Name,
    Summary,
    Title,
)
from macros.plan_rules import session_exercises
from tests.browser import print_to_pdf
from tests.project import ROOT, words
from tests.test_print import (
    PAPERS,
    assert_no_site_chrome_printed,
    longest,
    pages_text,
    printed_qr_codes,
    save_png,
)

PNG_DIR = ROOT / "test-output" / "plans"


def weighted_exercises(plan, content) -> int:
    """How many exercises of the plan carry a load, each with its load blank on the sheet."""
    return sum(
        content.variation(exercise.variation).loaded
        for week in plan.weeks
        for session in week.sessions
        for exercise in session_exercises(session, content.workouts)
    )


@pytest.mark.parametrize("paper", PAPERS)
def test_every_plan_prints_on_one_sheet(printed, content, paper):
    for plan_id in content.plans:
        pdf = printed(f"plans/{plan_id}/", paper)
        save_png(pdf, f"{plan_id}-{paper}", folder=PNG_DIR)
        assert len(pages_text(pdf)) == 1, f"{plan_id} on {paper}"


def test_a_printed_plan_holds_who_it_is_for_its_rule_its_running_weeks_and_every_target(printed, content):
    for plan_id, plan in content.plans.items():
        (text,) = pages_text(printed(f"plans/{plan_id}/", "A4"))
        assert plan.title in text
        assert words(plan.audience) in text
        step = content.programming.plan_rules.add_load
        assert "Add load:" in text and f"{step.add_kg:g} kg ({step.add_lb:g} lb)" in text
        for running_week in plan.running_weeks:
            assert running_week.name in text
        assert "Mon Tue Wed Thu Fri Sat Sun" in text
        targets = [
            f"{e.sets} × {e.reps}"
            for week in plan.weeks
            for session in week.sessions
            for e in session_exercises(session, content.workouts)
        ]
        assert sum(text.count(target) for target in set(targets)) >= len(targets)
        assert text.count("Load") >= weighted_exercises(plan, content)
        assert words(content.programming.safety) in text


def test_the_qr_code_on_a_printed_plan_opens_the_plan_page(printed, built_site, content):
    for plan_id in content.plans:
        pdf = printed(f"plans/{plan_id}/", "Letter")
        assert printed_qr_codes(pdf) == [f"{built_site.base_url}plans/{plan_id}/"]


def test_a_printed_plan_shows_nothing_of_the_site_around_it(page, site_url, content):
    pdf = print_to_pdf(page, f"{site_url}plans/{next(iter(content.plans))}/", "A4")
    assert_no_site_chrome_printed(page)
    (text,) = pages_text(pdf)
    for chrome_text in ("Hip Thrusts for Runners", "Table of contents", "Print plan", "Where the sessions go", "¶"):
        assert chrome_text not in text


def test_a_plan_prints_black_on_white_in_the_dark_colour_scheme(page, site_url, content):
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site_url}plans/{next(iter(content.plans))}/")
    page.emulate_media(media="print", color_scheme="dark")
    for selector in (".plan-sheet__title", ".plan-grid th", ".plan-grid__dose", ".running-week td"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)", selector
    for selector in (".plan-grid td", ".running-week td", ".plan-grid__tick"):
        border = page.locator(selector).first.evaluate("e => getComputedStyle(e).borderTopColor")
        assert border == "rgb(0, 0, 0)", selector


def test_the_chosen_unit_is_printed_in_every_cell(page, site_url, content):
    plan_id, plan = next(iter(content.plans.items()))
    url = f"{site_url}plans/{plan_id}/"
    page.goto(url)
    page.get_by_label("lb", exact=True).check()
    (text,) = pages_text(print_to_pdf(page, url, "A4"))
    assert text.count(" lb") >= weighted_exercises(plan, content)
    assert " kg " not in text.replace(f"{content.programming.plan_rules.add_load.add_kg:g} kg (", "")


def test_the_fullest_plan_fixture_is_as_full_as_the_schema_allows(fullest_site):
    site, _ = fullest_site
    content = load_content(site.root.parent / "data")
    plan = content.plans["fullest-plan"]

    assert (len(plan.title), len(plan.audience), len(plan.season), len(plan.next)) == (
        longest(Title),
        longest(Summary),
        longest(Summary),
        longest(CardText),
    )
    assert len(plan.weeks) == MAX_PLAN_WEEKS and len(plan.running_weeks) == MAX_RUNNING_WEEKS
    assert plan.race is not None and plan.race.day == "wed"  # the longest day name on the sheet
    assert [len(running_week.name) for running_week in plan.running_weeks] == [longest(Title)] * MAX_RUNNING_WEEKS
    for week in plan.weeks:
        assert len(content.programming.phases[[p.id for p in content.programming.phases].index(week.phase)].title) == (
            longest(Name)
        )
        assert len(week.sessions) == MAX_PLAN_SESSIONS
        for session in week.sessions:
            assert len(session.exercises) == MAX_PLAN_EXERCISES
            assert all(
                (e.sets, e.reps, e.per_side, e.reps_in_reserve, e.rest_seconds) == (10, 50, True, 5, 270)
                for e in session.exercises
            )
            assert all(content.variation(e.variation).loaded for e in session.exercises)
    letters = {exercise.variation for week in plan.weeks for s in week.sessions for exercise in s.exercises}
    assert len(letters) == MAX_EXERCISES
    assert all(len(content.variation(variation_id).name) == longest(Name) for variation_id in letters)


@pytest.mark.parametrize("paper", PAPERS)
def test_the_fullest_plan_the_schema_allows_prints_on_one_sheet(page, fullest_site, paper):
    site, base_url = fullest_site
    pdf = print_to_pdf(page, f"{base_url}plans/fullest-plan/", paper)
    save_png(pdf, f"fullest-plan-{paper}", folder=PNG_DIR)
    sheets = pages_text(pdf)
    assert len(sheets) == 1
    safety = load_content(site.root.parent / "data").programming.safety
    assert words(safety) in sheets[0], "the safety note, last on the sheet, is on it"


@pytest.mark.parametrize("paper", PAPERS)
def test_a_plan_printed_with_the_runners_own_week_holds_that_week_and_its_dates_on_one_sheet(page, site_url, paper):
    pdf = print_to_pdf(page, f"{site_url}plans/racing-season/?long=sat&hard=tue&race=2027-04-18", paper)
    save_png(pdf, f"racing-season-own-week-{paper}", folder=PNG_DIR)
    (text,) = pages_text(pdf)
    assert "Week 1 starts on Monday, 22 February 2027" in words(text)
    assert "Saturday: Long run" in words(text) and "Tuesday: Hard run · Hip thrusts 1" in words(text)
    assert "Three runs a week" not in text, "the example weeks give way to the runner's own"
