"""`python -m macros.validate [DATA_DIR]`: check all content as the build does, without building.

The same loader as the build, so the same messages: one `file:line:col: field: expected ...` line per
problem (under GitHub Actions, an annotation each: macros/problem_report.py), exit status 1. With no
problem: a one-line summary, exit status 0. It imports nothing from
MkDocs, so editors, pre-commit and CI get an answer quickly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .load import ContentError, load_content
from .models import KINDS
from .problem_report import report

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.validate",
        description="Check every data file against the schema and every id reference, as the build does.",
        epilog="Exit status: 0 when the content is valid, 1 when it has problems (one line each).",
    )
    parser.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="the data folder (default: this project's data/)",
    )
    args = parser.parse_args(argv)
    if not args.data_dir.is_dir():
        parser.error(f"{args.data_dir} is not a folder")
    data_dir = args.data_dir.resolve()
    # Paths from the current folder, so that editors can open them: from the project root, as the build shows them.
    shown_root = Path.cwd() if data_dir.is_relative_to(Path.cwd()) else data_dir.parent
    try:
        content = load_content(data_dir, shown_root)
    except ContentError as error:
        print(report(error), file=sys.stderr)
        return 1
    files = sum(not kind.is_folder for kind in KINDS)
    items = [f"{len(getattr(content, kind.field))} {kind.field}" for kind in KINDS if kind.is_folder]
    print(f"OK: {', '.join([f'{files} data files', *items])} and {len(content.file_of_id)} ids, all valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
