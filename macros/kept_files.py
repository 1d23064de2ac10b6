"""Files kept under .cache/ for later builds and validate runs: a missing or unreadable one is only a miss."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

KEPT_DIR = Path(".cache")  # in the project folder, git-ignored: deleting it only costs the next build time


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
