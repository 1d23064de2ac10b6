"""Markup in content is inert: what validation lets through is shown literally on the built page, never
executed or evaluated (what it refuses is in the broken-content corpus)."""

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
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("project"))
    points = "".join(
        f"  - id: point-{index}\n    text: '{text.replace(chr(39), chr(39) * 2)}'\n"
        for index, text in enumerate(LOOKS_LIKE_MARKUP)
    )
    (project / "data" / "summary.yaml").write_text(f"points:\n{points}")
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
