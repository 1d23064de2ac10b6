"""Fragments are kept between builds only for the exact inputs that rendered them."""

import pytest

from macros.fragment_cache import Fragment, FragmentCache, inputs_digest

KEY = FragmentCache.key("workout", "workouts/short-session.md", ("short-session",))
FRAGMENT = Fragment("# Short session\n", {"title": "Short session"})


@pytest.fixture
def folders(tmp_path):
    data, code = tmp_path / "data", tmp_path / "macros"
    (data / "workouts").mkdir(parents=True)
    (data / "workouts" / "short-session.yaml").write_text("title: Short session\n")
    code.mkdir()
    (code / "render.py").write_text("RENDER = 1\n")
    return [data, code]


def kept_cache(path, inputs="inputs"):
    cache = FragmentCache(path, inputs)
    cache.put(KEY, *FRAGMENT)
    cache.save()
    return FragmentCache(path, inputs)


def test_a_build_with_the_same_inputs_gets_the_kept_fragments_back(tmp_path):
    later = kept_cache(tmp_path / "fragments.json")
    assert later.get(KEY) == FRAGMENT
    assert later.content_known_valid


def test_a_build_with_other_inputs_gets_nothing_kept_and_validates_the_content(tmp_path):
    kept_cache(tmp_path / "fragments.json", inputs="before")
    later = FragmentCache(tmp_path / "fragments.json", "after")
    assert later.get(KEY) is None
    assert not later.content_known_valid


def test_with_nothing_kept_the_content_must_be_validated(tmp_path):
    assert not FragmentCache(tmp_path / "fragments.json", "inputs").content_known_valid


@pytest.mark.parametrize(
    "kept", ["", "{not json", '{"inputs": "inputs"}', '{"inputs": "inputs", "fragments": 3}', "[]"]
)
def test_a_kept_file_that_is_not_in_shape_is_ignored(tmp_path, kept):
    (tmp_path / "fragments.json").write_text(kept)
    cache = FragmentCache(tmp_path / "fragments.json", "inputs")
    assert cache.get(KEY) is None
    assert not cache.content_known_valid


def test_fragments_are_kept_apart_by_macro_page_and_arguments():
    keys = {
        FragmentCache.key("workout", "workouts/a.md", ("a",)),
        FragmentCache.key("workout", "workouts/a.md", ("b",)),
        FragmentCache.key("workout", "workouts/b.md", ("a",)),
        FragmentCache.key("mistakes", "workouts/a.md", ("a",)),
    }
    assert len(keys) == 4


def test_a_cache_that_cannot_be_written_still_serves_the_build(tmp_path):
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")
    cache = FragmentCache(not_a_directory / "fragments.json", "inputs")
    cache.put(KEY, *FRAGMENT)
    cache.save()
    assert cache.get(KEY) == FRAGMENT


def test_the_inputs_digest_is_stable(folders):
    assert inputs_digest(folders, "https://example.org/") == inputs_digest(folders, "https://example.org/")


def test_the_inputs_digest_changes_with_the_setting(folders):
    assert inputs_digest(folders, "https://example.org/") != inputs_digest(folders, "https://example.com/")


@pytest.mark.parametrize(
    "change",
    [
        lambda data, code: (data / "workouts" / "short-session.yaml").write_text("title: Short sessions\n"),
        lambda data, code: (data / "workouts" / "long-session.yaml").write_text("title: Long session\n"),
        lambda data, code: (data / "workouts" / "short-session.yaml").rename(data / "workouts" / "short.yaml"),
        lambda data, code: (code / "render.py").write_text("RENDER = 2\n"),
        lambda data, code: (code / "templates").mkdir() or (code / "templates" / "workout.md").write_text("x"),
    ],
    ids=["a file edited", "a file added", "a file renamed", "code edited", "a template added"],
)
def test_the_inputs_digest_changes_with_any_file_in_the_folders(folders, change):
    before = inputs_digest(folders, "setting")
    change(*folders)
    assert inputs_digest(folders, "setting") != before


def test_the_inputs_digest_ignores_compiled_python(folders):
    before = inputs_digest(folders, "setting")
    (folders[1] / "__pycache__").mkdir()
    (folders[1] / "__pycache__" / "render.cpython-311.pyc").write_bytes(b"\0")
    assert inputs_digest(folders, "setting") == before
