"""Fragments are kept between builds only for the exact inputs that rendered them."""

import pytest

from macros.fragment_cache import Fragment, FragmentCache

KEY = FragmentCache.key("workout", "workouts/short-session.md", ("short-session",))
FRAGMENT = Fragment("# Short session\n", {"title": "Short session"})


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
