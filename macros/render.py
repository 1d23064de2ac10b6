"""Content -> Markdown and HTML fragments for the pages. Holds no content; escapes every piece of data."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from . import plan_rules
from .figures import SHAPE_SIZES, drawings
from .load_rule import LOG_VERSION, log_advice, row_id, session_id
from .models import RUN_KINDS, Content
from .qr_codes import QrCodes
from .site_map import link_target, relative_link
from .text_links import TEXT_LINK
from .week_placement import placements

# Characters that mean something to Markdown even after HTML escaping: braces open attribute lists,
# a pipe splits a table cell, brackets make links and link definitions, a backtick opens a code span (which
# would show the escaped text's entities), a backslash escapes the next character (the "[" of a link after
# a name, say). Line breaks, which validation refuses, become spaces: none can start a Markdown block.
_MARKDOWN_ESCAPES = str.maketrans(
    {
        **{character: f"&#{ord(character)};" for character in "{}|[]`\\"},
        **dict.fromkeys("\r\n\v\f\x85\u2028\u2029", " "),
    }
)
# The colon that opens an emoji shortcode such as :smile:, which pymdownx.emoji would turn into an icon.
_SHORTCODE_COLON = re.compile(r":(?=[+\-\w]+:)")
# How a line can start a Markdown block (heading, list, rule such as "-- -" or "* * *", fence, admonition,
# tab, details). A "*" starts a block only when followed by space or nothing but asterisks and space:
# otherwise it opens *emphasis*, which text may start with.
_BLOCK_START = re.compile(r"^(?:[#=!?~`_+-]|\*(?:\s|[*\s]*$)|\d+[.)](?:\s|$))")
# A citation and the place of the references, as the macros leave them in a page: the page's sources are
# numbered once the whole page is known (Renderer.number_citations). Data reaches a page HTML-escaped, so no
# text from data can look like either.
_CITATION = re.compile(r'<citation sources="([^"]+)">')
_REFERENCES = "<references>"


def inert(value: object) -> Markup:
    """Data as literal text: HTML-escaped, and nothing a Markdown extension would act on."""
    if isinstance(value, Markup):
        return value
    return _inert_text(str(value))


@cache  # the same names, cues and numbers fill every card: escape each once
def _inert_text(text: str) -> Markup:
    return Markup(_SHORTCODE_COLON.sub("&#58;", str(escape(text)).translate(_MARKDOWN_ESCAPES)))


def _no_block_start(markdown: str) -> str:
    """Text that starts like a Markdown block gets its first character as an entity: it stays text."""
    return f"&#{ord(markdown[0])};{markdown[1:]}" if _BLOCK_START.match(markdown) else markdown


class Renderer:
    """Renders fragments for one build; the templates are parsed once and reused for every page."""

    def __init__(self, content: Content, site_url: str):
        self.content = content
        self.site_url = site_url
        # A figure's geometry is the same wherever it is drawn: compute it once per figure.
        self.drawings = drawings(content.figures.figures)
        self.figure_parts: dict[str, tuple[Markup, Markup]] = {}
        self.figures_drawn: dict[tuple[str, str, str], Markup] = {}
        self.env = Environment(
            loader=FileSystemLoader(Path(__file__).parent / "templates"),
            autoescape=True,
            auto_reload=False,  # parsed once per build: no need to check each template file on every use
            finalize=inert,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["text"] = self._text
        self.env.filters["plain"] = plain_text
        self.env.globals["link"] = self._link
        self.env.globals["public_url"] = self.public_url
        self.env.globals["qr_code_svg"] = QrCodes()
        self.env.globals["figure"] = self._figure
        self.env.globals["run_kinds"] = RUN_KINDS
        self.loaded_variations = {variation.id for variation in content.variations.variations if variation.loaded}
        self.env.globals["loaded_variations"] = self.loaded_variations
        self.env.filters["cite"] = self._cite

    def render(self, template: str, page: str | None, **context) -> str:
        """Render a template for the page whose source path is `page` (e.g. "workouts/x.md"), or for no page
        in particular (None): then a link in it fails the build rather than pointing wrong from some page."""
        return self.env.get_template(template).render(content=self.content, page=page, **context)

    def public_url(self, item_id: str, folder: str = "workouts") -> str:
        """The address a printed card's or plan's QR code opens: the item's page on the published site."""
        return urljoin(self.site_url, f"{folder}/{item_id}/")

    @pass_context
    def _link(self, context, item_id: str) -> str:
        """The link target of an item, from the page being rendered."""
        return relative_link(context["page"], *link_target(self.content.file_of_id[item_id], item_id))

    def _figure(self, figure_id: str, key: str, label: str = "") -> Markup:
        """A figure as inline SVG with its caption; `key` makes its element ids unique on the page."""
        # A figure is drawn for no page in particular, so it reads the same on every page: a workout's page
        # and the page of all cards draw it under the same key.
        drawn = (figure_id, key, label)
        if drawn not in self.figures_drawn:
            self.figures_drawn[drawn] = self._draw_figure(figure_id, key, label)
        return self.figures_drawn[drawn]

    def _draw_figure(self, figure_id: str, key: str, label: str) -> Markup:
        figure, drawing = self.content.figure(figure_id), self.drawings[figure_id]
        if figure_id not in self.figure_parts:
            # What a figure shows and says is the same under every key: render it once per figure.
            parts = {"figure": figure, "drawing": drawing, **SHAPE_SIZES}
            self.figure_parts[figure_id] = (
                Markup(self.render("figure_shapes.html", None, **parts)),
                Markup(self.render("figure_description.html", None, **parts)),
            )
        shapes, description = self.figure_parts[figure_id]
        return Markup(
            self.render(
                "figure.html",
                None,
                figure=figure,
                drawing=drawing,
                shapes=shapes,
                description=description,
                key=f"fig-{key}",
                label=label,
            ).strip()
        )

    def _cite(self, source_ids: list[str]) -> Markup:
        """A claim's citation of its sources, numbered with the rest of the page's (number_citations)."""
        if not source_ids:
            return Markup("")
        return Markup(f' <citation sources="{escape(" ".join(source_ids))}">')

    def number_citations(self, page: str, markdown: str) -> str:
        """A whole page with its sources numbered 1 to n in the order a reader first meets them: each citation
        becomes numbered markers, each linking to its entry in the references, listed in that order. A number
        depends on the page alone, so that its list has no gaps."""
        first_cited = dict.fromkeys(
            source_id for citation in _CITATION.finditer(markdown) for source_id in citation[1].split()
        )
        numbers = {source_id: number for number, source_id in enumerate(first_cited, start=1)}

        def numbered(citation: re.Match) -> str:
            links = ", ".join(
                f"[{numbers[source_id]}](#ref-{source_id})"
                for source_id in sorted(citation[1].split(), key=numbers.get)
            )
            return f'<sup class="cite">&#91;{links}&#93;</sup>'

        markdown = _CITATION.sub(numbered, markdown)
        if _REFERENCES not in markdown:
            return markdown
        sources = [self.content.source(source_id) for source_id in numbers]
        return markdown.replace(_REFERENCES, self.render("references.md", page, sources=sources))

    @pass_context
    def _text(self, context, value: str) -> Markup:
        """The text subset: escaped words, *emphasis* and **strong** as Markdown, [words](#id) as page links."""
        parts, end = [], 0
        for match in TEXT_LINK.finditer(value):
            parts.append(inert(value[end : match.start()]))
            parts.append(f"[{inert(match.group(1))}]({self._link(context, match.group(2))})")
            end = match.end()
        parts.append(inert(value[end:]))
        return Markup(_no_block_start("".join(parts)))


