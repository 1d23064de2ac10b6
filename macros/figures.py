"""Figures: the geometry of a figure's joints, and the shapes that draw it.

The same measurements serve the renderer (the angle it labels) and the tests (that a figure agrees with its cues).
Positions are in centimetres with y up from the floor; SVG's y points down, so drawing flips it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for annotations only: models imports the figure rules, which measure with this module
    from .models import Figure

HEAD_RADIUS = 9
LIMB_WIDTH = 4
BAR_RADIUS = 2.5  # the bar's end, at the centre of its plate
BAND_WIDTH = 6
ANGLE_MARK_RADIUS = 14
# A label's size, in centimetres of the figure: 9 pt on a printed card's figure (60 mm across), 12 px on screen
# wherever a figure is at least half its natural width; the browser tests measure both.
LABEL_SIZE = 12
# The sizes the template draws with.
SHAPE_SIZES = {"head_radius": HEAD_RADIUS, "limb_width": LIMB_WIDTH, "bar_radius": BAR_RADIUS, "label_size": LABEL_SIZE}
ARROW_LENGTH = 16
OPEN_ANGLE = 120  # degrees
MARGIN = 6
PIXELS_PER_CM = 2  # every figure at one scale, so that side and front views side by side match
FRONT_VIEW_HALF_WIDTH = 40  # a front view spans at least this far either side, to keep the side views' scale

# The limbs, as chains of joints drawn as one stroke each: a raised leg in the same ink as the one it stands on.
LIMBS = {
    "side": [
        ("hip", "other_knee", "other_ankle", "other_toe"),
        ("shoulder", "ribs", "hip", "knee", "ankle", "toe"),
        ("shoulder", "elbow", "wrist"),
    ],
    "front": [
        ("right_toe", "right_ankle", "right_knee", "right_hip", "left_hip", "left_knee", "left_ankle", "left_toe"),
    ],
}
# Seen from the feet, the trunk lies beyond the legs: a shaded outline, so that it reads as the body behind them
# rather than as lines to compare with the legs.
TRUNK = {"front": ("right_hip", "right_shoulder", "left_shoulder", "left_hip")}

Point = tuple[float, float]


def length(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def angle_at(a: Point, vertex: Point, c: Point) -> float:
    """The angle at `vertex` between the segments to a and to c, in degrees (0 to 180)."""
    first = math.atan2(a[1] - vertex[1], a[0] - vertex[0])
    second = math.atan2(c[1] - vertex[1], c[0] - vertex[0])
    between = abs(math.degrees(first - second)) % 360
    return 360 - between if between > 180 else between


def bend(a: Point, b: Point, c: Point) -> float:
    """How far the path a -> b -> c is from straight at b, in degrees: 0 when straight, positive when b lies above
    the line from a to c (with a on the left, as in every side view), negative when it sags below."""
    side = (c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])
    return math.copysign(180 - angle_at(a, b, c), side)


def _point(values: list[float]) -> Point:
    return values[0], values[1]


def joints(figure: Figure) -> dict[str, Point]:
    return {name: _point(position) for name, position in figure.joints.items()}


def _svg(point: Point) -> str:
    return ",".join(_flipped(point))


def _flipped(point: Point) -> tuple[str, str]:
    """A point in SVG coordinates, formatted."""
    return _number(point[0]), _number(-point[1])


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _toward(start: Point, end: Point, distance: float) -> Point:
    scale = distance / length(start, end)
    return start[0] + (end[0] - start[0]) * scale, start[1] + (end[1] - start[1]) * scale


@dataclass(frozen=True)
class AngleMark:
    arc: str  # SVG path data
    label_at: tuple[str, str]
    label: str


@dataclass(frozen=True)
class Drawing:
    """What the template draws, in SVG coordinates (y down), formatted."""

    view_box: str
    width: str  # CSS pixels at full size; the page scales a figure down where the column is narrower
    height: str
    floor: str
    rectangles: list[tuple[str, str, str, str]]  # x, y, width, height
    bar: tuple[str, str, str] | None  # centre x, y, plate radius
    trunk: str | None  # path data, closed
    limbs: list[str]  # path data
    neck: str | None  # path data
    head: tuple[str, str] | None  # centre
    band: str | None
    guides: list[str]
    angles: list[AngleMark]
    arrows: list[str]


def _angle_mark(a: Point, vertex: Point, c: Point) -> tuple[AngleMark, list[Point]]:
    start, end = _toward(vertex, a, ANGLE_MARK_RADIUS), _toward(vertex, c, ANGLE_MARK_RADIUS)
    # Flipping y keeps the picture's turning sense, and SVG's sweep flag 1 turns clockwise as the reader sees it.
    counter_clockwise = (a[0] - vertex[0]) * (c[1] - vertex[1]) - (a[1] - vertex[1]) * (c[0] - vertex[0]) > 0
    arc = f"M{_svg(start)}A{ANGLE_MARK_RADIUS} {ANGLE_MARK_RADIUS} 0 0 {0 if counter_clockwise else 1} {_svg(end)}"
    angle = angle_at(a, vertex, c)
    middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    # An open angle leaves no room inside its arc for the label: it goes on the far side of the joint.
    inside = angle <= OPEN_ANGLE
    beyond = middle if inside else (2 * vertex[0] - middle[0], 2 * vertex[1] - middle[1])
    label_point = _toward(vertex, beyond, ANGLE_MARK_RADIUS + 8 if inside else 10)
    return AngleMark(arc, _flipped(label_point), f"{round(angle)}°"), [start, end, label_point]


def _arrow(at: Point, direction: str) -> tuple[str, list[Point]]:
    """An arrow that ends beside a joint, pointing up or down at it from the other side: it pushes the joint
    (drive the hips up) or from it (push the heels down). Shifted towards the head, clear of a vertical shin."""
    sign = 1 if direction == "up" else -1
    x = at[0] - 8
    tip = (x, at[1] - 4 * sign)
    tail = (x, tip[1] - ARROW_LENGTH * sign)
    barb = 4 * sign
    path = f"M{_svg(tail)}L{_svg(tip)}M{_svg((x - 3, tip[1] - barb))}L{_svg(tip)}L{_svg((x + 3, tip[1] - barb))}"
    return path, [tail, tip]


@dataclass(frozen=True)
class Bounds:
    """A box in the data's frame (centimetres, y up)."""

    left: float
    bottom: float
    right: float
    top: float

    def union(self, other: Bounds) -> Bounds:
        return Bounds(
            min(self.left, other.left),
            min(self.bottom, other.bottom),
            max(self.right, other.right),
            max(self.top, other.top),
        )


