"""MkDocs hook used by build_scale.py: writes each page's Markdown as the macros rendered it, with its
front matter, so that the same pages can be built again with the macros plugin off (the baseline)."""

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-100)  # after every plugin, the macros included
def on_page_markdown(markdown, page, **kwargs):
    target = Path(os.environ["PRERENDER_DIR"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    # A title the macros set is Markup, a subclass of str that YAML will not write: write its characters as text.
    meta = {key: str(value) if isinstance(value, str) else value for key, value in page.meta.items()}
    front_matter = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
    target.write_text(front_matter + markdown, encoding="utf-8")
    return markdown
