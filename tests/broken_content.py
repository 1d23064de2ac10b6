"""The corpus of broken content: each case is a copy of tests/fixtures/valid broken in one way, and the
exact problems the loader, the validate command and the build must report for it.

Most cases are files under tests/fixtures/invalid/, starting with comment lines:
    # path: workouts/short-session.yaml      where it goes in the copy
    # expect: data/workouts/...:5:11: ...    one line per problem, exactly as reported
The rest are named mutations below: what a file cannot say about itself (bytes that are not UTF-8, a
byte-order mark, a file that is missing or misnamed).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.load import ContentError, load_content
from macros.models import KINDS

INVALID_FIXTURES = Path(__file__).parent / "fixtures" / "invalid"


@dataclass(frozen=True)
class BrokenCase:
    name: str
    path: str
    content: bytes | None  # None: the file is removed
    expected: list[str]
    make: Callable[[Path], None] | None = None  # makes what is at the path, instead of content

    def apply(self, data_dir: Path) -> None:
        target = data_dir / self.path
        if self.make:
            self.make(target)
        elif self.content is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self.content)


def _from_fixture(fixture: Path) -> BrokenCase:
    content = fixture.read_bytes()
    header = [line[2:] for line in content.decode("utf-8", "replace").splitlines() if line.startswith("# ")]
    fields = [line.split(": ", 1) for line in header if ": " in line]
    path = next(value for key, value in fields if key == "path")
    expected = [value for key, value in fields if key == "expect"]
    return BrokenCase(fixture.stem, path, content, expected)


VALID_WORKOUT = (Path(__file__).parent / "fixtures" / "valid" / "workouts" / "short-session.yaml").read_bytes()
KNOWN_FILES = ", ".join(kind.data for kind in KINDS)
LONG_ID = "a-workout-whose-file-name-is-one-character-too-long-for-an-id"  # 61 characters, as no id may be
MUTATIONS = [
    BrokenCase(
        "invalid-utf-8",
        "workouts/short-session.yaml",
        VALID_WORKOUT.replace(b"Short session", b"Short \xff session"),
        ["data/workouts/short-session.yaml:2:14: (whole file): expected UTF-8 text; this byte is not valid UTF-8"],
    ),
    BrokenCase(
        "byte-order-mark",
        "workouts/short-session.yaml",
        b"\xef\xbb\xbf" + VALID_WORKOUT,
        [
            "data/workouts/short-session.yaml:1:1: (whole file): expected UTF-8 without a byte-order mark; "
            "save the file without a BOM"
        ],
    ),
    BrokenCase(
        "missing-data-file",
        "summary.yaml",
        None,
        ["data/summary.yaml:1:1: (whole file): expected this data file; it is missing"],
    ),
    BrokenCase(
        "no-workout-files",
        "workouts/short-session.yaml",
        None,
        ["data/workouts:1:1: (whole file): expected at least one file in this folder"],
    ),
    BrokenCase(
        "unknown-data-file",
        "benefit.yaml",
        b"benefits: []\n",
        [f"data/benefit.yaml:1:1: (whole file): expected only the known data files ({KNOWN_FILES})"],
    ),
    BrokenCase(
        "workout-file-name-not-kebab-case",
        "workouts/Long_Session.yaml",
        VALID_WORKOUT,
        [
            "data/workouts/Long_Session.yaml:1:1: (whole file): expected a file named <kebab-case-id>.yaml, "
            "such as long-session.yaml"
        ],
    ),
    BrokenCase(
        "workout-id-too-long",
        f"workouts/{LONG_ID}.yaml",
        VALID_WORKOUT,
        [
            f"data/workouts/{LONG_ID}.yaml:1:1: (whole file): expected a file name of at most 60 characters before"
            " .yaml (it is the workout's id), got 61"
        ],
    ),
    BrokenCase(
        "control-character",
        "workouts/short-session.yaml",
        VALID_WORKOUT.replace(b"A quick one.", b"A quick\x0bone."),
        [
            "data/workouts/short-session.yaml:3:14: (whole file): expected text that YAML allows; remove the control "
            "character U+000B"
        ],
    ),
    BrokenCase(
        "nesting-600-levels-deep",
        "workouts/short-session.yaml",
        VALID_WORKOUT.replace(b"title: Short session", b"title: " + b"[" * 600 + b"]" * 600),
        [
            "data/workouts/short-session.yaml:2:27: title[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: "
            "expected at most 20 levels of lists and mappings; no field lies this deep",
        ],
    ),
    BrokenCase(
        "plan-file-name-not-kebab-case",
        "plans/From_Zero.yaml",
        b"title: From zero\n",
        [
            "data/plans/From_Zero.yaml:1:1: (whole file): expected a file named <kebab-case-id>.yaml, such as from-zero.yaml"
        ],
    ),
    BrokenCase(
        "workout-file-not-yaml",
        "workouts/notes.txt",
        b"Remember the chalk.\n",
        ["data/workouts/notes.txt:1:1: (whole file): expected a file named <kebab-case-id>.yaml, such as notes.yaml"],
    ),
    BrokenCase(
        "workout-file-name-with-spaces",
        "workouts/Tempo Day.yaml",
        VALID_WORKOUT,
        [
            "data/workouts/Tempo Day.yaml:1:1: (whole file): expected a file named <kebab-case-id>.yaml, "
            "such as tempo-day.yaml"
        ],
    ),
    BrokenCase(
        "workout-file-name-not-utf-8",
        os.fsdecode(b"workouts/caf\xe9.yaml"),
        VALID_WORKOUT,
        ["data/workouts/caf\\xe9.yaml:1:1: (whole file): expected a file name in UTF-8; rename this file"],
    ),
    BrokenCase(
        "workout-id-takes-over-the-workouts-index",
        "workouts/index.yaml",
        VALID_WORKOUT,
        [
            "data/workouts/index.yaml:1:1: (whole file): expected a workout id that no page of the site uses; "
            "'index' would take over docs/workouts/index.md"
        ],
    ),
    BrokenCase(
        "data-file-over-1-mb",
        "workouts/long-notes.yaml",
        VALID_WORKOUT + b"# " + b"notes " * 200_000 + b"\n",
        [
            "data/workouts/long-notes.yaml:1:1: (whole file): expected a data file of at most 1 MB; split it or shorten it"
        ],
    ),
    BrokenCase(
        "symlink-out-of-the-project",
        "workouts/outside.yaml",
        None,
        [
            "data/workouts/outside.yaml:1:1: (whole file): expected a file inside the project; this is a link to a place outside it"
        ],
        make=lambda target: target.symlink_to("/dev/null"),
    ),
    BrokenCase(
        "link-to-nothing",
        "workouts/gone.yaml",
        None,
        ["data/workouts/gone.yaml:1:1: (whole file): expected a file this build can read; this is a link to nothing"],
        make=lambda target: target.symlink_to(target.parent / "no-such-file.yaml"),
    ),
    BrokenCase(
        "workout-file-that-is-a-folder",
        "workouts/folder.yaml",
        None,
        ["data/workouts/folder.yaml:1:1: (whole file): expected a file this build can read; this is not a file"],
        make=lambda target: target.mkdir(),
    ),
    BrokenCase(
        "workout-file-that-is-a-pipe",
        "workouts/pipe.yaml",
        None,
        ["data/workouts/pipe.yaml:1:1: (whole file): expected a file this build can read; this is not a file"],
        make=lambda target: os.mkfifo(target),
    ),
]


def broken_cases() -> list[BrokenCase]:
    return [_from_fixture(fixture) for fixture in sorted(INVALID_FIXTURES.glob("*.yaml"))] + MUTATIONS


def problems(data_dir: Path) -> list[str]:
    """What loading the data folder reports, one line per problem; loading must fail."""
    with pytest.raises(ContentError) as error:
        load_content(data_dir)
    return [str(problem) for problem in error.value.problems]
