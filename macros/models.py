"""The content schema, defined once: every data file's shape, bounds and cross-references.

The JSON Schemas for editors, the contributors' field reference and the loader's messages all derive
from these models. Field descriptions are written for content authors.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic.fields import FieldInfo

from .printable import UNPRINTABLE, character_name
from .text_links import TEXT_LINK

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX_LENGTH = 60  # for every id, whether written in a field or given by a file's name
# The rules that measure a cue in a figure, by id: macros/figure_rules.py defines one for each (a test keeps the
# two in step), so that the schema names them without importing the rules, which read the models.
FIGURE_RULES = (
    "shoulders-on-bench",
    "bar-over-hips",
    "knees-at-right-angle",
    "shoulders-hips-knees-in-line",
    "hips-fully-extended",
    "neutral-lower-back",
    "push-down-through-heels",
    "knees-over-ankles",
    "feet-hip-width-apart",
    "band-above-knees",
    "feet-on-platform",
)
_ANY_LINK = re.compile(r"\]\(")
# A tag opens with "<" right before its name: "pace < threshold" is text (and is escaped on the page).
_HTML = re.compile(r"<[A-Za-z/!?]")
_TEMPLATE = re.compile(r"\{[{%#]|[}%#]\}")
# Every character that Python-Markdown may take for the end of a line: any of them could start a
# Markdown block, as "\n" would.
_LINE_BREAKS = {
    "\n": "line break",
    "\r": "carriage return (\\r)",
    "\v": "vertical tab",
    "\f": "form feed",
    "\x85": "next-line character (U+0085)",
    "\u2028": "line separator (U+2028)",
    "\u2029": "paragraph separator (U+2029)",
}
_LINE_BREAK = re.compile(f"[{''.join(_LINE_BREAKS)}]")
# What starts each sentence that a scaffold (macros/scaffolds/) leaves for the contributor to rewrite.
PLACEHOLDER = "TODO:"
# Text without any of these passes every check below: most text, checked in one scan.
_MAYBE_MARKUP = re.compile(f"[{''.join(_LINE_BREAKS)}<{{}}%#!\\]]|^\\s|\\s$|{PLACEHOLDER}")
# Emphasis in a title would show in its heading but not in the navigation or the browser's title bar.
_EMPHASIS = re.compile(r"[*_]")

# What still fits one printed card (A4 and US Letter), each exercise with its figure, when every field on
# it is as long as allowed: tests/test_print.py proves it. The fields the card shows have bounds chosen
# for the same reason.
MAX_EXERCISES = 4


def _check_text(value: str) -> str:
    """Text is plain words plus *emphasis*, **strong** and [links](#id): nothing that runs or renders as markup,
    and nothing the print font cannot draw."""
    # Line breaks are named by the check below.
    if unprintable := next((c for c in UNPRINTABLE.findall(value) if c not in _LINE_BREAKS), None):
        raise ValueError(
            f"characters the printed cards can draw; {character_name(unprintable)} is not in the print font (write "
            "it in words, or leave it out)"
        )
    if not _MAYBE_MARKUP.search(value):
        return value
    if PLACEHOLDER in value:
        raise ValueError(f"your own words in place of the template's placeholder ({PLACEHOLDER} ...)")
    if line_break := _LINE_BREAK.search(value):
        if line_break.group() == "\n":
            raise ValueError("one paragraph without line breaks (for long text use a folded block: >-)")
        raise ValueError(f"one paragraph without line breaks; remove the {_LINE_BREAKS[line_break.group()]}")
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
    """Short text shown as it is (headings, names, cues): plain words, no links and no emphasis."""
    if _ANY_LINK.search(_check_text(value)):
        raise ValueError("words without links (links belong in longer text, such as a detail or an explanation)")
    if _EMPHASIS.search(value):
        raise ValueError(
            "plain words without * or _ (a title, name or cue is shown without emphasis everywhere it appears)"
        )
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
    StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH),
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
        str,
        StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH),
        RefTo(model),
        Field(description=description),
    ]


WorkoutRef = _ref("Workout", "The id of a workout: the name of its file in data/workouts/, without .yaml.")
PhaseRef = _ref("Phase", "The id of a phase, from data/programming.yaml.")
CueRef = _ref("Cue", "The id of a cue, from data/technique.yaml or a variation's own cues.")
VariationRef = _ref("Variation", "The id of a variation, from data/variations.yaml.")
FigureRef = _ref("Figure", "The id of a figure, from data/figures.yaml.")
SourceRef = _ref("Source", "The id of a source, from data/sources.yaml.")
Title = _text(80, "A short title in plain words, sentence case, without a full stop, links or emphasis.", links=False)
CueText = _text(
    45,
    "The cue as you would say it at the bench: short and imperative, plain words without a full stop, links or"
    " emphasis; key cues go on the card.",
    links=False,
)
Name = _text(
    40,
    "A short name in plain words, sentence case, without links or emphasis; it goes on the printed card.",
    links=False,
)
PhaseTitle = _text(
    24,
    "The phase in a word or two, sentence case, e.g. 'Starting out': it heads each of its weeks on a printed plan.",
    links=False,
)
CardText = _text(240, "One or two sentences of plain text; it goes on every printed card it belongs to.")
Summary = _text(160, "One sentence.")
CardNote = _text(160, "One or two short sentences of plain text; it goes on every printed card, beside another.")
Text = _text(700, "One paragraph of plain text; `*emphasis*`, `**strong**` and `[words](#id)` links allowed.")


class Model(BaseModel):
    """Strict: no unknown fields, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _sources(required: bool):
    """The sources a claim rests on: required (at least one) on claims about evidence, optional elsewhere."""
    if required:
        return Field(min_length=1, description="The ids of the sources behind this claim (at least one).")
    return Field(default=[], description="Optional: the ids of the sources behind this advice.")


class Cue(Model):
    """A technique cue: a few words to remember, and the detail behind them."""

    id: Id
    cue: CueText
    detail: Text | None = Field(
        default=None, description="Optional: what the cue means and why, in a sentence or two (plain text)."
    )
    figure_rule: Literal[FIGURE_RULES] | None = Field(
        default=None,
        description="The rule (macros/figure_rules.py) that measures this cue in a figure: a figure may show it,"
        " or get it wrong, only if it names one.",
    )
    sources: list[SourceRef] = _sources(required=False)


class Benefit(Model):
    """One benefit of hip thrusts for runners, with its own section on the Benefits page."""

    id: Id
    title: Title = Field(description="The benefit in a few words, sentence case, e.g. 'Improved hip extension'.")
    summary: Summary = Field(description="The benefit in one sentence, as the benefit cards show it.")
    explanation: Text = Field(description="How the benefit comes about and why it matters to a runner (one paragraph).")
    sources: list[SourceRef] = _sources(required=True)


class Point(Model):
    """A single claim or principle stated in one sentence or two."""

    id: Id
    text: Text = Field(description="The claim or principle, in a sentence or two (plain text).")
    sources: list[SourceRef] = _sources(required=False)


class SourcedPoint(Point):
    """A claim in a sentence or two that must say what it rests on."""

    sources: list[SourceRef] = _sources(required=True)


class CardPoint(SourcedPoint):
    """A sourced point short enough to go on every printed card, beside another."""

    text: CardNote


class Finding(Model):
    """What the evidence says on one question, with its own section."""

    id: Id
    title: Title = Field(description="The question or finding in a few words, e.g. 'Sprint speed'.")
    text: Text = Field(description="What the studies found, honestly and briefly, in plain words (one paragraph).")
    sources: list[SourceRef] = _sources(required=True)


class BenefitsFile(Model):
    """data/benefits.yaml: why runners do hip thrusts."""

    benefits: list[Benefit] = Field(min_length=1, description="The main benefits, each with its own section.")
    general: list[SourcedPoint] = Field(
        min_length=1, description="Broader claims about strength, speed and injury risk."
    )
    evidence: list[Finding] = Field(
        default=[], description="What the evidence says: the findings behind the benefits, each with its sources."
    )


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
    figure: FigureRef | None = Field(
        default=None, description="Optional: the figure that shows the mistake (a still side or front view)."
    )
    correct_figure: FigureRef | None = Field(
        default=None, description="The figure that shows the correct form, beside it; with figure, or left out."
    )
    sources: list[SourceRef] = _sources(required=False)

    @model_validator(mode="after")
    def _figures_in_pairs(self) -> Mistake:
        if (self.figure is None) != (self.correct_figure is None):
            raise ValueError("figure and correct_figure together (a mistake beside the correct form), or neither")
        return self


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

    min: int = Field(ge=0, le=7, description="The fewest sessions a week (0 where a week may have none).")
    max: int = Field(ge=1, le=7, description="The most sessions a week, no less than min.")


# Bounds of an exercise's effort (repetitions in reserve: never to failure) and rest, and of a phase's ranges.
FEWEST_IN_RESERVE, MOST_IN_RESERVE = 1, 5
SHORTEST_REST, LONGEST_REST = 30, 300


class RestRange(Range):
    """Rest between sets, in seconds, from min to max."""

    min: int = Field(ge=SHORTEST_REST, le=LONGEST_REST, description="The shortest rest, in seconds.")
    max: int = Field(ge=SHORTEST_REST, le=LONGEST_REST, description="The longest rest, in seconds, no less than min.")


class EffortRange(Range):
    """Repetitions in reserve at the end of each set, from min to max (never to failure)."""

    min: int = Field(ge=FEWEST_IN_RESERVE, le=MOST_IN_RESERVE, description="The fewest repetitions in reserve.")
    max: int = Field(
        ge=FEWEST_IN_RESERVE, le=MOST_IN_RESERVE, description="The most repetitions in reserve, no less than min."
    )


# What a plan's weeks do in each stage, and what the plan rules ask of them.
STAGES = ("starting-out", "building", "holding", "lighter", "taper")


class Phase(Model):
    """A stage of training: how often, how much, how hard, and what to focus on."""

    id: Id
    title: PhaseTitle
    stage: Literal[STAGES] = Field(
        description="What a plan's weeks do in this phase: starting-out (the first weeks: sets rise, and no session"
        " in the days before a hard or long run), building (sets rise, by a bounded step), holding (no more sets"
        " than before), lighter (fewer sets and no harder than the week before: a lighter week) or taper"
        " (a lighter stretch that ends on race day)."
    )
    sessions_per_week: SessionsPerWeek = Field(description="How many hip thrust sessions a week in this phase.")
    sets: Range = Field(description="Sets of each exercise in a session.")
    reps: Range = Field(description="Repetitions per set.")
    reps_in_reserve: EffortRange = Field(description="The effort of each set: repetitions left in reserve.")
    rest_seconds: RestRange = Field(description="Rest between sets, in seconds: longer for fewer, heavier repetitions.")
    advice: Text = Field(description="What to do in this phase and how to know when to move on (one paragraph).")
    sources: list[SourceRef] = _sources(required=False)


class RuleNumber(Model):
    """A number a plan rule checks, and where it comes from: sources that state it, or the guide's own reason."""

    value: int = Field(ge=0, le=100, description="The number the rule checks.")
    sources: list[SourceRef] = Field(default=[], description="The ids of sources that state this number.")
    choice: Text | None = Field(
        default=None,
        description="Where no source states the number itself: why the guide chose it (shown as the guide's own"
        " choice; sources may still bound it).",
    )

    @model_validator(mode="after")
    def _traced(self) -> RuleNumber:
        if not self.sources and not self.choice:
            raise ValueError("sources that state the number, or choice (the guide's own reason), or both")
        return self


RACE_DISTANCES = ("5k", "10k", "half-marathon", "marathon")
RaceDistance = Literal[RACE_DISTANCES]


class Taper(Model):
    """How a plan ends before a race of these distances."""

    distances: list[RaceDistance] = Field(min_length=1, description="The race distances this taper is for.")
    weeks: RuleNumber = Field(description="How many weeks of taper end on race day.")
    no_session_days: RuleNumber = Field(
        description="No hip thrust session on this many days before the race, race day included."
    )
    last_week_sessions: RuleNumber = Field(description="At most this many sessions in the race week.")


KG_PER_LB = 0.45359237


class AddLoad(Model):
    """When to add load, and how much: one rule for every plan, sheet, card and page."""

    id: Id = Field(description="The rule's anchor on the programming page, for links from text.")
    reps_beyond_target: int = Field(
        ge=1,
        le=3,
        description="Add load once the last set of an exercise ends with this many more repetitions in reserve than"
        " its target, sessions_in_a_row sessions in a row.",
    )
    sessions_in_a_row: int = Field(
        ge=1,
        le=5,
        description="How many sessions in a row the last sets must go beyond their target before load is added.",
    )
    add_kg: float = Field(
        ge=0.5, le=2.5, multiple_of=0.25, description="How much to add, in kilograms: a small step, for beginners too."
    )
    add_lb: float = Field(ge=1, le=5, multiple_of=0.5, description="How much to add, in pounds: the same step.")
    sources: list[SourceRef] = _sources(required=True)

    @model_validator(mode="after")
    def _same_step(self) -> AddLoad:
        in_kg = self.add_lb * KG_PER_LB
        if abs(in_kg - self.add_kg) > 0.15 * self.add_kg:
            raise ValueError(
                f"add_kg and add_lb of about the same weight (add_lb {self.add_lb:g} is {in_kg:.2f} kg,"
                f" add_kg {self.add_kg:g})"
            )
        return self


class PlanRules(Model):
    """The numbers every training plan is checked against (data/plans/), each with where it comes from; each
    phase adds its own ranges."""

    placement_sources: list[SourceRef] = Field(
        min_length=1,
        description="The sources behind where sessions go in a running week: after the run on hard days, on easy"
        " or rest days, never on long-run day or the day before a hard or long run.",
    )
    days_between_sessions: RuleNumber = Field(description="At least this many days without a session between two.")
    first_weeks_clear_days: RuleNumber = Field(
        description="In starting-out weeks, no session on this many days before a hard or long run."
    )
    hours_after_run: RuleNumber = Field(
        description="On a day with a run, the session comes at least this many hours after it (shown, not checked)."
    )
    starting_out_weeks: RuleNumber = Field(
        description="A plan for beginners (level 1) starts with at least this many starting-out weeks."
    )
    max_set_increase_per_week: RuleNumber = Field(
        description="Hip-thrust sets per week rise by at most this many from one week to the next."
    )
    max_set_increase_percent: RuleNumber = Field(
        description="Hip-thrust sets per week rise by at most this share of the week before, in percent."
    )
    max_weeks_before_lighter: RuleNumber = Field(
        description="At most this many weeks in a row without a lighter week (building, holding or starting out)."
    )
    lighter_set_cut_percent: RuleNumber = Field(
        description="A lighter week has at least this many percent fewer sets than the level before it."
    )
    taper_set_cut_percent: RuleNumber = Field(
        description="A taper week has at least this many percent fewer sets than the level before the taper."
    )
    heavy_below_reps_in_reserve: RuleNumber = Field(
        description="A session is heavy when an exercise leaves fewer repetitions in reserve: none in a taper."
    )
    tapers: list[Taper] = Field(min_length=1, description="The taper for each race distance, one distance once.")
    add_load: AddLoad = Field(description="When to add load, and how much.")

    @model_validator(mode="after")
    def _each_distance_once(self) -> PlanRules:
        distances = [distance for taper in self.tapers for distance in taper.distances]
        missing = [distance for distance in RACE_DISTANCES if distance not in distances]
        twice = sorted({distance for distance in distances if distances.count(distance) > 1})
        wrong = [f"{what}: {', '.join(found)}" for what, found in (("missing", missing), ("twice", twice)) if found]
        if wrong:
            raise ValueError(
                f"each race distance in exactly one taper ({', '.join(RACE_DISTANCES)}); {'; '.join(wrong)}"
            )
        return self

    def taper_for(self, distance: str) -> Taper:
        return next(taper for taper in self.tapers if distance in taper.distances)


class ProgrammingFile(Model):
    """data/programming.yaml: how often, how many, and how to progress."""

    phases: list[Phase] = Field(min_length=1, description="Stages of training, from starting out onwards.")
    principles: list[Point] = Field(min_length=1, description="Rules that hold in every phase.")
    first_weeks: list[SourcedPoint] = Field(
        default=[], description="What to expect and do in your first weeks: soreness, warm-up, rest between sets."
    )
    safety: CardText = Field(description="The safety note shown on the guide and on every card.")
    warm_up: CardPoint = Field(description="How to warm up before the sets that count: on the guide and every card.")
    first_load: CardPoint = Field(description="How to find a first load: on the guide and every card.")
    plan_rules: PlanRules = Field(description="The rules every training plan is checked against.")

    @cached_property
    def phases_by_id(self) -> dict[str, Phase]:
        return {phase.id: phase for phase in self.phases}


class Variation(Model):
    """A variation of the hip thrust, with its own section on the Variations page."""

    id: Id
    name: Name = Field(description="The variation's name, sentence case, e.g. 'Single-leg hip thrust'.")
    changes: Text = Field(description="What this variation changes compared with the barbell hip thrust.")
    equipment: list[Title] = Field(
        min_length=1, max_length=5, description="What you need, one item each, sentence case, e.g. 'Barbell'."
    )
    harder: list[VariationRef] = Field(default=[], description="Variations that are a step up from this one.")
    loaded: bool = Field(
        default=False,
        description="true when you add weight to it (a barbell or a dumbbell): only then does a card or sheet ask"
        " for the load; leave out for body weight and bands.",
    )
    one_side_at_a_time: bool = Field(
        default=False,
        description="true when it is done one leg at a time: only then may a workout give its reps per side.",
    )
    key_cues: list[CueRef] = Field(
        min_length=1, max_length=3, description="The cues that matter most: they go on the printed card."
    )
    cues: list[Cue] = Field(default=[], description="Cues that apply to this variation only.")
    figure: FigureRef = Field(description="The side-view figure of this variation, at the top of the movement.")
    sources: list[SourceRef] = _sources(required=False)


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
    per_side: bool = Field(
        default=False,
        description="true when the reps are for each leg (a variation done one side at a time); leave out otherwise.",
    )
    reps_in_reserve: int = Field(
        ge=FEWEST_IN_RESERVE,
        le=MOST_IN_RESERVE,
        description="The effort target: repetitions you could still do at the end of each set (never to failure).",
    )
    rest_seconds: int = Field(ge=SHORTEST_REST, le=LONGEST_REST, description="Rest between sets, in seconds.")


class Workout(Model):
    """data/workouts/<id>.yaml: one workout; the file name is its id and its page address."""

    title: Title = Field(description="The workout's name, sentence case: its page title and card heading.")
    goal: Summary = Field(
        description="What the workout is for, in one sentence: shown under its title and in the workouts index."
    )
    note: CardText | None = Field(default=None, description="Optional: advice for this workout, printed on its card.")
    level: int = Field(
        ge=1,
        le=5,
        description="How demanding the workout is, from 1 (a first session) to 5; the workouts are listed easiest"
        " first.",
    )
    exercises: list[Exercise] = Field(
        min_length=1, max_length=MAX_EXERCISES, description="The exercises, in the order you do them."
    )


class Trouble(Model):
    """Something you feel during hip thrusts, why it happens, and what to change."""

    id: Id
    feel: Title = Field(description="What you feel, in a few words, e.g. 'Hamstrings cramp'.")
    why: Text = Field(description="Why it happens (one paragraph).")
    change: Text = Field(description="What to change (one paragraph).")
    sources: list[SourceRef] = _sources(required=True)


class TroubleshootingFile(Model):
    """data/troubleshooting.yaml: what you feel, why, and what to change."""

    troubles: list[Trouble] = Field(min_length=1, description="The troubles, most common first.")


class Question(Model):
    """A question runners ask, answered in a paragraph with the sources behind it."""

    id: Id
    question: _text(
        120, "The question as a runner would ask it, ending with a question mark; plain words.", links=False
    )
    answer: Text = Field(description="The answer, in our own words (one paragraph); link to the guide's sections.")
    sources: list[SourceRef] = _sources(required=True)


class QuestionsFile(Model):
    """data/questions.yaml: what runners ask about fitting hip thrusts around their running."""

    questions: list[Question] = Field(min_length=1, description="The questions, in the order the page shows them.")


SOURCE_KINDS = ("study", "review", "guide", "article")


class Source(Model):
    """A study, review, guide or article that claims in the guide rest on."""

    id: Id
    title: _text(250, "The source's own title, as its page gives it.", links=False)
    authors: _text(200, "The authors (family names), or the publisher of an unsigned page.", links=False)
    year: int | None = Field(
        default=None, ge=1900, le=2100, description="The year of publication; leave out when the page gives none."
    )
    address: Annotated[
        str,
        StringConstraints(pattern=r"^https?://[^\s<>\"]+$", max_length=300),
        Field(description="The public address where the source was read (http:// or https://)."),
    ]
    kind: Literal[SOURCE_KINDS] = Field(
        description="study: a single trial or measurement; review: a review of many studies; guide: a coach's or"
        " clinic's how-to; article: a news or magazine article."
    )
    note: Summary = Field(description="What it supports in the guide, in one sentence.")


class SourcesFile(Model):
    """data/sources.yaml: the sources that claims cite by id."""

    sources: list[Source] = Field(min_length=1, description="Every source; each is cited by at least one claim.")


# What still fits one printed plan sheet (A4 and US Letter) when every field on it is as long as allowed:
# tests/test_plans_print.py proves it with tests/fixtures/fullest-plan.
MAX_PLAN_WEEKS = 12
MAX_PLAN_SESSIONS = 3  # a week's sessions: the most any phase allows
MAX_PLAN_EXERCISES = 2  # a session's exercises, each with its effort, rest and load on the sheet
MAX_PLAN_LOG_ROWS = 26  # exercises across all sessions: a row each in the printed log
MAX_RUNNING_WEEKS = 2
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal[WEEKDAYS]


class PlanSession(Model):
    """One session of a plan's week: a workout, or exercises of its own, with an effort target and rest."""

    workout: WorkoutRef | None = Field(default=None, description="A workout to do; leave out to list exercises.")
    exercises: list[Exercise] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_PLAN_EXERCISES,
        description="The session's own exercises, in order; leave out when it names a workout.",
    )

    @model_validator(mode="after")
    def _one_kind(self) -> PlanSession:
        if (self.workout is None) == (self.exercises is None):
            raise ValueError("either workout (the id of a workout) or exercises (a list), not both or neither")
        return self


