"""Figures: the rules that measure a figure against the cues it claims (macros/figure_rules.py), tried on small
figures, and every figure rendered as small, accessible, themable SVG."""

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.figure_rules import RULES, figure_problems
from macros.figures import BAR_RADIUS, angle_at, bend, drawings, joints, length
from macros.load import load_content
from macros.models import FIGURE_RULES, SIDE_JOINTS, Figure
from macros.render import Renderer, plain_text
from tests.browser import SCHEMES, VIEWPORTS, figures_shown
from tests.contributor import fail_for
from tests.project import ROOT, VALID_FIXTURES

SVG = "{http://www.w3.org/2000/svg}"
SMALLEST_LABEL_PX = 12  # on screen; on paper 9 pt, the same 12 CSS pixels (tests/test_print.py)
MAX_SVG_BYTES = 4096
SEGMENT_TOLERANCE_CM = 1.5
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


FIXTURE_FIGURES = {figure.id: figure for figure in load_content(VALID_FIXTURES).figures.figures}


def fixture_figure(figure_id: str, joints_moved: dict | None = None, **changes) -> Figure:
    """A figure of tests/fixtures/valid, with some joints moved and some fields changed."""
    figure = FIXTURE_FIGURES[figure_id]
    moved = {**figure.joints, **(joints_moved or {})}
    return Figure.model_validate({**figure.model_dump(), "joints": moved, **changes})


def test_the_angle_at_a_joint_is_measured_between_its_neighbours():
    assert angle_at((-1, 0), (0, 0), (0, -1)) == pytest.approx(90)
    assert angle_at((-1, 0), (0, 0), (1, 0)) == pytest.approx(180)


def test_bend_is_positive_above_the_line_and_negative_below_it():
    assert bend((0, 0), (1, 0.2), (2, 0)) > 0
    assert bend((0, 0), (1, -0.2), (2, 0)) < 0
    assert bend((0, 0), (1, 1), (2, 0)) == pytest.approx(90)


ANKLE_ARROW = {"arrows": [{"at": "hip", "direction": "up"}, {"at": "ankle", "direction": "down"}]}
BAND = {"band": {"ends": [[88, 55], [98, 55]]}}
PLATFORM = {"platform": {"x": 85, "y": -10, "width": 40, "height": 10}}
BOTH_HIP_LINES = {"lines": [["left_hip", "left_ankle"], ["right_hip", "right_ankle"]]}
# (rule, a figure that the rule finds done right, one like it that it does not)
DONE_RIGHT = [
    ("shoulders-on-bench", fixture_figure("top"), fixture_figure("top", {"shoulder": [-4, 60]})),
    ("bar-over-hips", fixture_figure("top"), fixture_figure("top", bar={"at": [60, 64], "radius": 22.5})),
    ("knees-at-right-angle", fixture_figure("top"), fixture_figure("top", {"ankle": [110, 8]})),
    ("knees-at-right-angle", fixture_figure("top"), fixture_figure("top", angles=[])),
    ("shoulders-hips-knees-in-line", fixture_figure("top"), fixture_figure("short")),
    ("shoulders-hips-knees-in-line", fixture_figure("top"), fixture_figure("top", lines=[])),
    ("hips-fully-extended", fixture_figure("top"), fixture_figure("top", arrows=[])),
    ("neutral-lower-back", fixture_figure("top"), fixture_figure("top", {"ribs": [26, 58]})),
    ("push-down-through-heels", fixture_figure("top", **ANKLE_ARROW), fixture_figure("top")),
    ("knees-over-ankles", fixture_figure("knees-front"), fixture_figure("knees-front", {"left_knee": [4, 50]})),
    ("feet-hip-width-apart", fixture_figure("knees-front", **BOTH_HIP_LINES), fixture_figure("knees-front")),
    (
        "feet-hip-width-apart",
        fixture_figure("knees-front", **BOTH_HIP_LINES),
        fixture_figure("knees-front", {"left_ankle": [20, 8], "left_toe": [22, 0]}, **BOTH_HIP_LINES),
    ),
    ("band-above-knees", fixture_figure("top", **BAND), fixture_figure("top")),
    ("feet-on-platform", fixture_figure("top", **PLATFORM), fixture_figure("top")),
]
# (rule, a figure that the rule finds clearly done wrong, one that it does not)
DONE_WRONG = [
    ("shoulders-hips-knees-in-line", fixture_figure("short", lines=[["shoulder", "knee"]]), fixture_figure("top")),
    ("hips-fully-extended", fixture_figure("short"), fixture_figure("top", {"hip": [48, 45]})),
    ("neutral-lower-back", fixture_figure("top", {"ribs": [26, 60]}), fixture_figure("top", {"ribs": [26, 53]})),
    ("knees-over-ankles", fixture_figure("knees-front", {"left_knee": [1, 50]}), fixture_figure("knees-front")),
]


