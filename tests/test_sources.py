"""Claims show their sources: numbered markers that lead to the page's references, and a Sources page that
lists every source, grouped by kind, under the same numbers."""

import re

from macros.models import SOURCE_KINDS
from macros.site_map import page_of_data_file

HEADINGS = {"study": "Studies", "review": "Reviews", "guide": "Guides", "article": "Articles"}


def url_path(page: str) -> str:
    return "" if page == "index.md" else page.removesuffix(".md") + "/"


def test_every_citation_marker_leads_to_its_numbered_reference_on_the_same_page(built_site, content):
    pages = {page_of_data_file(name) for name in content.citations}
    assert pages, "nothing cites a source"
    for page in pages:
        article = built_site.article(url_path(page))
        markers = article.select("sup.cite a")
        assert markers, page
        for marker in markers:
            entry = article.find(id=marker["href"].removeprefix("#"))
            assert entry is not None and entry.name == "li", (page, marker)
            assert entry["value"] == marker.get_text(), (page, marker)


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
    entries = article.select("ol.references li")
    assert sorted(li["id"] for li in entries) == sorted(source.id for source in content.sources.sources)
    assert [int(li["value"]) for li in entries] == list(range(1, len(entries) + 1))
    for source in content.sources.sources:
        entry = article.find(id=source.id)
        assert entry.find("a", href=source.address).get_text() == source.title
        assert entry.find_previous("h2").get_text(" ", strip=True).startswith(HEADINGS[source.kind])


def test_every_source_address_is_a_public_web_address(content):
    for source in content.sources.sources:
        assert re.match(r"https?://[a-z0-9.-]+\.[a-z]{2,}/", source.address), source.id
