"""mkdocs-macros entry point: registers the page macros, which render from the content loaded once per
build, or give back what an earlier build with the very same inputs rendered."""

import gc
import importlib
import logging
import sys
from functools import cache
from pathlib import Path

# Reloaded on every build, so that `mkdocs serve` picks up code changes: mkdocs-macros imports this
# package once and would otherwise keep the first version of its modules.
_SUBMODULES = (
    "kept_files",
    "fragment_cache",
    "text_links",
    "yaml_reader",
    "kept_readings",
    "models",
    "plan_rules",
    "load",
    "site_map",
    "figures",
    "qr_codes",
    "render",
)

# The build in progress's fragments, which on_post_build keeps: mkdocs-macros calls module functions.
_fragment_cache = None


def define_env(env):
    global _fragment_cache
    for name in _SUBMODULES:
        module = sys.modules.get(f"{__name__}.{name}")
        if module:
            importlib.reload(module)
    from mkdocs.exceptions import PluginError

    from .fragment_cache import FRAGMENTS_FILE, FragmentCache, FragmentInputs
    from .kept_files import KEPT_DIR
    from .render import MACROS, PageFragments, Renderer

    gc.unfreeze()  # let the previous build's content go, under `mkdocs serve`
    project_dir = Path(env.project_dir)
    data_dir = project_dir / "data"
    site_url = env.conf["site_url"]
    # The printed cards' QR codes encode the published address of each workout page.
    if not site_url:
        raise PluginError("mkdocs.yml: expected site_url, the public address that the cards' QR codes point at")
    _fragment_cache = FragmentCache(
        project_dir / FRAGMENTS_FILE, FragmentInputs(data_dir, Path(__file__).parent, site_url)
    )

    @cache
    def fragments() -> PageFragments:
        # Imported only to load the content: a rebuild from kept fragments does without the schema and
        # pydantic, a quarter of a second.
        from .kept_readings import READINGS_FILE
        from .load import ContentError, load_content

        try:
            content = load_content(data_dir, kept_readings=project_dir / READINGS_FILE)
        except ContentError as error:
            # Logged here, not as the error's message: MkDocs logs each build error's message once per
            # process, so under `mkdocs serve` the same problems saved again would show no reason at all.
            logging.getLogger("mkdocs.plugins.content").error(str(error))
            raise PluginError("The content has the problems listed above; the site was not built.") from None
        renderer = Renderer(content, site_url=site_url, qr_cache_dir=project_dir / KEPT_DIR / "qr-codes")
        # The content lives for the whole build: keep the garbage collector from scanning it again and
        # again while MkDocs renders pages (about a second of a 100x-content build).
        gc.freeze()
        return PageFragments(
            renderer, lambda name, page, args: _kept_or_rendered(_fragment_cache, fragments, name, page, args)
        )

    if not _fragment_cache.content_known_valid:
        fragments()  # bad content stops the build here, before any page
    for name in MACROS:
        env.macro(_page_macro(env, name, fragments, _fragment_cache), name)


def on_post_page_macros(env):
    """A workout's or a plan's page, for the item its front matter names (hooks/generated_pages.py)."""
    from .site_map import ITEM_PAGES

    for kind in ITEM_PAGES:
        item_id = env.page.meta.get(kind.meta)
        if item_id is not None:
            env.markdown = env.macros[kind.meta](item_id)


def on_post_build(env):
    _fragment_cache.save()


def _page_macro(env, name, fragments, fragment_cache):
    """The macro on the page being rendered: the fragment kept for it, or rendered and kept with what it
    set in the page's metadata and the workouts it read."""

    def macro(*args):
        return _kept_or_rendered(fragment_cache, fragments, name, env.page, args)[0]

    return macro


def _kept_or_rendered(fragment_cache, fragments, name, page, args):
    """A macro's fragment, or a part of one, and the workouts it read: as kept, or rendered and kept."""
    key = fragment_cache.key(name, page.file.src_uri, args)
    kept = fragment_cache.get(key)
    if kept is None:
        meta_before = dict(page.meta)
        text, workouts_read = fragments().render(name, page, *args)
        meta = {field: value for field, value in page.meta.items() if field not in meta_before}
        fragment_cache.put(key, text, meta, workouts_read)
        return text, workouts_read
    for field, value in kept.meta.items():
        page.meta.setdefault(field, value)
    return kept.text, kept.workouts_read
