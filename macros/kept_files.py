"""Files kept under .cache/ for later builds and validate runs: a missing or unreadable one is only a miss."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

KEPT_DIR = Path(".cache")  # in the project folder, git-ignored: deleting it only costs the next build time

# What the macros run on, beyond the Python standard library: a new version may read or render differently.
LIBRARIES = ("jinja2", "markupsafe", "pydantic", "PyYAML", "segno")


def read_kept(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def keep(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed, so that a build stopped halfway never leaves half a file behind.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as file:
            file.write(text)
        os.replace(file.name, path)
    except OSError:
        pass  # a read-only checkout still builds, only without what it would have kept


def digest(*parts: str) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode()
        hashed.update(len(data).to_bytes(8, "big") + data)  # length first: no two parts run together
    return hashed.hexdigest()


def file_digests(given: Path) -> dict[str, str]:
    """The file given, or every file in the folder given (Python's caches aside), by its path from the folder
    above: a digest of its bytes."""
    paths = [given] if given.is_file() else sorted(given.rglob("*"))
    return {
        path.relative_to(given.parent).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in paths
        if path.is_file() and "__pycache__" not in path.parts
    }


def inputs_digest(paths: list[Path], setting: str) -> str:
    """A digest of the files given and of every file in the folders given (by path and bytes), the setting,
    Python and the libraries."""
    files = [f"{name} {file_digest}" for given in paths for name, file_digest in file_digests(given).items()]
    libraries = [f"{name} {version(name)}" for name in LIBRARIES]
    return digest(setting, sys.version, *libraries, *files)