@pytest.mark.parametrize(("rule", "right", "not_right"), DONE_RIGHT, ids=[case[0] for case in DONE_RIGHT])
def test_a_rule_tells_a_figure_that_shows_its_cue_done_right_from_one_that_does_not(rule, right, not_right):
    assert RULES[rule].right(right)
    assert not RULES[rule].right(not_right)


@pytest.mark.parametrize(("rule", "wrong", "not_wrong"), DONE_WRONG, ids=[case[0] for case in DONE_WRONG])
def test_a_rule_tells_a_figure_that_shows_its_cue_clearly_done_wrong_from_one_that_does_not(rule, wrong, not_wrong):
    assert RULES[rule].wrong(wrong)
    assert not RULES[rule].wrong(not_wrong)


def test_every_rule_is_tried_on_a_figure_done_right():
    assert {rule for rule, _, _ in DONE_RIGHT} == set(RULES)
    assert {rule for rule, _, _ in DONE_WRONG} == {name for name, rule in RULES.items() if rule.wrong}


def problems_of(*figures: Figure, **rule_of_cue) -> list[tuple[int, tuple, str]]:
    rules = {cue_id.replace("_", "-"): rule for cue_id, rule in rule_of_cue.items()}
    return [(problem.index, problem.path, problem.expected) for problem in figure_problems(list(figures), rules)]


def test_a_figure_that_draws_its_cues_as_their_rules_measure_them_has_no_problem():
    top, short = fixture_figure("top"), fixture_figure("short")
    assert problems_of(top, short, drive_up="hips-fully-extended") == []


def test_a_figure_that_contradicts_a_cue_it_shows_is_one_problem_at_that_cue():
    sagging = fixture_figure("top", {"hip": [48, 30]}, shows=["back-on-bench", "drive-up"])
    rules = {"back_on_bench": "shoulders-on-bench", "drive_up": "hips-fully-extended"}
    [(index, path, expected)] = problems_of(sagging, **rules)
    assert (index, path) == (0, ("shows", 1))
    assert expected.startswith("'drive-up' drawn done right, as hips-fully-extended measures it: the hip no more")
    assert expected.endswith("(this figure: the hip 47 degrees below the line from shoulder to knee)")


def test_a_mistake_figure_that_gets_its_cue_right_is_one_problem_at_that_cue():
    [(_, path, expected)] = problems_of(
        fixture_figure("top", shows=[], gets_wrong=["drive-up"]), drive_up="hips-fully-extended"
    )
    assert path == ("gets_wrong", 0)
    assert expected.startswith("'drive-up' drawn clearly wrong, as hips-fully-extended measures it")
    assert expected.endswith("(this figure: the hip 0 degrees above the line from shoulder to knee)")


def test_a_message_about_a_front_view_gives_the_gaps_its_rule_reads():
    narrow_feet = fixture_figure("knees-front", {"left_ankle": [4, 8], "left_toe": [6, 0]}, shows=["feet-apart"])
    [(_, _, expected)] = problems_of(narrow_feet, feet_apart="feet-hip-width-apart")
    assert expected.endswith("(this figure: the ankles 13 cm apart, the hips 18 cm apart)")


def test_a_mistake_figure_needs_a_rule_that_measures_its_cue_done_wrong():
    [(_, path, expected)] = problems_of(fixture_figure("short"), drive_up="bar-over-hips")
    assert path == ("gets_wrong", 0)
    assert (
        expected == "a cue that its rule can measure done wrong; bar-over-hips ('drive-up') measures it done right only"
    )


def test_a_cue_is_measured_only_in_the_view_of_its_rule():
    [(_, path, expected)] = problems_of(
        fixture_figure("knees-front", shows=["drive-up"]), drive_up="hips-fully-extended"
    )
    assert path == ("shows", 0)
    assert expected == "a cue seen in a front view; 'drive-up' is measured in a side view (hips-fully-extended)"


def test_a_cue_without_a_rule_is_one_problem_however_many_figures_claim_it():
    assert problems_of(fixture_figure("top"), fixture_figure("short"), drive_up=None) == [
        (0, ("shows", 0), "a cue that names the figure_rule that measures it in a figure; 'drive-up' names none")
    ]


def test_a_cue_that_is_not_known_is_left_to_the_reference_check():
    assert problems_of(fixture_figure("top")) == []


