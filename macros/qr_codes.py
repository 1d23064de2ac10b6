"""QR codes as inline SVG, made afresh by every build (benchmarks/build_scale.py measures what builds cost)."""

import re

import zxingcpp
from markupsafe import Markup

ERROR_LEVEL = "M"  # survives a smudged print
QUIET_ZONE = 4  # modules of white around the code, as the standard asks
_DARK_RUN = re.compile(rb"\x00+")  # zxing-cpp's image: 0 for a dark module, 255 for a light one


def qr_code_svg(url: str) -> str:
    """The QR code of the URL as an SVG element, sized by CSS: a stroke one module wide along each run of
    dark modules in a row. Drawn here, not by zxing-cpp's SVG writer, whose path of rectangles is twice as long."""
    image = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_LEVEL).to_image(
        scale=1, add_quiet_zones=False
    )
    width = image.shape[1]
    modules = bytes(image)
    moves, x, y = [], 0, 0  # the pen, in modules from the first row's start
    for row_number in range(image.shape[0]):
        for run in _DARK_RUN.finditer(modules[row_number * width : (row_number + 1) * width]):
            moves.append(f"m{run.start() - x} {row_number - y}h{run.end() - run.start()}")
            x, y = run.end(), row_number
    size = width + 2 * QUIET_ZONE
    path = f"M{QUIET_ZONE} {QUIET_ZONE}.5{''.join(moves)}"  # .5: a stroke is centred on its line
    return f'<svg viewBox="0 0 {size} {size}"><path stroke="#000" d="{path}"/></svg>'


class QrCodes:
    """QR codes of addresses as trusted markup (drawn from the encoder's modules, not from the data), each made
    once a build."""

    def __init__(self):
        self.made: dict[str, Markup] = {}  # a workout's card is on its own page and on the print-all page

    def __call__(self, url: str) -> Markup:
        if url not in self.made:
            self.made[url] = Markup(qr_code_svg(url))
        return self.made[url]
