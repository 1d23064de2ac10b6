"""A page numbers the sources it cites 1 to n, in the order a reader first meets them, and lists them in that order
under References; each citation's numbers lead to the entries that bear them."""

from dataclasses import replace
from types import SimpleNamespace

import pytest

from macros.load import load_content
from macros.render import PageFragments, Renderer
from tests.project import VALID_FIXTURES

SITE_URL = "https://example.org/guide/"
PAGE = "benefits.md"


@pytest.fixture(scope="module")
def cited_content():
    """Four sources, of which the page cites three, first a guide, then a study and a review: neither the order
    of the sources' file nor the kinds of the Sources page give the page's order."""
    content = load_content(VALID_FIXTURES)
    source = content.sources.sources[0]
    sources = [
        source.model_copy(update={"id": source_id, "kind": kind})
        for source_id, kind in [("cited-elsewhere", "study"), ("a-study", "study"), ("a-review", "review")]
    ]
    sources.append(source.model_copy(update={"id": "a-guide", "kind": "guide"}))
    point = content.benefits.general[0]
    points = [
        point.model_copy(update={"id": "first", "sources": ["a-guide"]}),
        point.model_copy(update={"id": "second", "sources": ["a-study", "a-guide"]}),
        point.model_copy(update={"id": "third", "sources": ["a-review", "a-study"]}),
    ]
    return replace(
        content,
        sources=content.sources.model_copy(update={"sources": sources}),
        benefits=content.benefits.model_copy(update={"general": points}),
    )


def mkdocs_page(src_uri: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta={})


def numbered_page(renderer: Renderer, page: str, points) -> str:
    """A page of points and its references, as its macros leave it and then numbered once it is whole."""
    markdown = renderer.render("points.md", page, points=points) + PageFragments(renderer).references(mkdocs_page(page))
    return renderer.number_citations(page, markdown)


def rendered_page(renderer: Renderer, site_markdown):
    """The page of general benefits as MkDocs makes it, in HTML."""
    return site_markdown(numbered_page(renderer, PAGE, renderer.content.benefits.general))


def citations(html) -> list[list[tuple[str, str]]]:
    """Each citation as (number, source id) pairs, in reading order."""
    return [
        [(link.get_text(), link["href"].removeprefix("#ref-")) for link in citation.find_all("a")]
        for citation in html.select("sup.cite")
    ]


def reference_numbers(html) -> dict[str, int]:
    """Each listed source's number as the reader sees it: its place in the list."""
    entries = html.select("ol.references > li")
    return {entry["id"].removeprefix("ref-"): number for number, entry in enumerate(entries, start=1)}


def test_a_page_numbers_its_references_1_to_n_without_gaps(cited_content, site_markdown):
    html = rendered_page(Renderer(cited_content, SITE_URL), site_markdown)
    entries = html.select("ol.references > li")
    assert len(entries) == 3
    assert not any(entry.has_attr("value") for entry in entries), "an entry's number is its place in the list"
    assert html.select_one("ol.references").get("start", "1") == "1"


def test_a_page_numbers_its_sources_in_the_order_it_first_cites_them(cited_content, site_markdown):
    html = rendered_page(Renderer(cited_content, SITE_URL), site_markdown)
    assert reference_numbers(html) == {"a-guide": 1, "a-study": 2, "a-review": 3}
    assert citations(html) == [
        [("1", "a-guide")],
        [("1", "a-guide"), ("2", "a-study")],
        [("2", "a-study"), ("3", "a-review")],
    ]


def test_every_citation_number_is_the_number_of_the_entry_it_links_to(cited_content, site_markdown):
    html = rendered_page(Renderer(cited_content, SITE_URL), site_markdown)
    listed = reference_numbers(html)
    for citation in citations(html):
        for number, source_id in citation:
            assert int(number) == listed[source_id], source_id


def test_a_citation_is_one_bracket_whose_numbers_ascend(cited_content, site_markdown):
    html = rendered_page(Renderer(cited_content, SITE_URL), site_markdown)
    third = html.find(id="third").select_one("sup.cite")
    assert third.get_text() == "[2, 3]"  # cited as a-review, a-study


def test_a_page_s_numbers_do_not_depend_on_the_pages_rendered_before_it(cited_content, site_markdown):
    alone = rendered_page(Renderer(cited_content, SITE_URL), site_markdown)
    renderer = Renderer(cited_content, SITE_URL)
    point = cited_content.benefits.general[0].model_copy(update={"sources": ["cited-elsewhere", "a-review"]})
    numbered_page(renderer, "index.md", [point])
    assert str(rendered_page(renderer, site_markdown)) == str(alone)


def test_a_page_that_cites_nothing_lists_no_references(cited_content, site_markdown):
    html = site_markdown(numbered_page(Renderer(cited_content, SITE_URL), PAGE, []))
    assert not html.select("ol.references") and not html.find(id="references")
