"""Failures that a change of content can cause, told the way its contributor needs them: a line per problem that
starts with the file to change, then what to do, and no traceback or assertion dump to read through."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from macros.site_map import data_of_page
from tests.project import ROOT


def fail_for(problems: Iterable[str], what_to_do: str) -> None:
    """Fail with the problems, if there are any, and what to do about them."""
    problems = list(problems)
    if problems:
        pytest.fail("\n".join([*problems, f"What to do: {what_to_do}"]), pytrace=False)


def files_of_page(url_path: str) -> str:
    """The files behind a page of the site, given as its path ("workouts/tempo-day/", or "" for the home page):
    an item's data file, or the page in docs/ with the data file it shows."""
    stem = url_path.strip("/") or "index"
    page = next((name for name in (f"{stem}.md", f"{stem}/index.md") if (ROOT / "docs" / name).is_file()), None)
    if page is None:
        return f"data/{stem}.yaml"
    data = data_of_page(page)
    return f"docs/{page}" + (f" (and data/{data})" if data else "")
