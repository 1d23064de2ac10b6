"""Figures: each one agrees with the cues it claims, measured from its data, and renders as small, accessible,
themable SVG."""

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from macros.figures import angle_at, bend, joints, length
from macros.models import Figure
from macros.render import Renderer, plain_text

SVG = "{http://www.w3.org/2000/svg}"
MAX_SVG_BYTES = 4096
SEGMENT_TOLERANCE_CM = 1.5


def knee_angle(figure: Figure) -> float:
    at = joints(figure)
    return angle_at(at["hip"], at["knee"], at["ankle"])


def shin_from_vertical(figure: Figure) -> float:
    at = joints(figure)
    return angle_at(at["knee"], at["ankle"], (at["ankle"][0], at["ankle"][1] + 1))


def hip_bend(figure: Figure) -> float:
    """Shoulder-hip-knee: 0 in a straight line, negative when the hips sag below it, positive above it."""
    at = joints(figure)
    return bend(at["shoulder"], at["hip"], at["knee"])


def lower_back_bend(figure: Figure) -> float:
    """Shoulder-ribs-hip: 0 for a neutral trunk, positive when the lower back arches (the ribs pushed up)."""
    at = joints(figure)
    return bend(at["shoulder"], at["ribs"], at["hip"])


def gap(figure: Figure, joint: str) -> float:
    at = joints(figure)
    return abs(at[f"left_{joint}"][0] - at[f"right_{joint}"][0])


def knees_over_ankles(figure: Figure) -> bool:
    at = joints(figure)
    return all(abs(at[f"{side}_knee"][0] - at[f"{side}_ankle"][0]) <= 3 for side in ("left", "right"))


def has_arrow(figure: Figure, joint: str, direction: str) -> bool:
    return any(arrow.at == joint and arrow.direction == direction for arrow in figure.arrows)


def shoulders_on_bench(figure: Figure) -> bool:
    shoulder, bench = joints(figure)["shoulder"], figure.bench
    if bench is None:
        return False
    on_top = 0 < shoulder[1] - (bench.y + bench.height) <= 15
    return on_top and bench.x <= shoulder[0] <= bench.x + bench.width + 5


def bar_over_hips(figure: Figure) -> bool:
    hip = joints(figure)["hip"]
    if figure.bar is None:
        return False
    return abs(figure.bar.at[0] - hip[0]) <= 5 and 0 < figure.bar.at[1] - hip[1] <= 20


def band_above_knees(figure: Figure) -> bool:
    at = joints(figure)
    if figure.band is None:
        return False
    ends = [(x, y) for x, y in figure.band.ends]
    middle = ((ends[0][0] + ends[1][0]) / 2, (ends[0][1] + ends[1][1]) / 2)
    near_knee = all(length(end, at["knee"]) <= 12 for end in ends)
    return near_knee and length(middle, at["knee"]) < length(middle, at["hip"])


def feet_on_platform(figure: Figure) -> bool:
    at, platform = joints(figure), figure.platform
    if platform is None:
        return False
    top = platform.y + platform.height
    inside = all(platform.x <= at[joint][0] <= platform.x + platform.width for joint in ("ankle", "toe"))
    return inside and abs(at["toe"][1] - top) <= 1 and at["ankle"][1] > top


@dataclass(frozen=True)
class CueCheck:
    """What a figure must measure to show a cue done right, and, for mistake figures, done clearly wrong."""

    view: str
    right: Callable[[Figure], bool]
    wrong: Callable[[Figure], bool] | None = None


CUE_CHECKS = {
    "back-on-bench": CueCheck("side", shoulders_on_bench),
    "bar-across-hips": CueCheck("side", bar_over_hips),
    "knees-at-90": CueCheck(
        "side",
        lambda f: 85 <= knee_angle(f) <= 95 and shin_from_vertical(f) <= 12 and ["hip", "knee", "ankle"] in f.angles,
    ),
    "straight-line": CueCheck(
        "side",
        right=lambda f: abs(hip_bend(f)) <= 10 and ["shoulder", "knee"] in f.lines,
        wrong=lambda f: abs(hip_bend(f)) > 10 and ["shoulder", "knee"] in f.lines,
    ),
    "drive-hips-up": CueCheck(
        "side",
        right=lambda f: hip_bend(f) >= -10 and has_arrow(f, "hip", "up"),
        wrong=lambda f: hip_bend(f) < -20,  # shoulder-hip-knee under 160 degrees: well short of extension
    ),
    "neutral-back": CueCheck(
        "side", right=lambda f: abs(lower_back_bend(f)) <= 5, wrong=lambda f: lower_back_bend(f) >= 15
    ),
    "push-through-heels": CueCheck("side", lambda f: has_arrow(f, "ankle", "down")),
    "knees-over-toes": CueCheck(
        "front", right=knees_over_ankles, wrong=lambda f: gap(f, "knee") <= gap(f, "ankle") - 6
    ),
    "feet-hip-width": CueCheck(
        "front",
        lambda f: (
            0.8 <= gap(f, "ankle") / gap(f, "hip") <= 1.25
            and all([f"{side}_hip", f"{side}_ankle"] in f.lines for side in ("left", "right"))
        ),
    ),
    "knees-against-band": CueCheck("side", band_above_knees),
    "feet-secure": CueCheck("side", feet_on_platform),
}

