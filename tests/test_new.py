"""`python -m macros.new`: a new workout, variation or plan from its template, valid as created."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.load import load_content
from macros.models import PLACEHOLDER
from macros.new import ScaffoldError, create
from tests.broken_content import problems
from tests.project import ROOT, BuiltSite, mkdocs_build


def replace_placeholders(path: Path) -> None:
    """What a contributor does next: write their own words where the template says TODO."""
    path.write_text(path.read_text().replace(f"{PLACEHOLDER} say", "We say"))


def test_a_new_workout_is_a_file_of_its_own_that_validates_once_its_placeholders_are_replaced(data_dir):
    path = create("workout", "tempo-day", data_dir)
    assert path == data_dir / "workouts" / "tempo-day.yaml"
    replace_placeholders(path)
    assert load_content(data_dir).workouts["tempo-day"].title == "Tempo day"


@pytest.mark.parametrize(("kind", "field"), [("workout", "goal"), ("variation", "variations[2].changes")])
def test_each_placeholder_left_in_new_content_is_one_problem(kind, field, data_dir):
    path = create(kind, "tempo-day", data_dir)
    assert path.read_text().count(PLACEHOLDER) == 1
    expected = f"{field}: expected your own words in place of the template's placeholder ({PLACEHOLDER} ...)"
    assert [problem.split(": ", 1)[1] for problem in problems(data_dir)] == [expected]


def test_a_new_workout_starts_with_the_modeline_of_the_workout_schema(data_dir):
    path = create("workout", "tempo-day", data_dir)
    assert path.read_text().splitlines()[0] == "# yaml-language-server: $schema=../../schemas/workout.schema.json"


def test_a_new_plan_is_a_file_of_its_own_that_keeps_every_rule(data_dir):
    path = create("plan", "base-build", data_dir)
    assert path == data_dir / "plans" / "base-build.yaml"
    assert path.read_text().splitlines()[0] == "# yaml-language-server: $schema=../../schemas/plan.schema.json"
    replace_placeholders(path)
    assert load_content(data_dir).plans["base-build"].title == "Base build"


def test_a_new_plan_starts_the_plans_folder_when_there_is_none(data_dir):
    for plan in (data_dir / "plans").iterdir():
        plan.unlink()
    (data_dir / "plans").rmdir()
    replace_placeholders(create("plan", "base-build", data_dir))
    assert list(load_content(data_dir).plans) == ["base-build"]


def test_a_new_variation_is_added_at_the_end_of_the_variations_list_and_validates(data_dir):
    replace_placeholders(create("variation", "frog-pump", data_dir))
    content = load_content(data_dir)
    assert [variation.id for variation in content.variations.variations][-1] == "frog-pump"
    assert content.variation("frog-pump").name == "Frog pump"
    assert [progression.id for progression in content.variations.progressions] == ["add-load"]


def test_a_new_variation_keeps_the_files_comments_and_layout(data_dir):
    variations = data_dir / "variations.yaml"
    original = variations.read_text().replace("progressions:", "# Ways to progress any variation.\nprogressions:")
    variations.write_text(original)
    create("variation", "frog-pump", data_dir)
    updated = variations.read_text()
    head, tail = original.split("\n# Ways to progress", 1)
    assert updated.startswith(head + "\n\n  - id: frog-pump\n")
    assert updated.endswith("\n# Ways to progress" + tail)


@pytest.mark.parametrize("kind", ["workout", "variation", "plan"])
def test_an_id_that_is_taken_is_refused_and_nothing_changes(kind, data_dir):
    before = {path: path.read_bytes() for path in data_dir.rglob("*.yaml")}
    with pytest.raises(
        ScaffoldError, match="the id 'short-session' is already taken, in data/workouts/short-session.yaml"
    ):
        create(kind, "short-session", data_dir)
    assert {path: path.read_bytes() for path in data_dir.rglob("*.yaml")} == before


@pytest.mark.parametrize("kind", ["workout", "variation"])
def test_an_id_that_is_not_kebab_case_is_refused_with_a_suggestion(kind, data_dir):
    with pytest.raises(ScaffoldError, match="'Tempo Day' is not a kebab-case id: .* e.g. 'tempo-day'"):
        create(kind, "Tempo Day", data_dir)
    assert not (data_dir / "workouts" / "Tempo Day.yaml").exists()


def test_the_command_line_says_what_it_created_or_why_not(data_dir):
    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "macros.new", *args, "--data-dir", str(data_dir)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,  # the tests assert on the exit code
        )

    created = run("workout", "tempo-day")
    assert created.returncode == 0, created.stderr
    assert "tempo-day.yaml: new workout 'tempo-day'" in created.stdout
    replace_placeholders(data_dir / "workouts" / "tempo-day.yaml")
    refused = run("workout", "tempo-day")
    assert refused.returncode == 1
    assert "the id 'tempo-day' is already taken" in refused.stderr


def test_a_new_variation_gets_its_section_anchor_and_contents_entry_on_the_built_site(project, tmp_path):
    replace_placeholders(create("variation", "frog-pump", project / "data"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    variations = BuiltSite(tmp_path / "site").soup("variations/")
    assert variations.find(id="frog-pump").get_text(strip=True).startswith("Frog pump")
    assert variations.select_one("nav.md-nav--secondary a[href='#frog-pump']") is not None


def test_a_new_variation_gets_a_figure_of_its_own_without_the_barbell_of_the_basic_movement(data_dir):
    create("variation", "frog-pump", data_dir)
    replace_placeholders(data_dir / "variations.yaml")
    content = load_content(data_dir)
    figure = content.figure(content.variation("frog-pump").figure)
    assert figure.id == "frog-pump-top"
    assert figure.title == "Frog pump, top position"
    assert content.figure(content.variations.variations[0].figure).bar is not None  # the fixture's has one
    assert figure.bar is None and figure.band is None and figure.platform is None
    others = [variation.figure for variation in content.variations.variations if variation.id != "frog-pump"]
    assert figure.id not in others


def test_the_figure_of_a_new_variation_of_the_live_content_shows_its_cues_as_the_figure_rules_measure(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    create("variation", "frog-pump", data_dir)
    replace_placeholders(data_dir / "variations.yaml")
    content = load_content(data_dir)  # measures every cue a figure shows by its figure_rule
    figure = content.figure("frog-pump-top")
    assert figure.shows
    for cue_id in figure.shows:
        assert cue_id in content.variation("frog-pump").key_cues
        assert content.cue(cue_id).figure_rule is not None, cue_id


def test_a_new_variation_keeps_the_crlf_line_endings_of_the_files_it_adds_to(data_dir):
    originals = {}
    for name in ("variations.yaml", "figures.yaml"):
        originals[name] = (data_dir / name).read_bytes().replace(b"\n", b"\r\n")
        (data_dir / name).write_bytes(originals[name])
    create("variation", "frog-pump", data_dir)
    for name, original in originals.items():
        updated = (data_dir / name).read_bytes()
        assert updated.count(b"\n") == updated.count(b"\r\n") > original.count(b"\n"), name
        assert updated.startswith(original.split(b"\r\nprogressions:")[0]), name
    replace_placeholders(data_dir / "variations.yaml")
    assert load_content(data_dir).variation("frog-pump").name == "Frog pump"
