"""MkDocs hook: every first visit downloads the page, our stylesheets and our scripts, so all reach the site minified,
while docs/, the templates and the macros keep the layout and comments that make them readable. The
theme's own CSS and JavaScript come minified.

Pages keep every closing tag and their <html> and <head> tags: the HTML checker and the tests' parser
read them as written, without the HTML standard's rules for tags left out. Listed after valid_html.py,
whose patterns match the theme's markup as the theme writes it."""

import minify_html
import rcssmin
import rjsmin

_HTML_OPTIONS = {"keep_closing_tags": True, "keep_html_and_head_opening_tags": True}


def on_files(files, config):
    for file in files.css_files():
        if file.src_dir == config.docs_dir:
            file.content_string = rcssmin.cssmin(file.content_string)
    for file in files.javascript_files():
        if file.src_dir == config.docs_dir:
            file.content_string = rjsmin.jsmin(file.content_string)
    return files


def on_post_page(output: str, page, config) -> str:
    return minify_html.minify(output, **_HTML_OPTIONS)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return minify_html.minify(output_content, **_HTML_OPTIONS) if template_name.endswith(".html") else output_content