def plain_text(value: str) -> str:
    """Text without its markup, for places that show no formatting (meta descriptions)."""
    return TEXT_LINK.sub(r"\1", value).replace("*", "")


class PageFragments:
    """The macros the pages call. Each takes the MkDocs page being rendered, then the macro's arguments."""

    def __init__(self, renderer: Renderer):
        self.renderer = renderer
        self.content = renderer.content

    def benefit_cards(self, page) -> str:
        return self.renderer.render("benefit_cards.md", page.file.src_uri)

    def benefits(self, page) -> str:
        return self.renderer.render("benefits.md", page.file.src_uri)

    def general_benefits(self, page) -> str:
        return self.renderer.render("points.md", page.file.src_uri, points=self.content.benefits.general)

    def evidence(self, page) -> str:
        return self.renderer.render("evidence.md", page.file.src_uri)

    def setup_cues(self, page) -> str:
        technique = self.content.technique
        return self.renderer.render(
            "cues.md", page.file.src_uri, cues=technique.setup, figure_ids=technique.setup_figures
        )

    def execution_cues(self, page) -> str:
        technique = self.content.technique
        return self.renderer.render(
            "cues.md", page.file.src_uri, cues=technique.execution, figure_ids=technique.execution_figures
        )

    def mistakes(self, page) -> str:
        return self.renderer.render("mistakes.md", page.file.src_uri)

    def phases(self, page) -> str:
        return self.renderer.render("phases.md", page.file.src_uri)

    def plan_checks(self, page) -> str:
        """The plan rules in words, as every training plan is checked against them."""
        return self.renderer.render("plan_checks.md", page.file.src_uri)

    def principles(self, page) -> str:
        return self.renderer.render("points.md", page.file.src_uri, points=self.content.programming.principles)

    def first_weeks(self, page) -> str:
        programming = self.content.programming
        points = [*programming.first_weeks, programming.warm_up, programming.first_load]
        return self.renderer.render("points.md", page.file.src_uri, points=points)

    def troubleshooting(self, page) -> str:
        return self.renderer.render("troubleshooting.md", page.file.src_uri)

    def questions(self, page) -> str:
        return self.renderer.render("questions.md", page.file.src_uri)

    def references(self, page) -> str:
        """The sources this page cites: listed here once the whole page is known (Renderer.number_citations)."""
        return _REFERENCES

    def sources(self, page) -> str:
        return self.renderer.render("sources.md", page.file.src_uri)

    def safety_note(self, page) -> str:
        return self.renderer.render("safety.md", page.file.src_uri)

    def variations(self, page) -> str:
        return self.renderer.render("variations.md", page.file.src_uri)

    def progressions(self, page) -> str:
        return self.renderer.render("progressions.md", page.file.src_uri)

    def summary(self, page) -> str:
        return self.renderer.render("points.md", page.file.src_uri, points=self.content.summary.points)

    def workout_cards(self, page) -> str:
        return self.renderer.render("workout_cards.md", page.file.src_uri)

    def workout(self, page, workout_id: str) -> str:
        """A workout's page: its card, with the print button and the unit choice."""
        workout = self.content.workouts[workout_id]
        _set_title_and_description(page, workout.title, workout.goal)
        return self._card(page, workout_id, title_level=1, controls_in_card=True, print_label="Print card")

    def all_workout_cards(self, page) -> str:
        """Every workout's card on one page, one printed sheet each, under one set of controls."""
        controls = self.renderer.render("card_controls.md", page.file.src_uri, print_label="Print all cards")
        cards = [
            self._card(page, workout_id, title_level=2, controls_in_card=False) for workout_id in self.content.workouts
        ]
        return controls + "".join(f"{card}\n" for card in cards)

    def _card(self, page, workout_id: str, **options) -> str:
        workout = self.content.workouts[workout_id]
        plans = [
            plan_id
            for plan_id, plan in self.content.plans.items()
            if any(session.workout == workout_id for week in plan.weeks for session in week.sessions)
        ]
        return self.renderer.render(
            "workout.md", page.file.src_uri, workout_id=workout_id, workout=workout, plans=plans, **options
        )

    def plan_cards(self, page) -> str:
        return self.renderer.render("plan_cards.md", page.file.src_uri)

    def plan_doors(self, page) -> str:
        """Where to begin: the plans for a runner new to hip thrusts, for one who does them, for race season."""
        return self.renderer.render("plan_doors.md", page.file.src_uri)

    def plan(self, page, plan_id: str) -> str:
        """A plan's page: the plan, its running weeks and the grid of its sessions, one sheet in print."""
        plan = self.content.plans[plan_id]
        step = self.content.programming.plan_rules.add_load
        _set_title_and_description(page, plan.title, plan.audience)

        def session_exercises(session):
            return plan_rules.session_exercises(session, self.content.workouts)

        exercises = [
            exercise for week in plan.weeks for session in week.sessions for exercise in session_exercises(session)
        ]
        variations = dict.fromkeys(exercise.variation for exercise in exercises)  # in the order they come
        workouts = dict.fromkeys(session.workout for week in plan.weeks for session in week.sessions if session.workout)
        return self.renderer.render(
            "plan.md",
            page.file.src_uri,
            plan_id=plan_id,
            plan=plan,
            letters={variation_id: chr(ord("A") + index) for index, variation_id in enumerate(variations)},
            workouts=list(workouts),
            per_leg=any(exercise.per_side for exercise in exercises),  # the grid then shows "/leg"
            columns=max(len(week.sessions) for week in plan.weeks),
            phases=self.content.programming.phases_by_id,
            session_exercises=session_exercises,
            session_days=plan_rules.session_days,
            session_id=session_id,
            row_id=row_id,
            week_data={
                **placements(plan, self.content.programming, self.content.workouts),
                "weeks": len(plan.weeks),
                "race": plan.race is not None,
                "raceDay": plan.race.day if plan.race else None,
                "example": [day.run for day in plan.running_weeks[0].days],
            },
            log_data={
                "plan": plan_id,
                "version": LOG_VERSION,
                "step": {"kg": step.add_kg, "lb": step.add_lb},
                "advice": log_advice(
                    plan, self.content.programming, self.content.workouts, self.renderer.loaded_variations
                ),
            },
            print_label="Print plan",
        )


def _set_title_and_description(page, title: str, description: str) -> None:
    # The theme prints page metadata unescaped, as HTML (MkDocs' own titles are HTML): escape it here.
    page.meta.setdefault("description", str(escape(plain_text(description))))
    # The page wraps its heading in a block, where MkDocs does not look for the page title. MkDocs' titles
    # are HTML; as Markup, the theme's `| e` (the footer's link names) does not escape it a second time.
    page.meta.setdefault("title", escape(title))


MACROS = [name for name in vars(PageFragments) if not name.startswith("_")]
