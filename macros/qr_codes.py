"""QR codes as inline SVG, made afresh by every build (benchmarks/build_scale.py measures what builds cost)."""

import segno
from markupsafe import Markup

# Error level M survives a smudged print; a fixed mask is as valid as the best-scoring one and skips
# scoring all eight, which was most of the cost of a code.
_OPTIONS = {"error": "m", "micro": False, "mask": 0}
_SVG_OPTIONS = {"omitsize": True, "svgclass": None, "lineclass": None}


def qr_code_svg(url: str) -> str:
    """The QR code of the URL as an SVG element, sized by CSS."""
    return segno.make(url, **_OPTIONS).svg_inline(**_SVG_OPTIONS)


class QrCodes:
    """QR codes of addresses as trusted markup (segno writes it, not the data), each made at most once a build."""

    def __init__(self):
        self.made: dict[str, Markup] = {}  # a workout's card is on its own page and on the print-all page

    def __call__(self, url: str) -> Markup:
        if url not in self.made:
            self.made[url] = Markup(qr_code_svg(url))
        return self.made[url]