def _shapes(figure: Figure) -> tuple[dict, list[Point]]:
    """The shapes of a figure in SVG coordinates, and the points they reach in the data's frame."""
    at = joints(figure)
    extent: list[Point] = list(at.values())
    limbs = [_chain(at, chain) for chain in LIMBS[figure.view] if all(name in at for name in chain)]
    trunk = _chain(at, TRUNK[figure.view]) + "Z" if figure.view in TRUNK else None
    neck = head = None
    if "head" in at:
        head = _flipped(at["head"])
        extent += [(at["head"][0] + d, at["head"][1] + d) for d in (-HEAD_RADIUS, HEAD_RADIUS)]
    if "head" in at and "shoulder" in at:  # seen from the front, the neck hides behind the head
        neck = f"M{_svg(at['shoulder'])}L{_svg(_toward(at['head'], at['shoulder'], HEAD_RADIUS))}"
    rectangles = []
    for box in filter(None, (figure.bench, figure.platform)):
        rectangles.append(tuple(map(_number, (box.x, -(box.y + box.height), box.width, box.height))))
        extent += [(box.x, box.y), (box.x + box.width, box.y + box.height)]
    bar = None
    if figure.bar:
        centre, radius = _point(figure.bar.at), figure.bar.radius
        bar = (*_flipped(centre), _number(radius))
        extent += [(centre[0] + d, centre[1] + d) for d in (-radius, radius)]
    band = None
    if figure.band:
        corners = _strip(*(_point(end) for end in figure.band.ends), BAND_WIDTH)
        band = "M" + "L".join(map(_svg, corners)) + "Z"
        extent += corners
    angles = []
    for names in figure.angles:
        mark, points = _angle_mark(*(at[name] for name in names))
        angles.append(mark)
        extent += points
    arrows = []
    for arrow in figure.arrows:
        path, points = _arrow(at[arrow.at], arrow.direction)
        arrows.append(path)
        extent += points
    if figure.view == "front":
        extent += [(-FRONT_VIEW_HALF_WIDTH, 0), (FRONT_VIEW_HALF_WIDTH, 0)]
    guides = [f"M{_svg(at[start])}L{_svg(at[end])}" for start, end in figure.lines]
    shapes = dict(
        rectangles=rectangles,
        bar=bar,
        trunk=trunk,
        limbs=limbs,
        neck=neck,
        head=head,
        band=band,
        guides=guides,
        angles=angles,
    )
    return shapes | {"arrows": arrows}, extent


def _strip(start: Point, end: Point, width: float) -> list[Point]:
    """The corners of a strip of this width along the segment from start to end."""
    half = width / 2 / length(start, end)
    dx, dy = (end[1] - start[1]) * half, (start[0] - end[0]) * half  # across the segment
    return [
        (start[0] + dx, start[1] + dy),
        (end[0] + dx, end[1] + dy),
        (end[0] - dx, end[1] - dy),
        (start[0] - dx, start[1] - dy),
    ]


def _chain(at: dict[str, Point], names: tuple[str, ...]) -> str:
    return "M" + "L".join(_svg(at[name]) for name in names)


def _bounds(extent: list[Point]) -> Bounds:
    """What a figure reaches, the floor included, with a margin."""
    xs, ys = [x for x, _ in extent], [y for _, y in extent]
    return Bounds(min(xs) - MARGIN, min(0, *ys) - MARGIN / 2, max(xs) + MARGIN, max(ys) + MARGIN)


def drawings(figures: list[Figure]) -> dict[str, Drawing]:
    """Every figure, by id, drawn in one frame per view that fits every figure of that view: figures of a view
    share their scale and floor, so that a mistake and the correct form line up side by side."""
    shaped = {figure.id: _shapes(figure) for figure in figures}
    frames: dict[str, Bounds] = {}
    for figure in figures:
        box = _bounds(shaped[figure.id][1])
        frames[figure.view] = frames[figure.view].union(box) if figure.view in frames else box
    return {figure.id: _drawing(shaped[figure.id][0], frames[figure.view]) for figure in figures}


def _drawing(shapes: dict, frame: Bounds) -> Drawing:
    width, height = frame.right - frame.left, frame.top - frame.bottom
    return Drawing(
        view_box=" ".join(map(_number, (frame.left, -frame.top, width, height))),
        width=_number(width * PIXELS_PER_CM),
        height=_number(height * PIXELS_PER_CM),
        floor=f"M{_svg((frame.left, 0))}H{_number(frame.right)}",
        **shapes,
    )
