"""Strict YAML reading: text -> plain Python values, with the line and column of every value.

PyYAML silently accepts things that corrupt content: a duplicate key overwrites the first one, and
YAML 1.1 turns `yes` into True and `1:30` into 90. This reader refuses both, and anything else whose
meaning depends on the YAML version, so that a value's type is always what the author saw.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import count
from typing import NamedTuple

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

FieldPath = tuple[str | int, ...]

# The only plain (unquoted) scalars that are not text. Everything else that some YAML version reads
# as a non-string must be quoted or rewritten, because readers disagree on it.
_CANONICAL_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_CANONICAL_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")
_CANONICAL_BOOL = {"true": True, "false": False}
_NUMBER_STARTS = frozenset("-0123456789")
# What YAML 1.2's core schema reads as null, booleans or numbers (PyYAML covers YAML 1.1).
_YAML12_NOT_TEXT = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"
)
_STR_TAG = "tag:yaml.org,2002:str"
# Levels of lists and mappings a file may nest. The deepest field of the schema lies 6 levels down (a figure's
# band's ends, tests/test_yaml_reader.py measures it); anything much deeper is a mistake. Reading stops at
# the first value too deep: no recursion that could overflow, and no parsing of the rest, which for deep
# flow lists ("[[[[...") takes PyYAML's own parser time that grows with the square of the depth.
MAX_DEPTH = 20
# PyYAML's syntax messages, with what a content author most likely needs to do.
_SYNTAX_HINTS = {
    "tab": " (indent with spaces, not tabs)",
    "block": " (check the indentation: items of one list or mapping start in the same column)",
    "unknown escape": " (in double quotes a backslash starts an escape: write \\\\ for a backslash, or use single quotes)",
    "quoted scalar found unexpected end": " (the quote that opens here is not closed)",
    "mapping values": (
        " (': ' starts a field: put text that holds it in quotes or a folded block, >-, or check the indentation)"
    ),
    "simple key": " (a field name ends with ':'; this line's has none)",
}


class SourcePosition(NamedTuple):  # a tuple: cheap to make once per value
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class YamlProblem:
    position: SourcePosition
    path: FieldPath
    expected: str


@dataclass
class YamlDocument:
    """A file's value, what was wrong with it, and (worked out when first asked) where each value stands."""

    value: object = None
    problems: list[YamlProblem] = field(default_factory=list)
    text: str = field(default="", repr=False)
    _positions: dict[FieldPath, SourcePosition] | None = field(default=None, repr=False)
    _key_positions: dict[FieldPath, SourcePosition] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[FieldPath, SourcePosition]:
        self._locate()
        return self._positions

    @property
    def key_positions(self) -> dict[FieldPath, SourcePosition]:
        self._locate()
        return self._key_positions

    def _locate(self) -> None:
        """Positions are needed only to report a problem: valid content is read without recording them."""
        if self._positions is None:
            self._positions, self._key_positions = {}, {}
            if self.value is not None:
                _Builder(_event_source(self.text), [], self._positions, self._key_positions).document()

    def position_of(self, path: FieldPath) -> SourcePosition:
        """Where the value stands, else its key; a missing field is reported where its parent stands."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in self.positions:
                return self.positions[prefix]
            if prefix in self.key_positions:
                return self.key_positions[prefix]
        return SourcePosition(1, 1)

    def position_in_value(self, path: FieldPath, written: str) -> SourcePosition:
        """Where `written` first stands in the value at path as the file writes it (a link on the second line
        of a folded block, say); where the value stands if it is not written so (an escape in quotes)."""
        start = self.position_of(path)
        line_starts = [0, *(newline.end() for newline in re.finditer("\n", self.text))]

        def offset(position: SourcePosition) -> int:
            return line_starts[position.line - 1] + position.column - 1

        begin = offset(start)
        # The value ends where the next value or key of the file stands.
        later = (offset(p) for p in (*self.positions.values(), *self.key_positions.values()))
        found = self.text.find(written, begin, min((o for o in later if o > begin), default=len(self.text)))
        if found < 0:
            return start
        line = bisect.bisect_right(line_starts, found)
        return SourcePosition(line, found - line_starts[line - 1] + 1)


# libyaml's C parser reads many times faster; where it is missing, PyYAML's own does the same job. Values
# are built straight from the parser's events: composing nodes first cost more than all the rest.
_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
_YAML11 = yaml.resolver.Resolver()  # what PyYAML would read a plain value as
_EMPTY = object()  # a stream without a document


def _event_source(text: str) -> Callable[[], Event]:
    """The parser's next-event method: called directly, it spares yaml.parse's generator and a check for every event."""
    return _LOADER(text).get_event


def _position(event: Event) -> SourcePosition:
    mark = event.start_mark
    return SourcePosition(mark.line + 1, mark.column + 1)


def _explicit_tag(event: Event) -> str | None:
    tag = getattr(event, "tag", None)
    return tag if tag not in (None, "!") else None


# First characters of every plain scalar that YAML 1.1 may read as something other than text: other
# scalars skip the resolver, which matters at tens of thousands of values.
_RESOLVABLE_STARTS = frozenset(start for start in yaml.resolver.Resolver.yaml_implicit_resolvers if start)
# First characters of plain scalars that YAML 1.1 or 1.2 (_YAML12_NOT_TEXT) may read as something other than text.
_MAYBE_NOT_TEXT_STARTS = _RESOLVABLE_STARTS | frozenset("nNtTfF~+-.0123456789")


def _yaml11_tag(plain_text: str) -> str:
    """The tag PyYAML (YAML 1.1) gives a plain scalar written without one."""
    if not plain_text or plain_text[0] in _RESOLVABLE_STARTS:
        return _YAML11.resolve(ScalarNode, plain_text, (True, False))
    return _STR_TAG


@cache  # asked of every field name, and a file has few names, each used many times
def _reads_as_text(plain_text: str) -> bool:
    return _yaml11_tag(plain_text) == _STR_TAG


def describe(value: object) -> str:
    """How a value reads to a content author, for messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) <= 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return type(value).__name__


