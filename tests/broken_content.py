"""The corpus of broken content: each case is a copy of tests/fixtures/valid broken in one way, and the
exact problems the loader, the validate command and the build must report for it.

Most cases are files under tests/fixtures/invalid/, starting with comment lines:
    # path: workouts/short-session.yaml      where it goes in the copy
    # expect: data/workouts/...:5:11: ...    one line per problem, exactly as reported
The rest are named mutations below: what a file cannot say about itself (bytes that are not UTF-8, a
byte-order mark, a file that is missing or misnamed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.load import ContentError, load_content

INVALID_FIXTURES = Path(__file__).parent / "fixtures" / "invalid"


@dataclass(frozen=True)
class BrokenCase:
    name: str
    path: str
    content: bytes | None  # None: the file is removed
    expected: list[str]

    def apply(self, data_dir: Path) -> None:
        target = data_dir / self.path
        if self.content is None:
            target.unlink()
            return
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
KNOWN_FILES = "benefits.yaml, technique.yaml, mistakes.yaml, programming.yaml, variations.yaml, summary.yaml, figures.yaml, workouts/, plans/"
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
        ["data/workouts:1:1: (whole file): expected at least one workout file in this folder"],
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
        ["data/workouts/Long_Session.yaml:1:1: (whole file): expected a workout file named <kebab-case-id>.yaml"],
    ),
    BrokenCase(
        "plan-file-name-not-kebab-case",
        "plans/From_Zero.yaml",
        b"title: From zero\n",
        ["data/plans/From_Zero.yaml:1:1: (whole file): expected a plan file named <kebab-case-id>.yaml"],
    ),
    BrokenCase(
        "workout-file-not-yaml",
        "workouts/notes.txt",
        b"Remember the chalk.\n",
        ["data/workouts/notes.txt:1:1: (whole file): expected a workout file named <kebab-case-id>.yaml"],
    ),
]


def broken_cases() -> list[BrokenCase]:
    return [_from_fixture(fixture) for fixture in sorted(INVALID_FIXTURES.glob("*.yaml"))] + MUTATIONS


def problems(data_dir: Path, kept_readings: Path | None = None) -> list[str]:
    """What loading the data folder reports, one line per problem; loading must fail."""
    with pytest.raises(ContentError) as error:
        load_content(data_dir, kept_readings=kept_readings)
    return [str(problem) for problem in error.value.problems]
