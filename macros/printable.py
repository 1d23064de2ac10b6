"""The characters the printed cards and plan sheets can draw: those every style of the print font has (Liberation
Sans, regular, bold, italic and bold italic: what Chromium prints the site with where Debian's fonts-liberation
is installed, as the tests and CI have it). Text with any other character is refused by validation (models.py),
so that no card prints a missing-glyph box.

The ranges live in print_characters.txt beside this file. Regenerate them from the fonts (fontTools, from the
test extra):

    python -m macros.printable /usr/share/fonts/truetype/liberation/LiberationSans-*.ttf
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

RANGES_FILE = Path(__file__).with_name("print_characters.txt")


def ranges() -> list[tuple[int, int]]:
    """The code points the print font draws, as (first, last) ranges."""
    lines = RANGES_FILE.read_text(encoding="ascii").split()
    return [(int(first, 16), int(last, 16)) for first, _, last in (line.partition("-") for line in lines)]


# Any character outside the ranges; line breaks and tabs are for the other checks to name.
UNPRINTABLE = re.compile("[^" + "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in ranges()) + "\n\r\t]")


def character_name(character: str) -> str:
    return f"U+{ord(character):04X} {unicodedata.name(character, 'without a name')}"


def main(font_files: list[str]) -> None:
    from fontTools.ttLib import TTFont

    drawn = set.intersection(*(set(TTFont(path).getBestCmap()) for path in font_files))
    found: list[list[int]] = []
    for code in sorted(drawn):
        if found and code == found[-1][1] + 1:
            found[-1][1] = code
        else:
            found.append([code, code])
    RANGES_FILE.write_text("".join(f"{first:04X}-{last:04X}\n" for first, last in found), encoding="ascii")
    print(f"{RANGES_FILE.name}: {len(found)} ranges, {len(drawn)} characters, from {len(font_files)} fonts")


if __name__ == "__main__":
    main(sys.argv[1:])
