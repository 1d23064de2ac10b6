"""How content problems are shown to the contributor, by `validate` and by the build.

Everywhere: one `file:line:col: field: expected ...` line per problem. Under GitHub Actions
(GITHUB_ACTIONS=true), one workflow annotation per problem instead, which GitHub shows on that line of
the pull request's diff; and, where the job has a summary file (GITHUB_STEP_SUMMARY), the problems in
plain words, each file's with a link to CONTRIBUTING's section for that kind of content.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping
from pathlib import PurePosixPath

from .load import ContentError, Problem
from .models import KINDS

ANNOTATION_TITLE = "Content problem"
# CONTRIBUTING's field reference has a heading per kind of content; anything else is in its overview table.
OVERVIEW_HEADING = "Where everything is"


def report(error: ContentError, environ: Mapping[str, str] = os.environ) -> str:
    """The text to print for the problems; under GitHub Actions, having added them to the job summary."""
    if environ.get("GITHUB_ACTIONS") != "true":
        return str(error)
    if environ.get("GITHUB_STEP_SUMMARY"):
        with open(environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(job_summary(error.problems, environ))
    return "\n".join([str(error).splitlines()[0], *map(annotation, error.problems)])


def annotation(problem: Problem) -> str:
    """A workflow command: `::error file=F,line=L,col=C,title=T::field: expected ...`."""
    properties = {"file": problem.file, "line": problem.line, "col": problem.column, "title": ANNOTATION_TITLE}
    fields = ",".join(f"{name}={_escape_property(str(value))}" for name, value in properties.items())
    return f"::error {fields}::{_escape_data(_message(problem))}"


def job_summary(problems: list[Problem], environ: Mapping[str, str]) -> str:
    """Markdown for the job's summary page: per file, where each problem is and what was expected."""
    lines = [
        f"### The content has {len(problems)} problem{'s' if len(problems) != 1 else ''}",
        "",
        "Each one is also marked on its line under the pull request's *Files changed*.",
    ]
    for file in dict.fromkeys(problem.file for problem in problems):
        heading = contributing_heading(file)
        lines += ["", f"#### {_markdown_text(file)}", ""]
        lines += [
            f"- Line {problem.line}, column {problem.column}: {_markdown_text(_message(problem))}"
            for problem in problems
            if problem.file == file
        ]
        lines += ["", f"How to write it: [CONTRIBUTING.md, {heading}]({contributing_url(heading, environ)})"]
    return "\n".join(lines) + "\n"


def contributing_heading(file: str) -> str:
    """CONTRIBUTING's heading for the kind of content a file holds."""
    path = PurePosixPath(file)
    for kind in KINDS:
        folder = kind.data.rstrip("/")
        if path.name == kind.data or kind.is_folder and folder in (path.name, path.parent.name):
            return f"`data/{kind.data_name('<id>')}`"
    return OVERVIEW_HEADING


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def contributing_url(heading: str, environ: Mapping[str, str]) -> str:
    """CONTRIBUTING.md's section as the base branch has it (a pull request's own commit may be in a fork)."""
    server = environ.get("GITHUB_SERVER_URL", "https://github.com")
    branch = environ.get("GITHUB_BASE_REF") or environ.get("GITHUB_REF_NAME", "main")
    return f"{server}/{environ.get('GITHUB_REPOSITORY', '')}/blob/{branch}/CONTRIBUTING.md#{github_anchor(heading)}"


def _message(problem: Problem) -> str:
    return f"{problem.field or '(whole file)'}: expected {problem.expected}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _markdown_text(text: str) -> str:
    """Text shown as itself in Markdown: the content's own words may hold markup."""
    return re.sub(r"([\\`*_\[\]{}#|~!])", r"\\\1", html.escape(text, quote=False))
