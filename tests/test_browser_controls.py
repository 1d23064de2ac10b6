"""The site's controls in a real browser: search finds a variation and opens its section, and every control
works from the keyboard and shows where the focus is, at a phone and a desktop size, in both palettes."""

import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from macros.load import item_ids
from macros.site_map import FOLDER_KINDS
from tests.browser import CASES, VIEWPORTS
from tests.project import ROOT

# A workout page of the live site, whichever workouts it holds: the one whose file name sorts first.
A_WORKOUT_PAGE = f"workouts/{item_ids(ROOT / 'data', FOLDER_KINDS[0])[0]}/"


@pytest.fixture
def open_page(browser, site_url):
    """open_page(viewport, path="", scheme="light") -> a Page on a fresh context, closed after the test."""
    contexts = []

    def open_at(viewport: str, path: str = "", scheme: str = "light") -> Page:
        contexts.append(browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme))
        page = contexts[-1].new_page()
        page.goto(site_url + path)
        return page

    yield open_at
    for context in contexts:
        context.close()


def test_search_dialog_has_an_accessible_name(open_page):
    page = open_page("desktop")
    assert page.get_by_role("dialog", name="Search", include_hidden=True).count() == 1


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_searching_single_leg_opens_the_single_leg_hip_thrust(open_page, viewport):
    page = open_page(viewport)
    # The phone shows a search button; the desktop shows the search field itself.
    page.locator(".md-header label[for=__search]:visible, .md-search__input:visible").first.click()
    page.keyboard.type("single leg")
    page.locator(".md-search-result a[href*='h=single+leg'][href$='#single-leg-hip-thrust']").click()
    page.wait_for_url("**#single-leg-hip-thrust")
    expect(page.locator("h2#single-leg-hip-thrust, h3#single-leg-hip-thrust")).to_be_in_viewport()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_search_index_and_its_worker_load_once_search_is_opened_not_before(open_page, viewport):
    page = open_page(viewport)
    index_requests = []
    page.on("request", lambda request: "search_index" in request.url and index_requests.append(request.url))
    page.wait_for_load_state("networkidle")
    assert (index_requests, page.workers) == ([], [])
    with page.expect_request("**/search/search_index.json"), page.expect_worker() as worker:
        page.locator(".md-header label[for=__search]:visible, .md-search__input:visible").first.click()
    assert "/workers/search." in worker.value.url


def test_a_page_opened_from_a_search_result_highlights_the_query(open_page):
    page = open_page("desktop", "variations/?h=single+leg")
    expect(page.locator(".md-content mark").first).to_have_text(re.compile("single", re.IGNORECASE))


@dataclass(frozen=True)
class Control:
    name: str
    focus: str  # the element that Tab must reach
    ring: str  # the element that shows the focus: a visually hidden input shows it on its label
    done: str  # a JavaScript expression, true once the control has been used
    text: str = ""  # typed once the control has the focus
    text_shows: str = ""  # a selector that appears once the text has taken effect
    keys: tuple[str, ...] = ("Enter",)  # then pressed
    path: str = ""  # the page to find it on
    setup: str = ""  # JavaScript run once the page has loaded, to notice an effect the page keeps no trace of


CONTROLS = [
    Control(
        "palette toggle",
        focus=".md-option",
        ring=".md-option + label:not([hidden])",  # the shown one of the two labels
        done="document.body.dataset.mdColorScheme !== (matchMedia('(prefers-color-scheme: dark)').matches ? 'slate' : 'default')",
    ),
    Control(
        "search",
        focus=".md-search__input",
        ring=".md-search__form",
        text="single leg",
        # Results link with the query they answer: these answer the whole text, not a prefix typed on the way.
        text_shows=".md-search-result a[href*='h=single+leg']",
        keys=("ArrowDown", "Enter"),
        done="new URLSearchParams(location.search).has('h')",  # a search result opened, with its highlight
    ),
    Control(
        "unit choice",
        path=A_WORKOUT_PAGE,
        focus="input[name=load-unit]",
        ring="input[name=load-unit]:checked",
        keys=("ArrowRight",),  # a radio group: the arrow keys choose
        done="document.querySelector('[data-load-unit]').textContent === 'lb'",
    ),
    Control(
        "print button",
        path=A_WORKOUT_PAGE,
        focus="[data-card-print]",
        ring="[data-card-print]",
        setup="addEventListener('beforeprint', () => { document.body.dataset.printRequested = 'yes'; })",
        done="document.body.dataset.printRequested === 'yes'",
    ),
]
FOCUS_STYLE = """element => { const style = getComputedStyle(element);
  return [style.outlineStyle, style.outlineColor, style.outlineWidth, style.boxShadow, style.backgroundColor]; }"""
MAX_TABS = 200


@pytest.mark.parametrize(("viewport", "scheme"), CASES)
@pytest.mark.parametrize("control", CONTROLS, ids=lambda control: control.name)
def test_control_is_reachable_and_usable_from_the_keyboard_with_a_visible_focus(open_page, viewport, scheme, control):
    page = open_page(viewport, control.path, scheme)
    if control.setup:
        page.evaluate(control.setup)
    ring = page.locator(control.ring)
    unfocused = ring.evaluate(FOCUS_STYLE)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", control.focus):
            break
    else:
        pytest.fail(f"{MAX_TABS} presses of Tab never reached the {control.name}")
    assert ring.evaluate(FOCUS_STYLE) != unfocused, f"the {control.name} shows no focus"
    page.keyboard.type(control.text)
    if control.text_shows:
        page.locator(control.text_shows).first.wait_for()
    for key in control.keys:
        page.keyboard.press(key)
    page.wait_for_function(control.done)
