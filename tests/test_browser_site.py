"""The built site in a real browser. Every page, at a phone and a desktop size and in the light and the dark
palette, logs no console error or warning, asks no host but ours for anything, fits the phone's width and
passes axe-core's WCAG 2.1 A and AA rules. Search finds a variation and opens its section; every control
works from the keyboard and shows where the focus is."""

import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page, expect, sync_playwright

from tests.browser import launch_chromium, serve_directory

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}
# The palette follows prefers-color-scheme; each preference must apply its Material scheme.
SCHEMES = {"light": "default", "dark": "slate"}
# Only violations come back: axe's full report (every passing node) takes longer to hand over than to compute.
WCAG_21_A_AND_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
CASES = [(viewport, scheme) for viewport in VIEWPORTS for scheme in SCHEMES]


@dataclass
class Visit:
    """What one page did and showed in one viewport and colour scheme."""

    scheme: str = ""
    background_luminance: float = 0.0
    overflow_px: int = 0
    console: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory):
    """The built site served under its site_url's path, as on the real host: 404.html links there absolutely."""
    path = urlsplit(built_site.base_url).path.strip("/")
    host_root = built_site.root
    if path:
        host_root = tmp_path_factory.mktemp("host")
        (host_root / path).parent.mkdir(parents=True, exist_ok=True)
        (host_root / path).symlink_to(built_site.root, target_is_directory=True)
    with serve_directory(host_root) as base:
        yield f"{base}{path}/" if path else base


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module, a fresh context per viewport and scheme or per test. Not session-wide:
    Playwright's sync API cannot start twice at once, and other modules start it themselves."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page_paths(built_site) -> list[str]:
    """Every page of the site as a path below the site's address: "", "benefits/", "404.html"."""
    return [html.relative_to(built_site.root).as_posix().removesuffix("index.html") for html in built_site.html_files()]


def relative_luminance(css_rgb: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_rgb)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.fixture(scope="module")
def visits(browser, site_url, page_paths):
    """visits(viewport, scheme) -> {page path: Visit}, every page visited once per viewport and scheme."""
    local_host = urlsplit(site_url).netloc

    @cache
    def visit_all(viewport: str, scheme: str) -> dict[str, Visit]:
        results = {path: Visit() for path in page_paths}
        context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
        page = context.new_page()
        current = Visit()  # the visit that the listeners below record into
        context.on("request", lambda request: record_request(current, request.url, local_host))
        page.on("console", lambda message: record_console(current, message.type, message.text))
        page.on("pageerror", lambda error: current.console.append(f"uncaught: {error}"))
        for path in page_paths:
            current = results[path]
            page.goto(site_url + path)
            page.evaluate(AXE_SCRIPT)  # once the page has loaded: parsing it on every navigation costs more
            violations = page.evaluate(
                "options => axe.run(options).then(report => report.violations)", WCAG_21_A_AND_AA
            )
            current.violations = [f"{rule['id']}: {[node['target'] for node in rule['nodes']]}" for rule in violations]
            current.scheme = page.evaluate("document.body.dataset.mdColorScheme")
            current.background_luminance = relative_luminance(
                page.evaluate("getComputedStyle(document.body).backgroundColor")
            )
            current.overflow_px = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        # Anything a page asks for late (the search index, say) is recorded while the next page loads; after
        # the last page, wait until the network is quiet so that nothing escapes the checks.
        page.wait_for_load_state("networkidle")
        context.close()
        return results

    return visit_all


def record_request(visit: Visit, url: str, local_host: str) -> None:
    if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != local_host:
        visit.foreign_requests.append(url)


def record_console(visit: Visit, kind: str, text: str) -> None:
    if kind in ("error", "warning"):
        visit.console.append(f"{kind}: {text}")


@pytest.mark.parametrize(("viewport", "scheme"), CASES)
def test_every_page_applies_the_preferred_colour_scheme(visits, viewport, scheme):
    pages = visits(viewport, scheme)
    assert {path: visit.scheme for path, visit in pages.items()} == dict.fromkeys(pages, SCHEMES[scheme])
    dark_pages = [path for path, visit in pages.items() if visit.background_luminance < 0.5]
    assert dark_pages == (list(pages) if scheme == "dark" else [])


@pytest.mark.parametrize(("viewport", "scheme"), CASES)
def test_no_page_logs_a_console_error_or_warning(visits, viewport, scheme):
    assert {path: visit.console for path, visit in visits(viewport, scheme).items() if visit.console} == {}


@pytest.mark.parametrize(("viewport", "scheme"), CASES)
def test_no_page_requests_anything_from_another_host(visits, viewport, scheme):
    pages = visits(viewport, scheme)
    assert {path: visit.foreign_requests for path, visit in pages.items() if visit.foreign_requests} == {}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_page_scrolls_sideways_on_a_phone(visits, scheme):
    assert {path: visit.overflow_px for path, visit in visits("phone", scheme).items() if visit.overflow_px > 0} == {}


@pytest.mark.parametrize(("viewport", "scheme"), CASES)
def test_no_page_violates_wcag_21_a_or_aa(visits, viewport, scheme):
    assert {path: visit.violations for path, visit in visits(viewport, scheme).items() if visit.violations} == {}


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
        path="workouts/first-session/",
        focus="input[name=load-unit]",
        ring="input[name=load-unit]:checked",
        keys=("ArrowRight",),  # a radio group: the arrow keys choose
        done="document.querySelector('[data-load-unit]').textContent === 'lb'",
    ),
    Control(
        "print button",
        path="workouts/first-session/",
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
