"""QR codes are kept between builds, and the kept copy is the code segno makes for that address."""

import pytest

from macros import qr_codes
from macros.qr_codes import QrCodes, qr_code_svg

URL = "https://example.org/workouts/short-session/"


def test_a_qr_code_is_inline_svg_sized_by_css():
    svg = QrCodes(None)(URL)
    assert svg.startswith("<svg") and 'viewBox="' in svg
    assert "width=" not in svg.split(">", 1)[0]


def test_a_later_build_reuses_the_kept_code_instead_of_making_it_again(tmp_path, monkeypatch):
    made = QrCodes(tmp_path)(URL)
    monkeypatch.setattr(qr_codes, "qr_code_svg", lambda url: pytest.fail(f"made the code of {url} again"))
    assert QrCodes(tmp_path)(URL) == made


def test_each_address_has_its_own_kept_code(tmp_path):
    other = "https://example.org/workouts/long-session/"
    assert QrCodes(tmp_path)(URL) != QrCodes(tmp_path)(other)
    assert len(list(tmp_path.iterdir())) == 2


def test_a_kept_code_is_the_code_segno_makes(tmp_path):
    QrCodes(tmp_path)(URL)
    (kept,) = tmp_path.iterdir()
    assert kept.read_text(encoding="utf-8") == qr_code_svg(URL)


def test_a_cache_that_cannot_be_written_still_gives_the_code(tmp_path):
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")
    assert QrCodes(not_a_directory / "qr-codes")(URL) == qr_code_svg(URL)
