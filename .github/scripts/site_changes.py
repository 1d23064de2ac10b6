"""The pages a pull request changes, with where to see each, as Markdown for the job summary.

Compares two sites built as deployed, the base branch's and the pull request's, page by page. A page is
compared by its article, not its whole HTML: a new workout adds a navigation entry to every page, which is not
a change a reviewer needs to look at; nor is a citation whose number alone moved. Each page is named with its
file in the preview (the `site` artifact, built to be browsed from disk) and, for a workout or a plan, the
PNGs of its printed card or sheet in the `test-output` artifact.

Usage: python .github/scripts/site_changes.py BASE_SITE PULL_REQUEST_SITE PREVIEW_SITE
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ARTICLE = re.compile(r'<article class="?md-content__inner[^>]*>(.*?)</article>', re.S)
CITATION_NUMBER = re.compile(r'(<a href="?#ref-[^">\s]+"?>)\d+(</a>)')
PRINTED = re.compile(r"(workouts|plans)/(?!cards/)([^/]+)/")  # a workout's page is its card; a plan's, its sheet
PNG_FOLDER = {"workouts": "cards", "plans": "plans"}  # where the browser tests save a workout's or a plan's
PAPERS = ("A4", "Letter")


def articles(site: Path) -> dict[str, str]:
    """Each page's address in the site, e.g. "workouts/tempo-day/", and its article, citation numbers left out."""
    found = {}
    for html in sorted(site.rglob("*.html")):
        article = ARTICLE.search(html.read_text(encoding="utf-8"))
        if article:
            page = html.relative_to(site).as_posix().removesuffix("index.html")
            found[page] = CITATION_NUMBER.sub(r"\1\2", article[1])
    return found


def changes(base: dict[str, str], new: dict[str, str]) -> dict[str, list[str]]:
    return {
        "added": [page for page in new if page not in base],
        "changed": [page for page in new if page in base and new[page] != base[page]],
        "removed": [page for page in base if page not in new],
    }


def preview_file(preview_site: Path, page: str) -> str:
    """The page's file in the preview, where pages are files: "plans/build/" is plans/build.html, "plans/" is
    plans/index.html."""
    return next(name for name in (f"{page[:-1]}.html", f"{page}index.html") if (preview_site / name).is_file())


def printed(page: str) -> str:
    match = PRINTED.fullmatch(page)
    if not match:
        return ""
    return ", ".join(f"`{PNG_FOLDER[match[1]]}/{match[2]}-{paper}.png`" for paper in PAPERS)


def artifacts_link(environ=os.environ) -> str:
    if not all(environ.get(name) for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")):
        return "this run's artifacts"
    run = f"{environ['GITHUB_SERVER_URL']}/{environ['GITHUB_REPOSITORY']}/actions/runs/{environ['GITHUB_RUN_ID']}"
    return f"[this run's artifacts]({run}#artifacts)"


def summary(base_site: Path, new_site: Path, preview_site: Path) -> str:
    found = changes(articles(base_site), articles(new_site))
    lines = ["### Pages this pull request changes", ""]
    if not any(found.values()):
        return "\n".join([*lines, "None: every page reads as on the base branch."]) + "\n"
    lines += ["| Page | Change | In the preview | Printed |", "| --- | --- | --- | --- |"]
    for kind, pages in found.items():
        for page in pages:
            shown = preview_file(preview_site, page) if kind != "removed" else ""
            lines.append(f"| `{page or '(home page)'}` | {kind} | {f'`{shown}`' if shown else ''} | {printed(page)} |")
    lines += [
        "",
        f"Both are in {artifacts_link()}: the preview is `site` (download it, unzip it and open `index.html` or"
        " the file above: its pages link to each other as files, so it works from disk), and the printed cards and"
        " plan sheets are PNGs in `test-output`, once the browser tests have run.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    sys.stdout.write(summary(*map(Path, sys.argv[1:])))
