"""The content schema, defined once: every data file's shape, bounds and cross-references.

The JSON Schemas for editors, the contributors' field reference and the loader's messages all derive
from these models. Field descriptions are written for content authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic.fields import FieldInfo

from .text_links import TEXT_LINK

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ANY_LINK = re.compile(r"\]\(")
_HTML = re.compile(r"<\s*[A-Za-z/!?]")
_TEMPLATE = re.compile(r"\{[{%#]|[}%#]\}")
# Text without any of these characters passes every check below: most text, checked in one scan.
_MAYBE_MARKUP = re.compile(r"[\n<{}%#!\]]|^\s|\s$")

# What still fits one printed card (A4 and US Letter), each exercise with its figure, when every field on
# it is as long as allowed: tests/test_print.py proves it. The fields the card shows have bounds chosen
# for the same reason.
MAX_EXERCISES = 4


def _check_text(value: str) -> str:
    """Text is plain words plus *emphasis*, **strong** and [links](#id): nothing that runs or renders as markup."""
    if not _MAYBE_MARKUP.search(value):
        return value
    if "\n" in value:
        raise ValueError("one paragraph without line breaks (for long text use a folded block: >-)")
    if value != value.strip():
        raise ValueError("text without leading or trailing spaces")
    if _HTML.search(value):
        raise ValueError("plain text; HTML tags are not allowed (write the words, use *emphasis* or **strong**)")
    if _TEMPLATE.search(value):
        raise ValueError("plain text; template syntax such as {{ }} or {% %} is not allowed")
    if "![" in value:
        raise ValueError("plain text; images are not allowed in text")
    if len(_ANY_LINK.findall(value)) != len(TEXT_LINK.findall(value)):
        raise ValueError("links of the form [words](#id) that point at an id in the content")
    return value


def _check_words(value: str) -> str:
    """Short text shown as it is (headings, names, cues): plain words and emphasis, no links."""
    if _ANY_LINK.search(_check_text(value)):
        raise ValueError("words without links (links belong in longer text, such as a detail or an explanation)")
    return value


def _text(max_length: int, description: str, *, links: bool = True):
    return Annotated[
        str,
        StringConstraints(min_length=1, max_length=max_length),
        AfterValidator(_check_text if links else _check_words),
        Field(description=description),
    ]


Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=60),
    Field(description="A stable kebab-case id (lowercase letters, digits, single hyphens); it becomes the anchor."),
]


@dataclass(frozen=True)
class RefTo:
    """Marks an id field as a reference: the loader checks that an item of this model has that id."""

    model: str


@cache
def references_of(model: type[BaseModel]) -> dict[str, str]:
    """The fields of a model that refer to another model by id, and that model's name."""
    targets = {name: reference_target(field) for name, field in model.model_fields.items()}
    return {name: target for name, target in targets.items() if target}


def reference_target(field: FieldInfo) -> str | None:
    """The model a field (or each item of a list field) refers to by id, if it is a reference."""
    for annotation in (field, *get_args(field.annotation)):
        for item in [*getattr(annotation, "metadata", []), *getattr(annotation, "__metadata__", [])]:
            if isinstance(item, RefTo):
                return item.model
    return None


def nested_model(annotation) -> type[BaseModel] | None:
    """The model a field holds: directly, as the items of a list, or as an optional value."""
    candidates = (annotation, *get_args(annotation))
    return next((arg for arg in candidates if isinstance(arg, type) and issubclass(arg, BaseModel)), None)


def field_at(model: type[BaseModel], path: tuple) -> FieldInfo | None:
    """The field at a path of field names and list indexes, e.g. ("exercises", 0, "sets")."""
    field, current = None, model
    for part in path:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        field = current.model_fields[part]
        current = nested_model(field.annotation)
    return field


def _ref(model: str, description: str):
    return Annotated[
        str, StringConstraints(pattern=ID_PATTERN, max_length=60), RefTo(model), Field(description=description)
    ]


WorkoutRef = _ref("Workout", "The id of a workout: the name of its file in data/workouts/, without .yaml.")
PhaseRef = _ref("Phase", "The id of a phase, from data/programming.yaml.")
CueRef = _ref("Cue", "The id of a cue, from data/technique.yaml or a variation's own cues.")
VariationRef = _ref("Variation", "The id of a variation, from data/variations.yaml.")
FigureRef = _ref("Figure", "The id of a figure, from data/figures.yaml.")
Title = _text(80, "A short title in sentence case, without a full stop or links.", links=False)
CueText = _text(
    45,
    "The cue as you would say it at the bench: short and imperative, without a full stop or links; key cues go on"
    " the card.",
    links=False,
)
Name = _text(40, "A short name in sentence case, without links; it goes on the printed card.", links=False)
CardText = _text(240, "One or two sentences of plain text; it goes on every printed card it belongs to.")
Summary = _text(160, "One sentence.")
Text = _text(700, "One paragraph of plain text; `*emphasis*`, `**strong**` and `[words](#id)` links allowed.")


