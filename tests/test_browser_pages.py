"""Every page of the built site in a real browser, at a phone and a desktop size and in the light and the dark
palette: it applies the preferred palette, logs no console error or warning, asks no host but ours for anything,
fits the phone's width, leaves no hole in a grid of cards and passes axe-core's WCAG 2.1 A and AA rules."""

import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.browser import CASES, SCHEMES, VIEWPORTS
from tests.contributor import fail_for, files_of_page

# What a loaded page shows, in one call to the browser: axe's violations of the options given, the palette
# applied, the body's background colour, how far the page scrolls sideways, and the first card of each grid of
# cards whose last row has room for one more card (an empty cell beside the last).
SHOWN = """async axeOptions => ({
  violations: (await axe.run(axeOptions)).violations,
  scheme: document.body.dataset.mdColorScheme,
  background: getComputedStyle(document.body).backgroundColor,
  overflow_px: document.documentElement.scrollWidth - window.innerWidth,
  grids_with_a_hole: [...document.querySelectorAll(".md-typeset .grid.cards")].filter(grid => {
    const last = grid.querySelector(":scope > :is(ul, ol) > li:last-child").getBoundingClientRect();
    return grid.getBoundingClientRect().right - last.right >= last.width;
  }).map(grid => grid.querySelector("li").textContent.trim().split("\\n")[0]),
})"""

# Only violations come back: axe's full report (every passing node) takes longer to hand over than to compute.
WCAG_21_A_AND_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@dataclass
class Visit:
    """What one page did and showed in one viewport and colour scheme."""

    scheme: str = ""
    background_luminance: float = 0.0
    overflow_px: int = 0
    console: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    grids_with_a_hole: list[str] = field(default_factory=list)


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
        # Given once, axe's half a megabyte of script runs in each page without crossing to the browser again.
        context.add_init_script(AXE_SCRIPT)
        page = context.new_page()
        current = Visit()  # the visit that the listeners below record into
        context.on("request", lambda request: record_request(current, request.url, local_host))
        page.on("console", lambda message: record_console(current, message.type, message.text))
        page.on("pageerror", lambda error: current.console.append(f"uncaught: {error}"))
        for path in page_paths:
            current = results[path]
            page.goto(site_url + path)
            shown = page.evaluate(SHOWN, WCAG_21_A_AND_AA)
            current.violations = [
                f"{rule['id']}: {[node['target'] for node in rule['nodes']]}" for rule in shown["violations"]
            ]
            current.scheme = shown["scheme"]
            current.background_luminance = relative_luminance(shown["background"])
            current.overflow_px = shown["overflow_px"]
            current.grids_with_a_hole = shown["grids_with_a_hole"]
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
    fail_for(
        (
            f"{files_of_page(path)}: its page is {visit.overflow_px} px wider than a phone's screen"
            for path, visit in visits("phone", scheme).items()
            if visit.overflow_px > 0
        ),
        "find the long word, address or table on that page and shorten or break it, so that a phone 320 px wide"
        " shows the page without a sideways swipe; see it with `python3 dev.py serve` in your browser's phone view.",
    )


@pytest.mark.parametrize(("viewport", "scheme"), CASES)
def test_no_grid_of_cards_leaves_an_empty_cell_beside_its_last_card(visits, viewport, scheme):
    pages = visits(viewport, scheme)
    assert {path: visit.grids_with_a_hole for path, visit in pages.items() if visit.grids_with_a_hole} == {}


@pytest.mark.parametrize(("viewport", "scheme"), CASES)
def test_no_page_violates_wcag_21_a_or_aa(visits, viewport, scheme):
    assert {path: visit.violations for path, visit in visits(viewport, scheme).items() if visit.violations} == {}