class _TooDeep(Exception):
    """Ends the reading of a file nested deeper than MAX_DEPTH, once the problem is noted."""


class _Builder:
    """Builds plain values from a stream of parser events, collecting every problem on the way."""

    def __init__(
        self,
        next_event: Callable[[], Event],
        problems: list,
        positions: dict | None = None,
        key_positions: dict | None = None,
    ):
        self.next_event = next_event
        self.problems = problems
        self.positions = positions  # None: not recorded
        self.key_positions = key_positions

    def document(self) -> object:
        self.next_event()  # the stream starts
        if isinstance(self.next_event(), StreamEndEvent):
            return _EMPTY
        value = self.value(self.next_event(), ())
        self.next_event()  # the document ends
        extra = self.next_event()
        if not isinstance(extra, StreamEndEvent):
            self._problem(extra, (), "a single YAML document; remove the second one (after ---)")
        return value

    def value(self, event: Event, path: FieldPath) -> object:
        if self.positions is not None:
            self.positions[path] = _position(event)
        if isinstance(event, AliasEvent):
            self._problem(event, path, "the value written out; aliases (*name) are not supported")
            return None
        if tag := _explicit_tag(event):
            self._problem(event, path, f"a plain value; YAML tags ({tag}) are not supported")
            self._skip(event)
            return None
        if isinstance(event, ScalarEvent):
            return self._scalar(event, path)
        if len(path) >= MAX_DEPTH:
            self._problem(event, path, f"at most {MAX_DEPTH} levels of lists and mappings; no field lies this deep")
            raise _TooDeep
        if isinstance(event, MappingStartEvent):
            return self._mapping(path)
        return self._sequence(path)

    def _skip(self, event: Event) -> None:
        """Pass over a value's events, for a value that is refused as a whole."""
        depth = 1 if isinstance(event, CollectionStartEvent) else 0
        while depth:
            event = self.next_event()
            depth += isinstance(event, CollectionStartEvent) - isinstance(event, (MappingEndEvent, SequenceEndEvent))

    def _sequence(self, path: FieldPath) -> list:
        items = []
        for index in count():
            event = self.next_event()
            if isinstance(event, SequenceEndEvent):
                return items
            items.append(self.value(event, path + (index,)))

    def _mapping(self, path: FieldPath) -> dict:
        result: dict[str, object] = {}
        key_events: dict[str, ScalarEvent] = {}
        # A list item whose first field comes again most likely runs on into the next item, whose "- " is
        # missing: one problem, not one for each of that item's fields.
        next_item_runs_on = False
        while not isinstance(key_event := self.next_event(), MappingEndEvent):
            is_name = isinstance(key_event, ScalarEvent) and not _explicit_tag(key_event)
            if not is_name or not key_event.style and not _reads_as_text(key_event.value):
                self._problem(key_event, path, "a field name made of letters, not a number, list or mapping")
                self._skip(key_event)
                self._skip(self.next_event())
                continue
            key = key_event.value
            key_path = path + (key,)
            if key in key_events:
                first = _position(key_events[key])
                expected = f"each field once; '{key}' is already set on line {first.line}"
                if path and isinstance(path[-1], int) and key == next(iter(key_events)):
                    expected += " (is a `- ` missing at the start of this line, to begin the next item?)"
                    next_item_runs_on = True
                elif next_item_runs_on:
                    expected = None
                if expected:
                    self._problem(key_event, key_path, expected)
                self._skip(self.next_event())
                continue
            key_events[key] = key_event
            if self.key_positions is not None:
                self.key_positions[key_path] = _position(key_event)
            result[key] = self.value(self.next_event(), key_path)
        return result

    @staticmethod
    def _canonical(text: str) -> object:
        """The value of a plain true, false, whole or decimal number, written the one way we accept."""
        if text in _CANONICAL_BOOL:
            return _CANONICAL_BOOL[text]
        if not text or text[0] not in _NUMBER_STARTS:
            return None
        if _CANONICAL_INT.fullmatch(text):
            return int(text)
        if _CANONICAL_FLOAT.fullmatch(text):
            return float(text)
        return None

    def _scalar(self, event: ScalarEvent, path: FieldPath) -> object:
        text = event.value
        # Quoted or block scalars are always text (plain style is None or ''), and so is a plain one that no
        # reader could take for anything else: most values, so they skip the checks below.
        if event.style or text and text[0] not in _MAYBE_NOT_TEXT_STARTS:
            return text
        canonical = self._canonical(text)
        if canonical is not None:
            return canonical
        yaml11_tag = _yaml11_tag(text)
        if yaml11_tag == _STR_TAG and not _YAML12_NOT_TEXT.fullmatch(text):
            return text
        if text in ("", "~", "null", "Null", "NULL"):
            self._problem(event, path, "a value; this field is empty (fill it in or remove the field)")
            return None
        reading = _yaml11_reading(text) if yaml11_tag != _STR_TAG else "YAML 1.2 reads it as a number"
        self._problem(
            event,
            path,
            f"an unambiguous value, but {text!r} is read differently by different YAML readers ({reading}): "
            "put it in quotes if you mean text, or write true, false or a plain number like 12",
        )
        return text

    def _problem(self, event: Event, path: FieldPath, expected: str) -> None:
        self.problems.append(YamlProblem(_position(event), path, expected))


