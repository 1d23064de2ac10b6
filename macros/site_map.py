"""Which page shows which data file: used for links between items and for "Edit this page".

Kept free of imports so that the MkDocs hook and the macros share it.
"""

import posixpath
from functools import cache
from typing import NamedTuple

# Pages built mainly from one data file; their "Edit this page" opens that file.
DATA_PAGES = {
    "benefits.md": "benefits.yaml",
    "technique.md": "technique.yaml",
    "mistakes.md": "mistakes.yaml",
    "programming.md": "programming.yaml",
    "variations.md": "variations.yaml",
}
# Where items of the other data files are shown, for links to them.
OTHER_HOMES = {"summary.yaml": "index.md"}
_PAGE_OF_DATA_FILE = {data: page for page, data in DATA_PAGES.items()} | OTHER_HOMES
WORKOUTS_INDEX = "workouts/index.md"
WORKOUTS_DIR = "workouts"  # data/workouts/<id>.yaml: one workout per file, shown on workouts/<id>.md
WORKOUT_META = "workout"  # a workout page's front matter: the id of the workout it shows
PLANS_INDEX = "plans/index.md"
PLANS_DIR = "plans"  # data/plans/<id>.yaml: one training plan per file, shown on plans/<id>.md
PLAN_META = "plan"  # a plan page's front matter: the id of the plan it shows


class ItemPages(NamedTuple):
    """A folder of data/ with one item per file, each shown on a page of its own under its index."""

    folder: str  # data/<folder>/<id>.yaml
    index: str  # the index page, whose nav section lists the item pages
    meta: str  # the front matter field of an item page naming its item; also the name of its macro

    def page(self, item_id: str) -> str:
        return f"{self.folder}/{item_id}.md"


ITEM_PAGES = (ItemPages(WORKOUTS_DIR, WORKOUTS_INDEX, WORKOUT_META), ItemPages(PLANS_DIR, PLANS_INDEX, PLAN_META))


def page_of_data_file(data_name: str) -> str:
    """The page that shows the items of a data file (relative to data/)."""
    folder, _, file_name = data_name.rpartition("/")
    for kind in ITEM_PAGES:
        if folder == kind.folder:
            return kind.page(posixpath.splitext(file_name)[0])
    return _PAGE_OF_DATA_FILE[data_name]


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A Markdown link target from one page source to another, which MkDocs resolves and validates."""
    fragment = f"#{anchor}" if anchor else ""
    if from_page == to_page:
        return fragment
    return _relative_path(posixpath.dirname(from_page), to_page) + fragment


@cache  # per folder, not per page: the hundreds of workout pages share one; relpath is slow enough to matter
def _relative_path(from_folder: str, to_page: str) -> str:
    return posixpath.relpath(to_page, from_folder or ".")
