"""Which page shows which data, from the content kinds (models.KINDS): for links between items, the
generated item pages and their navigation, and "Edit this page"."""

import posixpath
from functools import cache

from .models import KINDS, ContentKind

FOLDER_KINDS = [kind for kind in KINDS if kind.is_folder]


def folder_index(kind: ContentKind) -> str:
    """The page that lists a folder's items, under which their pages go in the navigation."""
    return f"{kind.data}index.md"


def kind_of_data_file(data_name: str) -> ContentKind:
    """The kind of a data file given relative to data/ (e.g. "workouts/tempo.yaml")."""
    folder = data_name.rpartition("/")[0]
    return next(kind for kind in KINDS if kind.data in (data_name, f"{folder}/"))


def page_of_data_file(data_name: str) -> str | None:
    """The page that shows the items of a data file (relative to data/); a folder item's own page."""
    return kind_of_data_file(data_name).page_of(_stem(data_name))


@cache  # asked for every link on every page: thousands at 100x content
def link_target(data_name: str, item_id: str) -> tuple[str | None, str]:
    """The page that shows an item of a data file (relative to data/), and its anchor there: none for a
    folder item, which has the page to itself."""
    own_page = kind_of_data_file(data_name).is_folder and _stem(data_name) == item_id
    return page_of_data_file(data_name), "" if own_page else item_id


def _stem(data_name: str) -> str:
    return posixpath.splitext(posixpath.basename(data_name))[0]


def data_of_page(page: str) -> str | None:
    """The data file a page is built mainly from, for "Edit this page"; None for a page of prose."""
    return next((kind.data for kind in KINDS if not kind.is_folder and kind.page_from_data and kind.page == page), None)


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A Markdown link target from one page source to another, which MkDocs resolves and validates."""
    fragment = f"#{anchor}" if anchor else ""
    if from_page == to_page:
        return fragment
    return _relative_path(posixpath.dirname(from_page), to_page) + fragment


@cache  # per folder, not per page: the hundreds of item pages share one; relpath is slow enough to matter
def _relative_path(from_folder: str, to_page: str) -> str:
    return posixpath.relpath(to_page, from_folder or ".")
