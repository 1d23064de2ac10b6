"""Printing a plan in a real browser: one sheet on A4 and on Letter, even for the fullest plan the schema
allows, holding the plan, its running weeks and a QR code back to its page, black on white and nothing
of the site around it. The printed sheets are saved as PNGs under test-output/plans/ to look at."""

import pypdfium2
import pytest

from macros.load import load_content
from macros.models import (
    MAX_EXERCISES,
    MAX_PLAN_EXERCISES,
    MAX_PLAN_LOG_ROWS,
    MAX_PLAN_SESSIONS,
    MAX_PLAN_WEEKS,
    MAX_RUNNING_WEEKS,
    CardText,
    Name,
    PhaseTitle,
    Summary,
    Title,
)
from macros.plan_rules import session_exercises
from tests.browser import print_to_pdf
from tests.contributor import fail_for
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


@pytest.mark.parametrize("paper", PAPERS)
def test_every_plan_prints_on_one_sheet(printed, content, paper):
    sheets = {}
    for plan_id in content.plans:
        pdf = printed(f"plans/{plan_id}/", paper)
        save_png(pdf, f"{plan_id}-{paper}", folder=PNG_DIR)
        sheets[plan_id] = len(pages_text(pdf))
    fail_for(
        (f"data/plans/{plan_id}.yaml: prints on {n} sheets of {paper}" for plan_id, n in sheets.items() if n != 1),
        "shorten the plan's texts (audience, notes, running weeks' names), or give it fewer weeks or exercises, until"
        f" it prints on one sheet; its first sheet is test-output/plans/<plan>-{paper}.png.",
    )


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
        assert "Load kg" in text
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
    for selector in (".plan-sheet__title", ".plan-log th", ".plan-log td", ".running-week td"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)", selector
    for selector in (".plan-log td", ".running-week td", ".plan-log__tick"):
        border = page.locator(selector).first.evaluate("e => getComputedStyle(e).borderTopColor")
        assert border == "rgb(0, 0, 0)", selector


def test_the_chosen_unit_is_printed_on_the_log(page, site_url, content):
    plan_id = next(iter(content.plans))
    url = f"{site_url}plans/{plan_id}/"
    page.goto(url)
    page.get_by_label("lb", exact=True).check()
    (text,) = pages_text(print_to_pdf(page, url, "A4"))
    assert "Load lb" in text
    assert " kg " not in text.replace(f"{content.programming.plan_rules.add_load.add_kg:g} kg (", "")


# Under print media: the smallest text on the sheet, the tick boxes and load cells, the blanks for a date.
SHEET = """() => {
  const sheet = document.querySelector(".plan-sheet");
  const texts = [...sheet.querySelectorAll("*")].filter(element =>
    element.offsetParent !== null && [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim()));
  const mm = px => px * 25.4 / 96;
  const box = element => element.getBoundingClientRect();
  return {
    smallest_pt: Math.min(...texts.map(element => parseFloat(getComputedStyle(element).fontSize) * 0.75)),
    ticks_mm: [...sheet.querySelectorAll(".plan-log__tick")].map(t => [mm(box(t).width), mm(box(t).height)]),
    load_mm: mm(box(sheet.querySelector(".plan-log thead th:nth-child(6)")).width),
    dates: sheet.querySelectorAll(".plan-log__blank").length,
    rows: sheet.querySelectorAll(".plan-log tbody tr").length,
    caption: sheet.querySelector(".plan-sheet__qr-caption")?.offsetParent !== null,
  };
}"""


def test_every_printed_plan_is_a_log_worth_a_pencil(page, site_url, content):
    for plan_id, plan in content.plans.items():
        page.goto(f"{site_url}plans/{plan_id}/")
        page.emulate_media(media="print")
        sheet = page.evaluate(SHEET)
        sessions = sum(len(week.sessions) for week in plan.weeks)
        exercises = sum(len(session_exercises(s, content.workouts)) for w in plan.weeks for s in w.sessions)
        assert sheet["smallest_pt"] >= 9, plan_id
        assert len(sheet["ticks_mm"]) == sheet["dates"] == sessions, plan_id
        assert all(width >= 4 and height >= 4 for width, height in sheet["ticks_mm"]), plan_id
        assert sheet["load_mm"] >= 20, "room for 102.5 and more"
        assert sheet["rows"] == exercises + sum(1 for week in plan.weeks if not week.sessions), plan_id
        assert sheet["caption"], plan_id


def test_a_printed_log_leaves_body_weight_and_band_exercises_without_a_load_blank(printed, content):
    plan = content.plans["no-gym"]
    (text,) = pages_text(printed("plans/no-gym/", "A4"))
    unloaded = [
        e
        for w in plan.weeks
        for s in w.sessions
        for e in session_exercises(s, content.workouts)
        if not content.variation(e.variation).loaded
    ]
    assert unloaded and text.count("–") >= len(unloaded)


@pytest.mark.parametrize("paper", PAPERS)
def test_a_printed_plan_fills_its_sheet(printed, content, paper):
    for plan_id in content.plans:
        image = pypdfium2.PdfDocument(printed(f"plans/{plan_id}/", paper))[0].render(scale=1).to_pil().convert("L")
        ink = image.point(lambda shade: 255 if shade < 128 else 0)  # dark pixels lit, paper dark
        bottom = ink.getbbox()[3]
        assert bottom > 0.85 * image.height, f"{plan_id} on {paper}: the sheet ends {bottom / image.height:.0%} down"


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
            longest(PhaseTitle)
        )
    assert max(len(week.sessions) for week in plan.weeks) == MAX_PLAN_SESSIONS
    sessions = [session for week in plan.weeks for session in week.sessions]
    assert all(len(session.exercises) == MAX_PLAN_EXERCISES for session in sessions)
    exercises = [e for session in sessions for e in session.exercises]
    assert len(exercises) == MAX_PLAN_LOG_ROWS, "a row for every exercise the sheet has room for"
    assert all(
        (e.sets, e.reps, e.per_side, e.reps_in_reserve, e.rest_seconds) == (10, 50, True, 5, 270) for e in exercises
    )
    assert all(content.variation(e.variation).loaded for e in exercises)
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