@pytest.mark.parametrize(
    ("moved", "path", "expected"),
    [
        ({"ankle": [93, 51]}, ("angles", 0), "three joints at different places; knee and ankle are at the same place"),
        ({"ankle": [138, 51]}, ("angles", 0), "an angle of at most 179 degrees at knee, to place its mark and label"),
        ({"head": [-4, 51]}, ("joints", "head"), "the head apart from the shoulder, to draw the neck between them"),
    ],
)
def test_a_figure_that_cannot_be_drawn_is_one_problem_at_the_field_that_stops_it(moved, path, expected):
    figure = fixture_figure("top", moved, angles=[["hip", "knee", "ankle"]], lines=[], arrows=[])
    assert problems_of(figure) == [(0, path, expected)]
    with pytest.raises(ArithmeticError):
        drawings([figure])


def test_a_band_whose_ends_meet_is_one_problem_at_its_ends():
    figure = fixture_figure("top", band={"ends": [[88, 55], [88, 55]]})
    assert problems_of(figure) == [
        (0, ("band", "ends"), "the band's two ends at different places, to draw it across the leg")
    ]
    with pytest.raises(ArithmeticError):
        drawings([figure])


# Joints on a coarse grid, so that joints at one place and joints in a straight line come up often.
GRID_POINT = st.lists(st.integers(-1, 1).map(lambda step: step * 20.0), min_size=2, max_size=2)


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({joint: GRID_POINT for joint in SIDE_JOINTS}), st.data())
def test_a_figure_without_drawing_problems_can_be_drawn(positions, data):
    marks = st.lists(st.permutations(SIDE_JOINTS).map(lambda joints: list(joints[:3])), min_size=1, max_size=3)
    figure = fixture_figure("top", positions, angles=data.draw(marks, label="angles"), lines=[], arrows=[])
    if not problems_of(figure):
        drawings([figure])


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


def test_the_figure_of_a_loaded_variation_holds_its_load(content):
    unloaded = []
    for variation in content.variations.variations:
        figure = content.figure(variation.figure)
        held = figure.bar is not None and length(joints(figure)["wrist"], tuple(figure.bar.at)) <= BAR_RADIUS
        if variation.loaded and not held:
            unloaded.append(
                f"data/figures.yaml: figure '{figure.id}' of the loaded variation '{variation.id}' holds no bar"
            )
    fail_for(
        unloaded,
        "give the figure a bar across the hips (bar: and the cue bar-across-hips in shows), the wrist at its centre.",
    )


@pytest.fixture(scope="module")
def figure_html(content) -> dict[str, str]:
    """Each figure as the pages get it, caption included."""
    template = Renderer(content, site_url="https://example.org/").env.from_string("{{ figure(figure_id, figure_id) }}")
    return {figure.id: template.render(page="technique.md", figure_id=figure.id) for figure in content.figures.figures}


@pytest.fixture(scope="module")
def svgs(figure_html) -> dict[str, str]:
    """Each figure's SVG as the pages get it."""
    return {
        figure_id: html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
        for figure_id, html in figure_html.items()
    }


def shapes_of(svg: str, kind: str) -> list[ET.Element]:
    return [element for element in ET.fromstring(svg).iter() if element.get("class") == kind]


def test_a_plate_is_drawn_over_the_body_and_the_guide_lines(content, svgs):
    # In front of the hips, the plate hides what it covers: no line is drawn across it (extra.css fills it).
    loaded = [figure.id for figure in content.figures.figures if figure.bar]
    assert loaded
    for figure_id in loaded:
        shapes = [element.get("class") for element in ET.fromstring(svgs[figure_id]).iter()]
        behind = [index for index, kind in enumerate(shapes) if kind in ("trunk", "limb", "band", "guide")]
        assert shapes.index("plate") > max(behind), figure_id


def test_a_band_is_drawn_as_a_band(content, svgs):
    banded = [figure.id for figure in content.figures.figures if figure.band]
    assert banded
    for figure_id in banded:
        bands = shapes_of(svgs[figure_id], "band")
        assert len(bands) == 1, f"{figure_id}: {len(bands)} bands"
        band = bands[0]
        corners = [tuple(map(float, pair)) for pair in re.findall(r"(-?[\d.]+),(-?[\d.]+)", band.get("d"))]
        width, reach = sorted(length(corners[side], corners[side + 1]) for side in (0, 1))
        assert band.get("d").endswith("Z") and band.get("fill") == "currentColor", figure_id
        assert band.get("stroke-dasharray") is None, figure_id
        assert width >= 5 and reach >= 15, f"{figure_id}: a strip {width:.0f} by {reach:.0f} cm"


def test_a_raised_leg_is_drawn_like_the_leg_it_stands_on(content, svgs):
    raised = [figure.id for figure in content.figures.figures if "other_knee" in figure.joints]
    assert raised
    for figure_id in raised:
        body = ET.fromstring(svgs[figure_id]).find(f"{SVG}g")  # the limbs and the neck, in one stroke width
        assert len(body) == 4, figure_id
        assert all(set(path.attrib) <= {"d", "class"} for path in body), f"{figure_id}: a limb in other ink"


