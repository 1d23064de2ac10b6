"""What the strict YAML reader made of each data file, kept between runs for the very same bytes.

Reading YAML is most of what loading the content costs (about half a second at 100x content), yet between
two runs a contributor changes a file or two. The reader's result depends only on a file's bytes and on the
reader itself (its code, PyYAML, Python), so it is kept under a digest of the bytes, for a digest of the
reader. Only the reading is reused: the schema and the checks across files run on every load.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml

from . import yaml_reader
from .kept_files import KEPT_DIR, inputs_digest, keep, read_kept
from .yaml_reader import Position, YamlDocument, YamlProblem, read_yaml

READINGS_FILE = KEPT_DIR / "readings.json"  # in the project folder


class KeptReadings:
    """Reads files as read_yaml does, reusing what a run before read from the same bytes.

    With no path, nothing is kept: every file is read afresh."""

    def __init__(self, path: Path | None = None):
        self.path = path
        # Worked out only where readings are kept: it looks up the libraries' versions, a few milliseconds.
        # PyYAML's own parser stands in where libyaml is missing, and words some syntax errors differently.
        self.reader = inputs_digest([Path(yaml_reader.__file__)], f"libyaml {yaml.__with_libyaml__}") if path else ""
        self.kept: dict[str, list] = self._read() if path else {}
        self.used: dict[str, list] = {}  # what this run read: the next run keeps only these

    def read(self, raw: bytes, text: str) -> YamlDocument:
        """The document for a file's bytes, and the same bytes decoded (its positions are worked out from them)."""
        key = hashlib.sha256(raw).hexdigest()
        reading = self.kept.get(key)
        if reading is None:
            doc = read_yaml(text)
            reading = [doc.value, [[list(p.position), list(p.path), p.expected] for p in doc.problems]]
        self.used[key] = reading
        value, problems = reading
        return YamlDocument(
            value=value,
            problems=[YamlProblem(Position(*position), tuple(path), expected) for position, path, expected in problems],
            text=text,
        )

    def save(self) -> None:
        if self.path and self.used.keys() != self.kept.keys():  # a key's reading is the same in both
            keep(self.path, json.dumps({"reader": self.reader, "readings": self.used}, ensure_ascii=False))

    def _read(self) -> dict[str, list]:
        text = read_kept(self.path)
        if text is None:
            return {}
        try:
            kept = json.loads(text)
            return kept["readings"] if kept["reader"] == self.reader else {}
        except (ValueError, TypeError, KeyError):
            return {}  # not in this shape: read afresh and keep anew
