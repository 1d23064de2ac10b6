"""The project says under which terms its code and its content may be used, everywhere a reader looks."""

import tomllib

from tests.project import ROOT, words

CODE_LICENCE, CONTENT_LICENCE = "LICENSE", "LICENSE-CONTENT"
LEGAL_CODE = "https://creativecommons.org/licenses/by/4.0/legalcode"


def test_the_code_licence_is_mit():
    text = (ROOT / CODE_LICENCE).read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text


def test_the_content_licence_is_cc_by_4_with_its_legal_code():
    text = (ROOT / CONTENT_LICENCE).read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International" in text
    assert LEGAL_CODE in text


def test_the_readme_names_both_licence_files():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"({CODE_LICENCE})" in readme and f"({CONTENT_LICENCE})" in readme


def test_contributing_says_a_pull_request_offers_its_changes_under_both_licences():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = contributing.split("\n## Licence of your contribution\n")[1].split("\n## ")[0]
    assert f"({CODE_LICENCE})" in section and f"({CONTENT_LICENCE})" in section
    assert "pull request you offer" in words(section)


def test_pyproject_gives_both_licences():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    assert project["license-files"] == [CODE_LICENCE, CONTENT_LICENCE]


def test_every_page_footer_names_both_licences(built_site):
    for html in built_site.html_files():
        footer = built_site.soup_of_file(html).select_one(".md-copyright")
        assert footer is not None, html
        text = footer.get_text(" ")
        assert "CC BY 4.0" in text and "MIT License" in text, html
