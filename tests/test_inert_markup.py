"""Markup in content is inert: what validation lets through is shown literally on the built page, never
executed or evaluated (what it refuses is in the broken-content corpus)."""

import html
import json

import pytest

from tests.project import BuiltSite, copy_project, mkdocs_build

LOOKS_LIKE_MARKUP = [
    '{: onclick="alert(1)" }',
    "[click me][evil] and [evil]: javascript:alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "javascript:alert(1)",
    "!!! warning Not an admonition",
    "# Not a heading",
    "``` not a code fence",
    "-- -",
    "***",
    "___",
    "Ends in a backslash\\",
    "`a & b`",
    "1. Not a list",
    "- Not a list",
    "Keep the pace < threshold.",
]
# A name ending in a backslash would escape the bracket of the link it stands in; "&" would be escaped twice
# where the theme escapes a page title that is already HTML.
VARIATION_NAME = "Basic thrust\\"
WORKOUT_TITLE = "Sets & reps <3"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("project"))
    points = "".join(
        f"  - id: point-{index}\n    text: '{text.replace(chr(39), chr(39) * 2)}'\n"
        for index, text in enumerate(LOOKS_LIKE_MARKUP)
    )
    (project / "data" / "summary.yaml").write_text(f"points:\n{points}")
    variations = project / "data" / "variations.yaml"
    variations.write_text(variations.read_text().replace("name: Basic thrust", f"name: {VARIATION_NAME}"))
    workout = project / "data" / "workouts" / "short-session.yaml"
    workout.write_text(workout.read_text().replace("title: Short session", f"title: {WORKOUT_TITLE}"))
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return BuiltSite(project / "site")


@pytest.mark.parametrize("text", LOOKS_LIKE_MARKUP)
def test_text_that_looks_like_markup_is_shown_literally(site, text):
    item = site.article("").find(id=f"point-{LOOKS_LIKE_MARKUP.index(text)}")
    assert item.get_text() == text


def test_no_element_gets_an_event_handler_or_a_script_from_data(site):
    article = site.article("")
    assert article.find("script") is None
    handlers = [(tag.name, name) for tag in article.find_all(True) for name in tag.attrs if name.startswith("on")]
    assert handlers == []
    assert not [a for a in article.find_all("a") if a.get("href", "").startswith("javascript:")]


def test_no_heading_admonition_or_code_block_comes_from_data(site):
    summary = site.article("").find(id="point-0").parent
    assert summary.find(["h1", "h2", "pre", "code"]) is None
    assert summary.find(class_="admonition") is None


def test_a_name_ending_in_a_backslash_is_shown_as_written_in_the_links_it_stands_in(site):
    card = site.article("workouts/short-session/")
    assert card.select_one(".workout-card__what h2 a").get_text() == VARIATION_NAME
    assert "](" not in card.get_text()


def test_a_title_reads_the_same_in_its_heading_the_navigation_the_title_bar_and_the_footer(site):
    workout_page = site.soup("workouts/short-session/")
    assert workout_page.select_one("article h1").get_text().removesuffix("¶") == WORKOUT_TITLE
    assert workout_page.title.get_text().startswith(f"{WORKOUT_TITLE} - ")
    nav_links = [link.get_text().strip() for link in workout_page.select("nav.md-nav--primary a")]
    assert WORKOUT_TITLE in nav_links
    footer_link = site.soup("workouts/").select_one("a.md-footer__link--next")
    assert footer_link["aria-label"] == f"Next: {WORKOUT_TITLE}"
    assert footer_link.select_one(".md-ellipsis").get_text().strip() == WORKOUT_TITLE
    # The search index holds titles as HTML, as MkDocs makes them from headings: the page's and its heading's alike.
    search = json.loads((site.root / "search" / "search_index.json").read_text())
    locations = ("workouts/short-session/", "workouts/short-session/#sets-reps-3")
    titles = [doc["title"] for doc in search["docs"] if doc["location"] in locations]
    assert [html.unescape(title) for title in titles] == [WORKOUT_TITLE, WORKOUT_TITLE]
