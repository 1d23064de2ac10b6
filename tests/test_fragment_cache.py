"""Fragments are kept between builds only for the exact inputs that rendered them: the shared content, and
the workouts each one read."""

import pytest

from macros.fragment_cache import ALL_WORKOUTS, FragmentCache, FragmentInputs, WorkoutsRead

KEY = FragmentCache.key("workout", "workouts/a.md", ("a",))
TEXT, META = "# Workout A\n", {"title": "Workout A"}


@pytest.fixture
def project(tmp_path):
    """A data folder with a shared file and two workouts, and a folder of code."""
    (tmp_path / "data" / "workouts").mkdir(parents=True)
    (tmp_path / "data" / "variations.yaml").write_text("variations: []\n")
    for workout_id in ("a", "b"):
        (tmp_path / "data" / "workouts" / f"{workout_id}.yaml").write_text(f"title: Workout {workout_id}\n")
    (tmp_path / "code").mkdir()
    (tmp_path / "code" / "render.py").write_text("# the renderer\n")
    return tmp_path


def cache_of(project, site_url="https://example.org/"):
    inputs = FragmentInputs(project / "data", project / "code", site_url)
    return FragmentCache(project / ".cache" / "fragments.json", inputs)


def kept_after_build(project, workouts_read):
    """A build that rendered one fragment reading these workouts, and kept it."""
    cache = cache_of(project)
    cache.put(KEY, TEXT, META, workouts_read)
    cache.save()


def test_a_build_with_the_same_inputs_gets_the_kept_fragment_back_and_knows_the_content_valid(project):
    kept_after_build(project, {"a"})
    later = cache_of(project)
    assert (later.get(KEY).text, later.get(KEY).meta) == (TEXT, META)
    assert later.content_known_valid


def test_an_edit_to_a_workout_keeps_the_fragments_that_did_not_read_it(project):
    kept_after_build(project, {"a"})
    (project / "data" / "workouts" / "b.yaml").write_text("title: Workout B, edited\n")
    later = cache_of(project)
    assert later.get(KEY).text == TEXT
    assert not later.content_known_valid  # the edit must be validated


def test_an_edit_to_a_workout_renders_again_the_fragments_that_read_it(project):
    kept_after_build(project, {"a"})
    (project / "data" / "workouts" / "a.yaml").write_text("title: Workout A, edited\n")
    assert cache_of(project).get(KEY) is None


def test_a_fragment_that_went_through_every_workout_is_rendered_again_after_an_edit_to_any(project):
    kept_after_build(project, {ALL_WORKOUTS})
    (project / "data" / "workouts" / "b.yaml").write_text("title: Workout B, edited\n")
    assert cache_of(project).get(KEY) is None


@pytest.mark.parametrize(
    "change",
    [
        lambda project: (project / "data" / "variations.yaml").write_text("variations: [edited]\n"),
        lambda project: (project / "data" / "workouts" / "c.yaml").write_text("title: Workout C\n"),
        lambda project: (project / "data" / "workouts" / "b.yaml").unlink(),
        lambda project: (project / "code" / "render.py").write_text("# the renderer, edited\n"),
    ],
    ids=["shared data file", "new workout", "removed workout", "code"],
)
def test_a_change_to_what_every_fragment_reads_renders_every_fragment_again(project, change):
    kept_after_build(project, set())
    change(project)
    later = cache_of(project)
    assert later.get(KEY) is None
    assert not later.content_known_valid


def test_a_new_site_address_renders_every_fragment_again(project):
    kept_after_build(project, set())
    assert cache_of(project, site_url="https://example.com/").get(KEY) is None


def test_a_fragment_that_read_a_workout_now_gone_is_rendered_again(project):
    kept_after_build(project, {"a"})
    (project / "data" / "workouts" / "a.yaml").unlink()
    assert cache_of(project).get(KEY) is None


def test_with_nothing_kept_the_content_must_be_validated(project):
    assert not cache_of(project).content_known_valid


@pytest.mark.parametrize(
    "kept", ["", "{not json", '{"valid_content": "x"}', '{"valid_content": "x", "fragments": 3}', "[]"]
)
def test_a_kept_file_that_is_not_in_shape_is_ignored(project, kept):
    (project / ".cache").mkdir()
    (project / ".cache" / "fragments.json").write_text(kept)
    cache = cache_of(project)
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


def test_a_cache_that_cannot_be_written_still_serves_the_build(project):
    (project / ".cache").write_text("a file where the folder would go")
    cache = cache_of(project)
    cache.put(KEY, TEXT, META, {"a"})
    cache.save()
    assert cache.get(KEY).text == TEXT


def test_reading_a_workout_notes_its_id():
    workouts = WorkoutsRead({"a": "workout a", "b": "workout b"})
    with workouts.noting() as read:
        assert workouts["a"] == "workout a"
    assert read == {"a"}


@pytest.mark.parametrize(
    "go_through", [list, len, lambda workouts: list(workouts.items()), lambda workouts: list(workouts.values())]
)
def test_going_through_the_workouts_notes_that_all_were_read(go_through):
    workouts = WorkoutsRead({"a": "workout a", "b": "workout b"})
    with workouts.noting() as read:
        go_through(workouts)
    assert ALL_WORKOUTS in read


def test_asking_whether_a_workout_exists_reads_none():
    workouts = WorkoutsRead({"a": "workout a"})
    with workouts.noting() as read:
        assert "a" in workouts and "z" not in workouts
    assert read == set()


def test_the_workouts_read_in_an_inner_block_count_for_the_block_around_it():
    workouts = WorkoutsRead({"a": "workout a", "b": "workout b"})
    with workouts.noting() as outer:
        workouts["a"]
        with workouts.noting() as inner:
            workouts["b"]
    assert (inner, outer) == ({"b"}, {"a", "b"})


def test_a_kept_fragment_this_build_did_not_ask_for_is_kept_while_current(project):
    kept_after_build(project, {"a"})
    cache_of(project).save()  # a build that asked for nothing: the whole page came back from its own kept fragment
    (project / "data" / "workouts" / "b.yaml").write_text("title: Workout B, edited\n")
    assert cache_of(project).get(KEY).text == TEXT


def test_a_kept_fragment_no_longer_current_is_dropped(project):
    kept_after_build(project, {"a"})
    (project / "data" / "workouts" / "a.yaml").write_text("title: Workout A, edited\n")
    cache_of(project).save()
    (project / "data" / "workouts" / "a.yaml").write_text("title: Workout A\n")  # back as it was
    assert cache_of(project).get(KEY) is None