class Model(BaseModel):
    """Strict: no unknown fields, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Cue(Model):
    """A technique cue: a few words to remember, and the detail behind them."""

    id: Id
    cue: CueText
    detail: Text | None = Field(
        default=None, description="Optional: what the cue means and why, in a sentence or two (plain text)."
    )


class Benefit(Model):
    """One benefit of hip thrusts for runners, with its own section on the Benefits page."""

    id: Id
    title: Title = Field(description="The benefit in a few words, sentence case, e.g. 'Improved hip extension'.")
    summary: Summary = Field(description="The benefit in one sentence, as the benefit cards show it.")
    explanation: Text = Field(description="How the benefit comes about and why it matters to a runner (one paragraph).")


class Point(Model):
    """A single claim or principle stated in one sentence or two."""

    id: Id
    text: Text = Field(description="The claim or principle, in a sentence or two (plain text).")


class BenefitsFile(Model):
    """data/benefits.yaml: why runners do hip thrusts."""

    benefits: list[Benefit] = Field(min_length=1, description="The main benefits, each with its own section.")
    general: list[Point] = Field(min_length=1, description="Broader claims about strength, speed and injury risk.")


class TechniqueFile(Model):
    """data/technique.yaml: how to set up and perform the basic hip thrust."""

    setup: list[Cue] = Field(min_length=1, description="Set-up and alignment cues, in the order you do them.")
    execution: list[Cue] = Field(min_length=1, description="Cues for performing each repetition, in order.")
    setup_figures: list[FigureRef] = Field(default=[], description="Figures shown after the set-up cues.")
    execution_figures: list[FigureRef] = Field(default=[], description="Figures shown after the execution cues.")


class Mistake(Model):
    """A common mistake, why it matters, and how to fix it."""

    id: Id
    title: Title = Field(description="The mistake in a few words, e.g. 'Overarching the lower back'.")
    why: Text = Field(description="Why it matters: what goes wrong.")
    fix: Text = Field(description="What to do instead.")
    fixed_by: list[CueRef] = Field(min_length=1, description="The cues that fix it.")
    figure: FigureRef = Field(description="The figure that shows the mistake.")
    correct_figure: FigureRef = Field(description="The figure that shows the correct form, shown beside it.")


class MistakesFile(Model):
    """data/mistakes.yaml: common mistakes and the cues that fix them."""

    mistakes: list[Mistake] = Field(min_length=1, description="The common mistakes, most important first.")


class Range(Model):
    """A range of whole numbers, from min to max (write the same number twice for an exact count)."""

    min: int = Field(ge=1, le=50, description="The lower end of the range.")
    max: int = Field(ge=1, le=50, description="The upper end of the range, no less than min.")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"min no greater than max (got min {self.min}, max {self.max})")
        return self


class SessionsPerWeek(Range):
    """How many sessions a week, from min to max."""

    min: int = Field(ge=1, le=7, description="The fewest sessions a week.")
    max: int = Field(ge=1, le=7, description="The most sessions a week, no less than min.")


class Phase(Model):
    """A stage of training: how often, how much, and what to focus on."""

    id: Id
    title: Name = Field(description="The stage in a few words, e.g. 'Starting out'; it goes on the printed plans.")
    sessions_per_week: SessionsPerWeek = Field(description="How many hip thrust sessions a week in this stage.")
    sets: Range | None = Field(default=None, description="Sets per session; leave out where it is open-ended.")
    reps: Range | None = Field(default=None, description="Repetitions per set; leave out where it is open-ended.")
    volume: Literal["build", "hold", "drop"] = Field(
        default="build",
        description="What a plan's weekly hip-thrust sets do in this stage: build (rise, by a bounded step), hold"
        " (no more than the week before) or drop (fewer than before the drop: a lighter week or a taper).",
    )
    advice: Text = Field(description="What to do in this stage and how to know when to move on (one paragraph).")


class PlanRules(Model):
    """The numbers every training plan is checked against (data/plans/); each phase adds its own ranges."""

    max_set_increase_per_week: int = Field(
        ge=1, le=6, description="Hip-thrust sets per week rise by at most this many from one week to the next."
    )
    max_build_weeks_in_a_row: int = Field(
        ge=1, le=8, description="At most this many build weeks in a row; then comes a week that holds or drops."
    )
    heavy_below_reps_in_reserve: int = Field(
        ge=1, le=5, description="A session is heavy when its effort target leaves fewer repetitions in reserve."
    )
    no_heavy_days_before_race: int = Field(
        ge=1, le=28, description="No heavy session on this many days before a race (the race day included)."
    )


class ProgrammingFile(Model):
    """data/programming.yaml: how often, how many, and how to progress."""

    phases: list[Phase] = Field(min_length=1, description="Stages of training, from starting out onwards.")
    principles: list[Point] = Field(min_length=1, description="Rules that hold in every phase.")
    safety: CardText = Field(description="The safety note shown on the guide and on every card.")
    plan_rules: PlanRules = Field(description="The rules every training plan is checked against.")


class Variation(Model):
    """A variation of the hip thrust, with its own section on the Variations page."""

    id: Id
    name: Name = Field(description="The variation's name, sentence case, e.g. 'Single-leg hip thrust'.")
    changes: Text = Field(description="What this variation changes compared with the barbell hip thrust.")
    equipment: list[Title] = Field(
        min_length=1, max_length=5, description="What you need, one item each, sentence case, e.g. 'Barbell'."
    )
    harder: list[VariationRef] = Field(default=[], description="Variations that are a step up from this one.")
    key_cues: list[CueRef] = Field(
        min_length=1, max_length=3, description="The cues that matter most: they go on the printed card."
    )
    cues: list[Cue] = Field(default=[], description="Cues that apply to this variation only.")
    figure: FigureRef = Field(description="The side-view figure of this variation, at the top of the movement.")


class Progression(Model):
    """A way to make any variation harder over time."""

    id: Id
    name: Title = Field(description="The progression in a few words, e.g. 'Add load'.")
    how: Text = Field(description="How to apply it safely (one paragraph).")


class VariationsFile(Model):
    """data/variations.yaml: the variations and the ways to progress."""

    variations: list[Variation] = Field(min_length=1, description="The variations, from the base movement on.")
    progressions: list[Progression] = Field(min_length=1, description="Ways to progress, whatever the variation.")


class Exercise(Model):
    """One line of a workout: a variation, done for sets × reps."""

    variation: VariationRef
    sets: int = Field(ge=1, le=10, description="How many sets.")
    reps: int = Field(ge=1, le=50, description="Repetitions in each set (for each leg when per_side is true).")
    per_side: bool = Field(default=False, description="true when the reps are for each leg; leave out otherwise.")


class Workout(Model):
    """data/workouts/<id>.yaml: one workout; the file name is its id and its page address."""

    title: Title = Field(description="The workout's name, sentence case: its page title and card heading.")
    goal: Summary = Field(
        description="What the workout is for, in one sentence: shown under its title and in the workouts index."
    )
    note: CardText | None = Field(default=None, description="Optional: advice for this workout, printed on its card.")
    exercises: list[Exercise] = Field(
        min_length=1, max_length=MAX_EXERCISES, description="The exercises, in the order you do them."
    )


# What still fits one printed plan sheet (A4 and US Letter) when every field on it is as long as allowed:
# tests/test_plans_print.py proves it with tests/fixtures/fullest-plan.
MAX_PLAN_WEEKS = 12
MAX_PLAN_SESSIONS = 3  # a week's sessions: the most any phase allows
MAX_RUNNING_WEEKS = 2
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal[WEEKDAYS]


class PlanSession(Model):
    """One session of a plan's week: a workout, or exercises of its own, with an effort target and rest."""

    workout: WorkoutRef | None = Field(default=None, description="A workout to do; leave out to list exercises.")
    exercises: list[Exercise] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_EXERCISES,
        description="The session's own exercises, in order; leave out when it names a workout.",
    )
    reps_in_reserve: int = Field(
        ge=1,
        le=5,
        description="The effort target: repetitions you could still do at the end of each set (never to failure).",
    )
    rest_seconds: int = Field(ge=30, le=300, description="Rest between sets, in seconds.")

    @model_validator(mode="after")
    def _one_kind(self) -> PlanSession:
        if (self.workout is None) == (self.exercises is None):
            raise ValueError("either workout (the id of a workout) or exercises (a list), not both or neither")
        return self


