"""Every internal link and anchor of the built site resolves, including raw HTML that macros emit, in the site
as deployed and as a pull request's preview (browsed from disk), and no page loads anything from another host."""

from urllib.parse import unquote, urljoin, urlsplit

import pytest

# Attributes through which a page loads something (rather than links to it).
LOADING = [
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
    ("embed", "src"),
]
NOT_LOADED = {"canonical", "alternate", "prev", "next"}  # <link> relations that name a page without fetching it


def page_url(built_site, html) -> str:
    relative = html.relative_to(built_site.root).as_posix()
    return built_site.base_url + (relative.removesuffix("index.html") if built_site.directory_urls else relative)


def target_file(built_site, url: str):
    path = unquote(urlsplit(url).path)[len(urlsplit(built_site.base_url).path) :]
    candidate = built_site.root / path
    return candidate / "index.html" if path == "" or path.endswith("/") else candidate


def references(built_site):
    """Every page's links and loaded files: the page, the address as written, and as resolved from the page."""
    for html in built_site.html_files():
        base = page_url(built_site, html)
        for element in built_site.soup_of_file(html).find_all(["a", "link", "script", "img", "source", "iframe"]):
            for attribute in ("href", "src"):
                if value := element.get(attribute):
                    yield html, value, urljoin(base, value)


def internal_references(built_site):
    return ((html, value, url) for html, value, url in references(built_site) if url.startswith(built_site.base_url))


@pytest.fixture(params=["built_site", "offline_site"])
def any_site(request):
    return request.getfixturevalue(request.param)


def test_the_site_has_pages_to_check(built_site):
    assert len(built_site.html_files()) >= 9


def test_the_preview_links_each_page_by_its_file_not_its_folder(offline_site):
    # From disk, a link to a folder opens a listing of its files, not the page.
    to_folders = [
        f"{html.relative_to(offline_site.root)}: {value}"
        for html, value, url in internal_references(offline_site)
        if urlsplit(url).path.endswith("/")
    ]
    assert to_folders == []


def test_no_relative_link_climbs_out_of_the_site(any_site):
    # Such a link is no internal reference, so no other test here would see it.
    outside = [
        f"{html.relative_to(any_site.root)}: {value}"
        for html, value, url in references(any_site)
        if not urlsplit(value).scheme and not urlsplit(value).netloc and not url.startswith(any_site.base_url)
    ]
    assert outside == []


def test_every_internal_link_reaches_a_file(any_site):
    broken = [
        f"{html.relative_to(any_site.root)}: {value}"
        for html, value, url in internal_references(any_site)
        if not target_file(any_site, url).is_file()
    ]
    assert broken == []


def test_every_internal_anchor_exists(any_site):
    broken = []
    for html, value, url in internal_references(any_site):
        fragment = urlsplit(url).fragment
        target = target_file(any_site, url)
        if fragment and target.suffix == ".html" and not any_site.soup_of_file(target).find(id=unquote(fragment)):
            broken.append(f"{html.relative_to(any_site.root)}: {value}")
    assert broken == []


@pytest.mark.parametrize(("tag", "attribute"), LOADING)
def test_no_page_loads_anything_from_another_host(built_site, tag, attribute):
    outside = []
    for html in built_site.html_files():
        for element in built_site.soup_of_file(html).find_all(tag):
            value = element.get(attribute)
            if tag == "link" and set(element.get("rel", [])) <= NOT_LOADED:
                continue
            if value and not urljoin(page_url(built_site, html), value).startswith(built_site.base_url):
                outside.append(f"{html.relative_to(built_site.root)}: <{tag} {attribute}={value}>")
    assert outside == []
