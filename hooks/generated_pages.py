"""MkDocs hook: a page for every item of a folder kind (data/workouts/<id>.yaml -> workouts/<id>/), and
"Edit this page" pointing at what to edit.

Adding an item file is the only edit needed for its page and its navigation entry. The page itself is
a stub whose front matter names the item; the macros render it from the validated content.
"""

import json
import sys
from pathlib import Path

from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, to share macros.site_map
# Used as module attributes: MkDocs loads this hook once, and macros' define_env reloads these on every
# build of `mkdocs serve`, so names bound at import would keep the first version.
from macros import load, site_map


def _items(config):
    """Each folder kind with the ids of its items, in the order the index pages list them."""
    data_dir = Path(config.config_file_path).parent / "data"
    return [(kind, load.item_ids(data_dir, kind)) for kind in site_map.FOLDER_KINDS]


def on_config(config):
    for kind, item_ids in _items(config):
        for entry in config.nav or []:
            for children in entry.values() if isinstance(entry, dict) else []:
                if isinstance(children, list) and site_map.folder_index(kind) in children:
                    pages = [kind.page_of(item_id) for item_id in item_ids]
                    children += [page for page in pages if page not in children]
    return config


def on_files(files, config):
    for kind, item_ids in _items(config):
        for item_id in item_ids:
            # Front matter, not a macro call: mkdocs-macros would compile each call as a Jinja template of its
            # own, and the page needs none.
            stub = f"---\n{kind.item}: {json.dumps(item_id)}\nrender_macros: false\n---\n"
            page = File.generated(config, kind.page_of(item_id), content=stub)
            page.edit_uri = f"data/{kind.data_name(item_id)}"
            files.append(page)
    for file in files.documentation_pages():
        data_file = site_map.data_of_page(file.src_uri)
        if data_file:
            file.edit_uri = f"data/{data_file}"
        elif not file.generated_by:
            file.edit_uri = f"docs/{file.src_uri}"
    return files