class PlanWeek(Model):
    """One week of a plan: its phase and its hip thrust sessions."""

    phase: PhaseRef
    sessions: list[PlanSession] = Field(
        min_length=1, max_length=MAX_PLAN_SESSIONS, description="The week's sessions, in the order you do them."
    )


class LoadStep(Model):
    """When to add load, and how much: the plan's progression rule."""

    reps_in_reserve: int = Field(
        ge=1, le=5, description="Add load once every set reaches its repetitions with this many or more left."
    )
    add_kg: float = Field(ge=0.5, le=5, multiple_of=0.25, description="How much to add, in kilograms.")
    add_lb: float = Field(ge=1, le=10, multiple_of=0.5, description="How much to add, in pounds.")


class RunDay(Model):
    """A day of a running week: its run, and whether a hip thrust session goes on it."""

    run: Literal["rest", "easy", "hard", "long"] = Field(
        description="rest: no run; easy; hard: intervals or tempo; long: the long run."
    )
    hip_thrusts: bool = Field(default=False, description="true when a session goes on this day (after the run).")


class RunningWeek(Model):
    """An example running week, Monday to Sunday, showing where the plan's sessions go."""

    name: Title = Field(description="The week in a few words, e.g. 'Three runs a week'.")
    days: list[RunDay] = Field(min_length=7, max_length=7, description="Seven days, Monday first.")


