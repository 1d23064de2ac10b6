"""A plan on a phone (375 px): the grid of weeks and the running weeks scroll inside their own boxes, which a
keyboard can reach; on a wide screen nothing needs to. (That no page itself scrolls sideways on a phone, plans
included, is tests/test_browser_pages.py's.)"""

from tests.browser import VIEWPORTS

WIDEST_OVERFLOW = """() => Math.max(...[...document.querySelectorAll(".plan-scroll")].map(
  region => region.scrollWidth - region.clientWidth))"""


def test_on_a_phone_the_grid_of_weeks_scrolls_inside_its_own_box(page, site_url, content):
    page.set_viewport_size(VIEWPORTS["phone"])
    plan_id = max(content.plans, key=lambda plan_id: max(len(w.sessions) for w in content.plans[plan_id].weeks))
    page.goto(f"{site_url}plans/{plan_id}/")
    assert page.evaluate(WIDEST_OVERFLOW) > 0
    grid = page.get_by_role("region", name="Weeks of the plan")
    grid.focus()
    # The browser may scroll smoothly: the test waits for the box to move (and times out if it never does).
    grid.evaluate("region => { window.moved = new Promise(m => region.addEventListener('scroll', m, {once: true})) }")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => window.moved.then(() => true)", timeout=5000)
    assert grid.evaluate("region => region.scrollLeft") > 0


def test_on_a_wide_screen_nothing_needs_to_scroll(page, site_url, content):
    page.set_viewport_size(VIEWPORTS["desktop"])
    for plan_id in content.plans:
        page.goto(f"{site_url}plans/{plan_id}/")
        assert page.evaluate(WIDEST_OVERFLOW) <= 0, plan_id
