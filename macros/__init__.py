"""mkdocs-macros entry point: loads the content once per build and registers the page macros."""

import gc
import importlib
import sys
from pathlib import Path

# Reloaded on every build, so that `mkdocs serve` picks up code changes: mkdocs-macros imports this
# package once and would otherwise keep the first version of its modules.
_SUBMODULES = ("yaml_reader", "models", "load", "site_map", "figures", "qr_codes", "render")


def define_env(env):
    for name in _SUBMODULES:
        module = sys.modules.get(f"{__name__}.{name}")
        if module:
            importlib.reload(module)
    from mkdocs.exceptions import PluginError

    from .load import ContentError, load_content
    from .render import MACROS, PageFragments, Renderer

    gc.unfreeze()  # let the previous build's content go, under `mkdocs serve`
    try:
        content = load_content(Path(env.project_dir) / "data")
    except ContentError as error:
        raise PluginError(str(error)) from None
    # The printed cards' QR codes encode the published address of each workout page.
    if not env.conf["site_url"]:
        raise PluginError("mkdocs.yml: expected site_url, the public address that the cards' QR codes point at")
    qr_cache_dir = Path(env.project_dir) / ".cache" / "qr-codes"
    fragments = PageFragments(Renderer(content, site_url=env.conf["site_url"], qr_cache_dir=qr_cache_dir))
    # The content lives for the whole build: keep the garbage collector from scanning it again and again
    # while MkDocs renders pages (about a second of a 100x-content build).
    gc.freeze()
    for name in MACROS:
        env.macro(_on_current_page(env, getattr(fragments, name)), name)


def _on_current_page(env, fragment):
    def macro(*args):
        return fragment(env.page, *args)

    return macro
