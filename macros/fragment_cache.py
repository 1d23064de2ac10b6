"""Rendered fragments kept between builds, each for exactly the inputs it was rendered from.

What a macro leaves on a page (its text, and the page metadata it sets) depends only on the macros' code and
templates, the libraries they run on, the site's address, the page, the arguments, and the content it read.
Every fragment may read the shared content: every data file but the workouts, and which workouts there are.
The workouts it read are noted while it renders (WorkoutsRead). A kept fragment is given back while the
digest of its inputs is unchanged: after an edit to one workout, only that workout's page and the pages that
list every workout are rendered again. Fragments are written after the build rendered every page
(on_post_build), which a build only reaches with content that passed validation: the file also names that
content, so that a build of the very same content can skip loading it.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import NamedTuple, TypeVar

from .kept_files import KEPT_DIR, digest, file_digests, inputs_digest, keep, read_kept
from .site_map import WORKOUTS_DIR

FRAGMENTS_FILE = KEPT_DIR / "fragments.json"  # in the project folder
ALL_WORKOUTS = "*"  # what a fragment that went through the workouts read

WorkoutT = TypeVar("WorkoutT")


class WorkoutsRead(Mapping[str, WorkoutT]):
    """The workouts by id, noting which ones are read while a fragment renders."""

    def __init__(self, workouts: Mapping[str, WorkoutT]):
        self._workouts = workouts
        self._read: set[str] = set()

    def __getitem__(self, workout_id: str) -> WorkoutT:
        self._read.add(workout_id)
        return self._workouts[workout_id]

    def __iter__(self) -> Iterator[str]:
        self._read.add(ALL_WORKOUTS)
        return iter(self._workouts)

    def __len__(self) -> int:
        self._read.add(ALL_WORKOUTS)
        return len(self._workouts)

    def __contains__(self, workout_id: object) -> bool:
        return workout_id in self._workouts  # which workouts there are is an input of every fragment

    @contextmanager
    def noting(self) -> Iterator[set[str]]:
        """The ids read inside the block, ALL_WORKOUTS if it went through them all; they count as read for
        the block around it too."""
        outer, self._read = self._read, set()
        try:
            yield self._read
        finally:
            outer |= self._read
            self._read = outer

    def note(self, workouts_read: Collection[str]) -> None:
        self._read |= set(workouts_read)


class FragmentInputs:
    """Digests of what fragments render from, from the files' bytes alone: milliseconds, no YAML read."""

    def __init__(self, data_dir: Path, code_dir: Path, site_url: str):
        data = file_digests(data_dir)
        workout_folder = f"{data_dir.name}/{WORKOUTS_DIR}"
        workout_files = [
            name for name in data if str(PurePosixPath(name).parent) == workout_folder and name.endswith(".yaml")
        ]
        self.workouts = {PurePosixPath(name).stem: data.pop(name) for name in workout_files}
        self.shared = digest(
            inputs_digest([code_dir], site_url),
            *(f"{name} {file_digest}" for name, file_digest in data.items()),
            *workout_files,
        )
        self.everything = self._with_workouts(self.workouts)

    def of(self, workouts_read: Collection[str]) -> str | None:
        """The digest of the inputs of a fragment that read these workouts; None if one is gone."""
        if ALL_WORKOUTS in workouts_read:
            return self.everything
        if any(workout_id not in self.workouts for workout_id in workouts_read):
            return None
        return self._with_workouts(workouts_read)

    def _with_workouts(self, workout_ids: Collection[str]) -> str:
        return digest(self.shared, *(f"{workout_id} {self.workouts[workout_id]}" for workout_id in sorted(workout_ids)))


class Fragment(NamedTuple):
    text: str
    meta: dict[str, str]  # what the macro set in the page's metadata (a workout page's title)
    workouts_read: list[str]
    inputs: str | None  # FragmentInputs.of(workouts_read) when it was rendered


class FragmentCache:
    def __init__(self, path: Path, inputs: FragmentInputs):
        self.path, self.inputs = path, inputs
        valid_content, self.kept = self._read()
        # The last build that kept fragments rendered every page from this content, so it is valid.
        self.content_known_valid = valid_content == inputs.everything
        self.used: dict[str, Fragment] = {}  # what this build rendered or got back

    @staticmethod
    def key(macro: str, page: str, args: tuple) -> str:
        return json.dumps([macro, page, list(args)])

    def get(self, key: str) -> Fragment | None:
        fragment = self.used.get(key) or self.kept.get(key)
        if fragment is None or not self._current(fragment):
            return None
        self.used[key] = fragment
        return fragment

    def put(self, key: str, text: str, meta: dict[str, str], workouts_read: Collection[str]) -> None:
        read = [ALL_WORKOUTS] if ALL_WORKOUTS in workouts_read else sorted(workouts_read)
        self.used[key] = Fragment(text, meta, read, self.inputs.of(read))

    def save(self) -> None:
        # What was kept and is still current stays, though this build did not ask for it: the parts of a
        # fragment that was given back whole (a card on the page of all cards) serve the next edit.
        fragments = {key: fragment for key, fragment in self.kept.items() if self._current(fragment)} | self.used
        if fragments != self.kept or not self.content_known_valid:
            kept = {"valid_content": self.inputs.everything, "fragments": fragments}
            keep(self.path, json.dumps(kept, ensure_ascii=False))

    def _current(self, fragment: Fragment) -> bool:
        return fragment.inputs is not None and fragment.inputs == self.inputs.of(fragment.workouts_read)

    def _read(self) -> tuple[str | None, dict[str, Fragment]]:
        text = read_kept(self.path)
        if text is None:
            return None, {}
        try:
            kept = json.loads(text)
            return kept["valid_content"], {key: Fragment(*fragment) for key, fragment in kept["fragments"].items()}
        except (ValueError, TypeError, KeyError, AttributeError):
            return None, {}  # not in this shape: render afresh and keep anew
