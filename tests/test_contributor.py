"""A test that content can fail answers its contributor with the file to change and what to do, not a dump."""

import subprocess
import sys

from tests.contributor import fail_for, files_of_page
from tests.project import ROOT

A_CONTENT_TEST = """
from tests.contributor import fail_for

def test_cards_fit():
    sheets = {"tempo-day": 2}
    fail_for((f"data/workouts/{w}.yaml: prints on {n} sheets" for w, n in sheets.items()), "shorten its notes.")
"""


def test_a_failing_content_test_prints_each_file_and_what_to_do_and_no_traceback(tmp_path):
    (tmp_path / "test_cards.py").write_text(A_CONTENT_TEST)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,  # the test is meant to fail
    )
    assert result.returncode == 1
    assert "data/workouts/tempo-day.yaml: prints on 2 sheets\nWhat to do: shorten its notes." in result.stdout
    assert "def test_cards_fit" not in result.stdout and "Traceback" not in result.stdout
    assert "assert" not in result.stdout.lower()


def test_without_problems_a_content_check_passes():
    assert fail_for([], "nothing to do") is None


def test_an_item_page_is_told_by_its_data_file():
    assert files_of_page("workouts/sample-hip-thrust-workout/") == "data/workouts/sample-hip-thrust-workout.yaml"


def test_a_page_of_the_guide_is_told_by_its_page_and_the_data_it_shows():
    assert files_of_page("technique/") == "docs/technique.md (and data/technique.yaml)"
    assert files_of_page("") == "docs/index.md"
