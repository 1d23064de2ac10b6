"""Rendered fragments kept between builds, for exactly the inputs that rendered them.

What a macro leaves on a page (its text, and the page metadata it sets) depends only on the content, the
macros' code and templates, the libraries they run on, the site's address, the page and the arguments.
The kept fragments are filed under a digest of all of these but the last two: a build whose inputs are
unchanged (a prose edit under `mkdocs serve`, a rebuild) renders nothing again, and any change to them
starts afresh. They are written after the build has rendered every page (on_post_build), which a build
only reaches with content that passed validation: so kept fragments vouch for their content too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from .kept_files import KEPT_DIR, keep, read_kept

FRAGMENTS_FILE = KEPT_DIR / "fragments.json"  # in the project folder


class Fragment(NamedTuple):
    text: str
    meta: dict[str, str]  # what the macro set in the page's metadata (a workout page's title)


class FragmentCache:
    def __init__(self, path: Path, inputs: str):
        self.path, self.inputs = path, inputs
        kept = self._read()
        # Kept for these very inputs: a build rendered every page from this content, so it is valid.
        self.content_known_valid = kept is not None
        self.fragments: dict[str, Fragment] = kept or {}
        self.changed = False

    @staticmethod
    def key(macro: str, page: str, args: tuple) -> str:
        return json.dumps([macro, page, list(args)])

    def get(self, key: str) -> Fragment | None:
        return self.fragments.get(key)

    def put(self, key: str, text: str, meta: dict[str, str]) -> None:
        self.fragments[key] = Fragment(text, meta)
        self.changed = True

    def save(self) -> None:
        if self.changed:
            keep(self.path, json.dumps({"inputs": self.inputs, "fragments": self.fragments}, ensure_ascii=False))
            self.changed = False

    def _read(self) -> dict[str, Fragment] | None:
        text = read_kept(self.path)
        if text is None:
            return None
        try:
            kept = json.loads(text)
            if kept["inputs"] != self.inputs:
                return None
            return {key: Fragment(*fragment) for key, fragment in kept["fragments"].items()}
        except (ValueError, TypeError, KeyError, AttributeError):
            return None  # not in this shape: render afresh and keep anew
