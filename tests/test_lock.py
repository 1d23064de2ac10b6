"""requirements.txt, the deploy's lock file: every runtime dependency of pyproject.toml pinned to a version
its range allows, every package with its hashes, and written by the command README.md gives."""

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.project import ROOT

LOCK = ROOT / "requirements.txt"
COMMAND = "pip-compile --generate-hashes --no-emit-find-links --no-emit-index-url --output-file=requirements.txt --strip-extras pyproject.toml"


def pins() -> dict[str, tuple[str, list[str]]]:
    """Each locked package's name -> its version and hashes."""
    text = LOCK.read_text(encoding="utf-8")
    found = {}
    for name, version, hashes in re.findall(r"^([\w.-]+)==(\S+)((?: \\\n\s+--hash=\S+)*)", text, re.M):
        found[canonicalize_name(name)] = (version, re.findall(r"--hash=sha256:([0-9a-f]{64})", hashes))
    return found


RUNTIME = [
    Requirement(line)
    for line in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
]


@pytest.mark.parametrize("requirement", RUNTIME, ids=lambda requirement: requirement.name)
def test_the_lock_pins_each_runtime_dependency_within_its_range(requirement):
    version, _ = pins()[canonicalize_name(requirement.name)]
    assert requirement.specifier.contains(version, prereleases=True), f"{requirement}: locked {version}"


def test_every_locked_package_has_its_hashes():
    locked = pins()
    assert len(locked) == len(re.findall(r"^[\w.-]+==", LOCK.read_text(encoding="utf-8"), re.M))
    assert all(hashes for _, hashes in locked.values())


def test_the_lock_was_written_by_the_command_that_readme_gives():
    assert f"#    {COMMAND}\n" in LOCK.read_text(encoding="utf-8")
    assert COMMAND.replace("--output-file=", "--output-file ") in (ROOT / "README.md").read_text(encoding="utf-8")
