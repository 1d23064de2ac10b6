"""Runs of eight words, kept as hashes: how the tests tell that a text repeats the source article's wording
without the repository holding the article's text.

Regenerate the article's hashes by hand, from a copy of the article (not in this repository):

    python -m tests.shingles path/to/hip-thrusts-for-runners.txt

It writes tests/article_shingles.txt: one truncated SHA-256 per 8-word shingle, sorted. The shingles of the
article's title (its first line) alone are left out: the guide credits the article by its title.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

SHINGLE_WORDS = 8
HASHES_FILE = Path(__file__).with_name("article_shingles.txt")
_APOSTROPHES = re.compile(r"['’‘]")
_NOT_A_WORD = re.compile(r"[^a-z0-9]+")


def words_of(text: str) -> list[str]:
    """The words of a text, lowercased, its punctuation dropped ("it's" is "its", "hip-width" two words)."""
    return _NOT_A_WORD.sub(" ", _APOSTROPHES.sub("", text.lower())).split()


def shingle_hash(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]


def shingles(text: str) -> dict[str, str]:
    """Every run of eight consecutive words in the text: its hash -> the words."""
    found = words_of(text)
    runs = (found[start : start + SHINGLE_WORDS] for start in range(len(found) - SHINGLE_WORDS + 1))
    return {shingle_hash(run): " ".join(run) for run in runs}


def article_hashes() -> set[str]:
    return set(HASHES_FILE.read_text(encoding="ascii").split())


def main(article: str) -> None:
    text = Path(article).read_text(encoding="utf-8")
    title = text.splitlines()[0]
    hashes = sorted(shingles(text).keys() - shingles(title).keys())
    HASHES_FILE.write_text("".join(f"{digest}\n" for digest in hashes), encoding="ascii")
    print(f"{HASHES_FILE.name}: {len(hashes)} shingles of {article}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.shingles path/to/the/article.txt")
    main(sys.argv[1])
