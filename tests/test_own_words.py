"""The guide states the source article's facts, and what its cited sources say, in its own words: no run of
eight consecutive words of the article or of a passage read in a source appears in the data, the pages or
the built site.

Neither text is in this repository; tests/article_shingles.txt and tests/source_shingles.txt hold only
hashes of their 8-word runs (see tests/shingles.py for how to regenerate them).
"""

import re

import pytest

from tests.contributor import fail_for, files_of_page
from tests.project import ROOT
from tests.shingles import HASHES_FILES, SHINGLE_WORDS, hashes_of, shingle_hash, shingles, words_of

HASH = re.compile(r"[0-9a-f]{16}")


KINDS = list(HASHES_FILES)


REWORD = (
    "say it in your own words: no run of eight words in a row may come from the article or a source (a shorter"
    " quotation of a term is fine)."
)


def copied(repeated: dict[str, list[str]], kind: str) -> list[str]:
    return [f"{path}: repeats eight words of the {kind}: {'; '.join(runs)}" for path, runs in repeated.items() if runs]


def repeated_runs(text: str, kind: str) -> list[str]:
    hashes = hashes_of(kind)
    return sorted({run for digest, run in shingles(text).items() if digest in hashes})


@pytest.mark.parametrize("kind", KINDS)
def test_the_hashes_are_there_and_hold_no_text(kind):
    hashes = HASHES_FILES[kind].read_text(encoding="ascii").split()
    assert len(hashes) > 500
    assert all(HASH.fullmatch(digest) for digest in hashes)


def test_words_are_compared_lowercased_without_punctuation():
    assert words_of("It’s hip-width: Knees, at 90-degree.") == ["its", "hip", "width", "knees", "at", "90", "degree"]


def test_a_text_is_cut_into_every_run_of_eight_words():
    runs = shingles("one two three four five six seven eight nine")
    assert sorted(runs.values()) == [
        "one two three four five six seven eight",
        "two three four five six seven eight nine",
    ]
    assert shingle_hash("one two three four five six seven eight".split()) in runs
    assert SHINGLE_WORDS == 8


@pytest.mark.parametrize("kind", KINDS)
def test_no_data_or_docs_file_repeats_eight_words_of_the_article_or_a_source(kind):
    files = [*sorted((ROOT / "data").rglob("*.yaml")), *sorted((ROOT / "docs").rglob("*.md"))]
    repeated = {
        path.relative_to(ROOT).as_posix(): repeated_runs(path.read_text(encoding="utf-8"), kind) for path in files
    }
    fail_for(copied(repeated, kind), REWORD)


@pytest.mark.parametrize("kind", KINDS)
def test_no_page_of_the_built_site_repeats_eight_words_of_the_article_or_a_source(built_site, kind):
    repeated = {}
    for html in built_site.html_files():
        soup = built_site.soup_of_file(html)
        descriptions = [meta.get("content", "") for meta in soup.find_all("meta")]
        runs = repeated_runs(" ".join([soup.get_text(" "), *descriptions]), kind)
        if runs:
            repeated[files_of_page(html.relative_to(built_site.root).as_posix().removesuffix("index.html"))] = runs
    fail_for(copied(repeated, kind), REWORD)
