"""The strict YAML reader: what PyYAML accepts silently is refused, with a position."""

from typing import get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel

from macros import yaml_reader
from macros.models import KINDS, FiguresFile
from macros.yaml_reader import MAX_DEPTH, SourcePosition, read_yaml


def only_problem(text: str):
    doc = read_yaml(text)
    assert len(doc.problems) == 1, doc.problems
    return doc.problems[0]


def test_values_keep_the_types_the_author_wrote():
    doc = read_yaml("text: hip-width\nnumber: 12\ndecimal: 1.5\nflag: true\nquoted: 'yes'\nrange: 2-3 times\n")
    assert doc.value == {
        "text": "hip-width",
        "number": 12,
        "decimal": 1.5,
        "flag": True,
        "quoted": "yes",
        "range": "2-3 times",
    }
    assert doc.problems == []


def test_every_value_knows_its_line_and_column():
    doc = read_yaml("items:\n  - name: a\n    sets: 3\n")
    assert doc.positions[("items", 0, "sets")] == SourcePosition(3, 11)
    assert doc.key_positions[("items", 0, "sets")] == SourcePosition(3, 5)


def test_a_duplicate_key_is_refused_naming_the_first_line():
    problem = only_problem("title: one\ngoal: x\ntitle: two\n")
    assert problem.position == SourcePosition(3, 1)
    assert problem.path == ("title",)
    assert "already set on line 1" in problem.expected


def test_a_duplicate_key_in_a_nested_mapping_is_refused():
    problem = only_problem("exercises:\n  - sets: 3\n    sets: 4\n")
    assert problem.path == ("exercises", 0, "sets")


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "NO", "True", "FALSE"])
def test_a_yaml_1_1_boolean_word_is_refused(word):
    problem = only_problem(f"per_side: {word}\n")
    assert "put it in quotes if you mean text" in problem.expected
    assert problem.path == ("per_side",)


@pytest.mark.parametrize(
    ("value", "reading"),
    [
        ("1:30", "YAML 1.1 reads it as 90"),
        ("0o17", "YAML 1.2 reads it as a number"),
        ("1e3", "YAML 1.2 reads it as a number"),
        ("017", "YAML 1.1 reads it as 15"),
        ("0x1F", "YAML 1.1 reads it as 31"),
        ("1_000", "YAML 1.1 reads it as 1000"),
        ("+5", "YAML 1.1 reads it as 5"),
        (".5", "YAML 1.1 reads it as 0.5"),
        ("2024-05-01", "YAML 1.1 reads it as 2024-05-01"),
        (".inf", "YAML 1.1 reads it as inf"),
        ("=", "YAML 1.1 gives it a special meaning"),
        ("<<", "YAML 1.1 gives it a special meaning"),
    ],
)
def test_a_value_that_yaml_versions_read_differently_is_refused(value, reading):
    problem = only_problem(f"reps: {value}\n")
    assert reading in problem.expected


@pytest.mark.parametrize("value", ["~", "null", ""])
def test_an_empty_value_is_refused(value):
    problem = only_problem(f"goal: {value}\n")
    assert problem.expected.startswith("a value; this field is empty")


def test_a_quoted_value_is_always_text():
    assert read_yaml("a: '1:30'\nb: \"yes\"\nc: |\n  ~\n").value == {"a": "1:30", "b": "yes", "c": "~\n"}


def test_a_syntax_error_is_reported_with_its_position():
    problem = only_problem("title: x\nexercises: [1, 2\n")
    assert problem.position.line == 3
    assert problem.expected.startswith("valid YAML;")


def test_text_holding_a_colon_and_a_space_is_told_to_take_quotes():
    problem = only_problem("title: x\ngoal: Do this: then that\n")
    assert problem.position == SourcePosition(2, 14)
    assert "put text that holds it in quotes or a folded block" in problem.expected


def test_a_field_name_without_its_colon_is_reported_on_its_own_line():
    problem = only_problem("exercises:\n  - variation: x\n    reps 12\n    sets: 3\n")
    assert problem.position == SourcePosition(3, 5)
    assert "a field name ends with ':'" in problem.expected


def test_a_tab_in_indentation_is_a_syntax_error():
    assert only_problem("a:\n\tb: 1\n").expected.startswith("valid YAML;")


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: 1\nb: *x\n"], ids=["anchor", "no anchor"])
def test_an_alias_is_refused_where_it_is_used(text):
    problem = only_problem(text)
    assert (problem.path, problem.position) == (("b",), SourcePosition(2, 4))
    assert "aliases (*name) are not supported" in problem.expected


