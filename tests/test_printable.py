"""Validation lets through only the characters the printed cards and sheets can draw: those of the print font,
listed in macros/print_characters.txt, which matches the font installed for the print tests."""

from pathlib import Path

from macros.load import load_content
from macros.printable import RANGES_FILE, ranges
from tests.broken_content import problems

FONTS = [
    Path(f"/usr/share/fonts/truetype/liberation/LiberationSans-{style}.ttf")
    for style in ("Regular", "Bold", "Italic", "BoldItalic")
]


def test_the_listed_characters_are_those_every_style_of_the_print_font_draws():
    from fontTools.ttLib import TTFont

    missing = [str(font) for font in FONTS if not font.exists()]
    assert not missing, f"the print font is not installed ({missing}): python3 dev.py test installs fonts-liberation"
    drawn = set.intersection(*(set(TTFont(font).getBestCmap()) for font in FONTS))
    listed = {code for first, last in ranges() for code in range(first, last + 1)}
    assert listed == drawn, f"{RANGES_FILE.name} is out of date: python -m macros.printable {' '.join(map(str, FONTS))}"


def test_an_emoji_in_a_cue_is_refused_with_its_name(data_dir):
    technique = data_dir / "technique.yaml"
    technique.write_text(
        technique.read_text(encoding="utf-8").replace("Drive your hips up", "Drive up \U0001f4aa"), encoding="utf-8"
    )
    (line,) = problems(data_dir)
    assert line.startswith("data/technique.yaml:") and "U+1F4AA FLEXED BICEPS is not in the print font" in line


def test_the_characters_the_guide_uses_are_all_printable(data_dir):
    summary = data_dir / "summary.yaml"
    summary.write_text(
        summary.read_text(encoding="utf-8").replace("text: ", "text: 4 × 10 · ½ – “fine” ", 1), encoding="utf-8"
    )
    assert load_content(data_dir)
