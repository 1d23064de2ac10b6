"""A plan on a phone, in a real browser at 320 and 375 px: nothing of it hidden, nothing needing a sideways
swipe, inside a table or out. Desktop keeps the grid."""

import pytest

from tests.browser import VIEWPORTS
from tests.contributor import fail_for

PHONES = [320, 375]
TOO_WIDE = (
    "shorten the long words or names there (a running week's name, an exercise's name or notes), so that a phone"
    " 320 px wide shows it whole; see it with `python3 dev.py serve` in your browser's phone view."
)

# Each day of a running week and each session of the weeks, with how far it reaches past the viewport, and every
# element of the article whose content is wider than its box (clipped, or scrolled inside it).
LAID_OUT = """() => {
  const outside = element => {
    const box = element.getBoundingClientRect();
    return box.left < 0 || box.right > window.innerWidth + 0.5;
  };
  const cells = [...document.querySelectorAll(".running-week td, .plan-grid td:not(.plan-grid__filler)")];
  return {
    cells: cells.length,
    outside: cells.filter(outside).map(cell => cell.textContent.trim().slice(0, 40)),
    clipped: [...document.querySelectorAll("article *")]
      .filter(element => element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0)
      .map(element => `${element.tagName.toLowerCase()}.${element.className}`),
  };
}"""


@pytest.fixture(scope="module")
def phone_layouts(browser, site_url, content):
    """{(plan id, width): what the plan page laid out at that phone width}."""
    layouts = {}
    for width in PHONES:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for plan_id in content.plans:
            page.goto(f"{site_url}plans/{plan_id}/")
            layouts[plan_id, width] = page.evaluate(LAID_OUT)
        context.close()
    return layouts


def expected_cells(plan) -> int:
    """Seven days a running week, and a cell for each session (or for a week without one)."""
    return 7 * len(plan.running_weeks) + sum(max(len(week.sessions), 1) for week in plan.weeks)


@pytest.mark.parametrize("width", PHONES)
def test_every_day_and_session_of_a_plan_is_inside_a_phones_width(phone_layouts, content, width):
    assert {plan_id: phone_layouts[plan_id, width]["cells"] for plan_id in content.plans} == {
        plan_id: expected_cells(plan) for plan_id, plan in content.plans.items()
    }
    fail_for(
        (
            f"data/plans/{plan_id}.yaml: at {width} px, the cell {cell!r} reaches past the screen's edge"
            for plan_id in content.plans
            for cell in phone_layouts[plan_id, width]["outside"]
        ),
        TOO_WIDE,
    )


@pytest.mark.parametrize("width", PHONES)
def test_nothing_on_a_plan_page_is_clipped_or_scrolls_sideways_on_a_phone(phone_layouts, content, width):
    fail_for(
        (
            f"data/plans/{plan_id}.yaml: at {width} px, the content of <{element}> is wider than its box"
            for plan_id in content.plans
            for element in phone_layouts[plan_id, width]["clipped"]
        ),
        TOO_WIDE,
    )


def test_a_desktop_keeps_the_plan_grid(page, site_url, content):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(f"{site_url}plans/{next(iter(content.plans))}/")
    displays = page.evaluate(
        "() => [...document.querySelectorAll('.running-week, .plan-grid')].map(t => getComputedStyle(t).display)"
    )
    assert displays and set(displays) == {"table"}
