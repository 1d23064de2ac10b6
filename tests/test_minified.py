"""Every first visit downloads the page and our stylesheets: they reach the site minified, and nothing else
changes (the HTML checker in test_html.py and every page test read the minified pages)."""

import re

from tests.project import ROOT

COMMENT = re.compile(r"/\*.*?\*/", re.S)


def declarations(css: str) -> str:
    """The rules without comments and white space, and without each block's optional last semicolon."""
    return re.sub(r"\s+", "", COMMENT.sub("", css)).replace(";}", "}")


def test_our_stylesheets_reach_the_site_without_comments_and_with_every_rule(built_site):
    sources = sorted((ROOT / "docs").rglob("*.css"))
    assert sources
    for source in sources:
        built = (built_site.root / source.relative_to(ROOT / "docs")).read_text(encoding="utf-8")
        assert "/*" not in built and "\n" not in built.strip(), source.name
        assert declarations(built) == declarations(source.read_text(encoding="utf-8")), source.name


def test_pages_reach_the_site_without_indentation_or_comments_and_keep_every_closing_tag(built_site):
    for html in built_site.html_files():
        text = html.read_text(encoding="utf-8")
        name = html.relative_to(built_site.root)
        assert not re.search(r"\n[ \t]+<", text) and "<!--" not in text, name
        for tag in ("html", "head", "body", "p", "li", "td", "tr"):
            assert len(re.findall(rf"<{tag}[\s>]", text)) == text.count(f"</{tag}>"), f"{name}: <{tag}>"