class PlanWeek(Model):
    """One week of a plan: its phase and its hip thrust sessions."""

    phase: PhaseRef
    sessions: list[PlanSession] = Field(
        max_length=MAX_PLAN_SESSIONS,
        description="The week's sessions, in the order you do them ([] for none, where the phase allows it).",
    )


class Race(Model):
    """The race a plan ends with."""

    day: Weekday = Field(description="The day of the plan's last week on which the race is run.")
    distance: RaceDistance = Field(description="The race distance: it decides the taper (data/programming.yaml).")


# The kinds of run in a running week and what counts as each: for the schema, the programming page and CONTRIBUTING.
RUN_KINDS = {
    "rest": "no run",
    "easy": "an easy or recovery run",
    "hard": "intervals, tempo, hills, or a race such as a parkrun",
    "long": "the week's longest run",
}


class RunDay(Model):
    """A day of a running week: its run, and whether a hip thrust session goes on it."""

    run: Literal[tuple(RUN_KINDS)] = Field(
        description="; ".join(f"{kind}: {meaning}" for kind, meaning in RUN_KINDS.items()) + "."
    )
    hip_thrusts: bool = Field(
        default=False, description="true when a session goes on this day (after the run, on a day with one)."
    )


class RunningWeek(Model):
    """An example running week, Monday to Sunday, showing where the plan's sessions go."""

    name: Title = Field(description="The week in a few words, e.g. 'Three runs a week'.")
    days: list[RunDay] = Field(min_length=7, max_length=7, description="Seven days, Monday first.")


