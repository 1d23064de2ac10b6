"""Claims show their sources: numbered markers that lead to the page's references, numbered 1 to n on each page in
the order it first cites them, and a Sources page that lists every source, grouped by kind, numbered through."""

import re

from macros.models import SOURCE_KINDS
from macros.site_map import page_of_data_file
from tests.contributor import fail_for

HEADINGS = {"study": "Studies", "review": "Reviews", "guide": "Guides", "article": "Articles"}


def url_path(page: str) -> str:
    return "" if page == "index.md" else page.removesuffix(".md") + "/"


def listed_numbers(article) -> dict[str, int]:
    """Each entry's number in the article's numbered lists of sources, as a reader sees it: the list's start and
    the entry's place in it (no entry sets its own number: tests/test_citations.py)."""
    return {
        entry["id"]: int(listing.get("start", 1)) + place
        for listing in article.select("ol.references")
        for place, entry in enumerate(listing.find_all("li", recursive=False))
    }


def citing_pages(content) -> list[str]:
    pages = sorted({page_of_data_file(name) for name in content.citations})
    assert pages, "nothing cites a source"
    return pages


def test_every_citation_marker_leads_to_its_numbered_reference_on_the_same_page(built_site, content):
    for page in citing_pages(content):
        article = built_site.article(url_path(page))
        markers = article.select("sup.cite a")
        assert markers, page
        numbers = listed_numbers(article)
        for marker in markers:
            entry = article.find(id=marker["href"].removeprefix("#"))
            assert entry is not None and entry.name == "li", (page, marker)
            assert str(numbers[entry["id"]]) == marker.get_text(), (page, marker)


def test_each_page_numbers_its_references_1_to_n_in_the_order_it_first_cites_them(built_site, content):
    for page in citing_pages(content):
        article = built_site.article(url_path(page))
        first_cited = list(dict.fromkeys(a["href"].removeprefix("#") for a in article.select("sup.cite a")))
        numbers = listed_numbers(article)
        assert sorted(numbers.values()) == list(range(1, len(numbers) + 1)), page
        assert sorted(numbers, key=numbers.get) == first_cited, page


def test_each_page_lists_exactly_the_sources_its_claims_cite(built_site, content):
    for name, cited in content.citations.items():
        article = built_site.article(url_path(page_of_data_file(name)))
        listed = {li["id"].removeprefix("ref-") for li in article.select("ol.references li")}
        assert set(cited) <= listed, name
        assert article.find(id="references").name == "h2"


def test_the_sources_page_lists_every_source_once_grouped_by_kind_and_numbered_in_order(built_site, content):
    article = built_site.article("sources/")
    headings = [h2.get_text(" ", strip=True).removesuffix("¶").strip() for h2 in article.find_all("h2")]
    kinds = [kind for kind in SOURCE_KINDS if any(source.kind == kind for source in content.sources.sources)]
    assert headings[: len(kinds)] == [HEADINGS[kind] for kind in kinds]
    numbers = listed_numbers(article)
    assert sorted(numbers) == sorted(source.id for source in content.sources.sources)
    assert list(numbers.values()) == list(range(1, len(numbers) + 1))
    for source in content.sources.sources:
        entry = article.find(id=source.id)
        assert entry.find("a", href=source.address).get_text() == source.title
        assert entry.find_previous("h2").get_text(" ", strip=True).startswith(HEADINGS[source.kind])


def test_every_source_address_is_a_public_web_address(content):
    fail_for(
        (
            f"data/sources.yaml, source {source.id}: {source.address} is not a public web address"
            for source in content.sources.sources
            if not re.match(r"https?://[a-z0-9.-]+\.[a-z]{2,}/", source.address)
        ),
        "give the address where anyone can read the source, starting https:// (or http://) and a public host name.",
    )


# The citations that a line break splits: an inline element broken across lines has a box on each.
BROKEN_CITATIONS = "cites => cites.filter(cite => cite.getClientRects().length > 1).map(cite => cite.textContent)"


def test_no_citation_breaks_inside_its_bracket_on_a_phone(page, site_url, content):
    page.set_viewport_size({"width": 320, "height": 640})
    for cited_page in citing_pages(content):
        page.goto(site_url + url_path(cited_page))
        assert page.eval_on_selector_all("sup.cite", BROKEN_CITATIONS) == [], cited_page
