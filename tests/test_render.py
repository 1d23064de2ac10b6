"""Rendering: data reaches pages escaped, whatever it holds, and links between items resolve per page."""

from dataclasses import replace
from types import SimpleNamespace

import pytest
from pydantic import BaseModel

from macros.load import load_content
from macros.models import Content
from macros.render import MACROS, PageFragments, Renderer, inert
from tests.project import VALID_FIXTURES

SITE_URL = "https://example.org/guide/"
HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> {: onclick="alert(3)" } {{ 7*7 }} | x'


def page(src_uri: str = "index.md"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta={})


# Fields that hold ids or names from a fixed set, which validation guarantees.
NOT_FREE_TEXT = {
    *("id", "variation", "harder", "key_cues", "fixed_by", "figure", "correct_figure", "shows", "gets_wrong"),
    *("setup_figures", "execution_figures", "view", "angles", "lines", "at", "direction", "kind"),
    *("phase", "workout", "run", "stage", "day", "distance", "distances"),
}


def poisoned(value):
    """The same content with hostile text in every free-text field, as if validation had let it through."""
    if isinstance(value, BaseModel):
        updates = {
            name: poisoned(getattr(value, name))
            for name in type(value).model_fields
            if name not in NOT_FREE_TEXT and not is_citation(name, getattr(value, name))
        }
        return value.model_copy(update=updates)
    if isinstance(value, list):
        return [poisoned(item) for item in value]
    if isinstance(value, dict):
        return {key: poisoned(item) for key, item in value.items()}
    return HOSTILE if isinstance(value, str) else value


def is_citation(name: str, value) -> bool:
    """A claim's `sources` (ids), not the list of sources in data/sources.yaml (free text)."""
    return name in ("sources", "placement_sources") and all(isinstance(item, str) for item in value)


def every_fragment(content: Content):
    """Each macro's output as it reaches a page: with the page's citations numbered and its references listed."""
    renderer = Renderer(content, SITE_URL)
    fragments = PageFragments(renderer)
    for name in MACROS:
        items = {"workout": content.workouts, "plan": content.plans}
        args = list(items[name])[:1] if name in items else []
        output = getattr(fragments, name)(page(), *args)
        if name == "references":  # the list of what the page cites: here every source, and nothing else to show
            every_source = [source.id for source in content.sources.sources]
            output = renderer.env.from_string("{{ every_source | cite }}").render(every_source=every_source) + output
        yield name, renderer.number_citations("index.md", output)


def hostile_content() -> Content:
    content = load_content(VALID_FIXTURES)
    return Content(
        **{
            name: poisoned(getattr(content, name))
            if name not in ("file_of_id", "citations")
            else getattr(content, name)
            for name in Content.__dataclass_fields__
        }
    )


def test_markup_in_data_never_reaches_a_page_as_markup():
    for name, output in every_fragment(hostile_content()):
        assert "<script" not in output, name
        assert "<img" not in output, name
        assert "{:" not in output and "{{" not in output, name
        assert "&lt;script&gt;" in output, name  # shown literally


def test_markup_in_data_never_reaches_a_page_s_metadata_as_markup():
    # The theme prints a page's title and description as they are, into <title> and an attribute.
    content = hostile_content()
    workout_page = page("workouts/short-session.md")
    PageFragments(Renderer(content, SITE_URL)).workout(workout_page, "short-session")
    for field in ("title", "description"):
        assert "<" not in workout_page.meta[field] and '"' not in workout_page.meta[field], field
        assert "&lt;script&gt;" in workout_page.meta[field], field  # shown literally


def test_inert_escapes_html_and_the_characters_markdown_extensions_act_on():
    assert inert('<b>&"{x}|[y]') == "&lt;b&gt;&amp;&#34;&#123;x&#125;&#124;&#91;y&#93;"


def test_an_emoji_shortcode_in_data_stays_text():
    assert inert("Smile :smile: at 1:30") == "Smile &#58;smile: at 1:30"


# Text that Markdown would read as structure, were it not escaped; validation lets each through.
READS_AS_STRUCTURE = [
    *("# words", "- words", "* words", "+ words", "1. words", "2) words", "1.", "```words", "~~~words"),
    *("!!! words", "??? words", "=== words", "-- -", "***", "___", "* * *", "Ends in a backslash\\"),
    *("`a & b`", "Keep the pace < threshold."),
]