def test_seen_from_the_front_the_trunk_is_a_shaded_shape_behind_the_legs(content, svgs):
    front = [figure.id for figure in content.figures.figures if figure.view == "front"]
    assert front
    for figure_id in front:
        shapes = [element.get("class") for element in ET.fromstring(svgs[figure_id]).iter()]
        trunks = shapes_of(svgs[figure_id], "trunk")
        assert len(trunks) == 1, f"{figure_id}: {len(trunks)} trunks"
        trunk = trunks[0]
        assert trunk.get("d").endswith("Z") and trunk.get("fill") == "currentColor", figure_id
        assert shapes.index("trunk") < shapes.index("limb"), figure_id


def test_a_mistake_drawn_against_a_guide_line_says_which_line_is_right_and_which_is_wrong(content, figure_html):
    for figure in content.figures.figures:
        caption = figure_html[figure.id].split("<figcaption>")[1]
        assert ("Dashed line: right. Solid line: wrong." in caption) is bool(figure.gets_wrong and figure.lines), (
            figure.id
        )


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


def test_the_schema_names_every_figure_rule_by_id_and_no_other():
    assert FIGURE_RULES == tuple(RULES)


def test_the_models_do_not_import_the_figure_rules():
    # The rules read the models; the models name the rules by id only: no import circle.
    source = (ROOT / "macros" / "models.py").read_text(encoding="utf-8")
    assert "figure_rules" not in "\n".join(line for line in source.splitlines() if "import" in line)


@pytest.fixture(scope="module")
def pages_with_figures(built_site) -> list[str]:
    """Every page of the built site that draws a figure, as a path below the site's address."""
    return [
        html.relative_to(built_site.root).as_posix().removesuffix("index.html")
        for html in built_site.html_files()
        if built_site.soup_of_file(html).select_one("figure.drawing")
    ]


def test_on_a_phone_every_figure_is_at_least_half_the_column_wide_and_centred(page, site_url, pages_with_figures):
    page.set_viewport_size(VIEWPORTS["phone"])
    for path in pages_with_figures:
        page.goto(site_url + path)
        for figure in figures_shown(page):
            off_centre = figure["left"] + figure["width"] / 2 - (figure["column_left"] + figure["column_width"] / 2)
            assert figure["width"] >= figure["column_width"] / 2, f"/{path}: {figure}"
            assert abs(off_centre) <= 1, f"/{path}: {figure}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_label_of_a_figure_is_at_least_12_px_on_screen(page, site_url, pages_with_figures, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    for path in pages_with_figures:
        page.goto(site_url + path)
        for figure in figures_shown(page):
            assert (figure["smallest_label"] or SMALLEST_LABEL_PX) >= SMALLEST_LABEL_PX, f"/{path}: {figure}"


# Each plate on the page: its fill, the page's background, and how far the marks drawn over it (arrows, angle marks,
# labels) stay outside it, in the figure's centimetres.
PLATES_SHOWN = """() => [...document.querySelectorAll("figure.drawing .plate")].map(plate => {
  const [cx, cy, r] = [plate.cx, plate.cy, plate.r].map(length => length.baseVal.value);
  const outside = (x, y) => Math.hypot(x - cx, y - cy) - r;
  const clearances = [...plate.parentNode.querySelectorAll(".plate ~ path, .plate ~ text")].map(mark => {
    if (mark.tagName === "text") {
      const box = mark.getBBox();
      const clamp = (value, low, high) => Math.min(Math.max(value, low), high);
      return outside(clamp(cx, box.x, box.x + box.width), clamp(cy, box.y, box.y + box.height));
    }
    let nearest = Infinity;
    for (let along = 0; along <= mark.getTotalLength(); along += 0.5) {
      const point = mark.getPointAtLength(along);
      nearest = Math.min(nearest, outside(point.x, point.y));
    }
    return nearest;
  });
  return {title: plate.parentNode.querySelector("title").textContent, fill: getComputedStyle(plate).fill,
          page: getComputedStyle(document.body).backgroundColor, clearance: Math.min(1000, ...clearances)};
})"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_plate_hides_the_lines_behind_it_and_no_mark_reaches_into_it(page, site_url, pages_with_figures, scheme):
    page.emulate_media(color_scheme=scheme)
    plates = []
    for path in pages_with_figures:
        page.goto(site_url + path)
        plates += page.evaluate(PLATES_SHOWN)
    assert plates
    for plate in plates:
        assert plate["fill"] == plate["page"], plate
        assert plate["clearance"] >= 1, plate  # half the plate's outline and half a mark's
