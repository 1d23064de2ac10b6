"""QR codes as inline SVG, kept between builds in a cache directory.

segno is pure Python: a code costs about 1.7 ms, so seconds for hundreds of workouts on every rebuild
of `mkdocs serve`. A code depends only on its address and on how segno draws it, so a file named by
both can be reused by every later build (as Material's own plugins do under .cache/).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import segno
from markupsafe import Markup

from .kept_files import keep, read_kept

# Error level M survives a smudged print; a fixed mask is as valid as the best-scoring one and skips
# scoring all eight, which was most of the cost of a code.
_OPTIONS = {"error": "m", "micro": False, "mask": 0}
_SVG_OPTIONS = {"omitsize": True, "svgclass": None, "lineclass": None}


def qr_code_svg(url: str) -> str:
    """The QR code of the URL as an SVG element, sized by CSS."""
    return segno.make(url, **_OPTIONS).svg_inline(**_SVG_OPTIONS)


class QrCodes:
    """QR codes of addresses as trusted markup (segno writes it, not the data), each made at most once."""

    def __init__(self, cache_dir: Path | None):
        self.cache_dir = cache_dir  # None: made afresh by every build
        self.made: dict[str, Markup] = {}  # a workout's card is on its own page and on the print-all page

    def __call__(self, url: str) -> Markup:
        if url not in self.made:
            self.made[url] = Markup(self._cached(url))
        return self.made[url]

    def _cached(self, url: str) -> str:
        if self.cache_dir is None:
            return qr_code_svg(url)
        key = f"segno {segno.__version__} {sorted(_OPTIONS.items())} {sorted(_SVG_OPTIONS.items())} {url}"
        path = self.cache_dir / f"{hashlib.sha256(key.encode()).hexdigest()}.svg"
        svg = read_kept(path)
        if svg is None:
            svg = qr_code_svg(url)
            keep(path, svg)
        return svg
