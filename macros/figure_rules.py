"""Figure rules: what a figure must measure to show a cue done right, or clearly done wrong, and what it
needs to be drawn at all.

A cue names the rule that measures it (its `figure_rule`); a figure that claims the cue in `shows` or
`gets_wrong` is measured by that rule. The catalogue holds geometry only, no content: any cue can name any
rule, and a new cue that a figure should show names one of these or a new rule added here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .figures import angle_at, bend, joints, length

if TYPE_CHECKING:  # for annotations only
    from .models import Figure

Measure = Callable[["Figure"], bool]
MAX_MARKED_ANGLE = 179


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
    """How far apart the left and right joint are, side to side (front view)."""
    at = joints(figure)
    return abs(at[f"left_{joint}"][0] - at[f"right_{joint}"][0])


def knees_over_ankles(figure: Figure) -> bool:
    at = joints(figure)
    return all(abs(at[f"{side}_knee"][0] - at[f"{side}_ankle"][0]) <= 3 for side in ("left", "right"))


def feet_hip_width_apart(figure: Figure) -> bool:
    hips = gap(figure, "hip")
    lines = all([f"{side}_hip", f"{side}_ankle"] in figure.lines for side in ("left", "right"))
    return hips > 0 and 0.8 <= gap(figure, "ankle") / hips <= 1.25 and lines


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


# What a figure measures, said for messages: the numbers a contributor changes by moving joints.
def _said_knee_angle(figure: Figure) -> str:
    return f"a knee angle of {knee_angle(figure):.0f} degrees"


def _said_shin(figure: Figure) -> str:
    return f"the shin {shin_from_vertical(figure):.0f} degrees from vertical"


def _said_hip(figure: Figure) -> str:
    return _off_line("the hip", hip_bend(figure), "shoulder to knee")


def _said_ribs(figure: Figure) -> str:
    return _off_line("the ribs", lower_back_bend(figure), "shoulder to hip")


def _off_line(part: str, degrees: float, line: str) -> str:
    return f"{part} {abs(degrees):.0f} degrees {'above' if degrees >= 0 else 'below'} the line from {line}"


def _said_gaps(*joint_names: str) -> Callable[[Figure], str]:
    return lambda figure: ", ".join(f"the {name}s {gap(figure, name):.0f} cm apart" for name in joint_names)


@dataclass(frozen=True)
class Rule:
    """How a figure shows a cue done right, and for mistake figures clearly done wrong, with what each means
    and the measurements it reads."""

    view: str
    right: Measure
    right_means: str
    wrong: Measure | None = None
    wrong_means: str = ""
    reads: tuple[Callable[[Figure], str], ...] = ()

    def measured(self, figure: Figure) -> str:
        """What the figure measures, as the rule reads it: "" for a rule that reads no angle or distance."""
        return f" (this figure: {', '.join(read(figure) for read in self.reads)})" if self.reads else ""


RULES: dict[str, Rule] = {
    "shoulders-on-bench": Rule(
        "side", shoulders_on_bench, "a bench, with the shoulder up to 15 cm above its top and over its length"
    ),
    "bar-over-hips": Rule(
        "side", bar_over_hips, "a bar whose centre is within 5 cm of the hip along the floor and up to 20 cm above it"
    ),
    "knees-at-right-angle": Rule(
        "side",
        lambda f: 85 <= knee_angle(f) <= 95 and shin_from_vertical(f) <= 12 and ["hip", "knee", "ankle"] in f.angles,
        "a knee angle of 85 to 95 degrees, the shin within 12 degrees of vertical, and the angle marked at "
        "[hip, knee, ankle]",
        reads=(_said_knee_angle, _said_shin),
    ),
    "shoulders-hips-knees-in-line": Rule(
        "side",
        lambda f: abs(hip_bend(f)) <= 10 and ["shoulder", "knee"] in f.lines,
        "the hip within 10 degrees of the line from shoulder to knee, and that line drawn ([shoulder, knee])",
        lambda f: abs(hip_bend(f)) > 10 and ["shoulder", "knee"] in f.lines,
        "the hip more than 10 degrees off the line from shoulder to knee, and that line drawn ([shoulder, knee])",
        reads=(_said_hip,),
    ),
    "hips-fully-extended": Rule(
        "side",
        lambda f: hip_bend(f) >= -10 and has_arrow(f, "hip", "up"),
        "the hip no more than 10 degrees below the line from shoulder to knee, and an arrow up at the hip",
        lambda f: hip_bend(f) < -20,  # shoulder-hip-knee under 160 degrees: well short of extension
        "the hip more than 20 degrees below the line from shoulder to knee",
        reads=(_said_hip,),
    ),
    "neutral-lower-back": Rule(
        "side",
        lambda f: abs(lower_back_bend(f)) <= 5,
        "the ribs within 5 degrees of the line from shoulder to hip",
        lambda f: lower_back_bend(f) >= 15,
        "the ribs at least 15 degrees above the line from shoulder to hip (an arched lower back)",
        reads=(_said_ribs,),
    ),
    "push-down-through-heels": Rule("side", lambda f: has_arrow(f, "ankle", "down"), "an arrow down at the ankle"),
    "knees-over-ankles": Rule(
        "front",
        knees_over_ankles,
        "each knee within 3 cm of its ankle, side to side",
        lambda f: gap(f, "knee") <= gap(f, "ankle") - 6,
        "the knees at least 6 cm closer together than the ankles (caving in)",
        reads=(_said_gaps("knee", "ankle"),),
    ),
    "feet-hip-width-apart": Rule(
        "front",
        feet_hip_width_apart,
        "the ankles 0.8 to 1.25 times as far apart as the hips, and lines [left_hip, left_ankle] and "
        "[right_hip, right_ankle]",
        reads=(_said_gaps("ankle", "hip"),),
    ),
    "band-above-knees": Rule(
        "side", band_above_knees, "a band whose ends are within 12 cm of the knee, nearer the knee than the hip"
    ),
    "feet-on-platform": Rule(
        "side",
        feet_on_platform,
        "a platform under the ankle and toe, the toe on its top and the ankle above it",
    ),
}


@dataclass(frozen=True)
class FigureProblem:
    """A figure that does not measure up, at one of its fields: figures[index] and the path within it."""

    index: int
    path: tuple[str | int, ...]
    expected: str


def figure_problems(figures: list[Figure], rule_of_cue: Mapping[str, str | None]) -> Iterator[FigureProblem]:
    """What keeps each figure from being drawn, and each cue it claims but does not draw as the cue's rule
    measures it. rule_of_cue: every cue's rule by cue id, None for a cue without one; a cue id not in it is
    left to the reference check."""
    unmeasured: set[str] = set()  # a cue without a rule is one problem, at the first figure that claims it
    for index, figure in enumerate(figures):
        for path, expected in _drawing_problems(figure):
            yield FigureProblem(index, path, expected)
        for field, done_right in (("shows", True), ("gets_wrong", False)):
            for position, cue_id in enumerate(getattr(figure, field)):
                if cue_id not in rule_of_cue or cue_id in unmeasured:
                    continue
                if rule_of_cue[cue_id] is None:
                    unmeasured.add(cue_id)
                    expected = f"a cue that names the figure_rule that measures it in a figure; '{cue_id}' names none"
                else:
                    expected = _claim_problem(figure, cue_id, done_right, rule_of_cue[cue_id])
                if expected:
                    yield FigureProblem(index, (field, position), expected)


def _claim_problem(figure: Figure, cue_id: str, done_right: bool, rule_name: str) -> str | None:
    rule = RULES[rule_name]
    if figure.view != rule.view:
        return f"a cue seen in a {figure.view} view; '{cue_id}' is measured in a {rule.view} view ({rule_name})"
    if done_right:
        if rule.right(figure):
            return None
        return f"'{cue_id}' drawn done right, as {rule_name} measures it: {rule.right_means}{rule.measured(figure)}"
    if rule.wrong is None:
        return f"a cue that its rule can measure done wrong; {rule_name} ('{cue_id}') measures it done right only"
    if rule.wrong(figure):
        return None
    return f"'{cue_id}' drawn clearly wrong, as {rule_name} measures it: {rule.wrong_means}{rule.measured(figure)}"


def _drawing_problems(figure: Figure) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """An angle mark, a neck or a band needs its points apart, to have a direction."""
    at = joints(figure)
    for index, (first, vertex, last) in enumerate(figure.angles):
        together = [name for name in (first, last) if length(at[name], at[vertex]) == 0]
        if together:
            yield (
                ("angles", index),
                f"three joints at different places; {vertex} and {together[0]} are at the same place",
            )
        elif angle_at(at[first], at[vertex], at[last]) > MAX_MARKED_ANGLE:
            # The label goes beyond the middle of the arc, which a straight angle does not have.
            yield (
                ("angles", index),
                f"an angle of at most {MAX_MARKED_ANGLE} degrees at {vertex}, to place its mark and label",
            )
    if "shoulder" in at and length(at["head"], at["shoulder"]) == 0:
        yield ("joints", "head"), "the head apart from the shoulder, to draw the neck between them"
    if figure.band and figure.band.ends[0] == figure.band.ends[1]:
        yield ("band", "ends"), "the band's two ends at different places, to draw it across the leg"
