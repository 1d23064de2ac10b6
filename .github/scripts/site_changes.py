"""The pages and printed cards a pull request changes, as Markdown for the job summary.

Compares two built sites, the base branch's and the pull request's, page by page. A page is compared by
its article, not its whole HTML: a new workout adds a navigation entry to every page, which is not a
change a reviewer needs to look at. A workout page is also its printed card.

Usage: python .github/scripts/site_changes.py BASE_SITE PULL_REQUEST_SITE
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
CARD = re.compile(r"workouts/(?!cards/)([^/]+)/")  # the page of one workout: its card, PNGs named after its id


def articles(site: Path) -> dict[str, str]:
    """Each page's address in the site, e.g. "workouts/tempo-day/", and its article."""
    found = {}
    for html in sorted(site.rglob("*.html")):
        article = ARTICLE.search(html.read_text(encoding="utf-8"))
        if article:
            found[html.relative_to(site).as_posix().removesuffix("index.html")] = article[1]
    return found


def changes(base: dict[str, str], new: dict[str, str]) -> dict[str, list[str]]:
    return {
        "added": [page for page in new if page not in base],
        "changed": [page for page in new if page in base and new[page] != base[page]],
        "removed": [page for page in base if page not in new],
    }


def summary(base_site: Path, new_site: Path) -> str:
    found = changes(articles(base_site), articles(new_site))
    lines = ["### Pages this pull request changes", ""]
    if not any(found.values()):
        return "\n".join([*lines, "None: every page reads as on the base branch."]) + "\n"
    for kind, pages in found.items():
        for page in pages:
            card = CARD.fullmatch(page)
            what = f" (and its printed card: `cards/{card[1]}-*.png` in the test-output artifact)" if card else ""
            lines.append(f"- {kind}: `{page or '(home page)'}`{what}")
    lines += ["", "The built site is the `site` artifact of this run: download it and open `index.html`."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    sys.stdout.write(summary(Path(sys.argv[1]), Path(sys.argv[2])))
