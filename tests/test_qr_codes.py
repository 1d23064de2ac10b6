"""QR codes: inline SVG of the code segno makes for the address, made once per address in a build."""

import re

import pytest
import segno

from macros import qr_codes
from macros.qr_codes import QUIET_ZONE, QrCodes

URL = "https://example.org/workouts/short-session/"


def test_a_qr_code_is_inline_svg_sized_by_css():
    svg = QrCodes()(URL)
    assert svg.startswith("<svg") and 'viewBox="' in svg
    assert "width=" not in svg.split(">", 1)[0]


def drawn_modules(svg: str) -> set[tuple[int, int]]:
    """The modules an SVG path of moves and horizontal strokes one module wide paints, by column and row."""
    x = y = 0.0
    painted = set()
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", re.search(r' d="([^"]+)"', svg)[1]):
        if command == "h":
            painted |= {(int(x) + step, int(y)) for step in range(int(first))}
            x += int(first)
        else:
            x, y = (float(first), float(second)) if command == "M" else (x + float(first), y + float(second))
    return painted


def test_a_qr_code_draws_the_dark_modules_of_segnos_code_for_the_address_inside_a_quiet_zone():
    matrix = segno.make(URL, error="m", micro=False, mask=0).matrix
    dark = {(QUIET_ZONE + x, QUIET_ZONE + y) for y, row in enumerate(matrix) for x, value in enumerate(row) if value}
    svg = QrCodes()(URL)
    assert drawn_modules(svg) == dark
    assert f'viewBox="0 0 {len(matrix) + 2 * QUIET_ZONE} {len(matrix) + 2 * QUIET_ZONE}"' in svg
    assert svg != QrCodes()("https://example.org/workouts/long-session/")


def test_a_code_shown_twice_in_a_build_is_made_once(monkeypatch):
    codes = QrCodes()
    made = codes(URL)
    monkeypatch.setattr(qr_codes, "qr_code_svg", lambda url: pytest.fail(f"made the code of {url} again"))
    assert codes(URL) == made
