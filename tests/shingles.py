"""Runs of eight words, kept as hashes: how the tests tell that a text repeats the wording of the source
article, or of the sources the guide cites, without the repository holding their text.

Regenerate the hashes by hand, from a copy of the article (not in this repository):

    python -m tests.shingles article path/to/hip-thrusts-for-runners.txt

or from the passages read in the cited sources, one passage a line (kept outside the repository too):

    python -m tests.shingles sources path/to/excerpts.txt

Each writes its file (tests/article_shingles.txt, tests/source_shingles.txt): one truncated SHA-256 per
8-word shingle, sorted. Left out are the shingles of the article's title (its first line), and of the
sources' own titles in data/sources.yaml: the guide names a work by its title.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import yaml

SHINGLE_WORDS = 8
HASHES_FILES = {
    "article": Path(__file__).with_name("article_shingles.txt"),
    "sources": Path(__file__).with_name("source_shingles.txt"),
}
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


def hashes_of(kind: str) -> set[str]:
    """The hashes of the article's ("article") or the cited sources' ("sources") 8-word runs."""
    return set(HASHES_FILES[kind].read_text(encoding="ascii").split())


def _titles(kind: str, text: str) -> str:
    """What a text of this kind may repeat: the article's title, or the cited sources' titles."""
    if kind == "article":
        return text.splitlines()[0]
    sources = yaml.safe_load((Path(__file__).parents[1] / "data" / "sources.yaml").read_text(encoding="utf-8"))
    return "\n".join(source["title"] for source in sources["sources"])


def main(kind: str, path: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    # The article is one text; the sources' passages, one a line, are cut one by one, so that no run spans two.
    passages = [text] if kind == "article" else text.splitlines()
    found = {digest for passage in passages for digest in shingles(passage)}
    titles = {digest for line in _titles(kind, text).splitlines() for digest in shingles(line)}
    hashes = sorted(found - titles)
    HASHES_FILES[kind].write_text("".join(f"{digest}\n" for digest in hashes), encoding="ascii")
    print(f"{HASHES_FILES[kind].name}: {len(hashes)} shingles of {path}")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in HASHES_FILES:
        sys.exit("usage: python -m tests.shingles article|sources path/to/the/text.txt")
    main(*sys.argv[1:])