def _yaml11_reading(plain_text: str) -> str:
    try:
        return f"YAML 1.1 reads it as {yaml.safe_load(plain_text)}"
    except yaml.YAMLError:  # '=' and '<<': YAML 1.1 tags with no value of their own, which PyYAML refuses
        return "YAML 1.1 gives it a special meaning"


def read_yaml(text: str) -> YamlDocument:
    """Read one YAML document strictly. Syntax errors end the reading; value problems are all collected."""
    doc = YamlDocument(text=text)
    try:
        value = _Builder(_event_source(text), doc.problems).document()
    except yaml.MarkedYAMLError as error:
        message = " ".join(part for part in (error.context, error.problem) if part)
        # A key without its colon is found only on the next line, and a quote left open only at the end of the
        # file: the key's own line, or the quote, is where to look.
        at_start = error.context == "while scanning a simple key" or "quoted scalar found unexpected end" in message
        mark = (error.context_mark if at_start else error.problem_mark) or error.context_mark
        position = SourcePosition(mark.line + 1, mark.column + 1) if mark else SourcePosition(1, 1)
        message += next((hint for clue, hint in _SYNTAX_HINTS.items() if clue in message), "")
        doc.problems[:] = [YamlProblem(position, (), f"valid YAML; {message}")]
        return doc
    except _TooDeep:
        return doc  # without a value: the problems noted so far say why
    except yaml.reader.ReaderError as error:  # a character that YAML does not allow anywhere in a file
        line_start = text.rfind("\n", 0, error.position) + 1
        position = SourcePosition(text.count("\n", 0, error.position) + 1, error.position - line_start + 1)
        expected = f"text that YAML allows; remove the control character U+{error.character:04X}"
        doc.problems[:] = [YamlProblem(position, (), expected)]
        return doc
    except yaml.YAMLError as error:
        doc.problems[:] = [YamlProblem(SourcePosition(1, 1), (), f"valid YAML; {error}")]
        return doc
    if value is _EMPTY:
        doc.problems.append(YamlProblem(SourcePosition(1, 1), (), "content; the file is empty"))
    else:
        doc.value = value
    return doc