@pytest.mark.parametrize("text", READS_AS_STRUCTURE)
def test_text_that_markdown_would_read_as_structure_is_shown_as_written(text, site_markdown):
    # A paragraph of its own (a mistake's fix, say), a heading and a link: where text starts a line, ends in
    # front of a heading's attributes and stands inside a link's brackets.
    template = Renderer(load_content(VALID_FIXTURES), SITE_URL).env.from_string(
        "Before.\n\n{{ value | text }}\n\n## {{ value }} { #heading }\n\n[{{ value }}](#heading)\n"
    )
    html = site_markdown(template.render(value=text, page="index.md"))
    paragraph, heading, link_paragraph = html.find_all(["p", "h2"])[1:]
    assert paragraph.get_text() == text
    assert heading.get_text().removesuffix("¶") == text
    assert link_paragraph.a.get_text() == text
    assert not html.find(["hr", "ul", "ol", "pre", "code", "h1", "div"])


@pytest.mark.parametrize("line_break", ["\r", "\r\n", "\n", "\u2028", "\u2029", "\x85", "\v", "\f"])
def test_a_line_break_that_validation_missed_starts_no_block(line_break, site_markdown):
    template = Renderer(load_content(VALID_FIXTURES), SITE_URL).env.from_string("{{ value | text }}\n")
    html = site_markdown(template.render(value=f"Advice.{line_break}{line_break}# Heading", page="index.md"))
    assert [element.name for element in html.find_all(True)] == ["p"]


def test_link_syntax_other_than_links_to_ids_stays_text():
    content = load_content(VALID_FIXTURES)
    fragments = PageFragments(Renderer(content, SITE_URL))
    point = content.summary.points[0].model_copy(update={"text": "[a]: javascript:alert(1) and [click][a]"})
    output = fragments.renderer.render("points.md", "index.md", points=[point])
    assert "&#91;a&#93;: javascript:alert(1) and &#91;click&#93;&#91;a&#93;" in output


def test_a_link_in_text_points_at_the_page_that_shows_the_item():
    content = load_content(VALID_FIXTURES)
    fragments = PageFragments(Renderer(content, SITE_URL))
    mistake_page = fragments.mistakes(page("mistakes.md"))
    assert "](technique.md#drive-up)" in mistake_page
    workout_page = fragments.workout(page("workouts/short-session.md"), "short-session")
    assert "](../variations.md#basic-thrust)" in workout_page


def test_a_link_to_an_item_on_the_same_page_is_an_anchor_only():
    content = load_content(VALID_FIXTURES)
    variations = PageFragments(Renderer(content, SITE_URL)).variations(page("variations.md"))
    assert "](#one-leg-thrust)" in variations


def test_a_workout_page_takes_its_description_from_the_goal():
    content = load_content(VALID_FIXTURES)
    workout_page = page("workouts/short-session.md")
    PageFragments(Renderer(content, SITE_URL)).workout(workout_page, "short-session")
    assert workout_page.meta["description"] == "A quick one."


def test_an_exact_count_shows_as_one_number_and_a_range_with_a_dash():
    content = load_content(VALID_FIXTURES)
    phase = content.programming.phases[0]
    exact = phase.model_copy(update={"sets": phase.sets.model_copy(update={"min": 3, "max": 3})})
    programming = content.programming.model_copy(update={"phases": [exact]})
    fragments = PageFragments(Renderer(replace(content, programming=programming), SITE_URL))
    output = fragments.phases(page("programming.md"))
    assert "**3** sets" in output
    assert f"**{phase.reps.min}–{phase.reps.max}** repetitions" in output


def test_a_count_of_one_reads_in_the_singular():
    content = load_content(VALID_FIXTURES)
    phase = content.programming.phases[0]
    one = phase.sets.model_copy(update={"min": 1, "max": 1})
    single = phase.model_copy(update={"sessions_per_week": one, "sets": one, "reps": one})
    programming = content.programming.model_copy(update={"phases": [single]})
    output = PageFragments(Renderer(replace(content, programming=programming), SITE_URL)).phases(page("programming.md"))
    assert "**1** session a week" in output and "**1** set of each exercise" in output
    assert "**1** repetition per set" in output


def test_a_workout_public_url_is_under_the_site_url():
    renderer = Renderer(load_content(VALID_FIXTURES), SITE_URL)
    assert renderer.public_url("short-session") == "https://example.org/guide/workouts/short-session/"
