"""The corpus of broken content: fixture files under tests/fixtures/invalid/, each a data file that the
loader must refuse with exactly the problems its header promises.

A fixture starts with comment lines:
    # path: workouts/short-session.yaml      where it goes in a copy of tests/fixtures/valid
    # expect: data/workouts/...:5:11: ...    one line per problem, exactly as reported
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

INVALID_FIXTURES = Path(__file__).parent / "fixtures" / "invalid"


@dataclass(frozen=True)
class BrokenCase:
    name: str
    path: str
    content: bytes
    expected: list[str]

    def apply(self, data_dir: Path) -> None:
        target = data_dir / self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.content)


def _from_fixture(fixture: Path) -> BrokenCase:
    content = fixture.read_bytes()
    header = [line[2:] for line in content.decode("utf-8", "replace").splitlines() if line.startswith("# ")]
    fields = [line.split(": ", 1) for line in header if ": " in line]
    path = next(value for key, value in fields if key == "path")
    expected = [value for key, value in fields if key == "expect"]
    return BrokenCase(fixture.stem, path, content, expected)


def broken_cases() -> list[BrokenCase]:
    return [_from_fixture(fixture) for fixture in sorted(INVALID_FIXTURES.glob("*.yaml"))]