# Segments that are true lengths in a view, as the joint pairs that measure them. Front-view thighs point
# towards the viewer, so their drawn length depends on the pose: they are left out.
SEGMENTS = {
    "side": {
        "neck": [("shoulder", "head")],
        "upper trunk": [("shoulder", "ribs")],
        "lower trunk": [("ribs", "hip")],
        "thigh": [("hip", "knee"), ("hip", "other_knee")],
        "shin": [("knee", "ankle"), ("other_knee", "other_ankle")],
        "foot": [("ankle", "toe"), ("other_ankle", "other_toe")],
        "upper arm": [("shoulder", "elbow")],
        "forearm": [("elbow", "wrist")],
    },
    "front": {
        "shoulders": [("left_shoulder", "right_shoulder")],
        "pelvis": [("left_hip", "right_hip")],
        "shin": [("left_knee", "left_ankle"), ("right_knee", "right_ankle")],
        "foot": [("left_ankle", "left_toe"), ("right_ankle", "right_toe")],
    },
}


def claims(content):
    """Every (figure, cue id, done right?) that the figures claim."""
    for figure in content.figures.figures:
        yield from ((figure, cue_id, True) for cue_id in figure.shows)
        yield from ((figure, cue_id, False) for cue_id in figure.gets_wrong)


def test_the_angle_at_a_joint_is_measured_between_its_neighbours():
    assert angle_at((-1, 0), (0, 0), (0, -1)) == pytest.approx(90)
    assert angle_at((-1, 0), (0, 0), (1, 0)) == pytest.approx(180)


def test_bend_is_positive_above_the_line_and_negative_below_it():
    assert bend((0, 0), (1, 0.2), (2, 0)) > 0
    assert bend((0, 0), (1, -0.2), (2, 0)) < 0
    assert bend((0, 0), (1, 1), (2, 0)) == pytest.approx(90)


def test_every_cue_a_figure_claims_has_a_geometric_check(content):
    unchecked = {cue_id for _, cue_id, _ in claims(content)} - set(CUE_CHECKS)
    assert not unchecked, f"add a check to CUE_CHECKS for {sorted(unchecked)}, or leave the cue out of the figure"


def test_every_figure_shows_its_cues_done_right(content):
    for figure, cue_id, done_right in claims(content):
        if done_right:
            check = CUE_CHECKS[cue_id]
            assert figure.view == check.view, f"{figure.id}: {cue_id} can only be seen in a {check.view} view"
            assert check.right(figure), f"{figure.id} does not show '{cue_id}' done right"


def test_every_mistake_figure_shows_its_cues_clearly_done_wrong(content):
    for figure, cue_id, done_right in claims(content):
        if not done_right:
            check = CUE_CHECKS[cue_id]
            assert check.wrong, f"{figure.id}: no measure of '{cue_id}' done wrong; add one to CUE_CHECKS"
            assert figure.view == check.view, f"{figure.id}: {cue_id} can only be seen in a {check.view} view"
            assert check.wrong(figure), f"{figure.id} does not show '{cue_id}' clearly done wrong"


def test_the_top_position_has_a_right_angle_at_the_knee_and_a_straight_line_to_the_shoulders(content):
    top = content.figure("top-position")
    assert 85 <= knee_angle(top) <= 95
    assert abs(hip_bend(top)) <= 10


def test_each_variation_has_a_side_view_figure(content):
    for variation in content.variations.variations:
        assert content.figure(variation.figure).view == "side", variation.id


@pytest.mark.parametrize("view", ["side", "front"])
def test_each_body_segment_has_the_same_length_in_every_figure_of_a_view(content, view):
    figures = [figure for figure in content.figures.figures if figure.view == view]
    for segment, pairs in SEGMENTS[view].items():
        lengths = {
            f"{figure.id} {start}-{end}": length(joints(figure)[start], joints(figure)[end])
            for figure in figures
            for start, end in pairs
            if start in figure.joints and end in figure.joints
        }
        assert max(lengths.values()) - min(lengths.values()) <= SEGMENT_TOLERANCE_CM, f"{segment}: {lengths}"


@pytest.fixture(scope="module")
def svgs(content) -> dict[str, str]:
    """Each figure's SVG as the pages get it."""
    template = Renderer(content, site_url="https://example.org/").env.from_string("{{ figure(figure_id, figure_id) }}")
    svgs = {}
    for figure in content.figures.figures:
        html = template.render(page="technique.md", figure_id=figure.id)
        svgs[figure.id] = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    return svgs


def test_every_figure_is_valid_xml_under_4_kb(svgs):
    for figure_id, svg in svgs.items():
        ET.fromstring(svg)
        assert len(svg.encode()) < MAX_SVG_BYTES, f"{figure_id}: {len(svg.encode())} bytes"


def test_every_figure_is_an_image_named_by_its_title_and_described_by_its_cues(content, svgs):
    for figure_id, svg in svgs.items():
        figure, root = content.figure(figure_id), ET.fromstring(svg)
        assert root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
        assert title.text == figure.title
        for cue_id in [*figure.shows, *figure.gets_wrong]:
            assert plain_text(content.cue(cue_id).cue) in desc.text, f"{figure_id}: {cue_id}"


def test_figures_draw_in_the_text_colour_only(svgs):
    for figure_id, svg in svgs.items():
        for element in ET.fromstring(svg).iter():
            for attribute in ("fill", "stroke", "color", "stop-color"):
                assert element.get(attribute) in (None, "currentColor", "none"), f"{figure_id}: {attribute}"
            assert element.get("style") is None, figure_id
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", svg), figure_id


def test_figures_load_nothing_from_outside(svgs):
    for figure_id, svg in svgs.items():
        for element in ET.fromstring(svg).iter():
            assert element.tag not in (f"{SVG}image", f"{SVG}use", f"{SVG}style"), figure_id
            assert not any("href" in name for name in element.attrib), figure_id
