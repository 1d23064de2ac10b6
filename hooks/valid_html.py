"""MkDocs hook: every page passes the W3C Nu HTML checker (tests/test_html.py), the theme's frame included.

Material writes two attributes that the HTML standard does not allow where they are: `autocomplete` on
its drawer and search toggles, which are checkboxes, and `autocorrect` on the search field. Each page
and the 404 page are written without them. What that changes: Firefox may restore an open drawer on
reload, and Safari on iOS may offer corrections in the search field (autocapitalize and spellcheck stay
off).

A page outside the navigation (the page of all cards) gets no table of contents: Material titles it with
a label for the toggle that only a navigation entry has, a label for nothing.
"""

import re

from mkdocs.structure.toc import TableOfContents

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
_SEARCH_AUTOCORRECT = re.compile(r'(<input type="text" class="md-search__input"[^>]*?) autocorrect="off"')


def on_page_context(context, page, config, nav):
    # By identity: comparing pages compares their titles and files, for every page of a large site.
    if not any(listed is page for listed in nav.pages):
        page.toc = TableOfContents([])
    return context


def on_post_page(output: str, page, config) -> str:
    return _without_refused_attributes(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return _without_refused_attributes(output_content) if template_name.endswith(".html") else output_content


def _without_refused_attributes(html: str) -> str:
    return _SEARCH_AUTOCORRECT.sub(r"\1", _TOGGLE_AUTOCOMPLETE.sub(r"\1", html))
