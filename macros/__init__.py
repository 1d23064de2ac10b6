"""mkdocs-macros entry point: loads the content once per build and registers the page macros."""

import gc
import importlib
import logging
import sys
from pathlib import Path

# Reloaded on every build but the first, so that `mkdocs serve` picks up code changes: mkdocs-macros imports
# this package once and would otherwise keep the first version of its modules. The first build has just
# imported them (hooks/generated_pages.py does, before this runs): reloading would make them all again.
_SUBMODULES = (
    "text_links",
    "yaml_reader",
    "models",
    "problem_report",
    "plan_rules",
    "site_map",
    "load",
    "figures",
    "qr_codes",
    "render",
)


_first_build = True
# The build's renderer, for the pass over each whole page (on_post_page_macros); every build makes its own.
_renderer = None


def define_env(env):
    global _first_build, _renderer
    if not _first_build:
        # What the build before froze (below) goes back to the collector, which frees what is garbage now.
        gc.unfreeze()
        gc.collect()
        for name in _SUBMODULES:
            module = sys.modules.get(f"{__name__}.{name}")
            if module:
                importlib.reload(module)
    _first_build = False
    from mkdocs.exceptions import PluginError

    from .load import ContentError, load_content
    from .problem_report import report
    from .render import MACROS, PageFragments, Renderer

    site_url = env.conf["site_url"]
    # The printed cards' QR codes encode the published address of each workout page.
    if not site_url:
        raise PluginError("mkdocs.yml: expected site_url, the public address that the cards' QR codes point at")
    try:
        content = load_content(Path(env.project_dir) / "data")
    except ContentError as error:
        # Logged here, not as the error's message: MkDocs logs each build error's message once per
        # process, so under `mkdocs serve` the same problems saved again would show no reason at all.
        logging.getLogger("mkdocs.plugins.content").error(report(error))
        raise PluginError("The content has the problems listed above; the site was not built.") from None
    _renderer = Renderer(content, site_url=site_url)
    fragments = PageFragments(_renderer)
    for name in MACROS:
        env.macro(_page_macro(env, getattr(fragments, name)), name)
    # The content lives as long as the build: keep the collector from walking it again in every full
    # collection while the pages are made (a third of the garbage collector's time at 100x content).
    gc.freeze()


def on_post_page_macros(env):
    """A folder item's page (hooks/generated_pages.py): what the macro named after its kind renders for the
    item its front matter names, e.g. a workout's card. Then every page, now whole, numbers its citations."""
    from .site_map import FOLDER_KINDS

    for kind in FOLDER_KINDS:
        item_id = env.page.meta.get(kind.item)
        if item_id is not None:
            env.markdown = env.macros[kind.item](item_id)
    env.markdown = _renderer.number_citations(env.page.file.src_uri, env.markdown)


def _page_macro(env, fragment):
    """The macro as the pages call it: for the page being rendered."""

    def macro(*args):
        return fragment(env.page, *args)

    return macro
