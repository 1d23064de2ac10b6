"""QR codes as inline SVG, made afresh by every build (benchmarks/build_scale.py measures what builds cost)."""

import re

import segno
from markupsafe import Markup

# Error level M survives a smudged print; a fixed mask is as valid as the best-scoring one and skips
# scoring all eight, which was most of the cost of a code.
_OPTIONS = {"error": "m", "micro": False, "mask": 0}
QUIET_ZONE = 4  # modules of white around the code, as the standard asks
_DARK_RUN = re.compile(rb"\x01+")


def qr_code_svg(url: str) -> str:
    """The QR code of the URL as an SVG element, sized by CSS: a stroke one module wide along each run of
    dark modules in a row. Drawn here, not by segno's generic SVG writer: the same path for less work."""
    matrix = segno.make(url, **_OPTIONS).matrix
    moves, x, y = [], 0, 0  # the pen, in modules from the first row's start
    for row_number, row in enumerate(matrix):
        for run in _DARK_RUN.finditer(bytes(row)):
            moves.append(f"m{run.start() - x} {row_number - y}h{run.end() - run.start()}")
            x, y = run.end(), row_number
    size = len(matrix) + 2 * QUIET_ZONE
    path = f"M{QUIET_ZONE} {QUIET_ZONE}.5{''.join(moves)}"  # .5: a stroke is centred on its line
    return f'<svg viewBox="0 0 {size} {size}"><path stroke="#000" d="{path}"/></svg>'


class QrCodes:
    """QR codes of addresses as trusted markup (drawn from segno's code, not from the data), each made once a build."""

    def __init__(self):
        self.made: dict[str, Markup] = {}  # a workout's card is on its own page and on the print-all page

    def __call__(self, url: str) -> Markup:
        if url not in self.made:
            self.made[url] = Markup(qr_code_svg(url))
        return self.made[url]
