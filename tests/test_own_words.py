"""The guide states the source article's facts in its own words: no run of eight consecutive words of the
article appears in the data, the pages or the built site.

The article is not in this repository; tests/article_shingles.txt holds only hashes of its 8-word runs
(see tests/shingles.py for how to regenerate it from a copy of the article).
"""

import re

from tests.project import ROOT
from tests.shingles import SHINGLE_WORDS, article_hashes, shingle_hash, shingles, words_of

HASH = re.compile(r"[0-9a-f]{16}")


def repeated_runs(text: str) -> list[str]:
    hashes = article_hashes()
    return sorted({run for digest, run in shingles(text).items() if digest in hashes})


def test_the_article_hashes_are_there_and_hold_no_text():
    hashes = (ROOT / "tests" / "article_shingles.txt").read_text(encoding="ascii").split()
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


def test_no_data_or_docs_file_repeats_eight_words_of_the_article():
    sources = [*sorted((ROOT / "data").rglob("*.yaml")), *sorted((ROOT / "docs").rglob("*.md"))]
    repeated = {path.relative_to(ROOT).as_posix(): repeated_runs(path.read_text(encoding="utf-8")) for path in sources}
    assert {path: runs for path, runs in repeated.items() if runs} == {}


def test_no_page_of_the_built_site_repeats_eight_words_of_the_article(built_site):
    repeated = {}
    for html in built_site.html_files():
        soup = built_site.soup_of_file(html)
        descriptions = [meta.get("content", "") for meta in soup.find_all("meta")]
        runs = repeated_runs(" ".join([soup.get_text(" "), *descriptions]))
        if runs:
            repeated[html.relative_to(built_site.root).as_posix()] = runs
    assert repeated == {}