class Plan(Model):
    """data/plans/<id>.yaml: a training plan of several weeks; the file name is its id and its page address."""

    title: Title = Field(description="The plan's name, sentence case: its page title and the heading of its sheet.")
    audience: Summary = Field(description="Who the plan is for, in one sentence.")
    season: Summary = Field(description="When in the running season it fits, in one sentence.")
    progression: LoadStep = Field(description="When to add load, and how much.")
    race_day: Weekday | None = Field(
        default=None, description="Optional: the day of the plan's last week on which the race is run."
    )
    weeks: list[PlanWeek] = Field(min_length=1, max_length=MAX_PLAN_WEEKS, description="The weeks, in order.")
    running_weeks: list[RunningWeek] = Field(
        min_length=1, max_length=MAX_RUNNING_WEEKS, description="Example running weeks with the sessions placed."
    )


class SummaryFile(Model):
    """data/summary.yaml: the guide in a few sentences."""

    points: list[Point] = Field(min_length=1, description="The key points, in the order the home page shows them.")


# The joints of the figures' simple human. Side view: the near side, head on the left; `ribs` is the bottom of
# the rib cage, so that an arched lower back can be drawn and measured; `other_*` is the far leg where it differs
# (a single-leg figure). Front view: as seen from the feet, the person's left on the viewer's right; the
# shoulders and head lie behind the legs.
SIDE_JOINTS = ("head", "shoulder", "elbow", "wrist", "ribs", "hip", "knee", "ankle", "toe")
OTHER_LEG_JOINTS = ("other_knee", "other_ankle", "other_toe")
FRONT_JOINTS = ("head",) + tuple(
    f"{side}_{joint}" for side in ("left", "right") for joint in ("shoulder", "hip", "knee", "ankle", "toe")
)
Joint = Literal[tuple(dict.fromkeys(SIDE_JOINTS + OTHER_LEG_JOINTS + FRONT_JOINTS))]  # every name, once
Coordinate = Annotated[float, Field(ge=-200, le=300)]
Position = Annotated[
    list[Coordinate],
    Field(min_length=2, max_length=2, description="[x, y] in centimetres: x along the floor, y up from the floor."),
]


class Rectangle(Model):
    x: Coordinate = Field(description="Left edge, in centimetres.")
    y: Coordinate = Field(description="Bottom edge, in centimetres above the floor.")
    width: float = Field(ge=1, le=300, description="In centimetres.")
    height: float = Field(ge=1, le=300, description="In centimetres.")


class Bar(Model):
    """A loaded barbell seen end-on."""

    at: Position = Field(description="The centre of the bar.")
    radius: float = Field(ge=1, le=30, description="The radius of the plates (22.5 for standard plates).")


class Band(Model):
    ends: list[Position] = Field(min_length=2, max_length=2, description="The two ends of the band's visible strip.")


class Arrow(Model):
    at: Joint = Field(description="The joint the arrow starts beside.")
    direction: Literal["up", "down"] = Field(description="Which way the drive goes.")


