"""CONTRIBUTING.md's copy-paste templates are valid content: pasted where it says, the content loads."""

import re
import shutil

import pytest

import dev
from macros.load import load_content
from macros.new import end_of_list
from tests.project import ROOT

# Each template, in the order CONTRIBUTING.md gives them: the file it goes into and the list it joins.
TEMPLATE_TARGETS = [
    ("benefits.yaml", "benefits"),
    ("troubleshooting.yaml", "troubles"),
    ("technique.yaml", "execution"),
    ("mistakes.yaml", "mistakes"),
    ("variations.yaml", "variations"),
    ("figures.yaml", "figures"),
    ("workouts/tempo-day.yaml", None),  # a file of its own
    ("plans/base-build.yaml", None),  # a file of its own
]


def templates() -> list[str]:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = contributing.split("\n## Templates\n")[1].split("\n## ")[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)


def test_there_is_a_template_for_each_kind_of_content():
    assert len(templates()) == len(TEMPLATE_TARGETS)


@pytest.mark.parametrize(
    ("template", "target"), list(zip(templates(), TEMPLATE_TARGETS, strict=True)), ids=[t[0] for t in TEMPLATE_TARGETS]
)
def test_a_template_pasted_into_the_live_content_is_valid(template, target, tmp_path):
    data_dir = shutil.copytree(ROOT / "data", tmp_path / "data")
    # A contributor who followed an example literally has its ids in the content now: paste under fresh ones.
    template = re.sub(r"^(\s*-?\s*id: )(\S+)$", r"\1\2-pasted", template, flags=re.M)
    file_name, list_key = target
    path = data_dir / file_name
    if list_key is None:
        path.write_text(template)
    else:
        text = path.read_text()
        at = end_of_list(text, list_key)
        path.write_text(text[:at] + template + text[at:])
    load_content(data_dir)


CONTRIBUTOR_DOCS = [
    ROOT / "CONTRIBUTING.md",
    *sorted((ROOT / ".github").rglob("*.md")),
    *(ROOT / ".github").rglob("*.yml"),
]


@pytest.mark.parametrize("doc", CONTRIBUTOR_DOCS, ids=lambda path: path.name)
def test_contributors_are_given_dev_py_commands_that_exist(doc):
    text = doc.read_text(encoding="utf-8")
    # The generated field reference names the module that writes it; nothing else sends people to `python -m`.
    assert not re.findall(r"`python -m macros\.(?!schemas`; do not edit)", text)
    for command in re.findall(r"python3 dev\.py (\w+)", text):
        assert command in dev.COMMANDS


def test_contributing_says_a_first_pull_requests_checks_may_wait_for_approval():
    contributing = " ".join((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    assert "first pull request" in contributing and "approves them to run" in contributing
