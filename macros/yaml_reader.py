"""Strict YAML reading: text -> plain Python values, with the line and column of every value.

PyYAML silently accepts things that corrupt content: a duplicate key overwrites the first one, and
YAML 1.1 turns `yes` into True and `1:30` into 90. This reader refuses both, and anything else whose
meaning depends on the YAML version, so that a value's type is always what the author saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path = tuple[str | int, ...]

# The only plain (unquoted) scalars that are not text. Everything else that some YAML version reads
# as a non-string must be quoted or rewritten, because readers disagree on it.
_CANONICAL_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_CANONICAL_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")
_CANONICAL_BOOL = {"true": True, "false": False}
# What YAML 1.2's core schema reads as null, booleans or numbers (PyYAML covers YAML 1.1).
_YAML12_NOT_TEXT = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"
)
_STR_TAG = "tag:yaml.org,2002:str"
# PyYAML's syntax messages, with what a content author most likely needs to do.
_SYNTAX_HINTS = {
    "tab": " (indent with spaces, not tabs)",
    "block": " (check the indentation: items of one list or mapping start in the same column)",
    "quoted scalar": " (a quote is not closed)",
}


class Position(NamedTuple):  # a tuple: cheap to make once per value
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class YamlProblem:
    position: Position
    path: Path
    expected: str


@dataclass
class YamlDocument:
    """A file's value, where each value and key stands, and what was wrong with it."""

    value: object = None
    positions: dict[Path, Position] = field(default_factory=dict)
    key_positions: dict[Path, Position] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)

    def position_of(self, path: Path) -> Position:
        """Where the value stands, else its key; a missing field is reported where its parent stands."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in self.positions:
                return self.positions[prefix]
            if prefix in self.key_positions:
                return self.key_positions[prefix]
        return Position(1, 1)


# libyaml's C composer reads about 15 times faster; where it is missing, PyYAML's own does the same job.
_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
_DEFAULT_TAGS = {MappingNode: "tag:yaml.org,2002:map", SequenceNode: "tag:yaml.org,2002:seq"}


def _position(node: Node) -> Position:
    mark = node.start_mark
    return Position(mark.line + 1, mark.column + 1)


# First characters of every plain scalar that YAML 1.1 may read as something other than text: other
# scalars skip the resolver, which matters at tens of thousands of values.
_RESOLVABLE_STARTS = frozenset(start for start in yaml.resolver.Resolver.yaml_implicit_resolvers if start)


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


class _Builder:
    def __init__(self, doc: YamlDocument, resolver: yaml.resolver.Resolver):
        self.doc = doc
        self.resolver = resolver
        self.seen: set[int] = set()  # an alias is the same node met twice

    def build(self, node: Node, path: Path) -> object:
        self.doc.positions[path] = _position(node)
        if id(node) in self.seen:
            self._problem(node, path, "the value written out; aliases (*name) are not supported")
            return None
        self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if node.tag != _DEFAULT_TAGS[type(node)]:
            return self._explicit_tag(node, path)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]

    def _explicit_tag(self, node: Node, path: Path) -> None:
        self._problem(node, path, f"a plain value; YAML tags ({node.tag}) are not supported")

    def _mapping(self, node: MappingNode, path: Path) -> dict:
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or not key_node.style and self._plain(key_node) is not str:
                self._problem(key_node, path, "a field name made of letters, not a number, list or mapping")
                continue
            key = key_node.value
            key_path = path + (key,)
            if key in result:
                first = self.doc.key_positions[key_path]
                self._problem(key_node, key_path, f"each field once; '{key}' is already set on line {first.line}")
                continue
            self.doc.key_positions[key_path] = _position(key_node)
            result[key] = self.build(value_node, key_path)
        return result

    def _plain(self, node: ScalarNode) -> type:
        """The type PyYAML (YAML 1.1) would give a plain scalar."""
        return str if self._implicit_tag(node.value, True) == _STR_TAG else object

    def _implicit_tag(self, text: str, plain: bool) -> str:
        """The tag a scalar gets when none is written: an explicit tag differs from it."""
        if plain and (not text or text[0] in _RESOLVABLE_STARTS):
            return self.resolver.resolve(ScalarNode, text, (True, False))
        return _STR_TAG

    def _scalar(self, node: ScalarNode, path: Path) -> object:
        text = node.value
        plain = not node.style  # plain style is None or ''; quoted and block scalars are always text
        implicit_tag = self._implicit_tag(text, plain)
        if node.tag != implicit_tag:
            return self._explicit_tag(node, path)
        if not plain:
            return text
        if text in _CANONICAL_BOOL:
            return _CANONICAL_BOOL[text]
        if _CANONICAL_INT.fullmatch(text):
            return int(text)
        if _CANONICAL_FLOAT.fullmatch(text):
            return float(text)
        yaml11_tag = implicit_tag
        if yaml11_tag == _STR_TAG and not _YAML12_NOT_TEXT.fullmatch(text):
            return text
        if text in ("", "~", "null", "Null", "NULL"):
            self._problem(node, path, "a value; this field is empty (fill it in or remove the field)")
            return None
        yaml11_value = yaml.safe_load(text) if yaml11_tag != _STR_TAG else None
        reading = (
            f"YAML 1.1 reads it as {yaml11_value}" if yaml11_value is not None else "YAML 1.2 reads it as a number"
        )
        self._problem(
            node,
            path,
            f"an unambiguous value, but {text!r} is read differently by different YAML readers ({reading}): "
            "put it in quotes if you mean text, or write true, false or a plain number like 12",
        )
        return text

    def _problem(self, node: Node, path: Path, expected: str) -> None:
        self.doc.problems.append(YamlProblem(_position(node), path, expected))


def read_yaml(text: str) -> YamlDocument:
    """Read one YAML document strictly. Syntax errors end the reading; value problems are all collected."""
    doc = YamlDocument()
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part)
        message += next((hint for clue, hint in _SYNTAX_HINTS.items() if clue in message), "")
        doc.problems.append(YamlProblem(position, (), f"valid YAML; {message}"))
        return doc
    except yaml.YAMLError as error:
        doc.problems.append(YamlProblem(Position(1, 1), (), f"valid YAML; {error}"))
        return doc
    finally:
        loader.dispose()
    if node is None:
        doc.problems.append(YamlProblem(Position(1, 1), (), "content; the file is empty"))
        return doc
    doc.value = _Builder(doc, loader).build(node, ())
    return doc