class Figure(Model):
    """A figure drawn from positions: a simple human, the equipment, and marks for what the cues say."""

    id: Id
    view: Literal["side", "front"] = Field(
        description="side: the near side, head on the left; front: as seen from the feet (for what is side to side)."
    )
    title: Title
    shows: list[CueRef] = Field(default=[], description="The cues this figure shows done right.")
    gets_wrong: list[CueRef] = Field(default=[], description="The cues a mistake figure shows done wrong.")
    joints: dict[Joint, Position] = Field(description="Where each joint is, in centimetres.")
    bench: Rectangle | None = Field(default=None, description="The bench the upper back rests on.")
    platform: Rectangle | None = Field(default=None, description="A raised platform under the feet.")
    bar: Bar | None = Field(default=None, description="A loaded barbell across the hips.")
    band: Band | None = Field(default=None, description="A resistance band looped above the knees.")
    angles: list[list[Joint]] = Field(
        default=[], description="Angle marks: three joints each; the angle is drawn and labelled at the middle one."
    )
    lines: list[list[Joint]] = Field(default=[], description="Guide lines: two joints each, drawn dashed.")
    arrows: list[Arrow] = Field(default=[], description="Arrows for the direction of the drive.")

    @model_validator(mode="after")
    def _consistent(self) -> Figure:
        if not self.shows and not self.gets_wrong:
            raise ValueError("at least one cue in shows or gets_wrong, for the figure's description")
        required = SIDE_JOINTS if self.view == "side" else FRONT_JOINTS
        allowed = {*required, *OTHER_LEG_JOINTS} if self.view == "side" else set(required)
        missing = [joint for joint in required if joint not in self.joints]
        if missing:
            raise ValueError(f"every joint of a {self.view} view; missing: {', '.join(missing)}")
        foreign = [joint for joint in self.joints if joint not in allowed]
        if foreign:
            raise ValueError(f"only joints of a {self.view} view; not: {', '.join(foreign)}")
        other_leg = [joint for joint in OTHER_LEG_JOINTS if joint in self.joints]
        if other_leg and len(other_leg) != len(OTHER_LEG_JOINTS):
            raise ValueError(f"all of {', '.join(OTHER_LEG_JOINTS)} or none of them")
        for name, marks, size in (("angle", self.angles, 3), ("line", self.lines, 2)):
            for mark in marks:
                if len(mark) != size:
                    raise ValueError(f"{size} joints for each {name} mark, got {len(mark)}")
        named = [joint for mark in [*self.angles, *self.lines] for joint in mark] + [a.at for a in self.arrows]
        absent = sorted({joint for joint in named if joint not in self.joints})
        if absent:
            raise ValueError(f"marks on joints of this figure; it has no {', '.join(absent)}")
        return self


# Items drawn on pages without an anchor of their own: text cannot link to them.
UNANCHORED = {"Figure"}


class FiguresFile(Model):
    """data/figures.yaml: the figures of the guide, drawn at build time from these positions."""

    figures: list[Figure] = Field(min_length=1, description="Every figure, referenced by id from the other files.")


# Which model reads which file under data/.
DATA_FILES: dict[str, type[Model]] = {
    "benefits.yaml": BenefitsFile,
    "technique.yaml": TechniqueFile,
    "mistakes.yaml": MistakesFile,
    "programming.yaml": ProgrammingFile,
    "variations.yaml": VariationsFile,
    "summary.yaml": SummaryFile,
    "figures.yaml": FiguresFile,
}


@dataclass(frozen=True)
class Content:
    """All content of the guide, validated, with every id resolved."""

    benefits: BenefitsFile
    technique: TechniqueFile
    mistakes: MistakesFile
    programming: ProgrammingFile
    variations: VariationsFile
    summary: SummaryFile
    figures: FiguresFile
    workouts: dict[str, Workout]  # by id, in id order
    plans: dict[str, Plan]  # by id, in id order
    file_of_id: dict[str, str]  # every id -> the data file that holds it, relative to data/

    @cached_property
    def _variations(self) -> dict[str, Variation]:
        return {variation.id: variation for variation in self.variations.variations}

    @cached_property
    def _cues(self) -> dict[str, Cue]:
        own_cues = [cue for variation in self.variations.variations for cue in variation.cues]
        return {cue.id: cue for cue in [*self.technique.setup, *self.technique.execution, *own_cues]}

    @cached_property
    def _easier(self) -> dict[str, list[Variation]]:
        easier: dict[str, list[Variation]] = {variation_id: [] for variation_id in self._variations}
        for variation in self.variations.variations:
            for harder_id in variation.harder:
                easier[harder_id].append(variation)
        return easier

    @cached_property
    def _figures(self) -> dict[str, Figure]:
        return {figure.id: figure for figure in self.figures.figures}

    def figure(self, figure_id: str) -> Figure:
        return self._figures[figure_id]

    def variation(self, variation_id: str) -> Variation:
        return self._variations[variation_id]

    def cue(self, cue_id: str) -> Cue:
        return self._cues[cue_id]

    def easier(self, variation_id: str) -> list[Variation]:
        """Derived from `harder`, so that each step is written once."""
        return self._easier[variation_id]
