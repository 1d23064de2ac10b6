"""QR codes: inline SVG of the standard's code for the address, made once per address in a build. The code is
made by zint (inside zxing-cpp) and read back here by zxing-cpp's reader, a separate implementation."""

import re

import pytest
import zxingcpp
from PIL import Image

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


def modules_across(svg: str) -> int:
    """The width of the SVG's square, in modules."""
    return int(re.search(r'viewBox="0 0 (\d+) ', svg)[1])


def painted_image(svg: str) -> Image.Image:
    """The SVG's painted modules as a picture of 4 pixels a module, for a reader to scan."""
    size = modules_across(svg)
    image = Image.new("L", (size, size), 255)
    for module in drawn_modules(svg):
        image.putpixel(module, 0)
    return image.resize((4 * size, 4 * size), Image.Resampling.NEAREST)


def test_a_qr_code_draws_the_address_at_error_level_m():
    [code] = zxingcpp.read_barcodes(painted_image(QrCodes()(URL)), formats=zxingcpp.BarcodeFormat.QRCode)
    assert (code.text, code.ec_level) == (URL, "M")


def test_a_qr_code_keeps_a_quiet_zone_of_four_modules_on_every_side():
    svg = QrCodes()(URL)
    size = modules_across(svg)
    columns, rows = zip(*drawn_modules(svg), strict=True)
    assert {min(columns), min(rows), size - 1 - max(columns), size - 1 - max(rows)} == {QUIET_ZONE}


def test_a_code_shown_twice_in_a_build_is_made_once(monkeypatch):
    codes = QrCodes()
    made = codes(URL)
    monkeypatch.setattr(qr_codes, "qr_code_svg", lambda url: pytest.fail(f"made the code of {url} again"))
    assert codes(URL) == made