def test_an_anchor_that_nothing_refers_to_is_harmless():
    assert read_yaml("a: &x 1\nb: 2\n").problems == []


def test_a_second_document_is_refused():
    assert only_problem("a: 1\n---\nb: 2\n").expected.startswith("a single YAML document")


@pytest.mark.parametrize("text", ["a: !!int '3'\n", "a: !!str yes\n", "a: !!set {x}\n", "a: !!python/tuple [1]\n"])
def test_an_explicit_tag_is_refused(text):
    assert "YAML tags" in only_problem(text).expected


def test_an_empty_file_is_refused():
    assert only_problem("# only a comment\n").expected == "content; the file is empty"


def test_a_field_name_must_be_text():
    assert only_problem("3: x\n").expected.startswith("a field name")


def test_all_value_problems_of_a_file_are_reported_together():
    doc = read_yaml("a: yes\nb: 1:30\nc: ~\na: 2\n")
    assert [problem.position.line for problem in doc.problems] == [1, 2, 3, 4]


def test_words_in_a_value_are_placed_where_the_file_writes_them():
    doc = read_yaml("text: >-\n  First line,\n  then [a link](#x).\nnext: See (#x) again.\n")
    assert doc.position_in_value(("text",), "(#x)") == (3, 16)


def test_words_not_written_as_such_in_a_value_are_placed_at_the_value():
    doc = read_yaml('text: "Escaped \\x28#x) here"\nnext: See (#x) again.\n')
    assert doc.position_in_value(("text",), "(#x)") == (1, 7)


def nesting_depth(annotation) -> int:
    """How many levels of lists and mappings a value of this type takes at the most."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return 1 + max(nesting_depth(field.annotation) for field in annotation.model_fields.values())
    nested = max((nesting_depth(arg) for arg in get_args(annotation)), default=0)
    return nested + 1 if get_origin(annotation) in (list, dict) else nested


def test_the_depth_limit_leaves_room_beyond_the_deepest_field_of_the_schema():
    assert nesting_depth(FiguresFile) == 6  # the file, figures, a figure, its band, the ends, one end's [x, y]
    assert max(nesting_depth(model) for model in (kind.model for kind in KINDS)) * 2 <= MAX_DEPTH


LOADERS = {"libyaml": yaml.CSafeLoader, "pure-python": yaml.SafeLoader}
DEEP_NESTING = {
    "flow lists": "[" * 600 + "]" * 600,
    "block lists": "".join("  " * level + "-\n" for level in range(600)),
}


@pytest.mark.parametrize("loader", LOADERS.values(), ids=LOADERS)
@pytest.mark.parametrize("text", DEEP_NESTING.values(), ids=DEEP_NESTING)
def test_nesting_deeper_than_the_limit_ends_the_reading_with_one_problem_at_the_first_level_too_deep(
    text, loader, monkeypatch
):
    monkeypatch.setattr(yaml_reader, "_LOADER", loader)
    doc = read_yaml(text)
    assert doc.value is None
    [problem] = doc.problems
    assert problem.path == (0,) * MAX_DEPTH
    assert problem.expected == f"at most {MAX_DEPTH} levels of lists and mappings; no field lies this deep"


@pytest.mark.parametrize("loader", LOADERS.values(), ids=LOADERS)
def test_nesting_of_a_whole_megabyte_is_one_problem_on_its_first_line(loader, monkeypatch):
    # libyaml refuses it itself, past 1000 levels; PyYAML's parser is stopped at the first level too deep.
    monkeypatch.setattr(yaml_reader, "_LOADER", loader)
    doc = read_yaml("[" * 500_000 + "]" * 500_000)
    assert doc.value is None
    [problem] = doc.problems
    assert problem.position.line == 1


def test_a_list_item_whose_first_field_comes_again_is_one_problem_asking_for_the_missing_dash():
    problem = only_problem("items:\n  - name: a\n    sets: 3\n    name: b\n    sets: 2\n")
    assert problem.position == SourcePosition(4, 5)
    assert problem.expected.endswith("(is a `- ` missing at the start of this line, to begin the next item?)")


def test_an_unclosed_quote_is_reported_where_it_opens():
    problem = only_problem('title: "Short\ngoal: x\nexercises: []\n')
    assert problem.position == SourcePosition(1, 8)
    assert "the quote that opens here is not closed" in problem.expected