class Plan(Model):
    """data/plans/<id>.yaml: a training plan of several weeks; the file name is its id and its page address."""

    title: Title = Field(description="The plan's name, sentence case: its page title and the heading of its sheet.")
    audience: Summary = Field(description="Who the plan is for, in one sentence.")
    season: Summary = Field(description="When in the running season it fits, in one sentence.")
    level: int = Field(
        ge=1,
        le=5,
        description="How much hip thrust experience the plan asks for, from 1 (none: it starts from zero) to 5; the"
        " plans are listed easiest first.",
    )
    race: Race | None = Field(default=None, description="Optional: the race the plan ends with, and its taper.")
    next: CardText = Field(
        description="What to do when the plan ends: the next plan, or how to keep what was gained; on its sheet."
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
FigurePoint = Annotated[
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

    at: FigurePoint = Field(description="The centre of the bar.")
    radius: float = Field(ge=1, le=30, description="The radius of the plates (22.5 for standard plates).")


class Band(Model):
    ends: list[FigurePoint] = Field(min_length=2, max_length=2, description="The two ends of the band's visible strip.")


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
    joints: dict[Joint, FigurePoint] = Field(description="Where each joint is, in centimetres.")
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
    troubleshooting: TroubleshootingFile
    questions: QuestionsFile
    sources: SourcesFile
    workouts: dict[str, Workout]  # by id, the easiest first (their kind's order_by), then in id order
    plans: dict[str, Plan]  # by id, the easiest first (their kind's order_by), then in id order
    file_of_id: dict[str, str]  # every id -> the data file that holds it, relative to data/
    citations: dict[str, list[str]]  # data file (relative to data/) -> the ids of the sources it cites

    def sources_by_kind(self) -> dict[str, list[Source]]:
        """Every source under its kind, the kinds in their order: as the Sources page lists them."""
        grouped = {kind: [] for kind in SOURCE_KINDS}
        for source in self.sources.sources:
            grouped[source.kind].append(source)
        return {kind: sources for kind, sources in grouped.items() if sources}

    @cached_property
    def _sources(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources.sources}

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

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


@dataclass(frozen=True)
class ContentKind:
    """One kind of content, declared once: where it lives, what reads it and what shows it. The loader, the
    site map, the schemas, pre-commit and the contributors' field reference all derive from these records."""

    field: str  # its field of Content
    model: type[Model]  # what one data file of this kind holds
    data: str  # under data/: a file ("benefits.yaml"), or a folder of one file per item ("workouts/")
    page: str | None  # the page that shows it, under docs/; a folder's "<folder>/{id}.md"; None: many pages do
    schema: str  # its JSON Schema, under schemas/
    page_from_data: bool = True  # the page is built mainly from it: its "Edit this page" opens the data
    optional: bool = False  # a folder that may be missing or empty: the guide is complete without its items
    order_by: str | None = None  # a folder's items are listed by this whole-number field, then by id

    @property
    def is_folder(self) -> bool:
        return self.data.endswith("/")

    @property
    def item(self) -> str:
        """A folder item's page names it in its front matter under this key, and is rendered by the macro
        of this name: "workout"."""
        return self.schema.removesuffix(".schema.json")

    def data_name(self, item_id: str = "") -> str:
        """A data file's path under data/: the file, or a folder item's file."""
        return f"{self.data}{item_id}.yaml" if self.is_folder else self.data

    def page_of(self, item_id: str = "") -> str | None:
        return self.page.format(id=item_id) if self.page else None

    def item_order(self, item_id: str, fields: Mapping) -> tuple[int, str]:
        """Where an item of a folder is listed (in the index, the navigation, the page of all cards), from its
        fields; a value that is not a whole number is left to validation and listed first."""
        value = fields.get(self.order_by) if self.order_by else None
        return (value if type(value) is int else 0, item_id)


KINDS = (
    ContentKind("benefits", BenefitsFile, "benefits.yaml", "benefits.md", "benefits.schema.json"),
    ContentKind("technique", TechniqueFile, "technique.yaml", "technique.md", "technique.schema.json"),
    ContentKind("mistakes", MistakesFile, "mistakes.yaml", "mistakes.md", "mistakes.schema.json"),
    ContentKind("programming", ProgrammingFile, "programming.yaml", "programming.md", "programming.schema.json"),
    ContentKind("variations", VariationsFile, "variations.yaml", "variations.md", "variations.schema.json"),
    ContentKind("summary", SummaryFile, "summary.yaml", "index.md", "summary.schema.json", page_from_data=False),
    ContentKind("figures", FiguresFile, "figures.yaml", None, "figures.schema.json"),
    ContentKind(
        "troubleshooting",
        TroubleshootingFile,
        "troubleshooting.yaml",
        "troubleshooting.md",
        "troubleshooting.schema.json",
    ),
    ContentKind("questions", QuestionsFile, "questions.yaml", "questions.md", "questions.schema.json"),
    ContentKind("sources", SourcesFile, "sources.yaml", "sources.md", "sources.schema.json"),
    ContentKind("workouts", Workout, "workouts/", "workouts/{id}.md", "workout.schema.json", order_by="level"),
    ContentKind("plans", Plan, "plans/", "plans/{id}.md", "plan.schema.json", optional=True, order_by="level"),
)
