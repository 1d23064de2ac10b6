"""MkDocs hook: a page for every data/workouts/<id>.yaml and data/plans/<id>.yaml, and "Edit this page"
pointing at what to edit.

Adding a workout or plan file is the only edit needed for its page and its navigation entry. The page
itself is a stub whose front matter names the item; the macros render it from the validated content.
"""

import json
import sys
from pathlib import Path

from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, to share macros.site_map
# Used as module attributes: MkDocs loads this hook once, and macros' define_env reloads site_map on
# every build of `mkdocs serve`, so names bound at import would keep the first version.
from macros import site_map


def _item_ids(config, folder: str) -> list[str]:
    items_dir = Path(config.config_file_path).parent / "data" / folder
    return sorted(path.stem for path in items_dir.glob("*.yaml"))


def on_config(config):
    for kind in site_map.ITEM_PAGES:
        for entry in config.nav or []:
            for children in entry.values() if isinstance(entry, dict) else []:
                if isinstance(children, list) and kind.index in children:
                    pages = [kind.page(item_id) for item_id in _item_ids(config, kind.folder)]
                    children += [page for page in pages if page not in children]
    return config


def on_files(files, config):
    for kind in site_map.ITEM_PAGES:
        for item_id in _item_ids(config, kind.folder):
            # Front matter, not a macro call: mkdocs-macros would compile each call as a Jinja template of its
            # own: about half a second for 300 workouts (page_markdown 1.69 s -> 1.19 s), and the page needs none.
            stub = f"---\n{kind.meta}: {json.dumps(item_id)}\nrender_macros: false\n---\n"
            page = File.generated(config, kind.page(item_id), content=stub)
            page.edit_uri = f"data/{kind.folder}/{item_id}.yaml"
            files.append(page)
    for file in files.documentation_pages():
        data_file = site_map.DATA_PAGES.get(file.src_uri)
        if data_file:
            file.edit_uri = f"data/{data_file}"
        elif not file.generated_by:
            file.edit_uri = f"docs/{file.src_uri}"
    return files
