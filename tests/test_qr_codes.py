"""QR codes: inline SVG that segno makes for the address, once per address in a build."""

import pytest

from macros import qr_codes
from macros.qr_codes import QrCodes, qr_code_svg

URL = "https://example.org/workouts/short-session/"


def test_a_qr_code_is_inline_svg_sized_by_css():
    svg = QrCodes()(URL)
    assert svg.startswith("<svg") and 'viewBox="' in svg
    assert "width=" not in svg.split(">", 1)[0]


def test_a_qr_code_is_the_code_segno_makes_for_the_address():
    assert QrCodes()(URL) == qr_code_svg(URL)
    assert QrCodes()(URL) != QrCodes()("https://example.org/workouts/long-session/")


def test_a_code_shown_twice_in_a_build_is_made_once(monkeypatch):
    codes = QrCodes()
    made = codes(URL)
    monkeypatch.setattr(qr_codes, "qr_code_svg", lambda url: pytest.fail(f"made the code of {url} again"))
    assert codes(URL) == made
